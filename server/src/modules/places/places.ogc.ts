// The orientation layers as OGC API Features collections (`transit-stops`, `social-buildings`):
// points with their OSM attributes, bbox paging like the other collections.
import { Prisma, type PrismaClient } from '@sozialatlas/db';

export type PlaceCollectionId = 'transit-stops' | 'social-buildings';

export interface PlaceRow {
  id: number;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
}

type Bbox = [number, number, number, number] | undefined;

const box = (bbox: Bbox, alias: Prisma.Sql) =>
  bbox ? Prisma.sql`${alias}.geom && ST_MakeEnvelope(${bbox[0]}::float8, ${bbox[1]}::float8, ${bbox[2]}::float8, ${bbox[3]}::float8, 4326)` : Prisma.sql`TRUE`;

export async function findPlaces(prisma: PrismaClient, id: PlaceCollectionId, filter: { bbox?: Bbox; featureId?: number }, limit: number, offset: number) {
  const one = filter.featureId !== undefined ? Prisma.sql`p.id = ${filter.featureId}::int` : Prisma.sql`TRUE`;
  const where = Prisma.sql`${box(filter.bbox, Prisma.sql`p`)} AND ${one}`;
  if (id === 'transit-stops') {
    const [rows, count] = await Promise.all([
      prisma.$queryRaw<{ id: number; lon: number; lat: number; name: string | null; mode: string; osm: string; area_code: string | null; area_name: string | null }[]>`
        SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.name, p.mode::text AS mode, p.external_id AS osm, a.code AS area_code, a.name AS area_name
          FROM transit_stop p LEFT JOIN area a ON a.id = p.area_id WHERE ${where} ORDER BY p.id LIMIT ${limit}::int OFFSET ${offset}::int`,
      prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM transit_stop p WHERE ${where}`,
    ]);
    return { rows: rows.map(({ id: rid, lon, lat, ...properties }): PlaceRow => ({ id: rid, lon, lat, properties: { ...properties, osm_id: properties.osm, osm: undefined } })), matched: count[0]!.n };
  }
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<{ id: number; lon: number; lat: number; name: string | null; amenity: string; operator: string | null; address: string | null; postal_code: string | null; osm: string; area_code: string | null; area_name: string | null }[]>`
      SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.name, p.amenity, p.operator,
             NULLIF(concat_ws(' ', p.street, p.house_number), '') AS address, p.postal_code, p.external_id AS osm, a.code AS area_code, a.name AS area_name
        FROM social_building p LEFT JOIN area a ON a.id = p.area_id WHERE ${where} ORDER BY p.id LIMIT ${limit}::int OFFSET ${offset}::int`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM social_building p WHERE ${where}`,
  ]);
  return { rows: rows.map(({ id: rid, lon, lat, ...properties }): PlaceRow => ({ id: rid, lon, lat, properties: { ...properties, osm_id: properties.osm, osm: undefined } })), matched: count[0]!.n };
}

export async function placeExtent(prisma: PrismaClient, id: PlaceCollectionId) {
  const [e] = id === 'transit-stops'
    ? await prisma.$queryRaw<{ minLon: number | null; minLat: number | null; maxLon: number | null; maxLat: number | null }[]>`
        SELECT ST_XMin(ext) AS "minLon", ST_YMin(ext) AS "minLat", ST_XMax(ext) AS "maxLon", ST_YMax(ext) AS "maxLat" FROM (SELECT ST_Extent(geom) AS ext FROM transit_stop) x`
    : await prisma.$queryRaw<{ minLon: number | null; minLat: number | null; maxLon: number | null; maxLat: number | null }[]>`
        SELECT ST_XMin(ext) AS "minLon", ST_YMin(ext) AS "minLat", ST_XMax(ext) AS "maxLon", ST_YMax(ext) AS "maxLat" FROM (SELECT ST_Extent(geom) AS ext FROM social_building) x`;
  return e!;
}

export const PLACE_SCHEMA: Record<PlaceCollectionId, Record<string, string>> = {
  'transit-stops': { name: 'name of the stop (OSM)', mode: 'TRAM, BUS or TRAIN', osm_id: 'OSM element, e.g. node/26080888', area_code: 'key of the Ortsteil containing the stop', area_name: 'name of that Ortsteil' },
  'social-buildings': { name: 'name (OSM)', amenity: 'OSM amenity tag', operator: 'operator (OSM)', address: 'street and number', postal_code: 'postal code', osm_id: 'OSM way id', area_code: 'key of the Ortsteil', area_name: 'name of that Ortsteil' },
};
