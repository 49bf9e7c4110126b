import { Prisma, type PrismaClient } from '@sozialatlas/db';
import type { Polarity, ValueStatus } from '../../analysis';
import type { Caller } from '../auth/caller';
import { visibleFunding, visibleService } from '../common/visible.sql';
import { present } from '../indicators/indicator.sql';
import { type AreaId } from '../areas/area-id';
import { cityCondition, type CityScope } from '../cities/city.sql';

// SQL of the analysis module. Set-based: one query per input kind (areas, indicator values,
// services with their points, demand cells, fundings), never one per area. Tagged templates only.

export interface LevelArea {
  id: number;
  code: string;
  name: string;
}

/** All areas of one level of the city (`scope`; absent: the default city), ordered by official key. */
export function areasOfLevel(prisma: PrismaClient, level: string, scope?: CityScope) {
  return prisma.$queryRaw<LevelArea[]>`
    SELECT a.id, a.code, a.name FROM area a WHERE a.level = ${level}::area_level AND ${cityCondition(Prisma.sql`a.city_id`, scope)} ORDER BY a.code, a.id`;
}

export interface IndicatorRow {
  id: number;
  key: string;
  name: string;
  nameEn: string | null;
  unit: string;
  polarity: Polarity;
}

export function indicatorsByKeys(prisma: PrismaClient, keys: readonly string[]) {
  return prisma.$queryRaw<IndicatorRow[]>`
    SELECT i.id, i.key, i.name, i.name_en AS "nameEn", i.unit::text AS unit, i.polarity::text AS polarity
      FROM indicator i WHERE i.key = ANY(${[...keys]}::text[])`;
}

export interface AnalysisValueRow {
  areaId: AreaId;
  level: string;
  indicatorKey: string;
  year: number;
  value: number | null;
  status: ValueStatus;
  secondary: boolean;
}

/**
 * All values of the given indicators for the areas of the given levels and years, in one query.
 * Suppressed values (Geheimhaltung) pass through `present()`: null for callers who may not see them;
 * the status is kept so the analyses treat SUPPRESSED as missing for everybody.
 */
