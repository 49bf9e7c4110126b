// TRUSTED_DOCUMENTS=true over real HTTP: anonymous callers get the map's operations (by text or
// by hash) and nothing else; callers with a key or session keep the whole API; off by default.
// The map's own urql client sends every generated document and gets answers, not refusals.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@sozialatlas/db';
import { getOperationAST, type DocumentNode } from 'graphql';
import { generateApiKey } from '../src/modules/auth/api-key';
import { systemActor } from '../src/modules/auth/roles';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/session';
import { createUser } from '../src/modules/auth/users';
import { openSeededDatabase } from './db';
import { startHttp } from './http';

const clientDir = path.resolve(__dirname, '..', '..', 'client');
const listFile = path.join(clientDir, 'src', 'generated', 'persisted-documents.json');

/** The client's codegen output (the build makes it; a bare jest run on a fresh clone may not have). */
function generatedList(): Record<string, string> {
  if (!existsSync(listFile)) execFileSync('npm', ['run', '--silent', 'generate'], { cwd: clientDir, stdio: 'inherit' });
  return JSON.parse(readFileSync(listFile, 'utf8')) as Record<string, string>;
}

const UNTRUSTED = '{ areas(first: 1) { nodes { name } } }';
const hex = (id: string) => id.replace(/^sha256:/, '');

