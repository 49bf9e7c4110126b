import { Prisma, type PrismaClient } from '@sozialatlas/db';
import { cityCondition, type CityScope } from '../cities/city.sql';
import type { Caller } from '../auth/caller';
import type { IndicatorValue } from './indicator.type';

const valueColumns = Prisma.sql`v.area_id AS "areaId", v.indicator_id AS "indicatorId", v.year, v.value,
  v.status::text AS status, v.derived, v.id, v.secondary_suppression AS secondary, v.origin::text AS origin, v.origin_at AS "originAt"`;

/** Why a value is not shown to the public (see docs/methods.md, Geheimhaltung). */
export type MissingReason = 'SUPPRESSED' | 'SECONDARY_SUPPRESSION' | 'NOT_PUBLISHED';

export function missingReason(row: { value: number | null; status: string; secondary?: boolean }): MissingReason | null {
  if (row.status === 'SUPPRESSED') return row.secondary ? 'SECONDARY_SUPPRESSION' : 'SUPPRESSED';
  return row.value === null ? 'NOT_PUBLISHED' : null;
}

/**
 * The single place where suppressed values (Geheimhaltung) are removed: every path that returns
 * indicator values (lists, series, area fields, exports, OGC API, analyses) goes through it.
 * Primary and secondary suppression both have status SUPPRESSED; `missingReason` tells them apart.
 */
export function present<T extends { value: number | null; status: string; secondary?: boolean }>(
  rows: T[],
  caller: Caller,
): (T & { missingReason: MissingReason | null })[] {
  return rows.map((row) => ({
    ...row,
    value: row.status === 'SUPPRESSED' && !caller.canSeeSuppressed ? null : row.value,
    missingReason: missingReason(row),
  }));
}

export type ValueRow = IndicatorValue & { id: number; secondary: boolean };

export interface ValueKey {
  areaId: number;
  indicatorId: number;
  year: number;
}

export async function valuesByKeys(prisma: PrismaClient, keys: readonly ValueKey[], caller: Caller): Promise<ValueRow[]> {
  const rows = await prisma.$queryRaw<ValueRow[]>`
    SELECT ${valueColumns}
      FROM unnest(${keys.map((k) => k.areaId)}::int[], ${keys.map((k) => k.indicatorId)}::int[], ${keys.map((k) => k.year)}::int[])
           AS k(area_id, indicator_id, year)
      JOIN indicator_value v ON v.area_id = k.area_id AND v.indicator_id = k.indicator_id AND v.year = k.year`;
  return present(rows, caller);
}

export interface ValueFilter {
  indicatorIds: number[];
  areaIds?: number[];
  level?: string;
  /** the city (undefined: the default city, in SQL; null: not limited) */
  scope?: CityScope;
  years?: number[];
  fromYear?: number;
  toYear?: number;
}

/** The rows of `filter`, on indicator_value aliased `v`; `indicatorIds` may be given as an SQL int[] instead. */
export function valueWhere(filter: ValueFilter, indicatorIds: Prisma.Sql = Prisma.sql`${filter.indicatorIds}::int[]`): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`v.indicator_id = ANY(${indicatorIds})`];
  if (filter.areaIds) conditions.push(Prisma.sql`v.area_id = ANY(${filter.areaIds}::int[])`);
  if (filter.scope !== null) conditions.push(Prisma.sql`v.area_id IN (SELECT ca.id FROM area ca WHERE ${cityCondition(Prisma.sql`ca.city_id`, filter.scope)})`);
  if (filter.level) conditions.push(Prisma.sql`v.area_id IN (SELECT id FROM area WHERE level = ${filter.level}::area_level)`);
  if (filter.years) conditions.push(Prisma.sql`v.year = ANY(${filter.years}::int[])`);
  if (filter.fromYear !== undefined) conditions.push(Prisma.sql`v.year >= ${filter.fromYear}`);
  if (filter.toYear !== undefined) conditions.push(Prisma.sql`v.year <= ${filter.toYear}`);
  return Prisma.join(conditions, ' AND ');
}

export async function findValues(prisma: PrismaClient, filter: ValueFilter, caller: Caller, take: number, afterId?: number) {
  const rows = await prisma.$queryRaw<ValueRow[]>`
    SELECT ${valueColumns} FROM indicator_value v
     WHERE ${valueWhere(filter)} AND v.id > ${afterId ?? 0}
     ORDER BY v.id LIMIT ${take}`;
  return present(rows, caller);
}

export async function countValues(prisma: PrismaClient, filter: ValueFilter): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM indicator_value v WHERE ${valueWhere(filter)}`;
  return row?.n ?? 0;
}

/** All years of several (area, indicator) series in one query, ordered by year. */
export async function seriesByKeys(
  prisma: PrismaClient,
  keys: readonly { areaId: number; indicatorId: number }[],
  caller: Caller,
): Promise<ValueRow[]> {
  const rows = await prisma.$queryRaw<ValueRow[]>`
    SELECT ${valueColumns}
      FROM unnest(${keys.map((k) => k.areaId)}::int[], ${keys.map((k) => k.indicatorId)}::int[]) AS k(area_id, indicator_id)
      JOIN indicator_value v ON v.area_id = k.area_id AND v.indicator_id = k.indicator_id
     ORDER BY v.year`;
  return present(rows, caller);
}
