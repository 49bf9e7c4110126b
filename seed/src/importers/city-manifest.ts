// A further city of the hub, imported from a manifest (seed/data/<city>/city.json) instead of
// code: the city's key and AGS, its source, the district file and its fields, and service lists
// with the product category each one maps to. Adding a third city is a folder
// with a manifest and its files (docs/data.md, "Adding a third city").
//
// Each file is one transaction (all-or-nothing); a file that cannot be read as a whole (not
// GeoJSON, unknown category, axis order undecidable) is refused with the reason and writes
// nothing. Every record not imported is reported with its row and reason: no id or name, a
// duplicate id, a point that is not a point, a point outside every district of the city, the same
// service already imported from an earlier list. Context layers (`places`, e.g. Chemnitz's
// schools) go in as social places of the city's own source and attribution, not OpenStreetMap's.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyProvider, cleanName, detectAxisOrder, insideRegion, normalizeProviderName, toLonLat, upsertProviders, type PolygonFeature, type PrismaClient, type ProviderRow } from '@sozialatlas/db';
import { CATEGORIES, upsertCategories } from '../categories';
import { inTransaction, type Tx } from '../db';
import { newReport, type ImportReport } from '../report';
import { upsertSource, type SourceDef } from '../sources';
import { upsertCity, type LevelName } from './cities';
import { areaId, checkAll, upsertArea } from './districts';
import { upsertSocialBuildings, type SocialBuildingRow } from './places';
import { upsertServiceLocations } from './service-locations';

const TARGET_GROUPS = ['CHILDREN', 'YOUNG_PEOPLE', 'FAMILIES', 'SENIORS', 'MIGRANTS', 'PEOPLE_WITH_DISABILITIES', 'LONG_TERM_UNEMPLOYED', 'HOMELESS_PEOPLE', 'PEOPLE_WITH_ADDICTION', 'SINGLE_PARENTS'];
const LEGAL_BASES = ['SGB_II', 'SGB_VIII', 'SGB_IX', 'SGB_XII', 'OTHER'];

/** Field texts: "{FIELD} text {OTHER}"; the first template whose fields are all non-empty wins. */
type Template = string | string[];

export interface ServiceList {
  file: string;
  /** a key of the product's category list (seed/src/categories.ts) */
  category: string;
  id: string;
  name: Template;
  description?: Template;
  provider?: string;
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  city?: string;
  /** a 0/1 property: 1 = barrierefrei (FULL), 0 = UNKNOWN (the lists do not say "not accessible") */
  accessible?: string;
  targetGroups?: string[];
  legalBases?: string[];
}

/** A context layer of the city's own data (Kontextebene, e.g. Schulen): places, not services. */
export interface PlaceList {
  file: string;
  /** the layer's amenity value, as OSM would tag it (e.g. "school"): the map and `socialBuildings(amenities:)` select by it */
  amenity: string;
  id: string;
  name: Template;
  operator?: string;
  street?: string;
  houseNumber?: string;
  postalCode?: string;
}

export interface CityManifest {
  key: string;
  ags: string;
  name: string;
  default?: boolean;
  /** true only when the files include indicator values per district (none of the manifest cities do yet) */
  districtStatistics?: boolean;
  source: Omit<SourceDef, 'synthetic'>;
  /** `levelName`: the city's own name of its districts (Chemnitz: Stadtteile); absent: the generic "Ortsteile bzw. Stadtteile" */
  areas: { file: string; code: string; name: string; levelName?: LevelName };
  services?: ServiceList[];
  places?: PlaceList[];
}

type Props = Record<string, unknown>;
interface PointFeature { properties: Props | null; geometry: { type: string; coordinates: unknown } | null }

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim());

