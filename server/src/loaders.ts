import type { PrismaClient } from '@sozialatlas/db';
import type { Caller } from './modules/auth/caller';
import { createAreaLoaders } from './modules/areas/area.loaders';
import { createCityLoaders } from './modules/cities/city.loaders';
import { createIndicatorLoaders } from './modules/indicators/indicator.loaders';
import { createFundingLoaders } from './modules/funding/funding.loaders';
import { createParticipationLoaders } from './modules/participation/participation.loaders';
import { createPlanLoaders } from './modules/plans/plan.loaders';
import { createProviderLoaders } from './modules/providers/provider.loaders';
import { createServiceLoaders } from './modules/services/service.loaders';

/** All per-request DataLoaders. A new set per request: caches never leak between callers. */
export function createLoaders(prisma: PrismaClient, caller: Caller) {
  return {
    ...createAreaLoaders(prisma),
    ...createCityLoaders(prisma),
    ...createIndicatorLoaders(prisma, caller),
    ...createServiceLoaders(prisma, caller),
    ...createProviderLoaders(prisma, caller),
    ...createFundingLoaders(prisma, caller),
    ...createPlanLoaders(prisma, caller),
    ...createParticipationLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
