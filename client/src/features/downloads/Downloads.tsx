import { useI18n } from '../../app/i18n';
import { slug, toCsv, type CsvVariant } from '../../lib/csv';
import { sourceLine } from '../../lib/format';
import type { LayerMeta, ShownValue } from '../../lib/layer-values';
import type { AreaInfo } from '../../data/use-areas';
import type { Level } from '../../lib/url-state';

interface Props {
  meta: LayerMeta;
  areas: AreaInfo[];
  shown: Map<number, ShownValue>;
  ranks: Map<number, number>;
  year: number;
  compareYear: number | null;
  level: Level;
  indicatorName: string;
}

function save(content: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads of exactly what the map shows (indicator, year or change, level), with attribution. */
export function Downloads({ meta, areas, shown, ranks, year, compareYear, level, indicatorName }: Props) {
  const { t } = useI18n();
  const period = compareYear !== null ? `${compareYear}-${year}` : String(year);
  const base = `sozialatlas-${slug(meta.key)}-${period}-${level === 'DISTRICT' ? 'ortsteile' : 'stadtbezirke'}`;

  const csv = (variant: CsvVariant) => {
    const header = ['gebiet_id', 'schluessel', 'name', 'stadtbezirk', 'indikator', 'einheit', 'jahr', ...(compareYear !== null ? ['vergleichsjahr', 'wert_vergleichsjahr', 'wert_jahr', 'veraenderung'] : ['wert']), 'status', 'rang', 'quelle'];
    const rows = areas.map((a) => {
      const s = shown.get(a.id);
      const values = compareYear !== null ? [compareYear, s?.from ?? null, s?.to ?? null, s?.value ?? null] : [s?.value ?? null];
      return [a.id, a.code, a.name, a.parent?.name ?? '', meta.key, meta.unit, year, ...values, s?.status ?? 'MISSING', ranks.get(a.id) ?? null, meta.attribution];
    });
    save(toCsv(header, rows, variant), `${base}${variant === 'excel' ? '-excel' : ''}.csv`, 'text/csv;charset=utf-8');
  };

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
          properties: { id: a.id, code: a.code, name: a.name, parent: a.parent?.name ?? null, value: s?.value ?? null, status: s?.status ?? 'MISSING', rank: ranks.get(a.id) ?? null, ...(compareYear !== null ? { valueFrom: s?.from ?? null, valueTo: s?.to ?? null } : {}) },
        };
      }),
    };
    save(JSON.stringify(fc), `${base}.geojson`, 'application/geo+json');
  };

  return (
    <section className="downloads" aria-labelledby="dl-title">
      <h2 id="dl-title">{t.downloads}</h2>
      <div className="button-row">
        <button type="button" onClick={() => csv('standard')} data-download="csv">{t.csv}</button>
        <button type="button" onClick={() => csv('excel')} data-download="excel">{t.csvExcel}</button>
        <button type="button" onClick={geojson} data-download="geojson">{t.geojson}</button>
      </div>
      <p className="muted small">{sourceLine(meta.attribution, t.source)}</p>
    </section>
  );
}
