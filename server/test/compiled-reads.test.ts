// The compiled read path (server/src/compiled): a query of the map's hot fields is answered by one
// SQL statement. Its answer must be the ordinary answer, byte for byte (same keys in the same
// order, same numbers, suppression per role), and whatever it does not cover must run ordinarily
// with the ordinary errors. Each query below runs on two executors over the same database: one
// with the compiled path, one without.
import type { Database } from '@sozialatlas/db';
import { anonymousCaller, type Caller } from '../src/modules/auth/caller';
import { callerFor } from '../src/modules/auth/roles';
import { openSeededDatabase } from './db';
import { createGraphQL, type GraphQL } from './graphql';
import { fieldsWithRoles } from '../src/compiled/compile';

let db: Database;
let compiled: GraphQL;
let ordinary: GraphQL;
const statements: string[] = [];
const statistics = callerFor(['STATISTICS'], { kind: 'API_KEY', id: 9, label: 'Statistikstelle' });

beforeAll(async () => {
  db = await openSeededDatabase({ onQuery: (sql) => statements.push(sql) });
  compiled = await createGraphQL(db);
  ordinary = await createGraphQL(db, { compiledReads: false });
  // one suppressed value (primary) and one secondary, so suppression is compared too
  await db.prisma.$executeRawUnsafe(`
    UPDATE indicator_value SET status = 'SUPPRESSED', secondary_suppression = (a.code = '01'),
           base_status = CASE WHEN a.code = '00' THEN 'SUPPRESSED' ELSE indicator_value.base_status END
      FROM area a, indicator i
     WHERE a.id = indicator_value.area_id AND i.id = indicator_value.indicator_id
       AND i.key = 'sgb2_rate' AND indicator_value.year = 2022 AND a.code IN ('00', '01') AND a.level = 'DISTRICT'`);
});

afterAll(async () => {
  await compiled?.stop();
  await ordinary?.stop();
  await db?.close();
});

async function compiledCount(): Promise<number> {
  const metric = await compiled.metrics.compiledReads.get();
  return metric.values.filter((v) => v.labels.outcome === 'compiled').reduce((n, v) => n + v.value, 0);
}

/** Both answers as JSON text, the number of SQL statements of the compiled executor, and whether it compiled. */
async function both(query: string, variables?: Record<string, unknown>, caller: Caller = anonymousCaller) {
  const before = await compiledCount();
  statements.length = 0;
  const fast = await compiled.run(query, variables, caller);
  const sent = statements.length;
  const wasCompiled = (await compiledCount()) > before;
  const slow = await ordinary.run(query, variables, caller);
  return { fast: JSON.stringify(fast), slow: JSON.stringify(slow), sent, wasCompiled, result: fast };
}

const MAP_VALUES = `query mapValues($indicator: String!, $year: Int!) { areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name value(indicator: $indicator, year: $year) { value status } } } }`;
const MAP_GEOMETRY = `query mapGeometry($indicator: String!, $year: Int!) { areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name geometry(simplify: 15, precision: 5) value(indicator: $indicator, year: $year) { value status } } } }`;
const INDICATOR_VALUES = `query IndicatorValues($key: String!, $level: AreaLevel!, $after: String) {
  indicatorValues(filter: { indicatorKeys: [$key], level: $level }, first: 500, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { year value status derived area { id } } } }`;

