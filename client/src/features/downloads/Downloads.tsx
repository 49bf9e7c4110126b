import { useI18n } from '../../app/i18n';
import { exportCsvUrl, type DownloadLayer } from './export-url';
import { sourceLine } from '../../lib/format';
import type { LayerMeta, ShownValue } from '../../lib/layer-values';
import type { AreaInfo } from '../../data/use-areas';
import type { Level } from '../../lib/url-state';
import { downloadBlob, downloadHref } from '../../lib/download';

interface Props {
  meta: LayerMeta;
  areas: AreaInfo[];
  shown: Map<number, ShownValue>;
  ranks: Map<number, number>;
  year: number;
  compareYear: number | null;
  level: Level;
  indicatorName: string;
  /** what colours the map: its CSV is the matching /export file */
  layer: DownloadLayer;
  /** need index and gaps: the class name of each area, as the map shows it */
  classLabels?: Map<number, string> | null;
}

/** A safe file name part: "Grünau-Mitte" → "gruenau-mitte". */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}


const save = (content: string, filename: string, type: string) => downloadBlob(new Blob([content], { type }), filename);

/** Downloads of exactly what the map shows (indicator, year or change, level), with attribution. */
export function Downloads({ meta, areas, shown, ranks, year, compareYear, level, indicatorName, layer, classLabels = null }: Props) {
  const { t } = useI18n();
  const period = compareYear !== null ? `${compareYear}-${year}` : String(year);
  const base = `sozialatlas-${slug(meta.key)}-${period}-${level === 'DISTRICT' ? 'ortsteile' : 'stadtbezirke'}`;

  // the server names the file (Content-Disposition)
  const csv = (excel: boolean) => downloadHref(exportCsvUrl(layer, level, year, compareYear, excel));

  const geojson = () => {
    const fc = {
      type: 'FeatureCollection',
      name: `${indicatorName} ${period}`,
      attribution: meta.attribution,
      indicator: { key: meta.key, name: meta.name, unit: meta.unit, polarity: meta.polarity, year, compareYear },
      features: areas.map((a) => {
        const s = shown.get(a.id);
        return {
          type: 'Feature',
          geometry: a.geometry,
          properties: { id: a.id, code: a.code, name: a.name, parent: a.parent?.name ?? null, value: s?.value ?? null, status: s?.status ?? 'MISSING', rank: ranks.get(a.id) ?? null, ...(classLabels ? { class: classLabels.get(a.id) ?? null } : {}), ...(compareYear !== null ? { valueFrom: s?.from ?? null, valueTo: s?.to ?? null } : {}) },
        };
      }),
    };
    save(JSON.stringify(fc), `${base}.geojson`, 'application/geo+json');
  };

  return (
    <section className="downloads" aria-labelledby="dl-title">
      <h2 id="dl-title">{t.downloads}</h2>
      <div className="button-row">
        <button type="button" onClick={() => csv(false)} data-download="csv">{t.csv}</button>
        <button type="button" onClick={() => csv(true)} data-download="excel">{t.csvExcel}</button>
        <button type="button" onClick={geojson} data-download="geojson">{t.geojson}</button>
      </div>
      <p className="muted small">{sourceLine(meta.attribution, t.source)}</p>
    </section>
  );
}
