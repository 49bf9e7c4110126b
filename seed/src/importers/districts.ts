// Ortsteile, Stadtbezirke and the city of Leipzig from leipzig-districts.json.
//
// The file claims CRS84 (longitude, latitude) but stores [latitude, longitude]. We do not
// hard-code a swap: `detectAxisOrder` tests both readings against a plausibility region and takes
// the one under which every vertex falls inside it (see its comment). Geometries are checked with
// ST_IsValid, repaired with ST_MakeValid (polygonal part only) and reported, or rejected when the
// repair leaves nothing. Areas are upserted by their official code, so a second run writes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@sozialatlas/db';
import { inTransaction, type Tx } from '../db';
import { leipzigDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';

export const CITY_CODE = '14713000';
export const CITY_NAME = 'Leipzig';
/** Stadtbezirke by the first digit of the Ortsteil key. */
export const BOROUGHS: Record<string, string> = {
  '0': 'Mitte',
  '1': 'Nordost',
  '2': 'Ost',
  '3': 'Südost',
  '4': 'Süd',
  '5': 'Südwest',
  '6': 'West',
  '7': 'Alt-West',
  '8': 'Nordwest',
  '9': 'Nord',
};

type Position = number[];
interface Feature {
  type: 'Feature';
  properties: { key?: string; title?: string } & Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
interface FeatureCollection {
  type: 'FeatureCollection';
  crs?: unknown;
  features: Feature[];
}

/** Longitude/latitude box a reading must fall into. Default: Germany (all cities this product serves). */
export interface Region {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}
export const GERMANY: Region = { minLon: 5.8, maxLon: 15.1, minLat: 47.2, maxLat: 55.1 };

export type AxisOrder = 'lon,lat' | 'lat,lon';
export interface AxisDetection {
  order: AxisOrder;
  reason: string;
}

function* positions(features: Feature[]): Generator<Position> {
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) for (const p of ring) yield p;
  }
}

/**
 * Detects the axis order of the coordinates. Rule: a reading is plausible when every vertex,
 * read as (lon, lat) in that order, is a valid WGS84 position (|lon| ≤ 180, |lat| ≤ 90) AND lies
 * inside `region` (by default Germany's bounding box, since the product serves German cities).
 * Exactly one plausible reading → that one. None or both (e.g. data near the lon = lat diagonal,
 * or a region so wide that both fit) → an error asking for an explicit `axisOrder`: we never guess.
 */
export function detectAxisOrder(features: Feature[], region: Region = GERMANY): AxisDetection {
  const fits = { 'lon,lat': true, 'lat,lon': true } as Record<AxisOrder, boolean>;
  let n = 0;
  const inside = (lon: number, lat: number) =>
    Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && lon >= region.minLon && lon <= region.maxLon && lat >= region.minLat && lat <= region.maxLat;
  for (const [a, b] of positions(features)) {
    n++;
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) {
      throw new Error(`non-numeric coordinate [${a}, ${b}]`);
    }
    if (fits['lon,lat'] && !inside(a, b)) fits['lon,lat'] = false;
    if (fits['lat,lon'] && !inside(b, a)) fits['lat,lon'] = false;
  }
  const box = `lon ${region.minLon}–${region.maxLon}, lat ${region.minLat}–${region.maxLat}`;
  if (n === 0) throw new Error('no coordinates to detect the axis order from');
  if (fits['lon,lat'] && !fits['lat,lon']) {
    return { order: 'lon,lat', reason: `all ${n} vertices lie in the region (${box}) only when read as [lon, lat] (GeoJSON order)` };
  }
  if (fits['lat,lon'] && !fits['lon,lat']) {
    return { order: 'lat,lon', reason: `all ${n} vertices lie in the region (${box}) only when read as [lat, lon]: axes swapped on import` };
  }
  throw new Error(
    `cannot detect the axis order: ${fits['lon,lat'] ? 'both readings' : 'neither reading'} put all ${n} vertices in the region (${box}); pass axisOrder explicitly`,
  );
}

function toLonLat(geometry: Feature['geometry'], order: AxisOrder): Feature['geometry'] {
  if (order === 'lon,lat') return geometry;
  const swap = (ring: Position[]) => ring.map(([a, b, ...rest]) => [b!, a!, ...rest]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(swap) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(swap)) };
}

export interface DistrictsOptions {
  /** path of the GeoJSON file; default: the shipped leipzig-districts.json */
  file?: string;
  /** override the detection */
  axisOrder?: AxisOrder;
  region?: Region;
}

interface CheckedGeometry {
  geojson: string;
  status: 'valid' | 'repaired' | 'rejected';
  reason: string | null;
}

/** Validates one geometry in PostGIS; the stored geometry is always ST_Multi(polygonal part of ST_MakeValid). */
async function checkGeometry(tx: Tx, geojson: string): Promise<CheckedGeometry> {
  const [row] = await tx.$queryRaw<{ valid: boolean; reason: string; empty: boolean; fixedvalid: boolean }[]>`
    WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326) AS g),
         f AS (SELECT g, ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) AS f FROM g)
    SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_IsEmpty(f) AS empty, ST_IsValid(f) AS fixedvalid FROM f`;
  if (row!.valid) return { geojson, status: 'valid', reason: null };
  if (row!.empty || !row!.fixedvalid) return { geojson, status: 'rejected', reason: `invalid geometry (${row!.reason}); ST_MakeValid leaves no valid polygon` };
  return { geojson, status: 'repaired', reason: `invalid geometry (${row!.reason}) repaired with ST_MakeValid (polygonal part kept)` };
}

