import type { Prisma } from '../../generated/prisma/client';

/** A transaction (or the client) that domain writes run in. */
export type Tx = Prisma.TransactionClient;

/** Splits `n` items into batches of `size`. */
export function* batches(n: number, size: number): Generator<[number, number]> {
  for (let start = 0; start < n; start += size) yield [start, Math.min(n, start + size)];
}
