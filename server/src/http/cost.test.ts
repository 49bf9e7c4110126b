import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@sozialatlas/db';
import {
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { openSeededDatabase } from '../../test/db';
import { startHttp } from '../../test/http';
import { getSchema } from '../schema';
import { LIST_ESTIMATES, MAX_COST, MAX_INTROSPECTION_COST, queryCost } from './cost';
import { readExamples } from './explorer';
import { queryLimits } from './limits';

const clientDocuments = () =>
  Object.values(JSON.parse(readFileSync(path.resolve(__dirname, '../../../client/src/generated/persisted-documents.json'), 'utf8')) as Record<string, string>);

/** `{ areas { nodes { neighbours { neighbours { … { id } } } } } }` with `levels` neighbours. */
const nestedNeighbours = (levels: number) => `{ areas { nodes { ${'neighbours { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;

/** A value of the type for each required variable: the cost only depends on `first`, absent here. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, dummy(f.type)]));
  }
  return ({ Int: 2022, Float: 1, Boolean: true, String: 'x', ID: '1', Date: '2024-01-01', Decimal: '1.00' } as Record<string, unknown>)[named.name] ?? 'x';
}

function costOf(schema: GraphQLSchema, query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const variables = Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, dummy(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
  );
  return queryCost(schema, document, variables, operation.name?.value);
}

describe('query cost multiplies list sizes', () => {
  let db: Database;
  let http: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    db = await openSeededDatabase();
    http = await startHttp(db);
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
  });

  it('refuses nested lists without `first` before running them, naming the limit', async () => {
    // three and four levels were accepted before (≈ 60 × 6³ and 60 × 6⁴ areas); nine took the server down
    for (const levels of [3, 4, 9]) {
      const { status, body } = await http.graphql(nestedNeighbours(levels));
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: MAX_COST });
      expect(body.errors?.[0]?.message).toMatch(/zu aufwendig.*höchstens 200000.*limit of 200000/);
      process.stdout.write(`neighbours nested ${levels} deep: cost ${body.errors?.[0]?.extensions?.cost}, refused\n`);
    }
    // neighbours of neighbours is an ordinary question
    const two = await http.graphql(nestedNeighbours(2));
    expect(two.status).toBe(200);
    expect(two.body.errors).toBeUndefined();
  });

  it('lets GraphiQL read the schema (full introspection) and refuses introspection multiplied past its own limit', async () => {
    // GraphiQL's query: refused before (cost 35,680,805 against 200,000), so the explorer had no docs or completion
    const full = await http.graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true }));
    expect(full.status).toBe(200);
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.__schema.types.length).toBeGreaterThan(100);
    // graphql-js refuses `fields` nested three deep in introspection; two deep is ≈ 42,000 here
    // (types × fields per type²), and 28 aliases of it would read the schema over a million times
    const twoDeep = `__schema { types { ${'fields { type { '.repeat(2)}name${' } }'.repeat(2)} } }`;
    expect((await http.graphql(`{ ${twoDeep} }`)).status).toBe(200);
    const refused = await http.graphql(`{ ${Array.from({ length: 28 }, (_, i) => `a${i}: ${twoDeep}`).join(' ')} }`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: MAX_INTROSPECTION_COST });
    // introspection next to data does not make the data cheaper: each is held to its own limit
    const both = await http.graphql(`{ __schema { queryType { name } } ${nestedNeighbours(3).slice(1, -1)} }`);
    expect(both.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: MAX_COST });
  });

  it('counts `first` also when it is a variable', async () => {
    const query = 'query($n: Int) { providers(first: $n) { nodes { name services { name fundings { amount } } } } }';
    const small = await http.graphql(query, { n: 2 });
    expect(small.body.errors).toBeUndefined();
    const big = await http.graphql(query, { n: 500 });
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(big.body.errors?.[0]?.extensions?.cost).toBeGreaterThan(MAX_COST);
    // the cost is kept per document and variables: each repetition gets its own variables' verdict
    expect((await http.graphql(query, { n: 2 })).body.errors).toBeUndefined();
    expect((await http.graphql(query, { n: 500 })).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('leaves every operation of the map client and every documented example below the limit', async () => {
    const schema = await getSchema();
    const costs = [...clientDocuments(), ...readExamples().map((e) => e.query)].map((q) => costOf(schema, q));
    expect(costs.length).toBeGreaterThan(10);
    process.stdout.write(`largest cost of a client document or example: ${Math.max(...costs)} (limit ${MAX_COST})\n`);
    // the map's largest document stays far below the limit (its cost with default page sizes)
    expect(Math.max(...costs)).toBeLessThan(MAX_COST / 2);
  });

  it('estimates each list without `first` at least as long as the shipped data has it', async () => {
    const { body } = await http.graphql(
      '{ areas(first: 500) { nodes { neighbours { id } children { id } serviceStats { services } } } indicators { key } sources { key } serviceCategories { key } plans { id goals { id measures { id } } } cities { key unavailable { what } levels { level } missingLevels { level } placeLayers { collection } } }',
    );
    expect(body.errors).toBeUndefined();
    const longest = (lists: unknown[][]) => Math.max(0, ...lists.map((l) => l.length));
    const areas = body.data.areas.nodes as { neighbours: unknown[]; children: unknown[]; serviceStats: unknown[] }[];
    const plans = body.data.plans as { goals: { measures: unknown[] }[] }[];
    const actual: Record<string, number> = {
      'Area.neighbours': longest(areas.map((a) => a.neighbours)),
      'Area.children': longest(areas.map((a) => a.children)),
      'Area.serviceStats': longest(areas.map((a) => a.serviceStats)),
      'Query.indicators': body.data.indicators.length,
      'Query.sources': body.data.sources.length,
      'Query.serviceCategories': body.data.serviceCategories.length,
      'Query.plans': plans.length,
      'Plan.goals': longest(plans.map((p) => p.goals)),
      'Goal.measures': longest(plans.flatMap((p) => p.goals.map((g) => g.measures))),
      'Query.cities': body.data.cities.length,
      ...Object.fromEntries(
        (['unavailable', 'levels', 'missingLevels', 'placeLayers'] as const).map((f) => [`City.${f}`, longest(body.data.cities.map((c: Record<string, unknown[]>) => c[f]))]),
      ),
    };
    for (const [field, length] of Object.entries(actual)) expect({ field, fits: length <= (LIST_ESTIMATES[field] as number) }).toEqual({ field, fits: true });
    expect(actual['Area.neighbours']).toBeGreaterThan(3);
  });

  it('answers a document beyond the token limit with HTTP 400, not 500', async () => {
    const { status, body } = await http.graphql(`{ ${'__typename '.repeat(queryLimits.maxTokens)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/5000 tokens/);
  });
});
