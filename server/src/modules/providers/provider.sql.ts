import { Prisma, type PrismaClient } from '@sozialatlas/db';
import type { Caller, Visibility } from '../auth/caller';
import { countRows, findPage, type PagedTable } from '../common/paged.sql';
import { visibleProvider } from '../common/visible.sql';
import { cityCondition, type CityScope } from '../cities/city.sql';
import type { ProviderFilter } from './provider.args';
import type { Provider } from './provider.type';

const providerColumns = Prisma.sql`p.id, p.name, p.kind::text AS kind, p.umbrella::text AS umbrella, p.website, p.published,
  p.source_id AS "sourceId"`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The provider has a service in the city. A provider without any service belongs to no city: like
 * areas outside every city it is listed for the default city only, as before there were cities.
 */
function inCityOfServices(scope: CityScope | undefined): Prisma.Sql {
  const hasService = Prisma.sql`EXISTS (SELECT 1 FROM service s WHERE s.provider_id = p.id AND ${cityCondition(Prisma.sql`s.city_id`, scope)})`;
  if (scope?.named) return hasService;
  return Prisma.sql`(${hasService} OR NOT EXISTS (SELECT 1 FROM service s WHERE s.provider_id = p.id))`;
}

export function providerWhere(filter: ProviderFilter = {}, caller: Visibility): Prisma.Sql {
  const conditions: Prisma.Sql[] = [visibleProvider(caller), inCityOfServices(filter.scope)];
  if (filter.kind) conditions.push(Prisma.sql`p.kind = ${filter.kind}::provider_kind`);
  if (filter.umbrella) conditions.push(Prisma.sql`p.umbrella = ${filter.umbrella}::umbrella_association`);
  if (filter.nameContains) conditions.push(Prisma.sql`p.name ILIKE ${`%${escapeLike(filter.nameContains)}%`}`);
  return Prisma.join(conditions, ' AND ');
}

const PROVIDERS: PagedTable = { from: Prisma.sql`provider p`, id: Prisma.sql`p.id`, columns: providerColumns };

export function findProviders(prisma: PrismaClient, filter: ProviderFilter | undefined, caller: Caller, take: number, afterId?: number) {
  return findPage<Provider>(prisma, PROVIDERS, providerWhere(filter, caller), take, afterId);
}

export function countProviders(prisma: PrismaClient, filter: ProviderFilter | undefined, caller: Caller): Promise<number> {
  return countRows(prisma, PROVIDERS, providerWhere(filter, caller));
}

export function providersByIds(prisma: PrismaClient, ids: readonly number[], caller: Caller) {
  return prisma.$queryRaw<Provider[]>`
    SELECT ${providerColumns} FROM provider p WHERE p.id = ANY(${[...ids]}::int[]) AND ${visibleProvider(caller)}`;
}
