import type { PrismaClient } from '@sozialatlas/db';
import { cityParam } from '../cities/city.params';
import { databaseErrorHandler, databaseFailure } from '../../http/database-errors';
import express, { type Request, type Response, type Router } from 'express';
import { InputError } from '../../input-error';
import { anonymousCaller, type Caller } from '../auth/caller';
import { findPlaces, PLACE_SCHEMA, placeExtent, placeSourceKeys, type PlaceCollectionId } from '../places/places.ogc';
import { openApi } from './ogc.openapi';
import {
  bboxOf, checkCrs, checkFormat, CRS84, dateRangeOf, indicatorKeysOf, limitOf, list, offsetOf, yearsOf,
  type DateRange,
} from './ogc.params';
import {
  areaExtent, areaSourceKeys, countAreas, countServices, findAreas, findServices, indicatorCatalogue, indicatorsByKey,
  latestYears, serviceExtent, serviceSourceKeys, sourcesByKey, valuesFor, type OgcIndicator, type OgcServiceRow,
} from './ogc.sql';

/**
 * OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0), read-only, at /ogc:
 *   /ogc                                          landing page
 *   /ogc/conformance                              conformance classes
 *   /ogc/api                                      OpenAPI 3.0 definition
 *   /ogc/collections                              districts, boroughs, city, services
 *   /ogc/collections/{id}                         one collection (extent, CRS84, attribution)
 *   /ogc/collections/{id}/schema                  JSON Schema of the features' properties
 *   /ogc/collections/{id}/items                   features: bbox, limit/offset, datetime|year, indicators (areas), category/status (services)
 *   /ogc/collections/{id}/items/{featureId}       one feature
 * Suppressed values (Geheimhaltung) are null with status SUPPRESSED, as everywhere in the API.
 * Documented in docs/embedding.md.
 */

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

const JSON_TYPE = 'application/json';
const GEOJSON_TYPE = 'application/geo+json';
const SCHEMA_TYPE = 'application/schema+json';
const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
const TRS = 'http://www.opengis.net/def/uri/ISO-8601/0/Gregorian';

interface AreaCollection {
  kind: 'area';
  id: string;
  level: string;
  title: string;
  description: string;
}
interface ServiceCollection {
  kind: 'service';
  id: 'services';
  title: string;
  description: string;
}
interface PlaceCollection {
  kind: 'place';
  id: PlaceCollectionId;
  title: string;
  description: string;
}
type Collection = AreaCollection | ServiceCollection | PlaceCollection;

const AREA_PARAMS = ['indicators', 'datetime', 'year', 'city', 'stadt'];
const SERVICE_PARAMS = ['category', 'status', 'datetime', 'year', 'city', 'stadt'];

export const COLLECTIONS: Collection[] = [
  {
    kind: 'area', id: 'districts', level: 'DISTRICT', title: 'Ortsteile',
    description: 'Ortsteile (districts) with indicator values as properties: choose them with indicators=sgb2_rate,population and the year with datetime=2022 (default: population, latest year).',
  },
  {
    kind: 'area', id: 'boroughs', level: 'BOROUGH', title: 'Stadtbezirke',
    description: 'Stadtbezirke (boroughs) with indicator values as properties (derived from the Ortsteile by each indicator’s aggregation rule).',
  },
  {
    kind: 'area', id: 'city', level: 'CITY', title: 'Stadt',
    description: 'The city as a whole with indicator values as properties.',
  },
  {
    kind: 'service', id: 'services', title: 'Angebote',
    description: 'Social services (Angebote), one point per service and location, with category, provider, capacity and status. Filters: category=day_care,counselling, status=ACTIVE, datetime (services running then).',
  },
  {
    kind: 'place', id: 'transit-stops', title: 'Haltestellen',
    description: 'Tram, bus and train stops (OpenStreetMap, 2021–2024), an orientation layer; © OpenStreetMap contributors (ODbL 1.0).',
  },
  {
    kind: 'place', id: 'social-buildings', title: 'Soziale Orte (OSM-Gebäude, Schulen)',
    description: 'Social places, an orientation layer, not services: OSM buildings tagged as social places (social_facility, community_centre, nursing_home, kindergarten, …; mostly 2020; © OpenStreetMap contributors, ODbL 1.0) and a city\'s own layers such as Chemnitz\'s schools (amenity=school; Stadt Chemnitz, dl-de/by-2.0). Each feature names its source; city=chemnitz for one city.',
  },
];