export async function valuesForLevels(
  prisma: PrismaClient,
  filter: { indicatorIds: number[]; levels: string[]; fromYear: number; toYear: number; onlyYears?: number[] },
  caller: Caller,
): Promise<AnalysisValueRow[]> {
  const onlyYears = filter.onlyYears ? Prisma.sql`AND v.year = ANY(${filter.onlyYears}::int[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<AnalysisValueRow[]>`
    SELECT v.area_id AS "areaId", a.level::text AS level, i.key AS "indicatorKey", v.year, v.value, v.status::text AS status,
           v.secondary_suppression AS secondary
      FROM indicator_value v
      JOIN area a ON a.id = v.area_id
      JOIN indicator i ON i.id = v.indicator_id
     WHERE v.indicator_id = ANY(${filter.indicatorIds}::int[])
       -- the enum compared as itself, not as text: the planner then knows how many areas a level has
       -- (with the cast it guessed 0.5 % and looped over the areas: 0.5 s instead of 0.2 s on 10,000 districts)
       AND a.level = ANY(${filter.levels}::area_level[])
       AND v.year BETWEEN ${filter.fromYear} AND ${filter.toYear} ${onlyYears}`;
  return present(rows, caller);
}

export interface CategoryNormRow {
  categoryId: number;
  key: string;
  name: string;
  nameEn: string;
  normId: number | null;
  perThousand: number | null;
  zoneRadiiM: number[] | null;
  zoneWeights: number[] | null;
  targetDescription: string | null;
  origin: string | null;
  targetIndicatorId: number | null;
  targetIndicatorKey: string | null;
}

/** Service categories with their coverage norm (null columns when a category has no norm). */
export function categoriesWithNorms(prisma: PrismaClient, keys: readonly string[] | null) {
  const where = keys ? Prisma.sql`c.key = ANY(${[...keys]}::text[])` : Prisma.sql`TRUE`;
  return prisma.$queryRaw<CategoryNormRow[]>`
    SELECT c.id AS "categoryId", c.key, c.name, c.name_en AS "nameEn", n.id AS "normId",
           n.capacity_per_1000 AS "perThousand", n.zone_radii_m AS "zoneRadiiM", n.zone_weights AS "zoneWeights",
           n.target_description AS "targetDescription", n.origin,
           n.target_indicator_id AS "targetIndicatorId", i.key AS "targetIndicatorKey"
      FROM service_category c
      LEFT JOIN coverage_norm n ON n.category_id = c.id
      LEFT JOIN indicator i ON i.id = n.target_indicator_id
     WHERE ${where}
     ORDER BY c.key`;
}

/**
 * Ancestor-or-self of every area at the given level (areaId → levelAreaId), as a SQL fragment
 * `anc(area_id, level_area_id)`, for hierarchies of up to four levels.
 */
function ancestorsAt(level: string): Prisma.Sql {
  // Joins instead of a recursive CTE: the hierarchy has at most four levels (planning area →
  // district → borough → city), and the planner estimates joins well, whereas a recursive CTE's
  // row estimate can push it into a nested loop over every location × area on large cities.
  return Prisma.sql`anc AS (
      SELECT a.id AS area_id,
             CASE WHEN a.level = ${level}::area_level THEN a.id
                  WHEN p1.level = ${level}::area_level THEN p1.id
                  WHEN p2.level = ${level}::area_level THEN p2.id
                  WHEN p3.level = ${level}::area_level THEN p3.id END AS level_area_id
        FROM area a
        LEFT JOIN area p1 ON p1.id = a.parent_id
        LEFT JOIN area p2 ON p2.id = p1.parent_id
        LEFT JOIN area p3 ON p3.id = p2.parent_id
       WHERE ${level}::area_level IN (a.level, p1.level, p2.level, p3.level)
    )`;
}

/** Each area of `fromLevel` with its ancestor at `toLevel` (one query). */
export function levelMap(prisma: PrismaClient, fromLevel: string, toLevel: string, scope?: CityScope) {
  return prisma.$queryRaw<{ areaId: AreaId; levelAreaId: number }[]>`
    WITH ${ancestorsAt(toLevel)}
    SELECT a.id AS "areaId", anc.level_area_id AS "levelAreaId"
      FROM area a JOIN anc ON anc.area_id = a.id WHERE a.level = ${fromLevel}::area_level AND ${cityCondition(Prisma.sql`a.city_id`, scope)}`;
}

export interface ServicePointRow {
  serviceId: number;
  name: string;
  categoryKey: string;
  capacity: number | null;
  locationId: number | null;
  lon: number | null;
  lat: number | null;
  /** area of the location at the requested level; null = no location or outside every area */
  areaId: AreaId | null;
  share: number | null;
  /** locations of the service */
  nLocations: number;
}

/**
 * Services of the categories with their location points and the area of each location at the
 * level (location.area_id is the finest area; its ancestor at the level is taken). One row per
 * service × location. `activeOnly`: status ACTIVE (coverage, accessibility); published ones only
 * unless the caller may see unpublished records.
 */
export function servicePoints(
  prisma: PrismaClient,
  filter: { categoryIds: number[] | null; level: string; activeOnly: boolean; serviceIds?: number[]; scope?: CityScope },
  caller: Caller,
) {
  // services of the city (absent: the default city)
  const conditions: Prisma.Sql[] = [cityCondition(Prisma.sql`s.city_id`, filter.scope)];
  if (filter.categoryIds) conditions.push(Prisma.sql`s.category_id = ANY(${filter.categoryIds}::int[])`);
  if (filter.serviceIds) conditions.push(Prisma.sql`s.id = ANY(${filter.serviceIds}::int[])`);
  if (filter.activeOnly) conditions.push(Prisma.sql`s.status = 'ACTIVE'`);
  conditions.push(visibleService(caller));
  return prisma.$queryRaw<ServicePointRow[]>`
    WITH ${ancestorsAt(filter.level)}
    SELECT s.id AS "serviceId", s.name, c.key AS "categoryKey", s.capacity, l.id AS "locationId",
           ST_X(l.geom) AS lon, ST_Y(l.geom) AS lat, anc.level_area_id AS "areaId", sl.share,
           (count(l.id) OVER (PARTITION BY s.id))::int AS "nLocations"
      FROM service s
      JOIN service_category c ON c.id = s.category_id
      LEFT JOIN service_location sl ON sl.service_id = s.id
      LEFT JOIN location l ON l.id = sl.location_id
      LEFT JOIN anc ON anc.area_id = l.area_id
     WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY s.id, l.id`;
}

export interface DemandCellRow {
  /** finest area (the level the cells were cut from) */
  areaId: AreaId;
  x: number;
  y: number;
  /** m² of the cell inside the area */
  weight: number;
}

/** Cell sizes the database stores (demand_cell, written by a trigger when areas change). */
export const STORED_GRID_SIZES: readonly number[] = [250];

/**
 * Demand points: a regular square grid (`size` metres) over each area of the level, laid out in the
 * UTM zone of the area's label point (metric); each cell is clipped to the area and its centroid kept
 * with the clipped area (m²) as weight (SQL function demand_grid_cells). The stored sizes are read
 * from demand_cell, others computed by the same function. Areas without geometry give no cells.
 */
export function gridCells(prisma: PrismaClient, level: string, size: number, scope?: CityScope) {
  const inScope = cityCondition(Prisma.sql`a.city_id`, scope);
  if (STORED_GRID_SIZES.includes(size)) {
    return prisma.$queryRaw<DemandCellRow[]>`
      SELECT c.area_id AS "areaId", c.x, c.y, c.weight
        FROM demand_cell c JOIN area a ON a.id = c.area_id
       WHERE a.level = ${level}::area_level AND c.size_m = ${size}::int AND ${inScope}
       ORDER BY c.area_id, c.n`;
  }
  return prisma.$queryRaw<DemandCellRow[]>`
    SELECT a.id AS "areaId", c.x, c.y, c.weight
      FROM area a CROSS JOIN LATERAL demand_grid_cells(a.geom, demand_grid_srid(a.label_point), ${size}::float8) AS c
     WHERE a.level = ${level}::area_level AND a.geom IS NOT NULL AND ${inScope}
     ORDER BY a.id, c.n`;
}

/** One demand point per area: its label point (ST_PointOnSurface), weight 1. */
export function labelPointCells(prisma: PrismaClient, level: string, scope?: CityScope) {
  return prisma.$queryRaw<DemandCellRow[]>`
    SELECT a.id AS "areaId", ST_X(a.label_point) AS x, ST_Y(a.label_point) AS y, 1::float8 AS weight
      FROM area a WHERE a.level = ${level}::area_level AND a.label_point IS NOT NULL AND ${cityCondition(Prisma.sql`a.city_id`, scope)} ORDER BY a.id`;
}

/** A cheap fingerprint of the area geometries (cache key for the demand grid). */
export async function areaStamp(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRaw<{ stamp: string }[]>`
    SELECT count(*)::text || '|' || coalesce(max(updated_at)::text, '') || '|' || coalesce(sum(version)::text, '') AS stamp FROM area`;
  return row?.stamp ?? '';
}

export interface PointAreaRow {
  idx: number;
  /** finest area covering the point */
  finestId: number | null;
  /** its ancestor at the requested level */
  areaId: AreaId | null;
}

/** The area (at the level) covering each point, found spatially with ST_Covers; one query for all points. */
/** The area of `level` of each point, among the areas of the city (`scope`; absent: the default city). */
export function areasOfPoints(prisma: PrismaClient, points: readonly { lon: number; lat: number }[], level: string, scope?: CityScope) {
  return prisma.$queryRaw<PointAreaRow[]>`
    WITH ${ancestorsAt(level)},
    pts AS (
      SELECT (ord - 1)::int AS idx, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS pt
        FROM unnest(${points.map((p) => p.lon)}::float8[], ${points.map((p) => p.lat)}::float8[]) WITH ORDINALITY AS u(lon, lat, ord)
    ),
    finest AS (
      SELECT DISTINCT ON (pts.idx) pts.idx, a.id
        FROM pts JOIN area a ON a.geom IS NOT NULL AND ST_Covers(a.geom, pts.pt) AND ${cityCondition(Prisma.sql`a.city_id`, scope)}
       ORDER BY pts.idx, CASE a.level WHEN 'PLANNING_AREA' THEN 0 WHEN 'DISTRICT' THEN 1 WHEN 'BOROUGH' THEN 2 ELSE 3 END
    )
    SELECT pts.idx, finest.id AS "finestId", anc.level_area_id AS "areaId"
      FROM pts LEFT JOIN finest ON finest.idx = pts.idx LEFT JOIN anc ON anc.area_id = finest.id
     ORDER BY pts.idx`;
}

export interface FundingRow {
  serviceId: number;
  year: number;
  amount: string;
  categoryKey: string;
}

/** Granted or paid funding of services (not provider-level funding, not applications) per service and year. */
export function fundings(prisma: PrismaClient, filter: { fromYear: number; toYear: number; categoryIds: number[] | null; scope?: CityScope }, caller: Caller) {
  const conditions: Prisma.Sql[] = [
    cityCondition(Prisma.sql`s.city_id`, filter.scope),
    Prisma.sql`f.service_id IS NOT NULL`,
    Prisma.sql`f.status <> 'APPLIED'`,
    Prisma.sql`f.year BETWEEN ${filter.fromYear} AND ${filter.toYear}`,
  ];
  if (filter.categoryIds) conditions.push(Prisma.sql`s.category_id = ANY(${filter.categoryIds}::int[])`);
  conditions.push(visibleFunding(caller));
  return prisma.$queryRaw<FundingRow[]>`
    SELECT f.service_id AS "serviceId", f.year, sum(f.amount)::text AS amount, c.key AS "categoryKey"
      FROM funding f JOIN service s ON s.id = f.service_id JOIN service_category c ON c.id = s.category_id
     WHERE ${Prisma.join(conditions, ' AND ')}
     GROUP BY f.service_id, f.year, c.key
     ORDER BY f.service_id, f.year`;
}

export function priceIndex(prisma: PrismaClient) {
  return prisma.$queryRaw<{ year: number; index: number; baseYear: number }[]>`
    SELECT year, value AS index, base_year AS "baseYear" FROM price_index ORDER BY year`;
}
