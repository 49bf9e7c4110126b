// The orientation layers as OGC API Features collections (`transit-stops`, `social-buildings`):
// points with their attributes and the key of their source (OpenStreetMap, or a city's own layer
// such as Chemnitz's schools), bbox paging and `city` like the other collections.
import { Prisma, type PrismaClient } from '@sozialatlas/db';
import { cityCondition, type CityScope } from '../cities/city.sql';

export type PlaceCollectionId = 'transit-stops' | 'social-buildings';

export interface PlaceRow {
  id: number;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
}

type Bbox = [number, number, number, number] | undefined;

/** The city of a place is the city of its area; a place in no area counts for the default city. */
export const placeInCity = (alias: Prisma.Sql, scope?: CityScope) =>
  cityCondition(Prisma.sql`(SELECT pa.city_id FROM area pa WHERE pa.id = ${alias}.area_id)`, scope);

const box = (bbox: Bbox, alias: Prisma.Sql) =>
  bbox ? Prisma.sql`${alias}.geom && ST_MakeEnvelope(${bbox[0]}::float8, ${bbox[1]}::float8, ${bbox[2]}::float8, ${bbox[3]}::float8, 4326)` : Prisma.sql`TRUE`;

/** A page of a place collection; a feature by id wherever it is, a list of one city (`scope`). */
export async function findPlaces(prisma: PrismaClient, id: PlaceCollectionId, filter: { bbox?: Bbox; featureId?: number; scope?: CityScope }, limit: number, offset: number) {
  const one = filter.featureId !== undefined ? Prisma.sql`p.id = ${filter.featureId}::int` : placeInCity(Prisma.sql`p`, filter.scope);
  const where = Prisma.sql`${box(filter.bbox, Prisma.sql`p`)} AND ${one}`;
  if (id === 'transit-stops') {
    const [rows, count] = await Promise.all([
      prisma.$queryRaw<{ id: number; lon: number; lat: number; name: string | null; mode: string; osm: string; area_code: string | null; area_name: string | null; source: string }[]>`
        SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.name, p.mode::text AS mode, p.external_id AS osm, a.code AS area_code, a.name AS area_name, s.key AS source
          FROM transit_stop p JOIN source s ON s.id = p.source_id LEFT JOIN area a ON a.id = p.area_id WHERE ${where} ORDER BY p.id LIMIT ${limit}::int OFFSET ${offset}::int`,
      prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM transit_stop p WHERE ${where}`,
    ]);
    return { rows: rows.map(({ id: rid, lon, lat, ...properties }): PlaceRow => ({ id: rid, lon, lat, properties: { ...properties, osm_id: properties.osm, osm: undefined } })), matched: count[0]!.n };
  }
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<{ id: number; lon: number; lat: number; name: string | null; amenity: string; operator: string | null; address: string | null; postal_code: string | null; osm: string; area_code: string | null; area_name: string | null; source: string }[]>`
      SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.name, p.amenity, p.operator,
             NULLIF(concat_ws(' ', p.street, p.house_number), '') AS address, p.postal_code, p.external_id AS osm, a.code AS area_code, a.name AS area_name, s.key AS source
        FROM social_building p JOIN source s ON s.id = p.source_id LEFT JOIN area a ON a.id = p.area_id WHERE ${where} ORDER BY p.id LIMIT ${limit}::int OFFSET ${offset}::int`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM social_building p WHERE ${where}`,
  ]);
  return { rows: rows.map(({ id: rid, lon, lat, ...properties }): PlaceRow => ({ id: rid, lon, lat, properties: { ...properties, osm_id: properties.osm, osm: undefined } })), matched: count[0]!.n };
}

/** Keys of the sources of a place collection (each layer attributes its own). */
export function placeSourceKeys(prisma: PrismaClient, id: PlaceCollectionId): Promise<string[]> {
  const table = id === 'transit-stops' ? Prisma.sql`transit_stop` : Prisma.sql`social_building`;
  return prisma.$queryRaw<{ key: string }[]>`SELECT DISTINCT s.key FROM ${table} p JOIN source s ON s.id = p.source_id ORDER BY s.key`.then((rows) => rows.map((r) => r.key));
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
  'transit-stops': { name: 'name of the stop (OSM)', mode: 'TRAM, BUS or TRAIN', osm_id: 'OSM element, e.g. node/26080888', area_code: 'key of the Ortsteil containing the stop', area_name: 'name of that Ortsteil', source: 'key of the source (attribution in the response)' },
  'social-buildings': { name: 'name', amenity: 'amenity tag (OSM), e.g. school for a city\'s schools', operator: 'operator', address: 'street and number', postal_code: 'postal code', osm_id: 'id in the source: the OSM way for OpenStreetMap data, the city\'s id otherwise', area_code: 'key of the Ortsteil', area_name: 'name of that Ortsteil', source: 'key of the source (attribution in the response)' },
};