const COMPILED: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'map values', query: MAP_VALUES, variables: { indicator: 'sgb2_rate', year: 2022 } },
  { name: 'map geometry (stored zoom level)', query: MAP_GEOMETRY, variables: { indicator: 'sgb2_rate', year: 2022 } },
  { name: "the map's IndicatorValues, first page", query: INDICATOR_VALUES, variables: { key: 'sgb2_rate', level: 'DISTRICT' } },
  {
    name: "the map's IndicatorValues as urql sends it (__typename everywhere), second page",
    query: `query IndicatorValues($after: String, $key: String!, $level: AreaLevel!) { __typename indicatorValues(filter: {indicatorKeys: [$key], level: $level} first: 500 after: $after) {
      __typename nodes { __typename area { __typename id } derived status value year } pageInfo { __typename endCursor hasNextPage } totalCount } }`,
    variables: { key: 'sgb2_rate', level: 'DISTRICT', after: 'aWQ6NTAw' },
  },
  {
    name: 'every compiled field, aliases, fragments, __typename, edges and pageInfo',
    query: `query all($y: Int = 2021) { __typename
      districts: areas(filter: { level: DISTRICT, city: "leipzig" }, first: 7) { __typename totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
        edges { cursor node { ...a } } nodes { __typename id ...a } }
      boroughs: areas(filter: { level: BOROUGH }) { totalCount nodes { id level areaKm2 g: geometry(simplify: 37, precision: 3) } } }
      fragment a on Area { code name level areaKm2 ... on Area { v: value(indicator: "sgb2_rate", year: $y) { year value status derived missingReason origin __typename area { code } } } }`,
  },
  { name: 'a later page (after a cursor)', query: `{ areas(first: 5, after: "aWQ6MjA") { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id } } }` },
  { name: 'an empty page', query: `{ areas(filter: { level: DISTRICT, city: "14511000" }, first: 3, after: "aWQ6OTk5OTk5") { totalCount pageInfo { hasNextPage startCursor endCursor } nodes { id } edges { cursor } } }` },
  { name: 'Chemnitz by key', query: `{ areas(filter: { city: "Chemnitz", level: DISTRICT }, first: 50) { totalCount nodes { code name value(indicator: "population", year: 2022) { value } } } }` },
  {
    name: 'indicator values over several keys, years and a city',
    query: `{ indicatorValues(filter: { indicatorKeys: ["population", "sgb2_rate", "population"], years: [2021, 2022], fromYear: 2020, toYear: 2023, level: DISTRICT, city: "leipzig" }, first: 40) {
      totalCount edges { cursor node { year value missingReason area { name level } } } } }`,
  },
  { name: 'the map values without any value in that year', query: MAP_VALUES, variables: { indicator: 'sgb2_rate', year: 1995 } },
  // the map's own documents (client/src/data/queries.ts and the profile/compare/editing views)
  {
    name: "the map's AreasGeometry",
    query: `query AreasGeometry($level: AreaLevel!, $city: String) { areas(filter: { level: $level, city: $city }, first: 500) {
      totalCount nodes { id code name areaKm2 parent { id name } labelPoint(precision: 5) geometry(simplify: 15, precision: 5) } } }`,
    variables: { level: 'DISTRICT', city: 'leipzig' },
  },
  {
    name: "the map's ServicesForMap",
    query: `query ServicesForMap($categories: [String!], $statuses: [ServiceStatus!], $targetGroups: [TargetGroup!], $providerIds: [Int!], $after: String, $city: String) {
      services(filter: { categoryKeys: $categories, statuses: $statuses, targetGroups: $targetGroups, providerIds: $providerIds, city: $city }, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id name status capacity capacityUnit category { key name nameEn } provider { name } source { synthetic attribution } locations { point } } } }`,
    variables: { categories: ['day_care', 'senior_meeting'], statuses: ['ACTIVE'], targetGroups: null },
  },
  {
    name: 'the city trend and a compared series, years limited, with the area source',
    query: `query CityTrend($key: String!, $city: String) {
      city: areas(filter: { level: CITY, city: $city }, first: 1) { nodes { id name source { key title publisher licence url attribution synthetic } series(indicator: $key) { year value status missingReason } } }
      compared: areas(filter: { codes: ["00", "61", "62"], level: DISTRICT }, first: 4) { nodes { code parent { name } recent: series(indicator: $key, fromYear: 2019, toYear: 2021) { year value } } } }`,
    variables: { key: 'sgb2_rate' },
  },
  {
    name: 'nested: 500 services → provider, fundings, locations → area',
    query: `{ services(first: 500) { nodes { id name provider { name } fundings { year amount status } locations { street area { code name } } } } }`,
  },
  {
    name: 'nested: providers → services → fundings (every compiled field)',
    query: `{ providers(first: 15) { totalCount pageInfo { hasNextPage endCursor } nodes { id name kind umbrella website published __typename
      services { id name description capacity status published fundings(fromYear: 2020, toYear: 2024) { id funder year amount kind status published } } } } }`,
  },
  {
    name: 'services of a category in Chemnitz, with their locations',
    query: `{ services(filter: { city: "chemnitz", categoryKeys: ["youth_social_work", "day_care"] }, first: 30) { totalCount edges { cursor node { name locations { id name street houseNumber postalCode city area { name level } } } } } }`,
  },
];

