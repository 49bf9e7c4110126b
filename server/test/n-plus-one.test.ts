// The map's typical query must cost the same number of SQL statements for 10 areas as for all 63:
// every relation is batched (DataLoader) or computed set-based.
import { openSeededDatabase } from './db';
import { createGraphQL } from './graphql';

const mapQuery = `query Map($first: Int!) {
  areas(filter: { level: DISTRICT }, first: $first) {
    nodes {
      id code name
      geometry(simplify: 20, precision: 5)
      labelPoint
      parent { name }
      value(indicator: "sgb2_rate", year: 2021) { value status indicator { key unit source { attribution } } }
      series(indicator: "population", fromYear: 2018) { year value }
      serviceStats { category { key name } services capacity }
    }
  }
  fundingTotals(level: DISTRICT, fromYear: 2022, toYear: 2022) { area { id code } year nominal real }
}`;

describe('SQL statements per map query', () => {
  it('do not grow with the number of areas (10 vs 63)', async () => {
    const statements: string[] = [];
    const db = await openSeededDatabase({ onQuery: (sql) => statements.push(sql) });
    const gql = await createGraphQL(db);
    try {
      const count = async (first: number) => {
        statements.length = 0;
        const data = await gql.data(mapQuery, { first });
        expect(data.areas.nodes).toHaveLength(first);
        return statements.length;
      };
      const ten = await count(10);
      const all = await count(63);
      expect(all).toBe(ten);
      expect(ten).toBeLessThanOrEqual(12);
    } finally {
      await gql.stop();
      await db.close();
    }
  });
});
