import type { PrismaClient } from '@sozialatlas/db';
import { databaseErrorHandler, databaseFailure } from '../../http/database-errors';
import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from './csv-safety';
import express, { type Request, type Response, type Router } from 'express';
import { InputError } from '../../input-error';
import { anonymousCaller, type Caller } from '../auth/caller';
import { present } from '../indicators/indicator.sql';
import { MAX_YEAR, MIN_YEAR } from '../common/years';
import { areasForExport, attributionsFor, indicatorSources, servicesForExport, valuesForExport } from './export.sql';

/**
 * Downloads for analysts and GIS (documented in docs/api.md):
 *   /export/areas.geojson|csv?level=DISTRICT&indicators=sgb2_rate,population&years=2021,2022[&simplify=20][&variant=excel]
 *   /export/services.geojson|csv?categories=day_care,counselling[&status=ACTIVE][&variant=excel]
 * Suppressed values are empty (status column says SUPPRESSED; the _missing_reason column says
 * whether primary or secondary suppression), as in the API. Every file names its
 * sources: GeoJSON in top-level `attribution`/`licence` members, CSV in a `quelle` column.
 * `variant=excel` writes for German Excel: `;` separator, decimal comma, UTF-8 BOM.
 */

const LEVELS = new Set(['CITY', 'BOROUGH', 'DISTRICT', 'PLANNING_AREA']);
const STATUSES = new Set(['PLANNED', 'ACTIVE', 'CLOSED']);

function list(req: Request, name: string): string[] {
  const raw = req.query[name];
  if (raw === undefined) return [];
  if (typeof raw !== 'string') throw InputError.of(`${name} must be a comma-separated list`, name);
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function years(req: Request): number[] {
  const values = list(req, 'years').map(Number);
  if (values.length === 0) throw InputError.of('years is required, e.g. years=2021,2022', 'years');
  if (values.length > 30 || values.some((y) => !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR)) {
    throw InputError.of(`years must be up to 30 years between ${MIN_YEAR} and ${MAX_YEAR}`, 'years');
  }
  return values;
}

function formatNumber(value: number | null, excel: boolean): string {
  if (value === null || value === undefined) return '';
  return excel ? String(value).replace('.', ',') : String(value);
}

function sendCsv(res: Response, filename: string, header: string[], rows: (string | number | null)[][], excel: boolean) {
  const safe = [header, ...rows].map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell)));
  const csv = stringify(safe, { delimiter: excel ? ';' : ',', record_delimiter: excel ? 'windows' : 'unix' });
  res.type('text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(excel ? `\uFEFF${csv}` : csv);
}

