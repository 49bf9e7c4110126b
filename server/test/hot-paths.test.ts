// The issue-15 hot paths (bench/cpu.mjs) send a fixed, small number of SQL statements, whatever the
// page size: every relation below a list is one batch per request. The bounds are today's counts, so
// a change that adds a statement to a hot path has to say so here.
import { useSeededGraphQL } from './graphql';

const statements: string[] = [];
const { gql } = useSeededGraphQL({ onQuery: (sql) => statements.push(sql) });

const HOT: { name: string; query: (first: number) => string; variables?: Record<string, unknown>; most: number }[] = [
  {
    name: 'map values: districts + one value',
    query: (first) => `{ areas(filter: { level: DISTRICT }, first: ${first}) { nodes { id code name value(indicator: "sgb2_rate", year: 2022) { value status } } } }`,
    // areas, the indicator by key, the values
    most: 3,
  },
  {
    name: "the map's IndicatorValues",
    query: (first) =>
      `query($key: String!, $level: AreaLevel!) { indicatorValues(filter: { indicatorKeys: [$key], level: $level }, first: ${first}) { totalCount pageInfo { hasNextPage endCursor } nodes { year value status derived area { id } } } }`,
    variables: { key: 'sgb2_rate', level: 'DISTRICT' },
    // the indicator by key, the page, the count, the areas
    most: 4,
  },
  {
    name: 'nested services → provider, fundings, locations → area',
    query: (first) => `{ services(first: ${first}) { nodes { id name provider { name } fundings { year amount status } locations { street area { code name } } } } }`,
    // services, providers, fundings, locations, areas
    most: 5,
  },
  {
    name: 'nested providers → services → fundings',
    query: (first) => `{ providers(first: ${first}) { nodes { id name services { id name fundings { year amount } } } } }`,
    // providers, their services, the fundings
    most: 3,
  },
];

async function count(query: string, variables?: Record<string, unknown>) {
  await gql.data(query, variables); // warm-up: a new pool may send set-up statements once
  statements.length = 0;
  await gql.data(query, variables);
  return statements.length;
}

describe('SQL statements of the hot paths', () => {
  it.each(HOT)('$name: at most $most, for 5 rows as for 40', async ({ query, variables, most }) => {
    const few = await count(query(5), variables);
    const many = await count(query(40), variables);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(most);
  });
});
