import { Prisma, type PrismaClient } from '@sozialatlas/db';
import type { Caller } from '../auth/caller';

export interface ProductRow {
  code: string;
  name: string;
  block: string;
  offices: string[];
  planned: string;
  lineCount: number;
  categoryId: number | null;
  sourceIds: number[];
}

export interface CostTypeRow {
  code: string;
  costType: string;
  planned: string;
}

export interface PopulationRow {
  indicatorKey: string;
  indicatorName: string;
  year: number;
  value: number;
}

/** The city a budget query is about: by its official key, or the only city with a budget. */
export async function budgetCity(prisma: PrismaClient, cityCode: string | undefined): Promise<{ id: number; code: string } | undefined> {
  const rows = cityCode
    ? await prisma.$queryRaw<{ id: number; code: string }[]>`SELECT id, code FROM area WHERE level = 'CITY' AND code = ${cityCode}`
    : await prisma.$queryRaw<{ id: number; code: string }[]>`
        SELECT a.id, a.code FROM area a WHERE a.level = 'CITY' AND EXISTS (SELECT 1 FROM budget_line b WHERE b.city_id = a.id) ORDER BY a.code`;
  return rows.length === 1 || cityCode ? rows[0] : undefined;
}

export const budgetYears = (prisma: PrismaClient, cityId: number) =>
  prisma.$queryRaw<{ year: number }[]>`SELECT DISTINCT year FROM budget_line WHERE city_id = ${cityId}::int ORDER BY year`;

const productFilter = (codes: string[] | undefined) => (codes ? Prisma.sql`AND b.product_code = ANY(${codes}::text[])` : Prisma.empty);

/** Planned EUR per product (sum of its lines, exact numeric), largest first. */
export function budgetProducts(prisma: PrismaClient, cityId: number, year: number, codes?: string[]) {
  return prisma.$queryRaw<ProductRow[]>`
    SELECT b.product_code AS code, min(b.product_name) AS name, min(b.block) AS block,
           array_agg(DISTINCT b.office ORDER BY b.office) AS offices, sum(b.amount)::text AS planned,
           count(*)::int AS "lineCount", min(b.category_id) AS "categoryId", array_agg(DISTINCT b.source_id) AS "sourceIds"
      FROM budget_line b
     WHERE b.city_id = ${cityId}::int AND b.year = ${year}::int ${productFilter(codes)}
     GROUP BY b.product_code
     ORDER BY sum(b.amount) DESC, b.product_code`;
}

export function budgetCostTypes(prisma: PrismaClient, cityId: number, year: number, codes?: string[]) {
  return prisma.$queryRaw<CostTypeRow[]>`
    SELECT b.product_code AS code, b.cost_type AS "costType", sum(b.amount)::text AS planned
      FROM budget_line b
     WHERE b.city_id = ${cityId}::int AND b.year = ${year}::int ${productFilter(codes)}
     GROUP BY b.product_code, b.cost_type
     ORDER BY b.product_code, sum(b.amount) DESC, b.cost_type`;
}

/**
 * The latest count of each indicator for the city up to the plan year (plans look ahead of the
 * statistics). Suppressed values count as absent for callers who may not see them.
 */
export function latestCityCounts(prisma: PrismaClient, cityId: number, year: number, indicatorKeys: string[], caller: Caller) {
  const visible = caller.canSeeSuppressed ? Prisma.sql`TRUE` : Prisma.sql`v.status <> 'SUPPRESSED'`;
  return prisma.$queryRaw<PopulationRow[]>`
    SELECT DISTINCT ON (i.key) i.key AS "indicatorKey", i.name AS "indicatorName", v.year, v.value
      FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
     WHERE v.area_id = ${cityId}::int AND i.key = ANY(${indicatorKeys}::text[]) AND v.year <= ${year}::int
       AND v.value IS NOT NULL AND ${visible}
     ORDER BY i.key, v.year DESC`;
}

/** Target indicator of each category that has a coverage norm. */
export const targetIndicators = (prisma: PrismaClient, categoryIds: number[]) =>
  prisma.$queryRaw<{ categoryId: number; indicatorKey: string; description: string }[]>`
    SELECT n.category_id AS "categoryId", i.key AS "indicatorKey", n.target_description AS description
      FROM coverage_norm n JOIN indicator i ON i.id = n.target_indicator_id
     WHERE n.category_id = ANY(${categoryIds}::int[])`;
