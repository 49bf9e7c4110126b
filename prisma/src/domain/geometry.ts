// Area geometry checks shared by the seed's district importer and the API's area import
// (server/src/modules/imports/areas.import.ts): reading GeoJSON polygons, the axis order, and the
// validity check and repair in PostGIS. Callers word the findings for their readers.
import { Prisma } from '../../generated/prisma/client';
import type { Tx } from './transaction';

export type Position = number[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export interface PolygonFeature {
  geometry: PolygonGeometry;
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

export function* positions(geometry: PolygonGeometry): Generator<Position> {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) for (const ring of poly) for (const p of ring) yield p;
}

/** What is structurally wrong with a polygon's coordinates, before PostGIS sees them (it would fail the whole query). */
export type ShapeProblem =
  | { kind: 'nesting' }
  | { kind: 'not-numeric'; position: unknown }
  | { kind: 'too-few-positions'; count: number }
  | { kind: 'not-closed' };

export function shapeProblem(geometry: PolygonGeometry): ShapeProblem | null {
  const polys: unknown = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) return { kind: 'nesting' };
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) return { kind: 'nesting' };
    for (const ring of poly) {
      if (!Array.isArray(ring)) return { kind: 'nesting' };
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((c) => typeof c === 'number' && Number.isFinite(c))) {
          return { kind: 'not-numeric', position: p };
        }
      }
      if (ring.length < 4) return { kind: 'too-few-positions', count: ring.length };
      const [first, last] = [ring[0] as Position, ring[ring.length - 1] as Position];
      if (first[0] !== last[0] || first[1] !== last[1]) return { kind: 'not-closed' };
    }
  }
  return null;
}

/** Bounding box of the positions as given: [minX, minY, maxX, maxY]. */
export function bbox(geometry: PolygonGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions(geometry)) {
    box[0] = Math.min(box[0], x!);
    box[1] = Math.min(box[1], y!);
    box[2] = Math.max(box[2], x!);
    box[3] = Math.max(box[3], y!);
  }
  return box;
}

/** Whether longitude/latitude in degrees lie inside the region (and are valid WGS84 degrees at all). */
export const insideRegion = (lon: number, lat: number, region: Region = GERMANY) =>
  Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && lon >= region.minLon && lon <= region.maxLon && lat >= region.minLat && lat <= region.maxLat;

/** How one geometry's vertices can be read: as degrees at all, and inside the region as [lon, lat] or as [lat, lon]. */
export function axisFit(geometry: PolygonGeometry, region: Region = GERMANY): { degrees: boolean; lonLat: boolean; latLon: boolean } {
  const [minX, minY, maxX, maxY] = bbox(geometry);
  // All vertices are inside a box exactly when both corners of their bounding box are.
  return {
    degrees: Math.max(-minX, maxX) <= 180 && Math.max(-minY, maxY) <= 180 && Math.min(Math.max(-minX, maxX), Math.max(-minY, maxY)) <= 90,
    lonLat: insideRegion(minX, minY, region) && insideRegion(maxX, maxY, region),
    latLon: insideRegion(minY, minX, region) && insideRegion(maxY, maxX, region),
  };
}

/**
 * Detects the axis order of the coordinates. Rule: a reading is plausible when every vertex,
 * read as (lon, lat) in that order, is a valid WGS84 position (|lon| ≤ 180, |lat| ≤ 90) AND lies
 * inside `region` (by default Germany's bounding box, since the product serves German cities).
 * Exactly one plausible reading → that one. None or both (e.g. data near the lon = lat diagonal,
 * or a region so wide that both fit) → an error asking for an explicit `axisOrder`: we never guess.
 */
