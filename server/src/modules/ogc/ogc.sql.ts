import { Prisma, type PrismaClient } from '@sozialatlas/db';
import type { Caller } from '../auth/caller';
import { cityCondition, inDefaultCity, type CityScope } from '../cities/city.sql';
import { areaFeatureColumns, areaWithParent, type AreaFeatureRow } from '../common/spatial.sql';
import { visibleService } from '../common/visible.sql';
import { present, type MissingReason } from '../indicators/indicator.sql';
import { serviceAtLocationColumns, type ServiceAtLocationRow } from '../services/service.sql';

// SQL of the OGC API – Features endpoint. Tagged templates only; every value is a parameter.
// Spatial filters use ST_Intersects with an envelope so the GiST indexes on area.geom and
// location.geom are used.

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

const envelope = (b: BBox) =>
  Prisma.sql`ST_MakeEnvelope(${b.minLon}::float8, ${b.minLat}::float8, ${b.maxLon}::float8, ${b.maxLat}::float8, 4326)`;

// ---------------------------------------------------------------------------------------------
// Areas

export interface AreaFilter {
  level: string;
  bbox?: BBox;
  code?: string;
  /** the `city`/`stadt` parameter resolved; absent: the default city */
  scope?: CityScope;
}

function areaWhere(filter: AreaFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`a.level = ${filter.level}::area_level`, cityCondition(Prisma.sql`a.city_id`, filter.scope)];
  if (filter.bbox) conditions.push(Prisma.sql`ST_Intersects(a.geom, ${envelope(filter.bbox)})`);
  if (filter.code !== undefined) conditions.push(Prisma.sql`a.code = ${filter.code}`);
  return Prisma.join(conditions, ' AND ');
}

export function findAreas(prisma: PrismaClient, filter: AreaFilter, limit: number, offset: number) {
  return prisma.$queryRaw<AreaFeatureRow[]>`
    SELECT ${areaFeatureColumns(Prisma.sql`a.geom`, 7)}
      FROM ${areaWithParent}
     WHERE ${areaWhere(filter)}
     ORDER BY a.code
     LIMIT ${limit} OFFSET ${offset}`;
}