function sendGeoJson(res: Response, filename: string, body: object) {
  res.type('application/geo+json; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(JSON.stringify(body));
}

async function exportAreas(prisma: PrismaClient, caller: Caller, req: Request, res: Response, format: 'csv' | 'geojson') {
  const level = String(req.query.level ?? 'DISTRICT');
  if (!LEVELS.has(level)) throw InputError.of(`level must be one of ${[...LEVELS].join(', ')}`, 'level');
  const indicatorKeys = list(req, 'indicators');
  if (indicatorKeys.length === 0 || indicatorKeys.length > 20) {
    throw InputError.of('indicators must name 1–20 indicator keys, e.g. indicators=sgb2_rate', 'indicators');
  }
  const yearList = years(req);
  const simplify = req.query.simplify === undefined ? 0 : Number(req.query.simplify);
  if (!(simplify >= 0 && simplify <= 5000)) throw InputError.of('simplify must be 0–5000 metres', 'simplify');
  const excel = req.query.variant === 'excel';

  const indicators = await indicatorSources(prisma, indicatorKeys);
  const unknown = indicatorKeys.filter((key) => !indicators.some((i) => i.key === key));
  if (unknown.length) throw InputError.of(`unknown indicator: ${unknown.join(', ')}`, 'indicators');

  const areas = await areasForExport(prisma, level, format === 'geojson' ? simplify : 0);
  const values = present(await valuesForExport(prisma, level, indicatorKeys, yearList), caller);
  const byArea = new Map<number, Map<string, { value: number | null; status: string; missingReason: string | null }>>();
  for (const v of values) {
    const map = byArea.get(v.areaId) ?? new Map();
    map.set(`${v.indicatorKey}_${v.year}`, { value: v.value, status: v.status, missingReason: v.missingReason });
    byArea.set(v.areaId, map);
  }
  const sources = await attributionsFor(prisma, [...new Set(indicators.map((i) => i.sourceKey))]);
  const attribution = sources.map((s) => s.attribution).join(' | ');
  const columns = indicatorKeys.flatMap((key) => yearList.map((year) => `${key}_${year}`));
  const base = `sozialatlas-${level.toLowerCase()}-${indicatorKeys.join('-')}`;

  if (format === 'geojson') {
    sendGeoJson(res, `${base}.geojson`, {
      type: 'FeatureCollection',
      attribution,
      licence: [...new Set(sources.map((s) => s.licence))].join(' | '),
      indicators: indicators.map((i) => ({ key: i.key, name: i.name, unit: i.unit, aggregation: i.aggregation, denominator_proxy: i.denominatorProxy })),
      features: areas.map((area) => {
        const values = byArea.get(area.id);
        const properties: Record<string, unknown> = { code: area.code, name: area.name, level: area.level, parent_code: area.parentCode, area_km2: area.areaKm2 };
        for (const column of columns) {
          properties[column] = values?.get(column)?.value ?? null;
          properties[`${column}_status`] = values?.get(column)?.status ?? 'MISSING';
          properties[`${column}_missing_reason`] = values?.get(column)?.missingReason ?? (values?.get(column) ? null : 'NOT_PUBLISHED');
        }
        return { type: 'Feature', id: area.code, geometry: area.geojson ? JSON.parse(area.geojson) : null, properties };
      }),
    });
    return;
  }
  // Derived values weighted by a stand-in denominator are approximations: said in every such row.
  const proxies = level === 'DISTRICT' ? [] : indicators.filter((i) => i.denominatorProxy).map((i) => i.key);
  const note = proxies.length ? `Näherung (Nenner ersatzweise Einwohner insgesamt): ${proxies.join(', ')}` : '';
  const header = ['code', 'name', 'level', 'parent_code', ...columns.flatMap((c) => [c, `${c}_status`, `${c}_missing_reason`]), 'hinweis', 'quelle'];
  const rows = areas.map((area) => {
    const values = byArea.get(area.id);
    return [
      area.code,
      area.name,
      area.level,
      area.parentCode,
      ...columns.flatMap((c) => [
        formatNumber(values?.get(c)?.value ?? null, excel),
        values?.get(c)?.status ?? 'MISSING',
        values?.get(c) ? values.get(c)!.missingReason ?? '' : 'NOT_PUBLISHED',
      ]),
      note,
      attribution,
    ];
  });
  sendCsv(res, `${base}${excel ? '-excel' : ''}.csv`, header, rows, excel);
}

async function exportServices(prisma: PrismaClient, caller: Caller, req: Request, res: Response, format: 'csv' | 'geojson') {
  const statuses = list(req, 'status');
  const invalid = statuses.filter((s) => !STATUSES.has(s));
  if (invalid.length) throw InputError.of(`status must be among ${[...STATUSES].join(', ')}`, 'status');
  const excel = req.query.variant === 'excel';
  const rows = await servicesForExport(prisma, { categoryKeys: list(req, 'categories'), statuses }, caller);
  const sources = await attributionsFor(prisma, [...new Set(rows.map((r) => r.sourceKey).filter((k): k is string => k !== null))]);
  // synthetic sources whose attribution already says so are not labelled twice
  const attributionOf = new Map(sources.map((s) => [s.key, s.synthetic && !s.attribution.startsWith('Demo-Daten') ? `Demo-Daten (synthetisch): ${s.attribution}` : s.attribution]));

  if (format === 'geojson') {
    sendGeoJson(res, 'sozialatlas-angebote.geojson', {
      type: 'FeatureCollection',
      attribution: sources.map((s) => s.attribution).join(' | '),
      licence: [...new Set(sources.map((s) => s.licence))].join(' | '),
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.id,
        geometry: r.lon === null || r.lat === null ? null : { type: 'Point', coordinates: [r.lon, r.lat] },
        properties: {
          name: r.name, category: r.category, category_name: r.categoryName, provider: r.provider, provider_kind: r.providerKind,
          capacity: r.capacity, capacity_unit: r.capacityUnit, status: r.status,
          address: [r.street, r.houseNumber].filter(Boolean).join(' ') || null, postal_code: r.postalCode, city: r.city,
          area_code: r.areaCode, area_name: r.areaName, demo_data: r.synthetic,
        },
      })),
    });
    return;
  }
  const header = ['id', 'name', 'category', 'provider', 'provider_kind', 'capacity', 'capacity_unit', 'status', 'street', 'house_number',
    'postal_code', 'city', 'area_code', 'area_name', 'lon', 'lat', 'demo_data', 'quelle'];
  sendCsv(res, `sozialatlas-angebote${excel ? '-excel' : ''}.csv`, header, rows.map((r) => [
    r.id, r.name, r.category, r.provider, r.providerKind, formatNumber(r.capacity, excel), r.capacityUnit, r.status, r.street, r.houseNumber,
    r.postalCode, r.city, r.areaCode, r.areaName, formatNumber(r.lon, excel), formatNumber(r.lat, excel), r.synthetic ? 'ja' : 'nein',
    r.sourceKey ? attributionOf.get(r.sourceKey) ?? '' : '',
  ]), excel);
}

export function exportRouter(prisma: PrismaClient, callerOf: (req: Request) => Caller = () => anonymousCaller): Router {
  const router = express.Router();
  const handle = (fn: typeof exportAreas, format: 'csv' | 'geojson') => async (req: Request, res: Response) => {
    try {
      await fn(prisma, callerOf(req), req, res, format);
    } catch (error) {
      if (error instanceof InputError) {
        res.status(400).json({ error: error.message, parameter: error.field, problems: error.problems });
        return;
      }
      if (databaseFailure(error)) return databaseErrorHandler(error, req, res, () => {});
      req.log?.error({ err: error }, 'export failed');
      res.status(500).json({ error: 'Export failed' });
    }
  };
  router.get('/areas.geojson', handle(exportAreas, 'geojson'));
  router.get('/areas.csv', handle(exportAreas, 'csv'));
  router.get('/services.geojson', handle(exportServices, 'geojson'));
  router.get('/services.csv', handle(exportServices, 'csv'));
  return router;
}