export function detectAxisOrder(features: PolygonFeature[], region: Region = GERMANY): AxisDetection {
  const fits = { 'lon,lat': true, 'lat,lon': true } as Record<AxisOrder, boolean>;
  let n = 0;
  for (const f of features) {
    for (const [a, b] of positions(f.geometry)) {
      n++;
      if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) {
        throw new Error(`non-numeric coordinate [${a}, ${b}]`);
      }
      if (fits['lon,lat'] && !insideRegion(a, b, region)) fits['lon,lat'] = false;
      if (fits['lat,lon'] && !insideRegion(b, a, region)) fits['lat,lon'] = false;
    }
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

/** The geometry with the first two values of every position swapped. */
export function swapAxes(geometry: PolygonGeometry): PolygonGeometry {
  const swap = (ring: Position[]) => ring.map(([a, b, ...rest]) => [b!, a!, ...rest]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(swap) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(swap)) };
}

export const toLonLat = (geometry: PolygonGeometry, order: AxisOrder) => (order === 'lon,lat' ? geometry : swapAxes(geometry));

/** EPSG codes an area file may be given in besides WGS84: ETRS89 / UTM zones 32N and 33N, as German surveying offices publish. */
export const PROJECTED_SRIDS = [25832, 25833] as const;

/**
 * A GeoJSON text in `srid` as stored in the area table: 2D, in EPSG:4326, made valid, polygonal
 * part only, always a MultiPolygon. `geojson` and `srid` are SQL expressions.
 */
export const storedAreaGeometry = (geojson: Prisma.Sql, srid: Prisma.Sql = Prisma.sql`4326`) =>
  Prisma.sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(${inputGeometry(geojson, srid)}), 3))`;

/** The geometry as given, transformed to EPSG:4326 (2D), before any repair. */
const inputGeometry = (geojson: Prisma.Sql, srid: Prisma.Sql) =>
  Prisma.sql`ST_Force2D(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), ${srid}), 4326))`;

export interface GeometryCheck {
  /** ST_IsValid of the geometry as given (after transformation to EPSG:4326) */
  valid: boolean;
  /** ST_IsValidReason, e.g. "Self-intersection[12.305 51.305]" */
  reason: string;
  /** for invalid geometries: ST_MakeValid leaves a valid, non-empty polygon */
  repairable: boolean;
  /** bounding box in EPSG:4326 (lon/lat) */
  box: [number, number, number, number];
  /** km² (geodesic) of the geometry as it would be stored; null when nothing is left */
  areaKm2: number | null;
}

/**
 * Checks GeoJSON polygons (structurally sound, see `shapeProblem`) in PostGIS in one query:
 * validity, whether ST_MakeValid can repair them, bounding box and area as stored.
 */
export async function checkGeometries(tx: Tx | Prisma.TransactionClient, items: { geojson: string; srid: number }[]): Promise<GeometryCheck[]> {
  if (items.length === 0) return [];
  const rows = await tx.$queryRaw<{ n: number; valid: boolean; reason: string; empty: boolean; fixedvalid: boolean; x0: number; y0: number; x1: number; y1: number; km2: number | null }[]>`
    WITH g AS (
      SELECT u.n, ${inputGeometry(Prisma.sql`u.t`, Prisma.sql`u.s`)} AS g
        FROM unnest(${items.map((i) => i.geojson)}::text[], ${items.map((i) => i.srid)}::int[]) WITH ORDINALITY AS u(t, s, n)
    ), f AS (SELECT n, g, ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) AS f FROM g)
    SELECT n::int AS n, ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_IsEmpty(f) AS empty, ST_IsValid(f) AS fixedvalid,
           ST_XMin(g) AS x0, ST_YMin(g) AS y0, ST_XMax(g) AS x1, ST_YMax(g) AS y1,
           CASE WHEN ST_IsEmpty(f) THEN NULL ELSE ST_Area(f::geography) / 1e6 END AS km2
      FROM f ORDER BY n`;
  return rows.map((r) => ({
    valid: r.valid,
    reason: r.reason,
    repairable: !r.empty && r.fixedvalid,
    box: [r.x0, r.y0, r.x1, r.y1],
    areaKm2: r.km2,
  }));
}
