import type { PrismaClient } from '@sozialatlas/db';
import { dataVersion } from '../../http/http-cache';
import type { Caller } from '../auth/caller';

// Intermediate results that several analyses share (the need index behind needIndex, earlyWarnings,
// gaps and scenario), computed once per data version. The version (table data_version) grows at
// the commit of every transaction that changed what the cached results are computed from, so an
// entry is never served after a write. The version is read before the computation: if a write
// commits during it, the entry is stored under the old version, which no later request asks for.

/**
 * Entries per database; each holds one analysis's result for one set of arguments. An accessibility
 * entry of the 10,000-district synthetic city holds its demand points and pairs: the server's RSS
 * was 381 MB with the need index cached and 639 MB with four categories' accessibility besides.
 */
const MAX_ENTRIES = 8;

interface Entry {
  version: string;
  value: Promise<unknown>;
}

/** One cache per Prisma client (a server, or a test's database), so databases never share entries. */
const caches = new WeakMap<PrismaClient, Map<string, Entry>>();

/** What the caller may see, part of every key: results are never shared across visibility rules. */
export function visibilityKey(caller: Caller): string {
  return `${caller.canSeeSuppressed ? 'S' : '-'}${caller.canSeeUnpublished ? 'U' : '-'}`;
}

/**
 * The value computed for `key` at the current data version, computing it (once, also for
 * concurrent callers) when the version changed or the key is new. Failed computations are not kept.
 */
export async function atDataVersion<T>(prisma: PrismaClient, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion(prisma);
  let cache = caches.get(prisma);
  if (!cache) caches.set(prisma, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // most recently used last, so the oldest entry is dropped first
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  cache.delete(key);
  cache.set(key, { version, value });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}