/** Fills the first template whose fields are all present; null when none is. */
export function fill(template: Template | undefined, props: Props): string | null {
  for (const t of typeof template === 'string' ? [template] : template ?? []) {
    let complete = true;
    const out = t.replace(/\{([^}]+)\}/g, (_, field: string) => {
      const v = text(props[field]);
      if (!v) complete = false;
      return v;
    });
    if (complete && out.trim()) return out.replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** Reads and checks a manifest; throws with every problem found (nothing is imported then). */
export function readManifest(dir: string): CityManifest {
  const file = path.join(dir, 'city.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as CityManifest;
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]*$/.test(m.key ?? '')) problems.push('key must be lower-case letters, digits and "-" (it is the map\'s stadt= value)');
  if (!/^\d{8}$/.test(m.ags ?? '')) problems.push('ags must be the eight-digit official municipality key');
  if (!m.name?.trim()) problems.push('name missing');
  for (const k of ['key', 'title', 'publisher', 'licence', 'attribution'] as const) if (!m.source?.[k]) problems.push(`source.${k} missing`);
  if (!m.areas?.file || !m.areas.code || !m.areas.name) problems.push('areas needs file, code and name');
  const ln = m.areas?.levelName;
  if (ln !== undefined && !(ln && typeof ln === 'object' && (['de', 'deSingular', 'en'] as const).every((k) => typeof ln[k] === 'string' && ln[k].trim()))) {
    problems.push('areas.levelName needs de, deSingular and en, e.g. {"de": "Stadtteile", "deSingular": "Stadtteil", "en": "districts (Stadtteile)"}');
  }
  const known = new Set<string>(CATEGORIES.map((c) => c.key));
  for (const [i, s] of (m.services ?? []).entries()) {
    if (!known.has(s.category)) problems.push(`services[${i}] (${s.file}): category "${s.category}" is not a product category (${[...known].join(', ')})`);
    for (const g of s.targetGroups ?? []) if (!TARGET_GROUPS.includes(g)) problems.push(`services[${i}]: unknown target group ${g}`);
    for (const b of s.legalBases ?? []) if (!LEGAL_BASES.includes(b)) problems.push(`services[${i}]: unknown legal basis ${b}`);
  }
  for (const [i, p] of (m.places ?? []).entries()) {
    if (!p.file || !p.id || !p.name) problems.push(`places[${i}] needs file, id and name`);
    if (!/^[a-z][a-z_]*$/.test(p.amenity ?? '')) problems.push(`places[${i}] (${p.file}): amenity must be a lower-case tag value such as "school"`);
  }
  for (const f of [m.areas?.file, ...(m.services ?? []).map((s) => s.file), ...(m.places ?? []).map((p) => p.file)]) {
    if (f && !existsSync(path.join(dir, f))) problems.push(`file ${f} missing in ${dir}`);
  }
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return m;
}