export async function countAreas(prisma: PrismaClient, filter: AreaFilter): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM area a WHERE ${areaWhere(filter)}`;
  return row?.n ?? 0;
}

export interface Extent {
  minLon: number | null;
  minLat: number | null;
  maxLon: number | null;
  maxLat: number | null;
  fromYear: number | null;
  toYear: number | null;
}

export async function areaExtent(prisma: PrismaClient, level: string): Promise<Extent> {
  const [row] = await prisma.$queryRaw<Extent[]>`
    SELECT ST_XMin(e) AS "minLon", ST_YMin(e) AS "minLat", ST_XMax(e) AS "maxLon", ST_YMax(e) AS "maxLat",
           (SELECT min(v.year) FROM indicator_value v JOIN area va ON va.id = v.area_id AND va.level = ${level}::area_level) AS "fromYear",
           (SELECT max(v.year) FROM indicator_value v JOIN area va ON va.id = v.area_id AND va.level = ${level}::area_level) AS "toYear"
      FROM (SELECT ST_Extent(a.geom)::geometry AS e FROM area a WHERE a.level = ${level}::area_level AND ${inDefaultCity(Prisma.sql`a.city_id`)}) x`;
  return row!;
}

export interface OgcIndicator {
  id: number;
  key: string;
  name: string;
  unit: string;
  sourceKey: string;
}

export function indicatorsByKey(prisma: PrismaClient, keys: string[]) {
  return prisma.$queryRaw<OgcIndicator[]>`
    SELECT i.id, i.key, i.name, i.unit::text AS unit, s.key AS "sourceKey"
      FROM indicator i JOIN source s ON s.id = i.source_id
     WHERE i.key = ANY(${keys}::text[])`;
}

/** Indicators with values at a level and the years they cover: the catalogue in collection metadata. */
export function indicatorCatalogue(prisma: PrismaClient, level: string) {
  return prisma.$queryRaw<{ key: string; name: string; unit: string; fromYear: number; toYear: number }[]>`
    SELECT i.key, i.name, i.unit::text AS unit, min(v.year) AS "fromYear", max(v.year) AS "toYear"
      FROM indicator i
      JOIN indicator_value v ON v.indicator_id = i.id
      JOIN area a ON a.id = v.area_id AND a.level = ${level}::area_level
     GROUP BY i.key, i.name, i.unit
     ORDER BY i.key`;
}

/** Per indicator, the latest year in [fromYear, toYear] that has values at the level. */
export function latestYears(prisma: PrismaClient, level: string, indicatorIds: number[], fromYear: number, toYear: number) {
  return prisma.$queryRaw<{ indicatorId: number; year: number }[]>`
    SELECT v.indicator_id AS "indicatorId", max(v.year) AS year
      FROM indicator_value v JOIN area a ON a.id = v.area_id AND a.level = ${level}::area_level
     WHERE v.indicator_id = ANY(${indicatorIds}::int[]) AND v.year BETWEEN ${fromYear}::int AND ${toYear}::int
     GROUP BY v.indicator_id`;
}

export interface OgcValueRow {
  areaId: number;
  indicatorId: number;
  year: number;
  value: number | null;
  status: string;
  secondary: boolean;
}

/** Values of the given areas for (indicator, year) pairs; suppressed values removed by present(). */
export async function valuesFor(
  prisma: PrismaClient,
  areaIds: number[],
  pairs: { indicatorId: number; year: number }[],
  caller: Caller,
): Promise<(OgcValueRow & { missingReason: MissingReason | null })[]> {
  if (areaIds.length === 0 || pairs.length === 0) return [];
  const rows = await prisma.$queryRaw<OgcValueRow[]>`
    SELECT v.area_id AS "areaId", v.indicator_id AS "indicatorId", v.year, v.value, v.status::text AS status, v.secondary_suppression AS secondary
      FROM unnest(${pairs.map((p) => p.indicatorId)}::int[], ${pairs.map((p) => p.year)}::int[]) AS k(indicator_id, year)
      JOIN indicator_value v ON v.indicator_id = k.indicator_id AND v.year = k.year
     WHERE v.area_id = ANY(${areaIds}::int[])`;
  return present(rows, caller);
}

// ---------------------------------------------------------------------------------------------
// Services: one feature per (service, location)

export interface ServiceFilter {
  bbox?: BBox;
  /** Services running at some time in [from, to] (ISO dates, inclusive; null = open). */
  from?: string | null;
  to?: string | null;
  categoryKeys?: string[];
  statuses?: string[];
  serviceId?: number;
  locationId?: number;
  /** the `city`/`stadt` parameter resolved; absent: the default city */
  scope?: CityScope;
}

function serviceWhere(filter: ServiceFilter, caller: Caller): Prisma.Sql {
  const conditions: Prisma.Sql[] = [visibleService(caller), cityCondition(Prisma.sql`s.city_id`, filter.scope)];
  if (filter.bbox) conditions.push(Prisma.sql`ST_Intersects(l.geom, ${envelope(filter.bbox)})`);
  if (filter.to) conditions.push(Prisma.sql`(s.start_date IS NULL OR s.start_date <= ${filter.to}::date)`);
  if (filter.from) conditions.push(Prisma.sql`(s.end_date IS NULL OR s.end_date >= ${filter.from}::date)`);
  if (filter.categoryKeys?.length) conditions.push(Prisma.sql`c.key = ANY(${filter.categoryKeys}::text[])`);
  if (filter.statuses?.length) conditions.push(Prisma.sql`s.status::text = ANY(${filter.statuses}::text[])`);
  if (filter.serviceId !== undefined) conditions.push(Prisma.sql`s.id = ${filter.serviceId}::int`);
  if (filter.locationId !== undefined) conditions.push(Prisma.sql`l.id = ${filter.locationId}::int`);
  return Prisma.join(conditions, ' AND ');
}

const serviceFrom = Prisma.sql`
      FROM service s
      JOIN service_category c ON c.id = s.category_id
      JOIN service_location sl ON sl.service_id = s.id
      JOIN location l ON l.id = sl.location_id`;

export interface OgcServiceRow extends ServiceAtLocationRow {
  serviceId: number;
  locationId: number;
  startDate: string | null;
  endDate: string | null;
  lon: number | null;
  lat: number | null;
}

export function findServices(prisma: PrismaClient, filter: ServiceFilter, caller: Caller, limit: number, offset: number) {
  return prisma.$queryRaw<OgcServiceRow[]>`
    SELECT s.id AS "serviceId", l.id AS "locationId", ${serviceAtLocationColumns},
           to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.end_date, 'YYYY-MM-DD') AS "endDate",
           round(ST_X(l.geom)::numeric, 7)::float8 AS lon, round(ST_Y(l.geom)::numeric, 7)::float8 AS lat
      ${serviceFrom}
      LEFT JOIN provider p ON p.id = s.provider_id
      LEFT JOIN area a ON a.id = l.area_id
      LEFT JOIN source src ON src.id = s.source_id
     WHERE ${serviceWhere(filter, caller)}
     ORDER BY s.id, l.id
     LIMIT ${limit} OFFSET ${offset}`;
}

export async function countServices(prisma: PrismaClient, filter: ServiceFilter, caller: Caller): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${serviceFrom} WHERE ${serviceWhere(filter, caller)}`;
  return row?.n ?? 0;
}

export async function serviceExtent(prisma: PrismaClient, caller: Caller) {
  const [row] = await prisma.$queryRaw<{ minLon: number | null; minLat: number | null; maxLon: number | null; maxLat: number | null; from: string | null; to: string | null; openEnd: boolean }[]>`
    SELECT ST_XMin(x.e) AS "minLon", ST_YMin(x.e) AS "minLat", ST_XMax(x.e) AS "maxLon", ST_YMax(x.e) AS "maxLat",
           x.f AS from, x.t AS to, x.open_end AS "openEnd"
      FROM (SELECT ST_Extent(l.geom)::geometry AS e, to_char(min(s.start_date), 'YYYY-MM-DD') AS f,
                   to_char(max(s.end_date), 'YYYY-MM-DD') AS t, bool_or(s.end_date IS NULL) AS open_end
              ${serviceFrom} WHERE ${serviceWhere({}, caller)}) x`;
  return row!;
}

export function sourcesByKey(prisma: PrismaClient, keys: string[]) {
  return prisma.$queryRaw<{ key: string; attribution: string; licence: string; url: string | null; synthetic: boolean }[]>`
    SELECT key, attribution, licence, url, synthetic FROM source WHERE key = ANY(${keys}::text[]) ORDER BY key`;
}

/** Sources of all published services (for collection-level attribution). */
export function serviceSourceKeys(prisma: PrismaClient, caller: Caller) {
  return prisma.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT src.key FROM service s JOIN source src ON src.id = s.source_id
     WHERE ${visibleService(caller)}`;
}

/** Source of the area geometries of a level. */
export function areaSourceKeys(prisma: PrismaClient, level: string) {
  return prisma.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT src.key FROM area a JOIN source src ON src.id = a.source_id WHERE a.level = ${level}::area_level`;
}
