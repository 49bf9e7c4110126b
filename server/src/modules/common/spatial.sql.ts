import { Prisma } from '@sozialatlas/db';

/**
 * SRID of the WGS 84 / UTM zone (north) containing a point: distances and simplification
 * tolerances in metres are applied in this projection. `point` is an SQL expression.
 */
export const utmSrid = (point: Prisma.Sql) => Prisma.sql`(32600 + floor((ST_X(${point}) + 180) / 6)::int + 1)`;

/**
 * An area's geometry simplified by a tolerance in metres (Douglas–Peucker in its UTM zone, each
 * polygon kept valid), or unchanged for a tolerance of 0. Expects the area table aliased `a`.
 */
export const simplifiedAreaGeometry = (toleranceM: number) => Prisma.sql`
  CASE WHEN ${toleranceM}::float8 > 0 THEN
    ST_Multi(ST_Transform(ST_SimplifyPreserveTopology(ST_Transform(a.geom, ${utmSrid(Prisma.sql`a.label_point`)}), ${toleranceM}::float8), 4326))
  ELSE a.geom END`;
