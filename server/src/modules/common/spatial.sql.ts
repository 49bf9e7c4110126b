import { Prisma } from '@sozialatlas/db';

/**
 * An area's geometry simplified by a tolerance in metres (Douglas–Peucker in its UTM zone, each
 * polygon kept valid), or unchanged for a tolerance of 0. The map's zoom levels are stored
 * (area_geometry_level, kept current by a trigger); other tolerances are computed by the same
 * SQL function. Expects the area table aliased `a`.
 */
export const simplifiedAreaGeometry = (toleranceM: number) => Prisma.sql`
  COALESCE((SELECT gl.geom FROM area_geometry_level gl WHERE gl.area_id = a.id AND gl.tolerance_m = ${toleranceM}::float8),
           area_simplify(a.geom, a.label_point, ${toleranceM}::float8))`;
