import { Prisma, type PrismaClient } from '@sozialatlas/db';
import type { Caller, Visibility } from '../auth/caller';
import { countRows, findPage, type PagedTable } from '../common/paged.sql';
import { cityCondition } from '../cities/city.sql';
import { visibleService } from '../common/visible.sql';
import type { ServiceFilter } from './service.args';
import type { CategoryStat, CoverageNorm, Location, Service, ServiceCategory } from './service.type';

// SQL of the services module. Spatial filters test a service's locations (a service may have
// several); everything is a tagged template, values are parameters.

// The list columns are NULL when a service was created without them (the API's lists are never null).
export const serviceColumns = Prisma.sql`s.id, s.name, s.description, s.category_id AS "categoryId", s.provider_id AS "providerId",
  COALESCE(s.target_groups::text[], '{}') AS "targetGroups", COALESCE(s.legal_bases::text[], '{}') AS "legalBases", s.capacity,
  s.capacity_unit::text AS "capacityUnit", s.status::text AS status,
  to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.end_date, 'YYYY-MM-DD') AS "endDate",
  s.accessibility::text AS accessibility, s.fee, s.opening_hours AS "openingHours", s.published, s.source_id AS "sourceId"`;

const locationColumns = Prisma.sql`l.id, l.name, l.street, l.house_number AS "houseNumber", l.postal_code AS "postalCode",
  l.city, l.area_id AS "areaId", l.source_id AS "sourceId", l.geocode_match::text AS "geocodeMatch",
  l.geocode_distance_m AS "geocodeDistanceM", l.geocode_note AS "geocodeNote"`;

const point = (lon: number, lat: number) => Prisma.sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;

/**
 * A lon/lat box that surely holds every point within `radiusM` metres (geodesic) of (lon, lat):
 * on WGS 84 a degree of latitude is ≥ 110,574 m and a degree of longitude ≥ 111,319 m · cos φ,
 * taken at the box's latitude farthest from the equator. Undefined where the box would reach a
 * pole or cross the antimeridian (then only the geodesic test runs).
 */
export function nearBox(lon: number, lat: number, radiusM: number) {
  const dLat = radiusM / 110_000;
  const farthest = Math.abs(lat) + dLat;
  if (farthest >= 89) return undefined;
  const dLon = radiusM / (110_000 * Math.cos((farthest * Math.PI) / 180));
  if (lon - dLon < -180 || lon + dLon > 180) return undefined;
  return { minLon: lon - dLon, minLat: lat - dLat, maxLon: lon + dLon, maxLat: lat + dLat };
}

