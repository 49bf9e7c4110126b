// The map's typical query must not cost more SQL statements for more areas: every relation is
// batched (DataLoader) or computed set-based. Compared for 10 and 63 Leipzig districts and for
// 400 districts of a synthetic city.
import { generateSynthetic } from '@sozialatlas/seed';
import { openMigratedDatabase, openSeededDatabase } from './db';
import { createGraphQL } from './graphql';

const mapQuery = `query Map($first: Int!, $year: Int!, $indicator: String!) {
  areas(filter: { level: DISTRICT }, first: $first) {
    nodes {
      id code name
      geometry(simplify: 20, precision: 5)
      labelPoint
      parent { name }
      value(indicator: $indicator, year: $year) { value status indicator { key unit source { attribution } } }
      series(indicator: "population", fromYear: 2018) { year value }
      serviceStats { category { key name } services capacity }
    }
  }
  fundingTotals(level: DISTRICT, fromYear: $year, toYear: $year) { area { id code } year nominal real }
}`;

async function statementsFor(db: Awaited<ReturnType<typeof openSeededDatabase>>, statements: string[], variables: Record<string, unknown>) {
  const gql = await createGraphQL(db);
  try {
    await gql.data(mapQuery, variables); // warm-up: a new connection pool may send set-up statements once
    statements.length = 0;
    const data = await gql.data(mapQuery, variables);
    expect(data.areas.nodes).toHaveLength(variables.first as number);
    return statements.length;
  } finally {
    await gql.stop();
  }
}

describe('SQL statements of the map query', () => {
  // two tests, so that neither comes near jest's time limit on a busy machine (opening the
  // seeded database and generating the synthetic city are the slow steps)
  let ten: number;

  it('do not grow with the number of areas (10 vs 63 Leipzig districts)', async () => {
    const statements: string[] = [];
    const leipzig = await openSeededDatabase({ onQuery: (sql) => statements.push(sql) });
    let all: number;
    try {
      const variables = { indicator: 'sgb2_rate', year: 2021 };
      ten = await statementsFor(leipzig, statements, { ...variables, first: 10 });
      all = await statementsFor(leipzig, statements, { ...variables, first: 63 });
    } finally {
      await leipzig.close();
    }
    // Ten areas may need one statement more than all of them: the funding totals name every
    // district, and those not on the page are loaded in one extra batch.
    expect(all).toBeLessThanOrEqual(ten);
    expect(ten).toBeLessThanOrEqual(14);
  });

  it('do not grow with the number of areas (400 synthetic districts, as many as 10 Leipzig ones)', async () => {
    expect(ten).toBeGreaterThan(0);
    const statements: string[] = [];
    const synthetic = await openMigratedDatabase({ onQuery: (sql) => statements.push(sql) });
    let large: number;
    try {
      await generateSynthetic(synthetic.prisma, { areas: 400, services: 800, years: 3, seed: 7 });
      const [{ year } = { year: 0 }] = await synthetic.prisma.$queryRaw<{ year: number }[]>`SELECT max(year) AS year FROM indicator_value`;
      large = await statementsFor(synthetic, statements, { indicator: 'population', year, first: 400 });
    } finally {
      await synthetic.close();
    }
    expect(large).toBeLessThanOrEqual(ten);
  });
});

// `City.unavailable` (budget, address search) is answered from per-request loaders: listing the
// cities costs the same few statements whether one city or all of them is asked for.
describe('SQL statements of the cities list', () => {
  it('`unavailable` adds no statement per city', async () => {
    const statements: string[] = [];
    const db = await openSeededDatabase({ onQuery: (sql) => statements.push(sql) });
    const gql = await createGraphQL(db);
    const count = async (query: string) => {
      await gql.data(query); // warm-up, as above
      statements.length = 0;
      const data = await gql.data(query);
      return { n: statements.length, data };
    };
    try {
      const all = await count(`{ cities { key } }`);
      const allUnavailable = await count(`{ cities { key unavailable { what } } }`);
      const one = await count(`{ cities { key } }`.replace('cities', 'city(city: "chemnitz")'));
      const oneUnavailable = await count(`{ city(city: "chemnitz") { key unavailable { what } } }`);
      expect(allUnavailable.data.cities).toHaveLength(2);
      expect(allUnavailable.data.cities[1].unavailable.map((u: { what: string }) => u.what)).toEqual(expect.arrayContaining(['BUDGET', 'ADDRESS_SEARCH']));
      // one batch for the budget lines, one look-up of the address table's city
      expect(allUnavailable.n - all.n).toBe(oneUnavailable.n - one.n);
      expect(allUnavailable.n - all.n).toBeLessThanOrEqual(2);
    } finally {
      await gql.stop();
      await db.close();
    }
  });
});
