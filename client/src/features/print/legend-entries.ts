// The legend as a list of entries (colour or hatch, text, count), for the printed sheet and the
// image downloads; the same texts as the legend beside the map.
import type { LegendModel } from '../../app/use-map-layer';
import type { Locale } from '../../lib/format';
import { changeUnitLabel, formatBare, formatChange, unitLabel } from '../../lib/format';
import type { LayerMeta } from '../../lib/layer-values';
import { NO_DATA_COLOR } from '../../lib/colors';

export interface LegendEntry {
  /** a fill colour, or 'hatch' for suppressed / excluded */
  swatch: string;
  label: string;
  count: number;
}

export interface LegendTexts {
  noData: string;
  suppressed: string;
  excluded: string;
  change: string;
  over: string;
  upTo: string;
}

/** The unit line under the title ("%", "Veränderung, Prozentpunkte"), empty for class layers. */
export function legendUnit(legend: LegendModel, meta: LayerMeta, texts: LegendTexts, locale: Locale): string {
  if (legend.kind === 'classes') return '';
  return legend.isChange ? `${texts.change}, ${changeUnitLabel(meta.unit, locale)}` : unitLabel(meta.unit, locale);
}

export function legendEntries(legend: LegendModel, meta: LayerMeta, texts: LegendTexts, locale: Locale): LegendEntry[] {
  if (legend.kind === 'classes') {
    // most need on top, as beside the map
    const entries = legend.defs.map((d, i) => ({ swatch: d.color, label: legend.labels[i] ?? d.key, count: legend.counts[i] ?? 0 })).reverse();
    if (legend.excludedEntry) entries.push({ swatch: 'hatch', label: texts.excluded, count: legend.excluded });
    entries.push({ swatch: NO_DATA_COLOR, label: texts.noData, count: legend.noData });
    return entries;
  }
  const fmt = (v: number) => (legend.isChange ? formatChange(v, meta.unit, locale) : formatBare(v, meta.unit, locale));
  const c = legend.classification;
  const entries: LegendEntry[] = (c?.upper ?? []).map((upper, i) => {
    const lower = i === 0 ? c!.min : c!.upper[i - 1]!;
    return { swatch: legend.palette[i]!, label: i === 0 ? `${fmt(lower)} – ${fmt(upper)}` : `${texts.over} ${fmt(lower)} ${texts.upTo} ${fmt(upper)}`, count: legend.counts[i] ?? 0 };
  });
  entries.push({ swatch: NO_DATA_COLOR, label: texts.noData, count: legend.noData });
  entries.push({ swatch: 'hatch', label: texts.suppressed, count: legend.suppressed });
  return entries;
}
