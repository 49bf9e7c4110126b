// The map's CSV downloads are the server's /export files (one writer, one layout for the map and
// for analysts: server/src/modules/exports/csv.ts); this builds the address of what the map shows.
import type { Level } from '../../lib/url-state';

export type DownloadLayer = { kind: 'indicator'; indicator: string } | { kind: 'need' } | { kind: 'gap'; category: string };

export function exportCsvUrl(layer: DownloadLayer, level: Level, year: number, compareYear: number | null, excel: boolean): string {
  const q = new URLSearchParams({ level });
  let file: string;
  if (layer.kind === 'indicator') {
    file = 'areas.csv';
    q.set('indicators', layer.indicator);
    // a comparison gives both years' values, earlier first
    q.set('years', compareYear !== null ? `${Math.min(compareYear, year)},${Math.max(compareYear, year)}` : String(year));
  } else if (layer.kind === 'need') {
    file = 'need-index.csv';
    q.set('year', String(year));
  } else {
    file = 'gaps.csv';
    q.set('category', layer.category);
    q.set('year', String(year));
    q.set('needYear', String(year));
  }
  if (excel) q.set('variant', 'excel');
  return `/export/${file}?${q.toString()}`;
}