function readFeatures<T>(file: string): { features: T[]; crs: string | null } {
  const fc = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; features?: T[]; crs?: { properties?: { name?: string } } };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${path.basename(file)}: not a GeoJSON FeatureCollection`);
  const crs = fc.crs?.properties?.name ?? null;
  // GeoJSON is WGS 84 (RFC 7946); a projected file would need a transformation we do not guess.
  if (crs && !/CRS84$|EPSG:+4326$/i.test(crs)) throw new Error(`${path.basename(file)}: CRS ${crs} is not WGS 84 (CRS84/EPSG:4326); convert the file first`);
  return { features: fc.features, crs };
}

/** The city's areas: its districts and, as their union, the city itself. */
async function importAreas(prisma: PrismaClient, dir: string, m: CityManifest): Promise<ImportReport> {
  const file = path.join(dir, m.areas.file);
  const report = newReport(`${m.key}/${m.areas.file}`);
  const { features, crs } = readFeatures<PolygonFeature & { properties: Props | null }>(file);
  report.rowsRead = features.length;
  report.details.declaredCrs = crs;
  const usable = features.filter((f, i) => {
    const t = f.geometry?.type;
    if (t === 'Polygon' || t === 'MultiPolygon') return true;
    report.skipped.push({ row: `feature ${i}`, reason: `geometry type ${t ?? 'missing'} is not polygonal` });
    return false;
  });
  const axes = detectAxisOrder(usable);
  report.details.axisOrder = axes.order;
  report.details.axisOrderReason = axes.reason;
  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, { ...m.source, url: m.source.url ?? null, synthetic: false });
    report.written += source.written;
    const checked = await checkAll(tx, usable.map((f) => JSON.stringify(toLonLat(f.geometry, axes.order))));
    const districts: { code: string; name: string; geojson: string }[] = [];
    const seen = new Set<string>();
    for (const [i, f] of usable.entries()) {
      const code = text(f.properties?.[m.areas.code]);
      const name = text(f.properties?.[m.areas.name]);
      const row = `feature ${i} (${m.areas.code} ${code || '?'} ${name})`;
      const g = checked[i]!;
      if (!code || !name) report.skipped.push({ row, reason: `no ${m.areas.code} or ${m.areas.name}` });
      else if (seen.has(code)) report.skipped.push({ row, reason: `duplicate code ${code}` });
      else if (g.status === 'rejected') report.skipped.push({ row, reason: g.reason! });
      else {
        if (g.status === 'repaired') report.repaired.push({ row, reason: g.reason! });
        seen.add(code);
        districts.push({ code, name, geojson: g.geojson });
      }
    }
    if (districts.length === 0) throw new Error(`${m.areas.file}: no districts to import`);
    districts.sort((a, b) => a.code.localeCompare(b.code));
    report.written += await upsertArea(tx, { level: 'CITY', code: m.ags, name: m.name, parentId: null, geojsons: districts.map((d) => d.geojson), sourceId: source.id });
    const cityId = await areaId(tx, m.ags, null);
    const city = await upsertCity(tx, { areaId: cityId, key: m.key, isDefault: m.default ?? false, districtStatistics: m.districtStatistics ?? false,
      levelNames: m.areas.levelName ? { DISTRICT: m.areas.levelName } : {},
    });
    report.written += city.written;
    report.details.residents = city.residents;
    for (const d of districts) {
      report.written += await upsertArea(tx, { level: 'DISTRICT', code: d.code, name: d.name, parentId: cityId, geojsons: [d.geojson], sourceId: source.id });
    }
    report.details.areas = { city: 1, districts: districts.length };
    // rows considered: the source, the city area, the city row, the districts
    report.unchanged = Math.max(0, districts.length + 3 - report.written);
    return report;
  });
}

/** [lon, lat] of a point feature inside Germany (swapped axes detected per point), or why not. */
function pointOf(f: PointFeature): { lon: number; lat: number; swapped: boolean } | string {
  const c = f.geometry?.type === 'Point' ? (f.geometry.coordinates as unknown[]) : null;
  if (!c || typeof c[0] !== 'number' || typeof c[1] !== 'number') return `no point geometry (${f.geometry?.type ?? 'none'})`;
  const [a, b] = c as [number, number];
  if (insideRegion(a, b)) return { lon: a, lat: b, swapped: false };
  if (insideRegion(b, a)) return { lon: b, lat: a, swapped: true };
  return `point [${a}, ${b}] lies outside Germany in both axis orders`;
}

/** Which of the points lie in a district of the city (the finest area containing them). */
async function districtsOf(tx: Tx, cityId: number, points: { lon: number; lat: number }[]): Promise<(string | null)[]> {
  const rows = await tx.$queryRaw<{ n: number; code: string | null }[]>`
    SELECT u.n::int AS n, (SELECT a.code FROM area a WHERE a.city_id = ${cityId}::int AND a.level = 'DISTRICT'
                              AND ST_Covers(a.geom, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)) ORDER BY a.id LIMIT 1) AS code
      FROM unnest(${points.map((p) => p.lon)}::float8[], ${points.map((p) => p.lat)}::float8[]) WITH ORDINALITY AS u(lon, lat, n) ORDER BY u.n`;
  return rows.map((r) => r.code);
}

async function cityOf(tx: Tx, m: CityManifest): Promise<number> {
  const [c] = await tx.$queryRaw<{ id: number }[]>`SELECT c.area_id AS id FROM city c WHERE c.key = ${m.key}`;
  if (!c) throw new Error(`city ${m.key} has no areas yet: import its areas first`);
  return c.id;
}

interface ServiceRow {
  ext: string; name: string; descr: string | null; provider: string | null; access: string;
  street: string | null; no: string | null; zip: string | null; town: string | null; lon: number; lat: number;
}

/**
 * Same category, name, provider and address: the same service, wherever it is listed (the lists
 * give nothing else that tells two such rows apart; two providers at one school are two services).
 */
const serviceKey = (category: string, r: { name: string; provider: string | null; street: string | null; no: string | null }) =>
  [category, normalizeProviderName(r.name), normalizeProviderName(r.provider ?? ''), normalizeProviderName(`${r.street ?? ''} ${r.no ?? ''}`)].join('|');

async function importServiceList(prisma: PrismaClient, dir: string, m: CityManifest, list: ServiceList, seenServices: Map<string, string>): Promise<ImportReport> {
  const report = newReport(`${m.key}/${list.file}`);
  const points = readPoints(path.join(dir, list.file), list.id, list.name, report);
  return inTransaction(prisma, async (tx) => {
    const cityId = await cityOf(tx, m);
    const source = await upsertSource(tx, { ...m.source, url: m.source.url ?? null, synthetic: false });
    const categories = await upsertCategories(tx);
    report.written += source.written + categories.written;
    const candidates = points.map(({ row, ext, name, props: p, lon, lat }) => {
      const field = (k?: string) => (k ? text(p[k]) || null : null);
      const r: ServiceRow = {
        ext: `${path.basename(list.file)}#${ext}`, name, descr: fill(list.description, p), provider: field(list.provider),
        access: list.accessible && Number(p[list.accessible]) === 1 ? 'FULL' : 'UNKNOWN',
        street: field(list.street), no: field(list.houseNumber), zip: field(list.postalCode), town: field(list.city), lon, lat,
      };
      return { row, r };
    });
    // A point outside every district of the city is not placed in a wrong city or left without one.
    const inDistrict = await districtsOf(tx, cityId, candidates.map((c) => c.r));
    const rows: ServiceRow[] = [];
    for (const [i, c] of candidates.entries()) {
      const key = serviceKey(list.category, c.r);
      if (inDistrict[i] === null) report.skipped.push({ row: c.row, reason: `point [${c.r.lon}, ${c.r.lat}] lies outside every district of ${m.name}` });
      else if (seenServices.has(key)) report.skipped.push({ row: c.row, reason: `same service (category, name, provider, address) already imported from ${seenServices.get(key)}` });
      else {
        seenServices.set(key, `${list.file} ${c.row}`);
        rows.push(c.r);
      }
    }
    // Providers, de-duplicated by normalised name against all existing ones (of every city).
    const providers = new Map<string, ProviderRow>();
    for (const r of rows) {
      if (!r.provider) continue;
      const norm = normalizeProviderName(r.provider);
      if (norm && !providers.has(norm)) providers.set(norm, { name: cleanName(r.provider), normalizedName: norm, ...classifyProvider(r.provider) });
    }
    const existing = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM provider WHERE normalized_name = ANY(${[...providers.keys()]}::text[])`;
    const pr = providers.size ? await upsertProviders(tx, [...providers.values()], source.id) : { ids: new Map<string, number>(), written: 0 };
    report.written += pr.written;
    report.details.providers = `${providers.size} distinct after normalisation, ${existing[0]?.n ?? 0} of them already known`;
    const pid = (r: ServiceRow) => (r.provider ? pr.ids.get(normalizeProviderName(r.provider)) ?? null : null);
    const col = <T>(f: (r: ServiceRow) => T) => rows.map(f);
    const categoryId = categories.ids.get(list.category)!;
    const services = await tx.$executeRaw`
      INSERT INTO service (name, description, category_id, provider_id, target_groups, legal_bases, status, accessibility, external_id, source_id, city_id)
      SELECT t.name, t.descr, ${categoryId}::int, t.pid, ${list.targetGroups ?? []}::text[]::target_group[], ${list.legalBases ?? []}::text[]::legal_basis[],
             'ACTIVE', t.access::accessibility, t.ext, ${source.id}::int, ${cityId}::int
        FROM unnest(${col((r) => r.name)}::text[], ${col((r) => r.descr)}::text[], ${col(pid)}::int[], ${col((r) => r.access)}::text[],
                    ${col((r) => r.ext)}::text[]) AS t(name, descr, pid, access, ext)
      ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, category_id = EXCLUDED.category_id,
        provider_id = EXCLUDED.provider_id, target_groups = EXCLUDED.target_groups, legal_bases = EXCLUDED.legal_bases,
        accessibility = EXCLUDED.accessibility, city_id = EXCLUDED.city_id, updated_at = now(), version = service.version + 1
      WHERE (service.name, service.description, service.category_id, service.provider_id, service.target_groups, service.legal_bases, service.accessibility, service.city_id)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.category_id, EXCLUDED.provider_id, EXCLUDED.target_groups, EXCLUDED.legal_bases, EXCLUDED.accessibility, EXCLUDED.city_id)`;
    const locationsAndLinks = await upsertServiceLocations(tx, source.id, rows.map((r) => ({ name: r.name, street: r.street, no: r.no, zip: r.zip, town: r.town, lon: r.lon, lat: r.lat, ext: r.ext })));
    report.written += services + locationsAndLinks;
    report.unchanged += rows.length * 3 - services - locationsAndLinks;
    report.details.services = `${rows.length} (${list.category})`;
    return report;
  });
}

/** Reads the point features of a list: id and name present, no duplicate id, a point in Germany; every other row reported. */
function readPoints(file: string, id: string, name: Template, report: ImportReport) {
  const { features } = readFeatures<PointFeature>(file);
  report.rowsRead = features.length;
  const rows: { row: string; ext: string; name: string; props: Props; lon: number; lat: number }[] = [];
  const ids = new Set<string>();
  let swapped = 0;
  for (const [i, f] of features.entries()) {
    const props = f.properties ?? {};
    const ext = text(props[id]);
    const filled = fill(name, props);
    const row = `#${i} ${id} ${ext || '?'}${filled ? ` "${filled}"` : ''}`;
    const point = pointOf(f);
    if (!ext || !filled) report.skipped.push({ row, reason: `no ${id} or name` });
    else if (ids.has(ext)) report.skipped.push({ row, reason: `duplicate ${id} in the file` });
    else if (typeof point === 'string') report.skipped.push({ row, reason: point });
    else {
      ids.add(ext);
      if (point.swapped) swapped++;
      rows.push({ row, ext, name: filled, props, lon: point.lon, lat: point.lat });
    }
  }
  if (swapped) report.warnings.push(`${swapped} points given as [lat, lon]: axes swapped on import`);
  return rows;
}

