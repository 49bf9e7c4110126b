import type { Prisma, PrismaClient } from '@sozialatlas/db';

export type Tx = Prisma.TransactionClient;

/**
 * Runs an importer all-or-nothing. PGlite is a single connection, so nothing inside runs in
 * parallel; the long timeout is for the big batches of the synthetic generator.
 */
export function inTransaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 600_000, maxWait: 60_000 });
}

/** Splits `n` items into batches of `size`. */
export function* batches(n: number, size: number): Generator<[number, number]> {
  for (let start = 0; start < n; start += size) yield [start, Math.min(n, start + size)];
}
