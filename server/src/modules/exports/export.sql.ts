import { Prisma, type PrismaClient } from '@sozialatlas/db';
import type { Caller } from '../auth/caller';
import { cityCondition, type CityScope } from '../cities/city.sql';
import { areaFeatureColumns, areaWithParent, simplifiedAreaGeometry, type AreaFeatureRow } from '../common/spatial.sql';
import { visibleService } from '../common/visible.sql';
import { serviceAtLocationColumns, type ServiceAtLocationRow } from '../services/service.sql';

export function areasForExport(prisma: PrismaClient, level: string, toleranceM: number, scope?: CityScope) {
  return prisma.$queryRaw<AreaFeatureRow[]>`
    SELECT ${areaFeatureColumns(simplifiedAreaGeometry(toleranceM), 6)}
      FROM ${areaWithParent}
     WHERE a.level = ${level}::area_level AND ${cityCondition(Prisma.sql`a.city_id`, scope)}
     ORDER BY a.code`;
}

export interface ExportValueRow {
  areaId: number;
  indicatorKey: string;
  year: number;
  value: number | null;
  status: string;
  secondary: boolean;
}

export function valuesForExport(prisma: PrismaClient, level: string, indicatorKeys: string[], years: number[], scope?: CityScope) {
  return prisma.$queryRaw<ExportValueRow[]>`
    SELECT v.area_id AS "areaId", i.key AS "indicatorKey", v.year, v.value, v.status::text AS status, v.secondary_suppression AS secondary
      FROM indicator_value v
      JOIN indicator i ON i.id = v.indicator_id
      JOIN area a ON a.id = v.area_id AND a.level = ${level}::area_level AND ${cityCondition(Prisma.sql`a.city_id`, scope)}
     WHERE i.key = ANY(${indicatorKeys}::text[]) AND v.year = ANY(${years}::int[])`;
}

export interface ServiceExportRow extends ServiceAtLocationRow {
  id: number;
  lon: number | null;
  lat: number | null;
}

/** One row per service and location (a service at two addresses gives two rows). */
export function servicesForExport(prisma: PrismaClient, filter: { categoryKeys?: string[]; statuses?: string[]; scope?: CityScope }, caller: Caller) {
  const conditions: Prisma.Sql[] = [visibleService(caller), cityCondition(Prisma.sql`s.city_id`, filter.scope)];
  if (filter.categoryKeys?.length) conditions.push(Prisma.sql`c.key = ANY(${filter.categoryKeys}::text[])`);
  if (filter.statuses?.length) conditions.push(Prisma.sql`s.status::text = ANY(${filter.statuses}::text[])`);
  return prisma.$queryRaw<ServiceExportRow[]>`
    SELECT s.id, ${serviceAtLocationColumns}, ST_X(l.geom) AS lon, ST_Y(l.geom) AS lat
      FROM service s
      JOIN service_category c ON c.id = s.category_id
      LEFT JOIN provider p ON p.id = s.provider_id
      LEFT JOIN service_location sl ON sl.service_id = s.id
      LEFT JOIN location l ON l.id = sl.location_id
      LEFT JOIN area a ON a.id = l.area_id
      LEFT JOIN source src ON src.id = s.source_id
     WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY c.key, s.name, s.id, l.id`;
}

export function attributionsFor(prisma: PrismaClient, sourceKeys: string[] | null) {
  return prisma.$queryRaw<{ key: string; attribution: string; licence: string; synthetic: boolean }[]>`
    SELECT key, attribution, licence, synthetic FROM source
     WHERE ${sourceKeys === null} OR key = ANY(${sourceKeys ?? []}::text[]) ORDER BY key`;
}

export function indicatorSources(prisma: PrismaClient, indicatorKeys: string[]) {
  return prisma.$queryRaw<{ key: string; sourceKey: string; unit: string; name: string; aggregation: string; denominatorProxy: boolean }[]>`
    SELECT i.key, s.key AS "sourceKey", i.unit::text AS unit, i.name, i.aggregation::text AS aggregation, i.denominator_proxy AS "denominatorProxy"
      FROM indicator i JOIN source s ON s.id = i.source_id
     WHERE i.key = ANY(${indicatorKeys}::text[])`;
}
