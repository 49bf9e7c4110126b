// The plugin compiles a query once per document, operation, variables and what the caller may
// see, and reuses that statement for every repetition (the equivalence with the ordinary path is
// server/test/compiled-reads.test.ts).
import type { Prisma } from '@sozialatlas/db';
import { parse, type OperationDefinitionNode } from 'graphql';
import { anonymousCaller, type Caller } from '../modules/auth/caller';
import { callerFor } from '../modules/auth/roles';
import { getSchema } from '../schema';
import { compiledReadsPlugin } from './compiled-reads';

const QUERY = 'query mapValues($year: Int!) { areas(filter: { level: DISTRICT }, first: 100) { nodes { id value(indicator: "sgb2_rate", year: $year) { value } } } }';

async function sentStatements() {
  const schema = await getSchema();
  const plugin = compiledReadsPlugin();
  const document = parse(QUERY);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const sent: Prisma.Sql[] = [];
  const prisma = { $queryRaw: async (statement: Prisma.Sql) => (sent.push(statement), [{ ok: true, data: '{"areas":{"nodes":[]}}' }]) };
  const ask = async (variables: Record<string, unknown>, caller: Caller = anonymousCaller, doc = document) => {
    const hooks = (await plugin.requestDidStart!({} as never)) as { responseForOperation: (r: unknown) => Promise<unknown> };
    const response = await hooks.responseForOperation({ document: doc, operation: doc.definitions[0] ?? operation, request: { variables, operationName: 'mapValues' }, schema, contextValue: { caller, prisma } });
    expect(response).not.toBeNull();
    return sent[sent.length - 1]!;
  };
  return { ask, document };
}

describe('compiled reads plugin', () => {
  it('reuses the compiled statement for the same document, variables and visibility', async () => {
    const { ask } = await sentStatements();
    const first = await ask({ year: 2022 });
    expect(await ask({ year: 2022 })).toBe(first);
    // another planner with the same rights sees the same statement; who they are is not in it
    const planner = callerFor(['PLANNER'], { kind: 'API_KEY', id: 8, label: 'Planung' });
    const otherPlanner = callerFor(['PLANNER'], { kind: 'API_KEY', id: 9, label: 'Sozialplanung' });
    expect(await ask({ year: 2022 }, otherPlanner)).toBe(await ask({ year: 2022 }, planner));
  });

  it('compiles anew for other variables and for a caller who may see more', async () => {
    const { ask } = await sentStatements();
    const first = await ask({ year: 2022 });
    const otherYear = await ask({ year: 2021 });
    expect(otherYear).not.toBe(first);
    expect(otherYear.values).toContain(2021);
    const statistics = callerFor(['STATISTICS'], { kind: 'API_KEY', id: 9, label: 'Statistikstelle' });
    expect(statistics.canSeeSuppressed).toBe(true);
    const office = await ask({ year: 2022 }, statistics);
    expect(office).not.toBe(first);
    expect(office.values).toContain(true);
    expect(first.values).toContain(false);
  });
});