const SERVICE_STATUSES = new Set(['PLANNED', 'ACTIVE', 'CLOSED']);

class NotFound extends Error {}

// ---------------------------------------------------------------------------------------------
// Links

/** Links start with the configured public address (PUBLIC_URL), never the Host header the caller chose. */
function baseUrl(req: Request): string {
  return `${req.res?.locals.publicUrl as string}${req.baseUrl}`;
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.originalUrl, 'http://localhost').searchParams;
}

/** The request's own parameters among `names`, in their original order: carried into links. */
function carried(req: Request, names: string[]): URLSearchParams {
  const result = new URLSearchParams();
  for (const [key, value] of queryOf(req)) if (names.includes(key) && !result.has(key)) result.append(key, value);
  return result;
}

function withQuery(url: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

const link = (href: string, rel: string, type: string, title?: string) => ({ href, rel, type, ...(title ? { title } : {}) });

function collectionLinks(req: Request, c: Collection) {
  const base = `${baseUrl(req)}/collections/${c.id}`;
  const query = carried(req, c.kind === 'area' ? AREA_PARAMS : SERVICE_PARAMS);
  return [
    link(withQuery(base, query), 'self', JSON_TYPE, 'this collection'),
    link(withQuery(`${base}/items`, query), 'items', GEOJSON_TYPE, `${c.title} as GeoJSON`),
    // Relation types compare case-insensitively (RFC 8288); GDAL 3.6 looks for exactly "describedBy" and then takes
    // the field types from the schema instead of guessing them from the first page (a rate of 6.0 would become Integer).
    link(withQuery(`${base}/schema`, query), 'describedBy', SCHEMA_TYPE, 'JSON Schema of the features'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Metadata

function sendJson(res: Response, body: unknown, type = JSON_TYPE) {
  res.type(`${type}; charset=utf-8`);
  res.send(JSON.stringify(body));
}

function landingPage(req: Request) {
  const base = baseUrl(req);
  const query = carried(req, [...AREA_PARAMS, ...SERVICE_PARAMS]);
  return {
    title: 'Sozialatlas – OGC API Features',
    description: 'Areas (Ortsteile, Stadtbezirke, Stadt) with indicator values and social services as GeoJSON, for QGIS, ArcGIS, GDAL and web maps. Read-only.',
    links: [
      link(withQuery(base, query), 'self', JSON_TYPE, 'this document'),
      link(`${base}/api`, 'service-desc', OPENAPI_TYPE, 'the API definition (OpenAPI 3.0)'),
      link(`${base}/conformance`, 'conformance', JSON_TYPE, 'OGC API conformance classes implemented by this server'),
      link(withQuery(`${base}/collections`, query), 'data', JSON_TYPE, 'the feature collections'),
    ],
  };
}

function sourceSummary(sources: { attribution: string; licence: string; synthetic: boolean }[]) {
  return {
    attribution: sources.map((s) => (s.synthetic && !s.attribution.startsWith('Demo-Daten') ? `Demo-Daten (synthetisch): ${s.attribution}` : s.attribution)).join(' | '),
    licence: [...new Set(sources.map((s) => s.licence))].join(' | '),
  };
}

function bboxArray(e: { minLon: number | null; minLat: number | null; maxLon: number | null; maxLat: number | null }) {
  return e.minLon === null ? [-180, -90, 180, 90] : [e.minLon, e.minLat, e.maxLon, e.maxLat];
}

async function collectionMetadata(prisma: PrismaClient, caller: Caller, req: Request, c: Collection) {
  const common = { id: c.id, title: c.title, description: c.description, itemType: 'feature', crs: [CRS84], storageCrs: CRS84 };
  if (c.kind === 'area') {
    const [extent, catalogue, sourceKeys] = await Promise.all([
      areaExtent(prisma, c.level), indicatorCatalogue(prisma, c.level), areaSourceKeys(prisma, c.level),
    ]);
    const sources = await sourcesByKey(prisma, sourceKeys.map((s) => s.key));
    return {
      ...common,
      extent: {
        spatial: { bbox: [bboxArray(extent)], crs: CRS84 },
        ...(extent.fromYear !== null ? { temporal: { interval: [[`${extent.fromYear}-01-01T00:00:00Z`, `${extent.toYear}-12-31T23:59:59Z`]], trs: TRS } } : {}),
      },
      ...sourceSummary(sources),
      /** Indicators that have values at this level (for the `indicators` parameter). */
      indicators: catalogue,
      links: collectionLinks(req, c),
    };
  }
  if (c.kind === 'place') {
    const [extent, sourceKeys] = await Promise.all([placeExtent(prisma, c.id), placeSourceKeys(prisma, c.id)]);
    const sources = await sourcesByKey(prisma, sourceKeys);
    return { ...common, extent: { spatial: { bbox: [bboxArray(extent)], crs: CRS84 } }, ...sourceSummary(sources), links: collectionLinks(req, c) };
  }
  const [extent, sourceKeys] = await Promise.all([serviceExtent(prisma, caller), serviceSourceKeys(prisma, caller)]);
  const sources = await sourcesByKey(prisma, sourceKeys.map((s) => s.key));
  return {
    ...common,
    extent: {
      spatial: { bbox: [bboxArray(extent)], crs: CRS84 },
      temporal: { interval: [[extent.from ? `${extent.from}T00:00:00Z` : null, extent.openEnd || !extent.to ? null : `${extent.to}T23:59:59Z`]], trs: TRS },
    },
    ...sourceSummary(sources),
    links: collectionLinks(req, c),
  };
}

function collectionOf(id: string): Collection {
  const c = COLLECTIONS.find((x) => x.id === id);
  if (!c) throw new NotFound(`no collection "${id}"; collections: ${COLLECTIONS.map((x) => x.id).join(', ')}`);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Area features

interface ChosenIndicator extends OgcIndicator {
  /** The year used for this indicator: the latest with values in the requested range; null if none. */
  year: number | null;
}

async function chooseIndicators(prisma: PrismaClient, level: string, req: Request) {
  const keys = indicatorKeysOf(req);
  const found = await indicatorsByKey(prisma, keys);
  const unknown = keys.filter((k) => !found.some((i) => i.key === k));
  if (unknown.length) throw InputError.of(`unknown indicator: ${unknown.join(', ')}`, 'indicators');
  const { fromYear, toYear } = yearsOf(dateRangeOf(req));
  const years = await latestYears(prisma, level, found.map((i) => i.id), fromYear, toYear);
  const yearOf = new Map(years.map((y) => [y.indicatorId, y.year]));
  // In the order asked for, so the properties come in that order.
  return keys.map((k) => found.find((i) => i.key === k)!).map((i): ChosenIndicator => ({ ...i, year: yearOf.get(i.id) ?? null }));
}

async function areaFeatures(prisma: PrismaClient, caller: Caller, req: Request, c: AreaCollection, code?: string) {
  checkCrs(req, 'crs');
  const bbox = code === undefined ? bboxOf(req) : undefined;
  const limit = code === undefined ? limitOf(req) : 1;
  const offset = code === undefined ? offsetOf(req) : 0;
  const indicators = await chooseIndicators(prisma, c.level, req);
  const filter = { level: c.level, bbox, code, scope: await cityParam(prisma, req) };
  const [areas, matched] = await Promise.all([findAreas(prisma, filter, limit, offset), code === undefined ? countAreas(prisma, filter) : 0]);
  const pairs = indicators.filter((i) => i.year !== null).map((i) => ({ indicatorId: i.id, year: i.year! }));
  const values = await valuesFor(prisma, areas.map((a) => a.id), pairs, caller);
  const byArea = new Map<number, Map<number, { value: number | null; status: string; missingReason: string | null }>>();
  for (const v of values) {
    const m = byArea.get(v.areaId) ?? new Map();
    m.set(v.indicatorId, { value: v.value, status: v.status, missingReason: v.missingReason });
    byArea.set(v.areaId, m);
  }
  const features = areas.map((area) => {
    const properties: Record<string, unknown> = {
      code: area.code, name: area.name, level: area.level, parent_code: area.parentCode, area_km2: area.areaKm2,
    };
    for (const i of indicators) {
      const v = byArea.get(area.id)?.get(i.id);
      properties[i.key] = v?.value ?? null;
      properties[`${i.key}_status`] = v?.status ?? 'MISSING';
      properties[`${i.key}_missing_reason`] = v ? v.missingReason : 'NOT_PUBLISHED';
      properties[`${i.key}_year`] = i.year;
    }
    return { type: 'Feature', id: area.code, geometry: area.geojson ? JSON.parse(area.geojson) : null, properties };
  });
  const sources = await sourcesByKey(prisma, [...new Set(indicators.map((i) => i.sourceKey))]);
  const meta = {
    ...sourceSummary(sources),
    indicators: indicators.map((i) => ({ key: i.key, name: i.name, unit: i.unit, year: i.year })),
  };
  return { features, matched, limit, offset, meta };
}

// ---------------------------------------------------------------------------------------------
// Service features

function serviceFilterOf(req: Request, range: DateRange | undefined) {
  const statuses = list(req, 'status');
  const invalid = statuses.filter((s) => !SERVICE_STATUSES.has(s));
  if (invalid.length) throw InputError.of(`status must be among ${[...SERVICE_STATUSES].join(', ')}`, 'status');
  const categoryKeys = list(req, 'category');
  if (categoryKeys.some((k) => !/^[a-z][a-z0-9_]{0,62}$/.test(k))) throw InputError.of('category must list category keys, e.g. category=day_care', 'category');
  return { categoryKeys, statuses, from: range?.from ?? null, to: range?.to ?? null };
}

function serviceFeature(r: OgcServiceRow) {
  return {
    type: 'Feature',
    id: `${r.serviceId}-${r.locationId}`,
    geometry: r.lon === null || r.lat === null ? null : { type: 'Point', coordinates: [r.lon, r.lat] },
    properties: {
      service_id: r.serviceId, location_id: r.locationId, name: r.name, category: r.category, category_name: r.categoryName,
      provider: r.provider, provider_kind: r.providerKind, capacity: r.capacity, capacity_unit: r.capacityUnit, status: r.status,
      start_date: r.startDate, end_date: r.endDate,
      address: [r.street, r.houseNumber].filter(Boolean).join(' ') || null, postal_code: r.postalCode, city: r.city,
      area_code: r.areaCode, area_name: r.areaName, demo_data: r.synthetic,
    },
  };
}

async function serviceFeatures(prisma: PrismaClient, caller: Caller, req: Request, featureId?: string) {
  checkCrs(req, 'crs');
  let ids: { serviceId: number; locationId: number } | undefined;
  if (featureId !== undefined) {
    const m = /^(\d{1,9})-(\d{1,9})$/.exec(featureId);
    if (!m) throw new NotFound(`no feature "${featureId}" in services (ids look like 12-34: service-location)`);
    ids = { serviceId: Number(m[1]), locationId: Number(m[2]) };
  }
  // a feature id names its service wherever it is; a list is of one city (default: the default city)
  const filter = featureId === undefined
    ? { ...serviceFilterOf(req, dateRangeOf(req)), bbox: bboxOf(req), scope: await cityParam(prisma, req) }
    : { serviceId: ids!.serviceId, locationId: ids!.locationId, scope: null };
  const limit = featureId === undefined ? limitOf(req) : 1;
  const offset = featureId === undefined ? offsetOf(req) : 0;
  const [rows, matched] = await Promise.all([
    findServices(prisma, filter, caller, limit, offset),
    featureId === undefined ? countServices(prisma, filter, caller) : 0,
  ]);
  const sources = await sourcesByKey(prisma, [...new Set(rows.map((r) => r.sourceKey).filter((k): k is string => k !== null))]);
  return { features: rows.map(serviceFeature), matched, limit, offset, meta: sourceSummary(sources) };
}

// ---------------------------------------------------------------------------------------------
// Orientation layers (stops, OSM social buildings)

async function placeFeatures(prisma: PrismaClient, req: Request, c: PlaceCollection, featureId?: string) {
  checkCrs(req, 'crs');
  if (featureId !== undefined && !/^\d{1,9}$/.test(featureId)) throw new NotFound(`no feature "${featureId}" in ${c.id}`);
  const limit = featureId === undefined ? limitOf(req) : 1;
  const offset = featureId === undefined ? offsetOf(req) : 0;
  const bbox = featureId === undefined ? bboxOf(req) : undefined;
  // a feature id names its place wherever it is; a list is of one city (default: the default city)
  const scope = featureId === undefined ? await cityParam(prisma, req) : null;
  const { rows, matched } = await findPlaces(prisma, c.id, { bbox: bbox ? [bbox.minLon, bbox.minLat, bbox.maxLon, bbox.maxLat] : undefined, featureId: featureId === undefined ? undefined : Number(featureId), scope }, limit, offset);
  const features = rows.map((r) => ({ type: 'Feature', id: String(r.id), geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: r.properties }));
  const sources = await sourcesByKey(prisma, [...new Set(rows.map((r) => String(r.properties.source)))]);
  return { features, matched, limit, offset, meta: sourceSummary(sources) };
}

// ---------------------------------------------------------------------------------------------
// Responses

function pageLinks(req: Request, c: Collection, matched: number, returned: number, limit: number, offset: number) {
  const url = `${baseUrl(req)}/collections/${c.id}/items`;
  const query = queryOf(req);
  const at = (o: number) => {
    const q = new URLSearchParams(query);
    q.set('limit', String(limit));
    if (o > 0) q.set('offset', String(o));
    else q.delete('offset');
    return withQuery(url, q);
  };
  const links = [
    link(withQuery(url, query), 'self', GEOJSON_TYPE, 'this page'),
    link(`${baseUrl(req)}/collections/${c.id}`, 'collection', JSON_TYPE, c.title),
  ];
  if (offset + returned < matched) links.push(link(at(offset + limit), 'next', GEOJSON_TYPE, 'next page'));
  if (offset > 0) links.push(link(at(Math.max(0, offset - limit)), 'prev', GEOJSON_TYPE, 'previous page'));
  return links;
}

/** JSON Schema of a collection's features (OGC API – Features Part 5 style), used by GDAL for field types. */
async function featureSchema(prisma: PrismaClient, req: Request, c: Collection) {
  const str = (description: string) => ({ type: 'string', description });
  const num = (description: string) => ({ type: 'number', description });
  const int = (description: string) => ({ type: 'integer', description });
  let properties: Record<string, object>;
  if (c.kind === 'area') {
    const indicators = await chooseIndicators(prisma, c.level, req);
    properties = {
      code: str('official key (amtlicher Schlüssel)'), name: str('name'), level: str('CITY, BOROUGH or DISTRICT'),
      parent_code: str('key of the parent area'), area_km2: num('area in km²'),
    };
    for (const i of indicators) {
      properties[i.key] = num(`${i.name} (${i.unit}), year ${i.year ?? '–'}; null when missing or suppressed`);
      properties[`${i.key}_status`] = { type: 'string', enum: ['REGULAR', 'PROVISIONAL', 'ESTIMATED', 'SUPPRESSED', 'MISSING'], description: `status of ${i.key}` };
      properties[`${i.key}_missing_reason`] = {
        type: ['string', 'null'], enum: ['SUPPRESSED', 'SECONDARY_SUPPRESSION', 'NOT_PUBLISHED', null],
        description: `why ${i.key} is not shown: primary or secondary suppression (Geheimhaltung), or not published; null when shown`,
      };
      properties[`${i.key}_year`] = int(`year of ${i.key}`);
    }
  } else if (c.kind === 'place') {
    properties = Object.fromEntries(Object.entries(PLACE_SCHEMA[c.id]).map(([k, d]) => [k, str(d)]));
  } else {
    properties = {
      service_id: int('service id'), location_id: int('location id'), name: str('name of the service'),
      category: str('category key'), category_name: str('category name'), provider: str('provider (Träger)'),
      provider_kind: str('MUNICIPAL, NON_PROFIT or COMMERCIAL'), capacity: num('capacity'), capacity_unit: str('PLACES, HOURS_PER_WEEK or CONTACTS_PER_YEAR'),
      status: str('PLANNED, ACTIVE or CLOSED'), start_date: { type: 'string', format: 'date', description: 'start date' },
      end_date: { type: 'string', format: 'date', description: 'end date' }, address: str('street and number'),
      postal_code: str('postal code'), city: str('city'), area_code: str('key of the Ortsteil containing the location'),
      area_name: str('name of that Ortsteil'), demo_data: { type: 'boolean', description: 'true for synthetic demo data (Demo-Daten)' },
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${baseUrl(req)}/collections/${c.id}/schema`,
    title: c.title,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: { type: 'object', description: c.kind === 'area' ? 'MultiPolygon (CRS84)' : 'Point (CRS84)' },
      properties: { type: 'object', properties },
    },
  };
}

export function ogcRouter(prisma: PrismaClient, callerOf: (req: Request) => Caller = () => anonymousCaller, options: { publicUrl?: string } = {}): Router {
  const publicUrl = (options.publicUrl ?? 'http://localhost:4000').replace(/\/+$/, '');
  const router = express.Router();
  router.use((_req, res, next) => {
    res.locals.publicUrl = publicUrl;
    next();
  });
  const handle = (fn: (req: Request, res: Response, caller: Caller) => Promise<void> | void) => async (req: Request, res: Response) => {
    try {
      await fn(req, res, callerOf(req));
    } catch (error) {
      if (error instanceof InputError) {
        res.status(400).json({ code: 'InvalidParameterValue', description: error.message, parameter: error.field, problems: error.problems });
        return;
      }
      if (error instanceof NotFound) {
        res.status(404).json({ code: 'NotFound', description: error.message });
        return;
      }
      if (databaseFailure(error)) return databaseErrorHandler(error, req, res, () => {});
      req.log?.error({ err: error }, 'OGC API request failed');
      res.status(500).json({ code: 'ServerError', description: 'The request failed; details are in the server log.' });
    }
  };

  router.get('/', handle((req, res) => {
    checkFormat(req, ['json']);
    sendJson(res, landingPage(req));
  }));

  router.get('/conformance', handle((req, res) => {
    checkFormat(req, ['json']);
    sendJson(res, { conformsTo: CONFORMANCE });
  }));

  router.get('/api', handle((req, res) => {
    checkFormat(req, ['json']);
    sendJson(res, openApi(baseUrl(req), COLLECTIONS), OPENAPI_TYPE);
  }));

  router.get('/collections', handle(async (req, res, caller) => {
    checkFormat(req, ['json']);
    const collections = [];
    for (const c of COLLECTIONS) collections.push(await collectionMetadata(prisma, caller, req, c));
    const self = withQuery(`${baseUrl(req)}/collections`, carried(req, [...AREA_PARAMS, ...SERVICE_PARAMS]));
    sendJson(res, { links: [link(self, 'self', JSON_TYPE, 'this document')], collections });
  }));

  router.get('/collections/:collectionId', handle(async (req, res, caller) => {
    checkFormat(req, ['json']);
    sendJson(res, await collectionMetadata(prisma, caller, req, collectionOf(String(req.params.collectionId))));
  }));

  router.get('/collections/:collectionId/schema', handle(async (req, res) => {
    checkFormat(req, ['json']);
    sendJson(res, await featureSchema(prisma, req, collectionOf(String(req.params.collectionId))), SCHEMA_TYPE);
  }));

  router.get('/collections/:collectionId/items', handle(async (req, res, caller) => {
    const c = collectionOf(String(req.params.collectionId));
    checkFormat(req, ['json', 'geojson']);
    const page = c.kind === 'area' ? await areaFeatures(prisma, caller, req, c) : c.kind === 'place' ? await placeFeatures(prisma, req, c) : await serviceFeatures(prisma, caller, req);
    res.setHeader('Content-Crs', `<${CRS84}>`);
    sendJson(res, {
      type: 'FeatureCollection',
      timeStamp: new Date().toISOString(),
      numberMatched: page.matched,
      numberReturned: page.features.length,
      ...page.meta,
      links: pageLinks(req, c, page.matched, page.features.length, page.limit, page.offset),
      features: page.features,
    }, GEOJSON_TYPE);
  }));

  router.get('/collections/:collectionId/items/:featureId', handle(async (req, res, caller) => {
    const c = collectionOf(String(req.params.collectionId));
    checkFormat(req, ['json', 'geojson']);
    const featureId = String(req.params.featureId);
    const page = c.kind === 'area'
      ? await areaFeatures(prisma, caller, req, c, featureId)
      : c.kind === 'place' ? await placeFeatures(prisma, req, c, featureId) : await serviceFeatures(prisma, caller, req, featureId);
    const feature = page.features[0];
    if (!feature) throw new NotFound(`no feature "${featureId}" in ${c.id}`);
    const base = `${baseUrl(req)}/collections/${c.id}`;
    res.setHeader('Content-Crs', `<${CRS84}>`);
    sendJson(res, {
      ...feature,
      ...page.meta,
      links: [
        link(withQuery(`${base}/items/${encodeURIComponent(featureId)}`, queryOf(req)), 'self', GEOJSON_TYPE, 'this feature'),
        link(base, 'collection', JSON_TYPE, c.title),
      ],
    }, GEOJSON_TYPE);
  }));

  return router;
}
