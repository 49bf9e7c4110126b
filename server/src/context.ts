import type { PrismaClient } from '@sozialatlas/db';
import { createLoaders, type Loaders } from './loaders';

/** Who is calling. Roles and API keys arrive with the access-control work; today every caller is anonymous. */
export interface Caller {
  role: 'ANONYMOUS' | 'ANALYST' | 'PLANNER' | 'STATISTICS' | 'ADMIN';
  /** May see values under statistical confidentiality (Geheimhaltung). */
  canSeeSuppressed: boolean;
  /** May see unpublished (draft) records. */
  canSeeUnpublished: boolean;
}

export const anonymousCaller: Caller = { role: 'ANONYMOUS', canSeeSuppressed: false, canSeeUnpublished: false };

export interface Context {
  prisma: PrismaClient;
  caller: Caller;
  /** Per-request DataLoaders: every relation goes through one, so no query runs per parent. */
  loaders: Loaders;
}

export function createContext(prisma: PrismaClient, caller: Caller = anonymousCaller): Context {
  return { prisma, caller, loaders: createLoaders(prisma, caller) };
}