/** A context layer of the city (e.g. its schools): social places of the city's source, inside its districts. */
async function importPlaceList(prisma: PrismaClient, dir: string, m: CityManifest, list: PlaceList): Promise<ImportReport> {
  const report = newReport(`${m.key}/${list.file}`);
  const points = readPoints(path.join(dir, list.file), list.id, list.name, report);
  return inTransaction(prisma, async (tx) => {
    const cityId = await cityOf(tx, m);
    const source = await upsertSource(tx, { ...m.source, url: m.source.url ?? null, synthetic: false });
    report.written += source.written;
    const inDistrict = await districtsOf(tx, cityId, points);
    const field = (props: Props, k?: string) => (k ? text(props[k]) || null : null);
    const rows: SocialBuildingRow[] = [];
    for (const [i, p] of points.entries()) {
      if (inDistrict[i] === null) report.skipped.push({ row: p.row, reason: `point [${p.lon}, ${p.lat}] lies outside every district of ${m.name}` });
      else {
        rows.push({
          ext: `${path.basename(list.file)}#${p.ext}`, name: p.name, amenity: list.amenity, operator: field(p.props, list.operator),
          street: field(p.props, list.street), no: field(p.props, list.houseNumber), zip: field(p.props, list.postalCode), lon: p.lon, lat: p.lat,
        });
      }
    }
    const n = await upsertSocialBuildings(tx, source.id, rows);
    report.written += n;
    report.unchanged += rows.length - n;
    report.details.places = `${rows.length} (${list.amenity})`;
    return report;
  });
}

/** Imports the city described by `dir/city.json`: its areas, then every service list, then its context layers. */
export async function importCity(prisma: PrismaClient, dir: string): Promise<ImportReport[]> {
  const m = readManifest(dir);
  const reports = [await importAreas(prisma, dir, m)];
  const seen = new Map<string, string>();
  for (const list of m.services ?? []) reports.push(await importServiceList(prisma, dir, m, list, seen));
  for (const list of m.places ?? []) reports.push(await importPlaceList(prisma, dir, m, list));
  return reports;
}
