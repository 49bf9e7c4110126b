import type { PrismaClient } from '@sozialatlas/db';
import { databaseErrorHandler, databaseFailure } from '../../http/database-errors';
import { graphql } from 'graphql';
import { code, toCsv, type Cell } from './csv';
import express, { type Request, type Response, type Router } from 'express';
import { InputError } from '../../input-error';
import { cityParam } from '../cities/city.params';
import { anonymousCaller, type Caller } from '../auth/caller';
import { present } from '../indicators/indicator.sql';
import { MAX_YEAR, MIN_YEAR } from '../common/years';
import { createContext } from '../../context';
import { getSchema } from '../../schema';
import { DEFAULT_NEED_KEYS } from '../analysis/analysis.data';
import { areasForExport, attributionsFor, indicatorSources, servicesForExport, valuesForExport } from './export.sql';

/**
 * Downloads for analysts and GIS (documented in docs/api.md):
 *   /export/areas.geojson|csv?level=DISTRICT&indicators=sgb2_rate,population&years=2021,2022[&simplify=20][&variant=excel]
 *   /export/services.geojson|csv?categories=day_care,counselling[&status=ACTIVE][&variant=excel]
 *   /export/need-index.csv?level=DISTRICT&year=2022[&variant=excel]
 *   /export/gaps.csv?category=youth_club&year=2023[&needYear=2022][&level=DISTRICT][&variant=excel]
 * The map's downloads are these files (one layout for the map and for analysts).
 * Suppressed values are empty (status column says SUPPRESSED; the _missing_reason column says
 * whether primary or secondary suppression), as in the API. Every file names its
 * sources: GeoJSON in top-level `attribution`/`licence` members, CSV in a `quelle` column.
 * `variant=excel` writes for German Excel: `;` separator, decimal comma, UTF-8 BOM, codes as text.
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

function sendCsv(res: Response, filename: string, header: string[], rows: Cell[][], excel: boolean) {
  res.type('text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(toCsv(header, rows, excel));
}

/** Synthetic sources say so, once ("Demo-Daten (synthetisch): …" unless the attribution starts with it). */
function labelled(source: { synthetic: boolean; attribution: string }): string {
  return source.synthetic && !source.attribution.startsWith('Demo-Daten') ? `Demo-Daten (synthetisch): ${source.attribution}` : source.attribution;
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

  const scope = await cityParam(prisma, req);
  const areas = await areasForExport(prisma, level, format === 'geojson' ? simplify : 0, scope);
  const values = present(await valuesForExport(prisma, level, indicatorKeys, yearList, scope), caller);
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
      code(area.code),
      area.name,
      area.level,
      code(area.parentCode),
      ...columns.flatMap((c) => [
        values?.get(c)?.value ?? null,
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
  const rows = await servicesForExport(prisma, { categoryKeys: list(req, 'categories'), statuses, scope: await cityParam(prisma, req) }, caller);
  const sources = await attributionsFor(prisma, [...new Set(rows.map((r) => r.sourceKey).filter((k): k is string => k !== null))]);
  const attributionOf = new Map(sources.map((s) => [s.key, labelled(s)]));

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
    r.id, r.name, r.category, r.provider, r.providerKind, r.capacity, r.capacityUnit, r.status, r.street, r.houseNumber,
    code(r.postalCode), r.city, code(r.areaCode), r.areaName, r.lon, r.lat, r.synthetic ? 'ja' : 'nein',
    r.sourceKey ? attributionOf.get(r.sourceKey) ?? '' : '',
  ]), excel);
}

interface AnalysisRow {
  area: { code: string; name: string; level: string; parent: { code: string } | null } | null;
  value: number | null;
  classKey: string | null;
  rank?: number | null;
  reason: string | null;
}

/** Runs an analysis through the GraphQL schema (its defaults and input checks); its InputError stays a 400. */
async function analysis<T>(prisma: PrismaClient, caller: Caller, source: string, variables: Record<string, unknown>): Promise<T> {
  const result = await graphql({ schema: await getSchema(), source, variableValues: variables, contextValue: createContext(prisma, caller) });
  const error = result.errors?.[0];
  if (error) throw error.originalError instanceof InputError ? error.originalError : (error.originalError ?? error);
  return result.data as T;
}

