import type { PrismaClient } from '@sozialatlas/db';
import type { Caller } from './context';
import { createAreaLoaders } from './modules/areas/area.loaders';
import { createIndicatorLoaders } from './modules/indicators/indicator.loaders';

/** All per-request DataLoaders. A new set per request: caches never leak between callers. */
export function createLoaders(prisma: PrismaClient, caller: Caller) {
  return {
    ...createAreaLoaders(prisma),
    ...createIndicatorLoaders(prisma, caller),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