/** Upserts one area; the geometry expression turns a GeoJSON text (or an array of them, unioned) into a valid MultiPolygon. */
async function upsertArea(
  tx: Tx,
  a: { level: 'CITY' | 'BOROUGH' | 'DISTRICT'; code: string; name: string; parentId: number | null; geojsons: string[]; sourceId: number },
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO area (level, code, name, parent_id, geom, source_id)
    SELECT ${a.level}::area_level, ${a.code}, ${a.name}, ${a.parentId}::int,
           ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(t), 4326)))), 3)),
           ${a.sourceId}::int
      FROM unnest(${a.geojsons}::text[]) AS t
    ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
      geom = EXCLUDED.geom, source_id = EXCLUDED.source_id, updated_at = now(), version = area.version + 1
    WHERE (area.level, area.name, area.parent_id, area.source_id, ST_AsEWKB(area.geom))
      IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.name, EXCLUDED.parent_id, EXCLUDED.source_id, ST_AsEWKB(EXCLUDED.geom))`;
}

async function areaId(tx: Tx, code: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = ${code}`;
  if (!rows[0]) throw new Error(`area ${code} missing after upsert`);
  return rows[0].id;
}

export async function importDistricts(prisma: PrismaClient, options: DistrictsOptions = {}): Promise<ImportReport> {
  const file = options.file ?? path.join(leipzigDataDir(), 'leipzig-districts.json');
  const report = newReport(path.basename(file));
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  report.rowsRead = fc.features.length;

  const usable = fc.features.filter((f, i) => {
    const t = f.geometry?.type;
    if (t === 'Polygon' || t === 'MultiPolygon') return true;
    report.skipped.push({ row: `feature ${i} (${f.properties?.key ?? '?'})`, reason: `geometry type ${t ?? 'missing'} is not polygonal` });
    return false;
  });
  const detection = options.axisOrder
    ? { order: options.axisOrder, reason: 'given by the caller' }
    : detectAxisOrder(usable, options.region);
  report.details.axisOrder = detection.order;
  report.details.axisOrderReason = detection.reason;
  report.details.declaredCrs = JSON.stringify((fc.crs as { properties?: { name?: string } })?.properties?.name ?? null);

  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.districts);
    report.written += source.written;

    let whole: CheckedGeometry | null = null;
    const districts: { code: string; name: string; geom: CheckedGeometry }[] = [];
    const seen = new Set<string>();
    for (const f of usable) {
      const key = String(f.properties?.key ?? '').trim();
      const title = String(f.properties?.title ?? '').trim();
      const geom = await checkGeometry(tx, JSON.stringify(toLonLat(f.geometry, detection.order)));
      const label = `feature ${key || '?'} ${title}`;
      if (geom.status === 'rejected') {
        report.skipped.push({ row: label, reason: geom.reason! });
        continue;
      }
      if (geom.status === 'repaired') report.repaired.push({ row: label, reason: geom.reason! });
      if (title === 'Gesamt' || key === 'XX') {
        whole = geom;
      } else if (!/^\d{2}$/.test(key) || !title) {
        report.skipped.push({ row: label, reason: 'key is not a two-digit Ortsteil number or title missing' });
      } else if (!BOROUGHS[key[0]!]) {
        report.skipped.push({ row: label, reason: `no Stadtbezirk for first digit ${key[0]}` });
      } else if (seen.has(key)) {
        report.skipped.push({ row: label, reason: 'duplicate key' });
      } else {
        seen.add(key);
        districts.push({ code: key, name: title, geom });
      }
    }
    districts.sort((a, b) => a.code.localeCompare(b.code));
    if (districts.length === 0) throw new Error(`${file}: no Ortsteile to import`);

    // city → Stadtbezirke → Ortsteile, so that every parent exists first
    const cityGeoms = whole ? [whole.geojson] : districts.map((d) => d.geom.geojson);
    if (!whole) report.warnings.push('no "Gesamt" feature: city boundary is the union of the Ortsteile');
    report.written += await upsertArea(tx, { level: 'CITY', code: CITY_CODE, name: CITY_NAME, parentId: null, geojsons: cityGeoms, sourceId: source.id });
    const cityId = await areaId(tx, CITY_CODE);
    const boroughIds = new Map<string, number>();
    for (const [digit, name] of Object.entries(BOROUGHS)) {
      const parts = districts.filter((d) => d.code[0] === digit).map((d) => d.geom.geojson);
      if (parts.length === 0) {
        report.warnings.push(`Stadtbezirk ${digit} ${name} has no Ortsteile in the file: not created`);
        continue;
      }
      report.written += await upsertArea(tx, { level: 'BOROUGH', code: digit, name, parentId: cityId, geojsons: parts, sourceId: source.id });
      boroughIds.set(digit, await areaId(tx, digit));
    }
    for (const d of districts) {
      report.written += await upsertArea(tx, {
        level: 'DISTRICT',
        code: d.code,
        name: d.name,
        parentId: boroughIds.get(d.code[0]!)!,
        geojsons: [d.geom.geojson],
        sourceId: source.id,
      });
    }
    const areas = 1 + boroughIds.size + districts.length;
    report.unchanged = areas + 1 - report.written;
    report.details.areas = { city: 1, boroughs: boroughIds.size, districts: districts.length };
    return report;
  });
}