/** One row per area: the figure, its class (key and German name, as on the map), rank and why it is missing. */
async function sendAnalysisCsv(prisma: PrismaClient, caller: Caller, res: Response, options: {
  filename: string; column: string; rows: AnalysisRow[]; classes: { key: string; de: string }[]; indicatorKeys: string[]; serviceSourceKeys?: string[]; excel: boolean; rank: boolean;
}) {
  const { column, excel } = options;
  const names = new Map(options.classes.map((c) => [c.key, c.de]));
  const indicators = await indicatorSources(prisma, options.indicatorKeys);
  const sourceKeys = [...new Set([...indicators.map((i) => i.sourceKey), ...(options.serviceSourceKeys ?? [])])];
  const attribution = (await attributionsFor(prisma, sourceKeys)).map(labelled).join(' | ');
  const header = ['code', 'name', 'level', 'parent_code', column, `${column}_class`, `${column}_class_name`, ...(options.rank ? [`${column}_rank`] : []), `${column}_missing_reason`, 'quelle'];
  const rows = options.rows.filter((r) => r.area).map((r) => [
    code(r.area!.code), r.area!.name, r.area!.level, code(r.area!.parent?.code), r.value, r.classKey, r.classKey ? names.get(r.classKey) ?? r.classKey : null,
    ...(options.rank ? [r.rank ?? null] : []), r.reason, attribution,
  ]);
  sendCsv(res, `${options.filename}${excel ? '-excel' : ''}.csv`, header, rows, excel);
}

function level(req: Request): string {
  const value = String(req.query.level ?? 'DISTRICT');
  if (!LEVELS.has(value)) throw InputError.of(`level must be one of ${[...LEVELS].join(', ')}`, 'level');
  return value;
}

function year(req: Request, name: string, fallback?: number): number {
  if (req.query[name] === undefined && fallback !== undefined) return fallback;
  const value = Number(req.query[name]);
  if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) throw InputError.of(`${name} must be a year between ${MIN_YEAR} and ${MAX_YEAR}`, name);
  return value;
}

const AREA = 'area { code name level parent { code } }';

async function exportNeedIndex(prisma: PrismaClient, caller: Caller, req: Request, res: Response) {
  const vars = { level: level(req), year: year(req, 'year') };
  const { needIndex } = await analysis<{ needIndex: { statusClasses: { key: string; de: string }[]; areas: (Omit<AnalysisRow, 'value' | 'classKey'> & { statusZ: number | null; statusClass: string | null })[] } }>(
    prisma, caller, `query($level: AreaLevel!, $year: Int!) { needIndex(level: $level, year: $year) { statusClasses { key de } areas { ${AREA} statusZ statusClass rank reason } } }`, vars);
  await sendAnalysisCsv(prisma, caller, res, {
    filename: `sozialatlas-bedarfsindex-${vars.year}-${vars.level.toLowerCase()}`, column: `need_index_${vars.year}`, excel: req.query.variant === 'excel', rank: true,
    rows: needIndex.areas.map((a) => ({ ...a, value: a.statusZ, classKey: a.statusClass })), classes: needIndex.statusClasses, indicatorKeys: [...DEFAULT_NEED_KEYS],
  });
}

async function exportGaps(prisma: PrismaClient, caller: Caller, req: Request, res: Response) {
  const category = String(req.query.category ?? '');
  if (!/^[a-z0-9_]{1,64}$/.test(category)) throw InputError.of('category must be a category key, e.g. category=youth_club', 'category');
  const gapYear = year(req, 'year');
  const vars = { category, level: level(req), year: gapYear, needYear: year(req, 'needYear', gapYear) };
  const { gaps } = await analysis<{ gaps: { classes: { key: string; de: string }[]; rows: (Omit<AnalysisRow, 'value' | 'classKey'> & { score: number | null; gapClass: string | null })[] } }>(
    prisma, caller, `query($category: String!, $level: AreaLevel!, $year: Int!, $needYear: Int!) { gaps(category: $category, level: $level, year: $year, needYear: $needYear) { classes { key de } rows { ${AREA} score gapClass reason } } }`, vars);
  await sendAnalysisCsv(prisma, caller, res, {
    filename: `sozialatlas-luecken-${category}-${gapYear}-${vars.level.toLowerCase()}`, column: `gap_${category}_${gapYear}`, excel: req.query.variant === 'excel', rank: false,
    rows: gaps.rows.map((r) => ({ ...r, value: r.score, classKey: r.gapClass })), classes: gaps.classes, indicatorKeys: [...DEFAULT_NEED_KEYS],
    // the supply side: the sources of the category's services (demo data says so)
    serviceSourceKeys: (await servicesForExport(prisma, { categoryKeys: [category] }, caller)).map((r) => r.sourceKey).filter((k): k is string => k !== null),
  });
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
  router.get('/need-index.csv', handle((p, c, req, res) => exportNeedIndex(p, c, req, res), 'csv'));
  router.get('/gaps.csv', handle((p, c, req, res) => exportGaps(p, c, req, res), 'csv'));
  return router;
}
