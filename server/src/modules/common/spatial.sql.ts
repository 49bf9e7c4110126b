import { Prisma } from '@sozialatlas/db';

/**
 * An area's geometry simplified by a tolerance in metres (Douglas–Peucker in its UTM zone, each
 * polygon kept valid), or unchanged for a tolerance of 0. The map's zoom levels are stored
 * (area_geometry_level, kept current by a trigger); other tolerances are computed by the same
 * SQL function. `area` is the alias of the area table (`a` unless given).
 */
export const simplifiedAreaGeometry = (toleranceM: number, area: Prisma.Sql = Prisma.sql`a`) => Prisma.sql`
  COALESCE((SELECT gl.geom FROM area_geometry_level gl WHERE gl.area_id = ${area}.id AND gl.tolerance_m = ${toleranceM}::float8),
           area_simplify(${area}.geom, ${area}.label_point, ${toleranceM}::float8))`;

/** An area as a downloadable feature (/export and /ogc): keys, parent code, size and GeoJSON. */
export interface AreaFeatureRow {
  id: number;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  areaKm2: number | null;
  geojson: string | null;
}

/**
 * The columns of AreaFeatureRow for `geometry` written with `digits` decimals; FROM `areaWithParent`.
 */
export const areaFeatureColumns = (geometry: Prisma.Sql, digits: number) => Prisma.sql`
  a.id, a.code, a.name, a.level::text AS level, p.code AS "parentCode", a.area_km2 AS "areaKm2",
  ST_AsGeoJSON(${geometry}, ${digits}::int) AS geojson`;

export const areaWithParent = Prisma.sql`area a LEFT JOIN area p ON p.id = a.parent_id`;
