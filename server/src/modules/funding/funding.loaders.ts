import type { PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import { groupBy } from '../common/group';
import { fundingsByProviderIds, fundingsByServiceIds, priceIndexYears } from './funding.sql';
import type { Funding, PriceIndexYear } from './funding.type';

export function createFundingLoaders(prisma: PrismaClient, caller: Caller) {
  let priceIndex: Promise<PriceIndexYear[]> | undefined;
  return {
    fundingsByServiceId: new DataLoader<number, Funding[]>(async (ids) =>
      groupBy(ids, await fundingsByServiceIds(prisma, ids, caller), (f) => f.serviceId as number),
    ),
    fundingsByProviderId: new DataLoader<number, Funding[]>(async (ids) =>
      groupBy(ids, await fundingsByProviderIds(prisma, ids, caller), (f) => f.ofProviderId),
    ),
    /** The consumer price index, read once per request. */
    priceIndex(): Promise<PriceIndexYear[]> {
      priceIndex ??= priceIndexYears(prisma);
      return priceIndex;
    },
  };
}
