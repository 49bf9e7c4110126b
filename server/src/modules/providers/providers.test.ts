import Decimal from 'decimal.js';
import { Prisma } from '@sozialatlas/db';
import { anonymousCaller, type Caller } from '../auth/caller';
import { useSeededGraphQL } from '../../../test/graphql';

const planner: Caller = { ...anonymousCaller, role: 'PLANNER', canSeeUnpublished: true };

describe('providers API on the Leipzig data', () => {
  const statements: string[] = [];
  const { db, gql } = useSeededGraphQL({ onQuery: (sql) => statements.push(sql) });
  // without a city the default city's providers: all but those whose every service is in another city (Chemnitz)
  const defaultCityProviders = async (extra = Prisma.sql`TRUE`) =>
    (await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM provider p WHERE ${extra}
         AND NOT (EXISTS (SELECT 1 FROM service s WHERE s.provider_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM service s JOIN city c ON c.area_id = s.city_id WHERE s.provider_id = p.id AND c.is_default))`)[0]!.n;

  it('filters by kind, umbrella association and name (AND), counted like the table', async () => {
    const data = await gql.data(`{
      all: providers { totalCount }
      caritas: providers(filter: { umbrella: CARITAS, kind: NON_PROFIT }) { totalCount nodes { name umbrella kind } }
      name: providers(filter: { nameContains: "suchthilfe" }) { nodes { name } }
    }`);
    expect(data.all.totalCount).toBe(await defaultCityProviders());
    expect(data.all.totalCount).toBeLessThan(await db.prisma.provider.count());
    expect(data.caritas.totalCount).toBe(await defaultCityProviders(Prisma.sql`p.umbrella = 'CARITAS' AND p.kind = 'NON_PROFIT'`));
    expect(data.caritas.totalCount).toBeGreaterThan(0);
    for (const p of data.caritas.nodes) expect(p).toMatchObject({ umbrella: 'CARITAS', kind: 'NON_PROFIT' });
    expect(data.name.nodes.map((p: { name: string }) => p.name)).toContain('Caritas Suchthilfe Leipzig gGmbH (Demo)');
  });

  it('returns a provider with its services and all funding of those services', async () => {
    // the demo provider with the most funding lines in 2024 (which one depends on the demo data)
    const [busiest] = await db.prisma.$queryRaw<{ id: number }[]>`
      SELECT s.provider_id AS id FROM funding f JOIN service s ON s.id = f.service_id JOIN provider p ON p.id = s.provider_id
       JOIN source src ON src.id = p.source_id
       WHERE f.year = 2024 AND src.key = 'demo' GROUP BY s.provider_id ORDER BY count(*) DESC, s.provider_id LIMIT 1`;
    const provider = await db.prisma.provider.findUniqueOrThrow({ where: { id: busiest!.id } });
    const data = await gql.data(`query($id: Int!) { provider(id: $id) { name source { key }
      services { id category { key } } fundings(fromYear: 2024, toYear: 2024) { amount year service { id } } } }`, { id: provider.id });
    const services = await db.prisma.service.findMany({ where: { providerId: provider.id } });
    expect(data.provider.services.map((s: { id: number }) => s.id).sort()).toEqual(services.map((s) => s.id).sort());
    const [expected] = await db.prisma.$queryRaw<{ total: string }[]>`
      SELECT sum(f.amount)::text AS total FROM funding f JOIN service s ON s.id = f.service_id
       WHERE s.provider_id = ${provider.id} AND f.year = 2024`;
    const total = data.provider.fundings.reduce((acc: Decimal, f: { amount: string }) => acc.plus(f.amount), new Decimal(0));
    expect(total.toFixed(2)).toBe(new Decimal(expected!.total).toFixed(2));
    expect(data.provider.source.key).toBe('demo');
  });

  it('hides an unpublished provider from anonymous callers, also as a service’s provider', async () => {
    const service = await db.prisma.service.findFirstOrThrow({ where: { providerId: { not: null } }, orderBy: { id: 'asc' } });
    const id = service.providerId as number;
    await db.prisma.provider.update({ where: { id }, data: { published: false } });
    try {
      const q = `query($p: Int!, $s: Int!) { provider(id: $p) { id } service(id: $s) { provider { id } } providers { totalCount } }`;
      const total = await defaultCityProviders();
      const anonymous = await gql.data(q, { p: id, s: service.id });
      expect(anonymous).toEqual({ provider: null, service: { provider: null }, providers: { totalCount: total - 1 } });
      const internal = await gql.data(q, { p: id, s: service.id }, planner);
      expect(internal.provider).toEqual({ id });
      expect(internal.providers.totalCount).toBe(total);
    } finally {
      await db.prisma.provider.update({ where: { id }, data: { published: true } });
    }
  });

  it('runs the same number of SQL statements for 5 and for 50 providers with nested relations', async () => {
    const q = `query($n: Int!) { providers(first: $n) { nodes { name source { key }
      services { name category { key } locations { area { name } } } fundings(fromYear: 2024) { amount } } } }`;
    const count = async (n: number) => {
      statements.length = 0;
      const data = await gql.data(q, { n });
      expect(data.providers.nodes).toHaveLength(n);
      return statements.length;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
  });
});
