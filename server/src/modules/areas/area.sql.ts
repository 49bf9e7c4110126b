import { Prisma, type PrismaClient } from '@sozialatlas/db';
import { cityCondition } from '../cities/city.sql';
import { simplifiedAreaGeometry } from '../common/spatial.sql';
import type { AreaFilter } from './area.args';
import type { Area } from './area.type';

// Spatial SQL of the areas module. Everything is a tagged template: values are parameters, never
// spliced into the SQL text.

const areaColumns = Prisma.sql`a.id, a.code, a.name, a.level::text AS level, a.area_km2 AS "areaKm2",
  a.parent_id AS "parentId", a.source_id AS "sourceId"`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function areaWhere(filter: AreaFilter = {}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  conditions.push(cityCondition(Prisma.sql`a.city_id`, filter.scope));
  if (filter.level) conditions.push(Prisma.sql`a.level = ${filter.level}::area_level`);
  if (filter.parentId !== undefined && filter.parentId !== null) conditions.push(Prisma.sql`a.parent_id = ${filter.parentId}`);
  if (filter.codes) conditions.push(Prisma.sql`a.code = ANY(${filter.codes}::text[])`);
  if (filter.nameContains) conditions.push(Prisma.sql`a.name ILIKE ${`%${escapeLike(filter.nameContains)}%`}`);
  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    conditions.push(
      Prisma.sql`ST_Intersects(a.geom, ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326))`,
    );
  }
  if (filter.containsPoint) {
    const { lon, lat } = filter.containsPoint;
    conditions.push(Prisma.sql`ST_Covers(a.geom, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326))`);
  }
  return Prisma.join(conditions, ' AND ');
}

export function findAreas(prisma: PrismaClient, filter: AreaFilter | undefined, take: number, afterId?: number) {
  return prisma.$queryRaw<Area[]>`
    SELECT ${areaColumns} FROM area a
     WHERE ${areaWhere(filter)} AND a.id > ${afterId ?? 0}
     ORDER BY a.id LIMIT ${take}`;
}

export async function countAreas(prisma: PrismaClient, filter: AreaFilter | undefined): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM area a WHERE ${areaWhere(filter)}`;
  return row?.n ?? 0;
}

export function areasByIds(prisma: PrismaClient, ids: readonly number[]) {
  return prisma.$queryRaw<Area[]>`SELECT ${areaColumns} FROM area a WHERE a.id = ANY(${[...ids]}::int[])`;
}

export function childrenOf(prisma: PrismaClient, parentIds: readonly number[]) {
  return prisma.$queryRaw<Area[]>`SELECT ${areaColumns} FROM area a WHERE a.parent_id = ANY(${[...parentIds]}::int[]) ORDER BY a.code`;
}

/**
 * Areas of the same level sharing a border (or a corner) with each given area. A tolerance of
 * 2·10⁻⁷ degrees (≈ 2 cm) absorbs the tiny gaps real boundary data has between neighbours; the
 * planar test uses the GiST index (a geodesic one would compare every pair).
 */
export function neighboursOf(prisma: PrismaClient, ids: readonly number[]) {
  return prisma.$queryRaw<(Area & { ofId: number })[]>`
    SELECT ${areaColumns}, x.id AS "ofId"
      FROM area x
      JOIN area a ON a.level = x.level AND a.id <> x.id
                 AND ST_DWithin(a.geom, x.geom, 0.0000002)
     WHERE x.id = ANY(${[...ids]}::int[])
     ORDER BY a.code`;
}

/**
 * Geometry as GeoJSON text. Simplification runs in the area's UTM zone (metres), with
 * ST_SimplifyPreserveTopology so that every polygon stays valid.
 */
export function geometriesOf(prisma: PrismaClient, ids: readonly number[], toleranceM: number, precision: number) {
  return prisma.$queryRaw<{ id: number; geojson: string | null }[]>`
    SELECT a.id, ST_AsGeoJSON(${simplifiedAreaGeometry(toleranceM)}, ${precision}::int) AS geojson
      FROM area a
     WHERE a.id = ANY(${[...ids]}::int[])`;
}

export function labelPointsOf(prisma: PrismaClient, ids: readonly number[], precision: number) {
  return prisma.$queryRaw<{ id: number; geojson: string | null }[]>`
    SELECT a.id, ST_AsGeoJSON(a.label_point, ${precision}::int) AS geojson
      FROM area a WHERE a.id = ANY(${[...ids]}::int[])`;
}
