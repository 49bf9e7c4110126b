import type { PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import { byKey } from '../common/group';
import { providersByIds } from './provider.sql';
import type { Provider } from './provider.type';

export function createProviderLoaders(prisma: PrismaClient, caller: Caller) {
  return {
    providerById: new DataLoader<number, Provider | null>(async (ids) => byKey(ids, await providersByIds(prisma, ids, caller), (p) => p.id)),
  };
}