describe('trusted documents over HTTP', () => {
  let db: Database;
  let on: Awaited<ReturnType<typeof startHttp>>;
  let list: Record<string, string>;
  let analystKey: string;
  let sessionCookie: string;
  /** Id and text of the map's indicator catalogue query. */
  let indicators: { id: string; text: string };

  beforeAll(async () => {
    list = generatedList();
    const entry = Object.entries(list).find(([, text]) => /query Indicators\b/.test(text));
    if (!entry) throw new Error('the client has no Indicators query any more: pick another document for this test');
    indicators = { id: entry[0], text: entry[1] };
    db = await openSeededDatabase();
    on = await startHttp(db, { TRUSTED_DOCUMENTS: 'true', TRUSTED_DOCUMENTS_FILE: listFile });
    const { key, prefix, secretHash } = await generateApiKey();
    await db.prisma.apiKey.create({ data: { name: 'Analyse-Skript', prefix, secretHash, roles: ['ANALYST'] } });
    analystKey = key;
    const user = await createUser(db.prisma, { email: 'analystin@leipzig.de', displayName: 'Analystin', password: 'ein-langes-passwort', role: 'ANALYST' }, systemActor('test'));
    sessionCookie = `${SESSION_COOKIE}=${(await createSession(db.prisma, user.id)).token}`;
  });
  afterAll(async () => {
    await on?.close();
    await db?.close();
  });

  async function post(body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${on.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  }

  it('accepts a trusted document sent as text, however it is formatted', async () => {
    const { status, body } = await post({ query: `\n# the map's catalogue\n${indicators.text.replace(/ /g, '\n  ')}` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.indicators.length).toBeGreaterThan(5);
  });

  it('accepts a trusted document by hash: APQ sha256Hash, documentId, and GET', async () => {
    const apq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hex(indicators.id) } } });
    expect(apq.body.errors).toBeUndefined();
    expect(apq.body.data.indicators.length).toBeGreaterThan(5);

    const byId = await post({ documentId: indicators.id });
    expect(byId.body.data.indicators).toEqual(apq.body.data.indicators);

    const search = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(indicators.id) } }) });
    // GET needs a header that a simple cross-site request cannot set (Apollo's CSRF prevention)
    const get = await fetch(`${on.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { indicators: unknown[] } }).data.indicators).toEqual(apq.body.data.indicators);
  });

  it('refuses other documents from anonymous callers with a German message and no data', async () => {
    const refused = await post({ query: UNTRUSTED });
    expect(refused.status).toBe(403);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'UNTRUSTED_DOCUMENT' });
    expect(refused.body.errors?.[0]?.message).toMatch(/^Ohne Anmeldung sind nur die Abfragen der Karte erlaubt/);
    expect(JSON.stringify(refused.body)).not.toMatch(/stack|at .*\.ts/);

    // a trusted document with one more field is another document
    const widened = await post({ query: indicators.text.replace(/\bkey\b/, 'key version') });
    expect(widened.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // introspection is a document like any other: the explorer needs a key then
    expect((await post({ query: '{ __schema { queryType { name } } }' })).status).toBe(403);
    // batches never pass unchecked
    expect((await post([{ query: indicators.text }, { query: UNTRUSTED }])).status).toBe(403);

    const unknownHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    expect(unknownHash.status).toBe(404);
    expect(unknownHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknownHash.body.data).toBeUndefined();
  });

  it('lets callers with an API key or a session send any document', async () => {
    const withKey = await post({ query: UNTRUSTED }, { authorization: `Bearer ${analystKey}` });
    expect(withKey.status).toBe(200);
    expect(withKey.body.data.areas.nodes).toHaveLength(1);
    const withSession = await post({ query: '{ viewer { role } }' }, { cookie: sessionCookie });
    expect(withSession.body).toEqual({ data: { viewer: { role: 'ANALYST' } } });
  });

  it('is off by default: anonymous callers may send any document', async () => {
    const off = await startHttp(db, { TRUSTED_DOCUMENTS_FILE: listFile });
    try {
      const { status, body } = await off.graphql(UNTRUSTED);
      expect(status).toBe(200);
      expect(body.data.areas.nodes).toHaveLength(1);
      // the map's documents are still served by hash
      const byHash = await fetch(`${off.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: indicators.id }) });
      expect(((await byHash.json()) as { data: { indicators: unknown[] } }).data.indicators.length).toBeGreaterThan(5);
    } finally {
      await off.close();
    }
  });

  it('serves every document of the map to the map’s own urql client', async () => {
    // what the client would ask: real ids, keys and years from the seeded data
    const district = await db.prisma.area.findFirstOrThrow({ where: { level: 'DISTRICT' }, orderBy: { id: 'asc' } });
    const norm = await db.prisma.coverageNorm.findFirstOrThrow({ include: { category: true } });
    const category = norm.category.key;
    const year = 2022;
    const years = Object.fromEntries(
      ['population', 'sgb2Rate', 'sgb2ChildShare', 'unemploymentRate', 'householdIncomeMedian', 'meanAge', 'oldAgeRatio', 'migrantShare'].map((k) => [`${k}Year`, year]),
    );
    const variables: Record<string, Record<string, unknown>> = {
      NeedYears: {},
      NeedIndexLayer: { level: 'DISTRICT', year },
      GapLayer: { category, year, needYear: year, level: 'DISTRICT' },
      CategoriesWithNorm: {},
      Scenario: { input: { category, year, needYear: year, level: 'DISTRICT', addServices: [{ lon: 12.2915, lat: 51.3189, capacity: 60, name: 'Neu' }], closeServiceIds: [] } },
      EarlyWarnings: { year, level: 'DISTRICT' },
      Coverage: { year, level: 'DISTRICT' },
      AreasGeometry: { level: 'DISTRICT' },
      Indicators: {},
      IndicatorValues: { key: 'sgb2_rate', level: 'DISTRICT', after: null },
      ServiceCategories: {},
      ServicesForMap: { categories: [category], statuses: ['ACTIVE'], after: null },
      Profile: { id: district.id },
      ProfileRanks: { level: 'DISTRICT', ...years },
      ProfileServices: { id: district.id },
      ProfileFunding: { id: district.id, level: 'DISTRICT' },
      ProfileMeasures: { id: district.id },
    };

    // The documents exactly as the map imports them, sent by the map's client configuration.
    const generated = (await import('../../client/src/generated/graphql')) as Record<string, unknown>;
    const { createGraphQLClient } = await import('../../client/src/app/client');
    const documents = Object.entries(generated)
      .filter(([name]) => name.endsWith('Document'))
      .map(([, document]) => document as DocumentNode);
    const names = documents.map((d) => getOperationAST(d)?.name?.value as string);
    // the list shipped with the build holds exactly these documents
    expect(documents).toHaveLength(Object.keys(list).length);
    const missing = names.filter((name) => !(name in variables));
    if (missing.length) throw new Error(`add example variables for the new client operation(s) ${missing.join(', ')} to this test`);

    const client = createGraphQLClient(`${on.url}/graphql`);
    const problems: string[] = [];
    for (const [i, document] of documents.entries()) {
      const result = await client.query(document, variables[names[i]!]!, { requestPolicy: 'network-only' }).toPromise();
      if (result.error) problems.push(`${names[i]}: ${result.error.message}`);
      else if (!result.data) problems.push(`${names[i]}: no data`);
    }
    expect(problems).toEqual([]);
  });
});
