import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nProvider, useI18n } from './i18n';
import { MapView } from '../map/MapView';
import type { AreaPaint } from '../map/layers/areas/AreasLayer';
import { Controls } from '../features/controls/Controls';
import { Legend } from '../features/legend/Legend';
import { AreaTable } from '../features/table/AreaTable';
import { DistrictProfile } from '../features/profile/DistrictProfile';
import { Downloads } from '../features/downloads/Downloads';
import { DemoBadge, ServicesPanel, useServices } from '../features/services/ServicesPanel';
import { ServicesLayer, SERVICE_LAYER_IDS } from '../map/layers/services/ServicesLayer';
import { useAreas } from '../data/use-areas';
import { useIndicators, useLayerValues } from '../data/use-layer-values';
import { classify, classOf } from '../lib/classify';
import { paletteFor, SUPPRESSED_COLOR } from '../lib/colors';
import { formatChange, formatValue } from '../lib/format';
import { byYear, ranks as rankOf, shownValues, yearsOf, type LayerSource } from '../lib/layer-values';
import { parseView, serializeView, type ViewState } from '../lib/url-state';

function useViewState() {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  useEffect(() => {
    const search = serializeView(view);
    if (search !== window.location.search) window.history.replaceState(null, '', search + window.location.hash);
  }, [view]);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  return [view, update] as const;
}

