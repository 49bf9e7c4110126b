import type { PrismaClient, Tx } from '@sozialatlas/db';

export type { Tx };

/**
 * Runs an importer all-or-nothing. PGlite is a single connection, so nothing inside runs in
 * parallel; the long timeout is for the big batches of the synthetic generator.
 */
export function inTransaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 600_000, maxWait: 60_000 });
}
