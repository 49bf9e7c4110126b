import { Prisma, type PrismaClient } from '@sozialatlas/db';

/**
 * A paged list over one table (services, providers, funding): `from` names the table with its
 * alias (`service s`), `id` the key the cursor pages by (`s.id`), `where` the feature's filter and
 * its published gate. One page is keyset-paged by id; the total counts under the same filter.
 */
export interface PagedTable {
  from: Prisma.Sql;
  id: Prisma.Sql;
  columns: Prisma.Sql;
}

export function findPage<T>(prisma: PrismaClient, t: PagedTable, where: Prisma.Sql, take: number, afterId?: number) {
  return prisma.$queryRaw<T[]>`
    SELECT ${t.columns} FROM ${t.from}
     WHERE ${where} AND ${t.id} > ${afterId ?? 0}
     ORDER BY ${t.id} LIMIT ${take}`;
}

export async function countRows(prisma: PrismaClient, t: PagedTable, where: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${t.from} WHERE ${where}`;
  return row?.n ?? 0;
}
