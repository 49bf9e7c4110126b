import { Prisma } from '@sozialatlas/db';
import type { Visibility } from '../auth/caller';

// The one "published" rule of every SQL read path (GraphQL lists and loaders, analyses, /export,
// /ogc): callers who may not see unpublished records see no draft service or provider, and no
// funding line that is a draft or belongs to a draft service or provider. Test:
// server/test/visibility-gate.test.ts.

export const visibleService = (caller: Visibility, alias = Prisma.sql`s`) =>
  caller.canSeeUnpublished ? Prisma.sql`TRUE` : Prisma.sql`${alias}.published`;

export const visibleProvider = (caller: Visibility, alias = Prisma.sql`p`) =>
  caller.canSeeUnpublished ? Prisma.sql`TRUE` : Prisma.sql`${alias}.published`;

export function visibleFunding(caller: Visibility, alias = Prisma.sql`f`): Prisma.Sql {
  if (caller.canSeeUnpublished) return Prisma.sql`TRUE`;
  return Prisma.sql`${alias}.published
    AND NOT EXISTS (SELECT 1 FROM service hs WHERE hs.id = ${alias}.service_id AND NOT hs.published)
    AND NOT EXISTS (SELECT 1 FROM provider hp WHERE hp.id = ${alias}.provider_id AND NOT hp.published)`;
}