function Atlas({ view, update }: { view: ViewState; update: (p: Partial<ViewState>) => void }) {
  const { t, locale } = useI18n();
  const { indicators, error: indicatorsError } = useIndicators();
  const { areas, geojson, error: areasError, retry: retryAreas } = useAreas(view.level);
  const source: LayerSource = useMemo(() => ({ kind: 'indicator', indicator: view.indicator }), [view.indicator]);
  const layer = useLayerValues(source, view.level, indicators);
  const services = useServices(view.categories);

  const index = useMemo(() => byYear(layer.rows ?? []), [layer.rows]);
  const years = useMemo(() => yearsOf(layer.rows ?? []), [layer.rows]);
  const year = view.year !== null && years.includes(view.year) ? view.year : (years[years.length - 1] ?? null);
  const compareYear = view.compareYear !== null && years.includes(view.compareYear) && view.compareYear !== year ? view.compareYear : null;
  const areaIds = useMemo(() => (areas ?? []).map((a) => a.id), [areas]);
  const shown = useMemo(() => (year === null ? new Map() : shownValues(index, areaIds, year, compareYear)), [index, areaIds, year, compareYear]);
  const classification = useMemo(
    () => classify([...shown.values()].map((s) => s.value), view.method, view.classes, view.breaks),
    [shown, view.method, view.classes, view.breaks],
  );
  const meta = layer.meta;
  const palette = useMemo(() => paletteFor(classification?.upper.length ?? 1, meta?.polarity ?? 'NEUTRAL'), [classification, meta]);
  const { paint, counts, noData, suppressed } = useMemo(() => {
    const paint = new Map<number, AreaPaint>();
    const counts = palette.map(() => 0);
    let noData = 0;
    let suppressed = 0;
    for (const [id, s] of shown) {
      const cls = classification ? classOf(classification, s.value) : null;
      if (cls !== null) counts[cls]++;
      else if (s.status === 'SUPPRESSED') suppressed++;
      else noData++;
      paint.set(id, { color: cls !== null ? palette[cls] : s.status === 'SUPPRESSED' ? SUPPRESSED_COLOR : null, status: s.status });
    }
    return { paint, counts, noData, suppressed };
  }, [shown, classification, palette]);
  const ranks = useMemo(
    () => rankOf(new Map([...shown].map(([id, s]) => [id, s.value])), meta?.polarity ?? 'NEUTRAL'),
    [shown, meta],
  );

  const indicatorName = meta ? (locale === 'en' && meta.nameEn ? meta.nameEn : meta.name) : view.indicator;
  const yearLabel = compareYear !== null ? `${compareYear}–${year}` : String(year ?? '');
  const selected = areas?.find((a) => a.id === view.area) ?? null;
  const onSelect = useCallback((id: number) => update({ area: id }), [update]);
  const onCamera = useCallback((camera: [number, number, number]) => update({ camera }), [update]);
  const fmt = (v: number | null | undefined) => (compareYear !== null ? formatChange(v, meta?.unit, locale) : formatValue(v, meta?.unit, locale));

  const failed = indicatorsError || areasError || layer.error;
  return (
    <div className="layout">
      <aside className="sidebar" aria-label={t.indicator}>
        {failed && (
          <div className="error" role="alert">
            <p>{t.error}</p>
            <button type="button" onClick={() => { retryAreas(); layer.retry(); }}>{t.retry}</button>
          </div>
        )}
        {indicators ? <Controls view={view} indicators={indicators} years={years} year={year} onChange={update} /> : !failed && <p role="status">{t.loading}</p>}
        {meta && !layer.loading && (
          <Legend meta={meta} classification={classification} palette={palette} counts={counts} noData={noData} suppressed={suppressed} title={`${indicatorName} ${yearLabel}`} isChange={compareYear !== null} />
        )}
        <ServicesPanel state={services} categories={view.categories} onChange={(categories) => update({ categories })} />
        {meta && areas && year !== null && (
          <Downloads meta={meta} areas={areas} shown={shown} ranks={ranks} year={year} compareYear={compareYear} level={view.level} indicatorName={indicatorName} />
        )}
      </aside>

      <div className="map-area">
        <MapView
          geojson={geojson}
          paint={paint}
          selectedId={view.area}
          camera={view.camera}
          attribution={
            meta && (
              <>
                {meta.attribution}
                {services.enabled && services.synthetic && (
                  <>
                    {' · '}
                    {t.services}: <DemoBadge />
                  </>
                )}
              </>
            )
          }
          label={t.mapLabel(indicatorName, yearLabel)}
          onSelect={onSelect}
          onCameraChange={onCamera}
          interactiveLayerIds={services.enabled ? SERVICE_LAYER_IDS : []}
          renderTooltip={(id) => {
            const a = areas?.find((x) => x.id === id);
            const s = shown.get(id);
            return (
              <>
                <strong>{a?.name}</strong>
                <br />
                {indicatorName} {yearLabel}: {s?.value == null ? (s?.status === 'SUPPRESSED' ? t.suppressed : t.noData) : fmt(s.value)}
              </>
            );
          }}
        >
          {services.enabled && services.geojson && <ServicesLayer geojson={services.geojson} />}
        </MapView>
        {(layer.loading || !geojson) && !failed && (
          <p className="map-status" role="status">{t.loadingMap}</p>
        )}
        {selected && (
          <DistrictProfile
            key={selected.id}
            area={selected}
            level={view.level}
            current={{ meta, value: shown.get(selected.id), rank: ranks.get(selected.id) ?? null, total: ranks.size, year, compareYear }}
            onClose={() => update({ area: null })}
          />
        )}
      </div>

      <section className="table-panel" id="table" aria-label={t.table}>
        {meta && areas && year !== null ? (
          <AreaTable
            areas={areas}
            shown={shown}
            ranks={ranks}
            meta={meta}
            caption={t.tableCaption(indicatorName, yearLabel)}
            compare={compareYear !== null ? { from: compareYear, to: year } : null}
            selectedId={view.area}
            onSelect={onSelect}
            showParent={view.level === 'DISTRICT'}
          />
        ) : (
          !failed && <p role="status">{t.loading}</p>
        )}
      </section>
    </div>
  );
}

export function App() {
  const [view, update] = useViewState();
  useEffect(() => {
    document.documentElement.lang = view.lang;
  }, [view.lang]);
  return (
    <I18nProvider locale={view.lang}>
      <Header lang={view.lang} onLang={(lang) => update({ lang })} />
      <main id="main">
        <Atlas view={view} update={update} />
      </main>
    </I18nProvider>
  );
}

function Header({ lang, onLang }: { lang: 'de' | 'en'; onLang: (l: 'de' | 'en') => void }) {
  const { t } = useI18n();
  return (
    <header className="header">
      <a className="skip" href="#table">{t.skipToTable}</a>
      <div>
        <h1>{t.appTitle}</h1>
        <p className="muted small">{t.appSubtitle}</p>
      </div>
      <nav className="header-nav" aria-label="Links">
        <a href="/graphiql">{t.explorer}</a>
        <div role="group" aria-label={t.language} className="lang">
          <button type="button" aria-pressed={lang === 'de'} onClick={() => onLang('de')} lang="de">Deutsch</button>
          <button type="button" aria-pressed={lang === 'en'} onClick={() => onLang('en')} lang="en">English</button>
        </div>
      </nav>
    </header>
  );
}
