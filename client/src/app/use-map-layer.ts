// Everything the map, legend, table and downloads need for the current view, whatever colours
// the areas (indicator, need index or gap): shared by the atlas and the embeddable view.
import { useMemo } from 'react';
import { useI18n } from './i18n';
import type { AreaPaint } from '../map/layers/areas/AreasLayer';
import { useAreas } from '../data/use-areas';
import { useIndicators, useLayerValues } from '../data/use-layer-values';
import { gapRows, needRows, useCategories, useGaps, useNeedIndex, useNeedYears } from '../data/analysis';
import { classify, classOf, type Classification } from '../lib/classify';
import { paletteFor, SUPPRESSED_COLOR } from '../lib/colors';
import { classLayer, classNames, GAP_CLASSES, NEED_CLASSES, withScenario, type ClassDef, type ClassRow, type ScenarioChange } from '../lib/categorical';
import { byYear, comparePeriod, ranks as rankOf, shownValues, yearsOf, type LayerMeta, type LayerSource, type ShownValue } from '../lib/layer-values';
import type { ViewState } from '../lib/url-state';
import { localName } from '../lib/format';

export type LegendModel =
  | { kind: 'numeric'; classification: Classification | null; palette: string[]; counts: number[]; noData: number; suppressed: number; isChange: boolean }
  | { kind: 'classes'; defs: ClassDef[]; labels: string[]; counts: number[]; excluded: number; noData: number; note: string; method: string | null; excludedEntry: boolean };