describe('compiled reads answer exactly as the ordinary path', () => {
  it.each(COMPILED)('$name: one statement, the same answer', async ({ query, variables }) => {
    const { fast, slow, sent, wasCompiled } = await both(query, variables);
    expect(wasCompiled).toBe(true);
    expect(sent).toBe(1);
    expect(fast).toBe(slow);
    expect(JSON.parse(fast).errors).toBeUndefined();
  });

  it('keeps suppressed values and drafts from the public and shows them to the roles that may see them, as the ordinary path', async () => {
    const variables = { indicator: 'sgb2_rate', year: 2022 };
    const query = `query($indicator: String!, $year: Int!) { areas(filter: { level: DISTRICT }, first: 3) { nodes { code value(indicator: $indicator, year: $year) { value status missingReason } } } }`;
    const publicAnswer = await both(query, variables);
    const officeAnswer = await both(query, variables, statistics);
    for (const answer of [publicAnswer, officeAnswer]) {
      expect(answer.wasCompiled).toBe(true);
      expect(answer.fast).toBe(answer.slow);
    }
    const nodes = (r: typeof publicAnswer) => (r.result.data as { areas: { nodes: { code: string; value: { value: number | null; missingReason: string | null } }[] } }).areas.nodes;
    const [zentrum, ost] = nodes(publicAnswer);
    expect(zentrum!.value).toEqual(expect.objectContaining({ value: null, missingReason: 'SUPPRESSED' }));
    expect(ost!.value).toEqual(expect.objectContaining({ value: null, missingReason: 'SECONDARY_SUPPRESSION' }));
    expect(nodes(officeAnswer)[0]!.value.value).toEqual(expect.any(Number));
    // drafts: a service, a provider and a funding line unpublished
    await db.prisma.$executeRawUnsafe(`UPDATE service SET published = false WHERE id IN (SELECT id FROM service ORDER BY id LIMIT 2)`);
    await db.prisma.$executeRawUnsafe(`UPDATE provider SET published = false WHERE id IN (SELECT provider_id FROM service WHERE provider_id IS NOT NULL ORDER BY id DESC LIMIT 1)`);
    await db.prisma.$executeRawUnsafe(`UPDATE funding SET published = false WHERE id IN (SELECT id FROM funding ORDER BY id LIMIT 3)`);
    const nested = `{ services(first: 500) { totalCount nodes { id published provider { id published } fundings { id published } } } providers(first: 500) { totalCount nodes { id services { id } } } }`;
    const planner = callerFor(['PLANNER'], { kind: 'API_KEY', id: 8, label: 'Planung' });
    const seen: number[] = [];
    for (const caller of [anonymousCaller, planner]) {
      const answer = await both(nested, {}, caller);
      expect(answer.wasCompiled).toBe(true);
      expect(answer.fast).toBe(answer.slow);
      seen.push((answer.result.data as { services: { totalCount: number } }).services.totalCount);
    }
    expect(seen[0]).toBeLessThan(seen[1]!);
    const rows = `{ indicatorValues(filter: { indicatorKeys: ["sgb2_rate"], years: [2022], level: DISTRICT }) { nodes { value status missingReason area { code } } } }`;
    for (const caller of [anonymousCaller, statistics]) {
      const page = await both(rows, {}, caller);
      expect(page.wasCompiled).toBe(true);
      expect(page.fast).toBe(page.slow);
      expect(page.fast.includes('"value":null,"status":"SUPPRESSED","missingReason":"SUPPRESSED"')).toBe(caller === anonymousCaller);
    }
  });
});

describe('what is not compiled runs ordinarily, with the ordinary answer or error', () => {
  const ORDINARY: { name: string; query: string; variables?: Record<string, unknown> }[] = [
    { name: 'an unknown indicator (NOT_FOUND)', query: MAP_VALUES, variables: { indicator: 'no_such_indicator', year: 2022 } },
    { name: 'an unknown city (UNKNOWN_REFERENCE)', query: `{ areas(filter: { city: "atlantis" }) { nodes { id } } }` },
    { name: 'a year out of range', query: MAP_VALUES, variables: { indicator: 'sgb2_rate', year: 1066 } },
    { name: 'a page too large', query: `{ areas(first: 501) { nodes { id } } }` },
    { name: 'a bad cursor', query: `{ areas(after: "bm9wZQ") { nodes { id } } }` },
    { name: 'a tolerance out of range', query: `{ areas(first: 2) { nodes { geometry(simplify: 99999) } } }` },
    { name: 'a NUL byte in an argument', query: `{ areas(filter: { city: "leip\\u0000zig" }) { nodes { id } } }` },
    { name: 'a field outside the compiled set', query: `{ areas(first: 3) { nodes { id neighbours { name } } } }` },
    { name: 'a filter outside the compiled set', query: `{ areas(filter: { nameContains: "Grünau" }) { nodes { id name } } }` },
    { name: 'a directive', query: `query($all: Boolean!) { areas(first: 3) { nodes { id name @include(if: $all) } } }`, variables: { all: false } },
    { name: 'funding years the wrong way round', query: `{ services(first: 3) { nodes { fundings(fromYear: 2024, toYear: 2020) { year } } } }` },
    { name: 'providers of a named city', query: `{ providers(filter: { city: "chemnitz" }, first: 5) { nodes { name } } }` },
    { name: 'a precision out of range', query: `{ areas(first: 2) { nodes { labelPoint(precision: 16) } } }` },
    { name: 'a series of an unknown indicator', query: `{ areas(first: 2) { nodes { series(indicator: "nope") { year } } } }` },
    { name: 'another root field', query: `{ areas(first: 2) { nodes { id } } indicators { key } }` },
  ];

  it.each(ORDINARY)('$name', async ({ query, variables }) => {
    const { fast, slow, wasCompiled } = await both(query, variables);
    expect(wasCompiled).toBe(false);
    expect(fast).toBe(slow);
  });
});

describe('fields with a role are never compiled', () => {
  it('reads the roles of the schema (a query with a role is listed) and none of the compiled fields has one', () => {
    const guarded = fieldsWithRoles();
    expect(guarded.has('Query.auditLog')).toBe(true);
    for (const field of ['Query.areas', 'Query.indicatorValues', 'Query.services', 'Query.providers', 'Area.value', 'Service.fundings', 'Funding.amount']) {
      expect(guarded.has(field)).toBe(false);
    }
  });
});