/** A location of service `s` satisfying `condition` (on location `l`). */
const hasLocation = (condition: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM service_location sl JOIN location l ON l.id = sl.location_id
                      WHERE sl.service_id = s.id AND ${condition})`;

/** A location of service `s` inside area `areaId` (any level): spatial, so boroughs and the city work too. */
export const serviceInArea = (areaId: number) =>
  hasLocation(Prisma.sql`ST_Covers((SELECT a.geom FROM area a WHERE a.id = ${areaId}::int), l.geom)`);

export function serviceWhere(filter: ServiceFilter = {}, caller: Visibility): Prisma.Sql {
  const conditions: Prisma.Sql[] = [visibleService(caller)];
  conditions.push(cityCondition(Prisma.sql`s.city_id`, filter.scope));
  if (filter.categoryKeys) {
    conditions.push(Prisma.sql`s.category_id IN (SELECT c.id FROM service_category c WHERE c.key = ANY(${filter.categoryKeys}::text[]))`);
  }
  if (filter.targetGroups) conditions.push(Prisma.sql`s.target_groups && ${filter.targetGroups}::text[]::target_group[]`);
  if (filter.providerIds) conditions.push(Prisma.sql`s.provider_id = ANY(${filter.providerIds}::int[])`);
  if (filter.statuses) conditions.push(Prisma.sql`s.status = ANY(${filter.statuses}::text[]::service_status[])`);
  if (filter.areaId !== undefined && filter.areaId !== null) conditions.push(serviceInArea(filter.areaId));
  if (filter.near) {
    const { lon, lat, radiusM } = filter.near;
    // The box (geometry, GiST index) picks the candidates, the geodesic test decides.
    const box = nearBox(lon, lat, radiusM);
    const inBox = box
      ? Prisma.sql`l.geom && ST_MakeEnvelope(${box.minLon}::float8, ${box.minLat}::float8, ${box.maxLon}::float8, ${box.maxLat}::float8, 4326) AND `
      : Prisma.empty;
    conditions.push(hasLocation(Prisma.sql`${inBox}ST_DWithin(l.geom::geography, ${point(lon, lat)}::geography, ${radiusM}::float8)`));
  }
  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    conditions.push(
      hasLocation(Prisma.sql`ST_Intersects(l.geom, ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326))`),
    );
  }
  return Prisma.join(conditions, ' AND ');
}

const SERVICES: PagedTable = { from: Prisma.sql`service s`, id: Prisma.sql`s.id`, columns: serviceColumns };

export function findServices(prisma: PrismaClient, filter: ServiceFilter | undefined, caller: Caller, take: number, afterId?: number) {
  return findPage<Service>(prisma, SERVICES, serviceWhere(filter, caller), take, afterId);
}

export function countServices(prisma: PrismaClient, filter: ServiceFilter | undefined, caller: Caller): Promise<number> {
  return countRows(prisma, SERVICES, serviceWhere(filter, caller));
}

export function servicesByIds(prisma: PrismaClient, ids: readonly number[], caller: Caller) {
  return prisma.$queryRaw<Service[]>`
    SELECT ${serviceColumns} FROM service s WHERE s.id = ANY(${[...ids]}::int[]) AND ${visibleService(caller)}`;
}

export function servicesByProviderIds(prisma: PrismaClient, providerIds: readonly number[], caller: Caller) {
  return prisma.$queryRaw<Service[]>`
    SELECT ${serviceColumns} FROM service s
     WHERE s.provider_id = ANY(${[...providerIds]}::int[]) AND ${visibleService(caller)} ORDER BY s.name, s.id`;
}

export function servicesByLocationIds(prisma: PrismaClient, locationIds: readonly number[], caller: Caller) {
  return prisma.$queryRaw<(Service & { locationId: number })[]>`
    SELECT ${serviceColumns}, sl.location_id AS "locationId"
      FROM service_location sl JOIN service s ON s.id = sl.service_id
     WHERE sl.location_id = ANY(${[...locationIds]}::int[]) AND ${visibleService(caller)} ORDER BY s.name, s.id`;
}

export function locationsByServiceIds(prisma: PrismaClient, serviceIds: readonly number[]) {
  return prisma.$queryRaw<(Location & { serviceId: number; share: number | null })[]>`
    SELECT ${locationColumns}, sl.service_id AS "serviceId", sl.share
      FROM service_location sl JOIN location l ON l.id = sl.location_id
     WHERE sl.service_id = ANY(${[...serviceIds]}::int[]) ORDER BY l.id`;
}

export function locationPoints(prisma: PrismaClient, ids: readonly number[], precision: number) {
  return prisma.$queryRaw<{ id: number; geojson: string | null }[]>`
    SELECT l.id, ST_AsGeoJSON(l.geom, ${precision}::int) AS geojson FROM location l WHERE l.id = ANY(${[...ids]}::int[])`;
}

const categoryColumns = Prisma.sql`c.id, c.key, c.name, c.name_en AS "nameEn", c.description`;

export function allCategories(prisma: PrismaClient) {
  return prisma.$queryRaw<ServiceCategory[]>`SELECT ${categoryColumns} FROM service_category c ORDER BY c.key`;
}

export function categoriesByIds(prisma: PrismaClient, ids: readonly number[]) {
  return prisma.$queryRaw<ServiceCategory[]>`SELECT ${categoryColumns} FROM service_category c WHERE c.id = ANY(${[...ids]}::int[])`;
}

export function normsByCategoryIds(prisma: PrismaClient, categoryIds: readonly number[]) {
  return prisma.$queryRaw<CoverageNorm[]>`
    SELECT n.category_id AS "categoryId", n.target_indicator_id AS "targetIndicatorId", n.target_description AS "targetDescription",
           n.capacity_per_1000 AS "capacityPer1000", n.origin, n.zone_radii_m AS "zoneRadiiM", n.zone_weights AS "zoneWeights"
      FROM coverage_norm n WHERE n.category_id = ANY(${[...categoryIds]}::int[])`;
}

export type CategoryStatRow = Omit<CategoryStat, 'category'> & ServiceCategory & { areaId: number };

/**
 * Services per category for many areas in one statement. A service counts in an area when one of
 * its locations lies inside the area's boundary (ST_Covers: boroughs and the city work too); a
 * service with several locations in the same area counts once. Its capacity is split over its
 * locations like coverage and funding do (given shares, the rest evenly), so capacities of areas
 * add up to the city's and agree with the coverage figures. Capacities add up only within one
 * unit: when the units of a category differ, capacity is null.
 */
export function categoryStats(
  prisma: PrismaClient,
  areaIds: readonly number[],
  statuses: string[],
  categoryKeys: string[] | undefined,
  caller: Caller,
) {
  const categoryFilter = categoryKeys ? Prisma.sql`c.key = ANY(${categoryKeys}::text[])` : Prisma.sql`TRUE`;
  return prisma.$queryRaw<CategoryStatRow[]>`
    WITH hit AS (
      SELECT a.id AS area_id, s.id, s.category_id, s.capacity, s.capacity_unit,
             sum(coalesce(sl.share, greatest(0, 1 - split.given) / split.open)) AS share
        FROM area a
        JOIN location l ON ST_Covers(a.geom, l.geom)
        JOIN service_location sl ON sl.location_id = l.id
        JOIN service s ON s.id = sl.service_id
        CROSS JOIN LATERAL (
          SELECT coalesce(sum(x.share), 0) AS given, nullif(count(*) FILTER (WHERE x.share IS NULL), 0) AS open
            FROM service_location x WHERE x.service_id = s.id
        ) split
       WHERE a.id = ANY(${[...areaIds]}::int[]) AND s.status = ANY(${statuses}::text[]::service_status[]) AND ${visibleService(caller)}
       GROUP BY a.id, s.id
    )
    SELECT h.area_id AS "areaId", ${categoryColumns},
           count(*)::int AS services,
           CASE WHEN count(DISTINCT h.capacity_unit) = 1 THEN sum(h.capacity * h.share)::float8 END AS capacity,
           CASE WHEN count(DISTINCT h.capacity_unit) = 1 THEN min(h.capacity_unit::text) END AS "capacityUnit",
           count(*) FILTER (WHERE h.capacity IS NULL)::int AS "servicesWithoutCapacity"
      FROM hit h JOIN service_category c ON c.id = h.category_id
     WHERE ${categoryFilter}
     GROUP BY h.area_id, c.id
     ORDER BY c.key`;
}

/**
 * A service at one of its locations, as exports and OGC API Features give it out (flat, with the
 * address, the location's area and the source). `s` service, `c` category, `p` provider,
 * `l` location, `a` area, `src` source; the caller adds id and coordinate columns.
 */
export interface ServiceAtLocationRow {
  name: string;
  category: string;
  categoryName: string;
  provider: string | null;
  providerKind: string | null;
  capacity: number | null;
  capacityUnit: string | null;
  status: string;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  areaCode: string | null;
  areaName: string | null;
  sourceKey: string | null;
  synthetic: boolean;
}

export const serviceAtLocationColumns = Prisma.sql`
  s.name, c.key AS category, c.name AS "categoryName", p.name AS provider, p.kind::text AS "providerKind",
  s.capacity, s.capacity_unit::text AS "capacityUnit", s.status::text AS status,
  l.street, l.house_number AS "houseNumber", l.postal_code AS "postalCode", l.city,
  a.code AS "areaCode", a.name AS "areaName", src.key AS "sourceKey", COALESCE(src.synthetic, false) AS synthetic`;
