import { Prisma, type PrismaClient } from '@sozialatlas/db';
import type { Caller } from '../auth/caller';
import { cityCondition, type CityScope } from '../cities/city.sql';
import { countRows, findPage, type PagedTable } from '../common/paged.sql';
import { visibleFunding } from '../common/visible.sql';
import type { FundingFilter } from './funding.args';
import type { Funding, PriceIndexYear } from './funding.type';

// Money is numeric in the database and stays numeric in every computation here; amounts leave the
// database as text so no binary float ever touches them.

const fundingColumns = Prisma.sql`f.id, f.service_id AS "serviceId", f.provider_id AS "providerId", f.funder, f.year,
  f.amount::text AS amount, f.kind::text AS kind, f.status::text AS status, f.published, f.source_id AS "sourceId"`;

/**
 * Funding line `f` belongs to the city of its service; a line given to a provider as a whole has no
 * place and counts for the default city only, as before there were cities.
 */
const fundingInCity = (scope: CityScope | undefined) =>
  cityCondition(Prisma.sql`(SELECT fs.city_id FROM service fs WHERE fs.id = f.service_id)`, scope);

function fundingWhere(filter: FundingFilter = {}, caller: Caller): Prisma.Sql {
  const conditions: Prisma.Sql[] = [visibleFunding(caller), fundingInCity(filter.scope)];
  if (filter.fromYear !== undefined && filter.fromYear !== null) conditions.push(Prisma.sql`f.year >= ${filter.fromYear}`);
  if (filter.toYear !== undefined && filter.toYear !== null) conditions.push(Prisma.sql`f.year <= ${filter.toYear}`);
  if (filter.funders) conditions.push(Prisma.sql`f.funder = ANY(${filter.funders}::text[])`);
  if (filter.kinds) conditions.push(Prisma.sql`f.kind = ANY(${filter.kinds}::text[]::funding_kind[])`);
  if (filter.statuses) conditions.push(Prisma.sql`f.status = ANY(${filter.statuses}::text[]::funding_status[])`);
  if (filter.serviceId !== undefined && filter.serviceId !== null) conditions.push(Prisma.sql`f.service_id = ${filter.serviceId}::int`);
  if (filter.providerId !== undefined && filter.providerId !== null) {
    conditions.push(Prisma.sql`(f.provider_id = ${filter.providerId}::int
      OR f.service_id IN (SELECT ps.id FROM service ps WHERE ps.provider_id = ${filter.providerId}::int))`);
  }
  if (filter.areaId !== undefined && filter.areaId !== null) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM service_location sl JOIN location l ON l.id = sl.location_id
      WHERE sl.service_id = f.service_id AND ST_Covers((SELECT a.geom FROM area a WHERE a.id = ${filter.areaId}::int), l.geom))`);
  }
  return Prisma.join(conditions, ' AND ');
}

const FUNDING: PagedTable = { from: Prisma.sql`funding f`, id: Prisma.sql`f.id`, columns: fundingColumns };

export function findFundings(prisma: PrismaClient, filter: FundingFilter | undefined, caller: Caller, take: number, afterId?: number) {
  return findPage<Funding>(prisma, FUNDING, fundingWhere(filter, caller), take, afterId);
}

export function countFundings(prisma: PrismaClient, filter: FundingFilter | undefined, caller: Caller): Promise<number> {
  return countRows(prisma, FUNDING, fundingWhere(filter, caller));
}

export function fundingsByServiceIds(prisma: PrismaClient, serviceIds: readonly number[], caller: Caller) {
  return prisma.$queryRaw<Funding[]>`
    SELECT ${fundingColumns} FROM funding f
     WHERE f.service_id = ANY(${[...serviceIds]}::int[]) AND ${visibleFunding(caller)} ORDER BY f.year, f.id`;
}

/** Funding given to each provider directly or to one of its services. */
export function fundingsByProviderIds(prisma: PrismaClient, providerIds: readonly number[], caller: Caller) {
  return prisma.$queryRaw<(Funding & { ofProviderId: number })[]>`
    SELECT ${fundingColumns}, coalesce(f.provider_id, s.provider_id) AS "ofProviderId"
      FROM funding f LEFT JOIN service s ON s.id = f.service_id
     WHERE (f.provider_id = ANY(${[...providerIds]}::int[]) OR s.provider_id = ANY(${[...providerIds]}::int[]))
       AND ${visibleFunding(caller)}
     ORDER BY f.year, f.id`;
}

export function priceIndexYears(prisma: PrismaClient) {
  return prisma.$queryRaw<PriceIndexYear[]>`SELECT year, value, base_year AS "baseYear" FROM price_index ORDER BY year`;
}

export interface TotalsQuery {
  level: string;
  fromYear?: number;
  toYear?: number;
  baseYear: number;
  areaIds?: number[];
  statuses: string[];
  /** the city (undefined: the default city) */
  scope?: CityScope;
}

export interface TotalRow {
  areaId: number;
  year: number;
  nominal: string;
  real: string | null;
  perResident: string | null;
  /** funding of the year that cannot be placed: given to a provider, or at locations outside every area */
  unplaced: string;
}

/**
 * Funding per area and year, set-based in one statement:
 * 1. each visible service funding line is split over the service's locations (`share` when given,
 *    else evenly: amount / number of locations);
 * 2. each location sits in its finest area (`location.area_id`, set by the database from the point);
 * 3. the finest areas roll up to the requested level through the chain of ancestors.
 * Every target area gets a row for every year with any funding (0 when nothing is placed there).
 * real = round(nominal, 2) × VPI(base) / VPI(year); perResident = round(real, 2) / population.
 */
export function fundingTotals(prisma: PrismaClient, q: TotalsQuery, caller: Caller) {
  const areaFilter = q.areaIds ? Prisma.sql`a.id = ANY(${q.areaIds}::int[])` : Prisma.sql`TRUE`;
  const suppressed = caller.canSeeSuppressed ? Prisma.sql`TRUE` : Prisma.sql`v.status <> 'SUPPRESSED'`;
  return prisma.$queryRaw<TotalRow[]>`
    WITH RECURSIVE chain AS (
      SELECT a.id AS area_id, a.id AS ancestor_id FROM area a
      UNION ALL
      SELECT c.area_id, p.parent_id FROM chain c JOIN area p ON p.id = c.ancestor_id WHERE p.parent_id IS NOT NULL
    ),
    target AS (
      SELECT a.id, a.code FROM area a WHERE a.level = ${q.level}::area_level AND ${areaFilter}
         AND ${cityCondition(Prisma.sql`a.city_id`, q.scope)}
    ),
    money AS (
      SELECT f.service_id, f.year, f.amount FROM funding f
       WHERE f.year BETWEEN ${q.fromYear ?? 0}::int AND ${q.toYear ?? 9999}::int
         AND f.status = ANY(${q.statuses}::text[]::funding_status[]) AND ${visibleFunding(caller)} AND ${fundingInCity(q.scope)}
    ),
    alloc AS (
      SELECT sl.service_id, l.area_id, sl.share::numeric AS share, count(*) OVER (PARTITION BY sl.service_id) AS n
        FROM service_location sl JOIN location l ON l.id = sl.location_id
    ),
    placed AS (
      SELECT al.area_id, m.year, CASE WHEN al.share IS NOT NULL THEN m.amount * al.share ELSE m.amount / al.n END AS amount
        FROM money m JOIN alloc al ON al.service_id = m.service_id
    ),
    rolled AS (
      SELECT c.ancestor_id AS area_id, p.year, sum(p.amount) AS amount
        FROM placed p JOIN chain c ON c.area_id = p.area_id
       WHERE c.ancestor_id IN (SELECT id FROM target)
       GROUP BY c.ancestor_id, p.year
    ),
    years AS (
      SELECT m.year, round(sum(m.amount) - coalesce((SELECT sum(p.amount) FROM placed p WHERE p.year = m.year AND p.area_id IS NOT NULL), 0), 2) AS unplaced
        FROM money m GROUP BY m.year
    ),
    base AS (SELECT value::numeric AS value FROM price_index WHERE year = ${q.baseYear}::int),
    total AS (
      SELECT t.id AS area_id, t.code, y.year, y.unplaced, round(coalesce(r.amount, 0), 2) AS nominal,
             round(round(coalesce(r.amount, 0), 2) * (SELECT value FROM base) / pi.value::numeric, 2) AS real
        FROM target t CROSS JOIN years y
        LEFT JOIN rolled r ON r.area_id = t.id AND r.year = y.year
        LEFT JOIN price_index pi ON pi.year = y.year
    )
    SELECT x.area_id AS "areaId", x.year, x.nominal::text AS nominal, x.real::text AS real,
           round(x.real / NULLIF(pop.value, 0)::numeric, 2)::text AS "perResident", x.unplaced::text AS unplaced
      FROM total x
      LEFT JOIN LATERAL (
        SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
         WHERE i.key = 'population' AND v.area_id = x.area_id AND v.year = x.year AND ${suppressed}
      ) pop ON TRUE
     ORDER BY x.code, x.year`;
}