/** `scenarioFor(year)`: the gap classes a computed scenario gives for that year, if any. */
export function useMapLayer(view: ViewState, scenarioFor: ((year: number | null) => ScenarioChange[] | null) | null = null) {
  const { t, locale } = useI18n();
  const { indicators, error: indicatorsError } = useIndicators();
  const { areas, geojson, labels, loadedCity, error: areasError, retry: retryAreas } = useAreas(view.level, view.city);
  const kind = view.layer;
  const source: LayerSource = useMemo(
    () => (kind === 'indicator' ? { kind: 'indicator', indicator: view.indicator } : kind === 'need' ? { kind: 'needIndex' } : { kind: 'gap', category: view.gapCategory }),
    [kind, view.indicator, view.gapCategory],
  );
  // values are fetched for indicator sources only; need index and gaps come classified below
  const layer = useLayerValues(source, view.level, indicators, view.city);
  const needYears = useNeedYears(view.city);
  const categories = useCategories();

  const index = useMemo(() => byYear(layer.rows ?? []), [layer.rows]);
  const indicatorYears = useMemo(() => yearsOf(layer.rows ?? []), [layer.rows]);
  const years = kind === 'indicator' ? indicatorYears : (needYears ?? []);
  const year = view.year !== null && years.includes(view.year) ? view.year : (years[years.length - 1] ?? null);
  const compareYear = kind === 'indicator' && view.compareYear !== null && years.includes(view.compareYear) && view.compareYear !== year ? view.compareYear : null;
  const period = comparePeriod(year, compareYear);

  const need = useNeedIndex(view.level, year, kind !== 'need', view.city);
  const gaps = useGaps(view.gapCategory, view.level, year, kind !== 'gap', view.city);
  const areaIds = useMemo(() => (areas ?? []).map((a) => a.id), [areas]);

  // ---- indicator: classes computed here ----
  const shownIndicator = useMemo(
    () => (kind !== 'indicator' || year === null ? new Map<number, ShownValue>() : period ? shownValues(index, areaIds, period.to, period.from) : shownValues(index, areaIds, year, null)),
    [kind, index, areaIds, year, period?.from, period?.to],
  );
  const classification = useMemo(
    () => (kind === 'indicator' ? classify([...shownIndicator.values()].map((s) => s.value), view.method, view.classes, view.breaks) : null),
    [kind, shownIndicator, view.method, view.classes, view.breaks],
  );
  const palette = useMemo(() => paletteFor(classification?.upper.length ?? 1, layer.meta?.polarity ?? 'NEUTRAL'), [classification, layer.meta]);

  // ---- need index / gaps: classes from the API ----
  const scenario = useMemo(() => (kind === 'gap' && scenarioFor ? scenarioFor(year) : null), [kind, scenarioFor, year]);
  const names = useMemo(() => classNames(kind === 'gap' ? gaps.data?.classes : kind === 'need' ? need.data?.statusClasses : null, locale), [kind, gaps.data, need.data, locale]);
  const classRows = useMemo<ClassRow[] | null>(() => {
    if (kind === 'need') return need.data ? needRows(need.data.areas, locale) : null;
    if (kind === 'gap') {
      if (!gaps.data) return null;
      const rows = gapRows(gaps.data.rows, locale);
      return scenario?.length ? withScenario(rows, scenario, names) : rows;
    }
    return null;
  }, [kind, need.data, gaps.data, locale, scenario, names]);
  const defs = kind === 'gap' ? GAP_CLASSES : NEED_CLASSES;
  const classes = useMemo(() => (classRows ? classLayer(classRows, defs, areaIds, names) : null), [classRows, defs, areaIds, names]);

  const category = categories?.find((c) => c.key === view.gapCategory);
  const categoryName = category ? localName(category, locale) : view.gapCategory;
  const sgb2 = indicators?.find((i) => i.key === 'sgb2_rate');

  const meta = useMemo<LayerMeta | null>(() => {
    if (kind === 'indicator') return layer.meta;
    if (!sgb2) return null;
    const name = kind === 'need' ? t.needTitle : t.gapTitle(categoryName);
    return {
      key: kind === 'need' ? 'need_index' : `gap_${view.gapCategory}`,
      name,
      nameEn: null,
      unit: 'RATIO',
      polarity: 'HIGHER_IS_WORSE',
      description: '',
      attribution: sgb2.source.attribution,
      synthetic: kind === 'gap',
    };
  }, [kind, layer.meta, sgb2, t, categoryName, view.gapCategory]);

  const shown = useMemo(() => {
    if (kind === 'indicator') return shownIndicator;
    const out = new Map<number, ShownValue>();
    for (const id of areaIds) {
      const r = classRows?.find((x) => x.areaId === id);
      out.set(id, r?.value != null ? { value: r.value, status: 'REGULAR' } : { value: null, status: 'MISSING' });
    }
    return out;
  }, [kind, shownIndicator, classRows, areaIds]);

  const { paint, legend } = useMemo(() => {
    if (kind !== 'indicator') {
      const paint = (classes?.paint ?? new Map()) as Map<number, AreaPaint>;
      const method = kind === 'need' ? need.data?.method : gaps.data?.method;
      const legend: LegendModel | null = classes
        ? { kind: 'classes', defs, labels: classes.labels, counts: classes.counts, excluded: classes.excluded, noData: classes.noData, note: kind === 'need' ? t.needDarker : t.gapDarker, method: method ? (locale === 'en' ? method.en : method.de) : null, excludedEntry: kind === 'need' }
        : null;
      return { paint, legend };
    }
    const paint = new Map<number, AreaPaint>();
    const counts = palette.map(() => 0);
    let noData = 0;
    let suppressed = 0;
    for (const [id, s] of shownIndicator) {
      const cls = classification ? classOf(classification, s.value) : null;
      if (cls !== null) counts[cls]++;
      else if (s.status === 'SUPPRESSED') suppressed++;
      else noData++;
      paint.set(id, { color: cls !== null ? palette[cls] : s.status === 'SUPPRESSED' ? SUPPRESSED_COLOR : null, status: s.status });
    }
    const legend: LegendModel = { kind: 'numeric', classification, palette, counts, noData, suppressed, isChange: compareYear !== null };
    return { paint, legend };
  }, [kind, classes, defs, need.data, gaps.data, t, locale, shownIndicator, classification, palette, compareYear]);

  const ranks = useMemo(() => {
    if (kind === 'need') return new Map((classRows ?? []).filter((r) => r.rank !== null).map((r) => [r.areaId, r.rank!]));
    return rankOf(new Map([...shown].map(([id, s]) => [id, s.value])), meta?.polarity ?? 'NEUTRAL');
  }, [kind, classRows, shown, meta]);

  const classLabels = useMemo(
    () => (classRows ? new Map(classRows.map((r) => [r.areaId, r.classKey ? (names.get(r.classKey) ?? r.classKey) : r.excluded ? t.excluded : t.noData])) : null),
    [classRows, names, t],
  );

  const title = kind === 'indicator' ? (meta ? localName(meta, locale) : view.indicator) : (meta?.name ?? '');
  const yearLabel = period ? `${period.from}–${period.to}` : String(year ?? '');
  const analysis = kind === 'need' ? need : kind === 'gap' ? gaps : null;
  const loading = kind === 'indicator' ? layer.loading : !classRows && !analysis?.error;
  const failed = !!(indicatorsError || areasError || (kind === 'indicator' ? layer.error : analysis?.error));

  return {
    areas,
    /** the city the areas on hand belong to (undefined while none have loaded) */
    loadedCity,
    geojson,
    labels,
    indicators,
    categories,
    meta,
    years,
    year,
    /** the latest year the need index has (for the profile in indicator mode) */
    lastNeedYear: needYears?.[needYears.length - 1] ?? null,
    compareYear,
    /** the compared period, earlier to later (null without a comparison) */
    period,
    shown,
    ranks,
    paint,
    legend,
    classLabels,
    /** short names of the need or gap classes, from the API */
    classNames: names,
    title,
    yearLabel,
    loading,
    loadingText: kind === 'gap' ? t.computingGaps : t.loadingMap,
    failed,
    retry: () => {
      retryAreas();
      if (kind === 'indicator') layer.retry();
      else analysis?.retry();
    },
  };
}

export type MapLayerState = ReturnType<typeof useMapLayer>;
