// TRUSTED_DOCUMENTS=true over real HTTP: anonymous callers get the map's operations (by text or
// by hash) and nothing else; callers with a key or session keep the whole API; off by default.
// The map's own urql client sends every generated document and gets answers, not refusals:
// anonymously up to Login (a trusted document), then with the planner's session.
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

  it('serves every document of the map to the map’s own urql client, and an administrator signs in with it', async () => {
    // what the client would ask: real ids, keys and years from the seeded data
    const district = await db.prisma.area.findFirstOrThrow({ where: { level: 'DISTRICT' }, orderBy: { id: 'asc' } });
    const norm = await db.prisma.coverageNorm.findFirstOrThrow({ include: { category: true } });
    const category = norm.category.key;
    const service = await db.prisma.service.findFirstOrThrow({ where: { published: true }, orderBy: { id: 'asc' } });
    const provider = await db.prisma.provider.findFirstOrThrow({ where: { published: true }, orderBy: { id: 'asc' } });
    const goal = await db.prisma.goal.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const year = 2022;
    const years = Object.fromEntries(
      ['population', 'sgb2Rate', 'sgb2ChildShare', 'unemploymentRate', 'householdIncomeMedian', 'meanAge', 'oldAgeRatio', 'migrantShare'].map((k) => [`${k}Year`, year]),
    );
    // an administrator: may edit like a planner and also open the admin page's operations
    const planner = { email: 'planerin@leipzig.de', password: 'ein-langes-passwort' };
    await createUser(db.prisma, { ...planner, displayName: 'Planerin', role: 'ADMIN' }, systemActor('test'));

    // The editing mutations change only records they create themselves (the seeded ones stay as
    // the other tests expect), so they run in this order, each taking ids and versions from the
    // answers before it; an entry that is a function is read when its turn comes.
    const answers: Record<string, Record<string, unknown>> = {};
    const record = (operation: string, field: string) => answers[operation]![field] as { id: number; version: number; locations?: { id: number; version: number }[] };
    /** id and version of the record an earlier mutation answered with */
    const saved = (operation: string, field: string) => {
      const { id, version } = record(operation, field);
      return { id, version };
    };
    const variables: Record<string, Record<string, unknown> | (() => Record<string, unknown>)> = {
      NeedYears: { city: 'chemnitz' },
      // Chemnitz has no budget: an empty list, no error
      BudgetYears: { city: 'chemnitz' },
      Budget: { year: 2025, inflation: 2, city: null },
      NeedIndexLayer: { level: 'DISTRICT', year },
      GapLayer: { category, year, needYear: year, level: 'DISTRICT' },
      CategoriesWithNorm: {},
      Scenario: { input: { category, year, needYear: year, level: 'DISTRICT', addServices: [{ lon: 12.2915, lat: 51.3189, capacity: 60, name: 'Neu' }], closeServiceIds: [] } },
      EarlyWarnings: { year, level: 'DISTRICT', city: null },
      Coverage: { year, level: 'DISTRICT' },
      AreasGeometry: { level: 'DISTRICT', city: 'chemnitz' },
      Cities: {},
      Indicators: {},
      IndicatorValues: { key: 'sgb2_rate', level: 'DISTRICT', after: null },
      ServiceCategories: {},
      ServicesForMap: { categories: [category], statuses: ['ACTIVE'], targetGroups: ['FAMILIES'], providerIds: null, after: null },
      ServiceProviders: {},
      ServicePick: { id: service.id },
      TransitStops: {},
      SocialBuildings: { city: 'chemnitz' },
      ScenarioFundings: { year, after: null, city: null },
      Profile: { id: district.id, city: null },
      ProfileRanks: { level: 'DISTRICT', ...years },
      ProfileServices: { id: district.id },
      ProfileFunding: { id: district.id, level: 'DISTRICT', city: null },
      ProfileMeasures: { id: district.id },
      AreaTrend: { id: district.id, key: 'population' },
      CityTrend: { key: 'sgb2_rate', city: null },
      CompareAreas: { codes: [district.code, '00'], level: 'DISTRICT', city: null },
      // sign-in and the editing screens' lists, still anonymous
      Viewer: {},
      EditLookups: {},
      EditServices: { categoryKeys: [category] },
      EditService: { id: service.id },
      EditProviders: {},
      EditProvider: { id: provider.id },
      EditFundings: { serviceId: service.id, providerId: null },
      EditPlans: {},
      EditMeasures: { planId: goal.planId },
      GeocodeAddress: { address: 'Eisenbahnstraße 1', postalCode: null },
      ReverseGeocode: { lon: 12.4, lat: 51.345 },
      SearchAddress: { address: 'Eisenbahnstraße 1', city: 'leipzig' },
      // from here on with the session the login sets
      Login: planner,
      CreateService: {
        input: { name: 'Testangebot Trusted Documents', categoryId: norm.categoryId, status: 'PLANNED', published: false, newLocation: { street: 'Eisenbahnstraße', houseNumber: '1', lon: 12.4, lat: 51.345 } },
      },
      UpdateService: () => ({ input: { ...saved('CreateService', 'createService'), capacity: 20, capacityUnit: 'PLACES' } }),
      UpdateLocation: () => {
        const location = record('UpdateService', 'updateService').locations![0]!;
        return { input: { id: location.id, version: location.version, houseNumber: '3' } };
      },
      CreateFunding: () => ({
        input: { serviceId: saved('CreateService', 'createService').id, year: 2025, amount: '1000.00', funder: 'Jugendamt', kind: 'GRANT', status: 'APPLIED' },
      }),
      UpdateFunding: () => ({ input: { ...saved('CreateFunding', 'createFunding'), status: 'GRANTED' } }),
      RetireFunding: () => saved('UpdateFunding', 'updateFunding'),
      RetireService: () => saved('UpdateService', 'updateService'),
      CreateProvider: { input: { name: 'Testträger Trusted Documents e. V.', kind: 'NON_PROFIT', published: false } },
      UpdateProvider: () => ({ input: { ...saved('CreateProvider', 'createProvider'), website: 'https://example.org' } }),
      RetireProvider: () => saved('UpdateProvider', 'updateProvider'),
      CreateMeasure: { input: { goalId: goal.id, code: 'TD-1', title: 'Testmaßnahme', horizon: 'SHORT', responsibleOffice: 'Sozialamt', areaIds: [district.id] } },
      UpdateMeasure: () => ({ input: { ...saved('CreateMeasure', 'createMeasure'), status: 'IN_PROGRESS' } }),
      RetireMeasure: () => saved('UpdateMeasure', 'updateMeasure'),
      AdminOverview: {},
      AdminCreateUser: { input: { email: 'neu.td@leipzig.de', displayName: 'Neue Kollegin', password: 'ein-langes-passwort-2', role: 'ANALYST' } },
      AdminSetDisabled: () => ({ input: { id: (answers.AdminCreateUser!.createUser as { id: number }).id, version: 1, disabled: true } }),
      AdminCreateKey: { input: { name: 'Testschlüssel Trusted Documents', roles: ['ANALYST'] } },
      AdminRevokeKey: () => ({ id: (answers.AdminCreateKey!.createApiKey as { apiKey: { id: number } }).apiKey.id }),
      Logout: {},
    };

    // The documents exactly as the map imports them, sent by the map's client configuration.
    const generated = (await import('../../client/src/generated/graphql')) as Record<string, unknown>;
    const { createGraphQLClient } = await import('../../client/src/app/client');
    const documents = new Map(
      Object.entries(generated)
        .filter(([name]) => name.endsWith('Document'))
        .map(([, document]) => [getOperationAST(document as DocumentNode)?.name?.value as string, document as DocumentNode]),
    );
    // the list shipped with the build holds exactly these documents
    expect(documents.size).toBe(Object.keys(list).length);
    const missing = [...documents.keys()].filter((name) => !(name in variables));
    if (missing.length) throw new Error(`add example variables for the new client operation(s) ${missing.join(', ')} to this test`);
    expect(Object.keys(variables).filter((name) => !documents.has(name))).toEqual([]);

    // The browser keeps the session cookie that Login sets and sends it along; node's fetch does
    // not, so this one does it for the client.
    let cookie = '';
    const browserFetch: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      if (cookie) headers.set('cookie', cookie);
      const response = await fetch(input, { ...init, headers });
      const set = response.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return response;
    };

    const client = createGraphQLClient(`${on.url}/graphql`);
    const problems: string[] = [];
    for (const [name, example] of Object.entries(variables)) {
      if (problems.length) break; // later mutations build on the answers of earlier ones
      const document = documents.get(name)!;
      const args = [document, typeof example === 'function' ? example() : example, { requestPolicy: 'network-only', fetch: browserFetch }] as const;
      const result = await (getOperationAST(document)?.operation === 'mutation' ? client.mutation(...args) : client.query(...args)).toPromise();
      if (result.error) problems.push(`${name}: ${result.error.message}`);
      else if (!result.data) problems.push(`${name}: no data`);
      else answers[name] = result.data as Record<string, unknown>;
    }
    expect(problems).toEqual([]);

    // the anonymous Login (a trusted document) opened a session that the editing mutations used
    expect(answers.Viewer).toMatchObject({ viewer: { role: 'ANONYMOUS' } });
    expect(answers.Login).toMatchObject({ login: { user: { email: planner.email, role: 'ADMIN' } } });
    expect(answers.RetireService).toMatchObject({ retireService: { deleted: false } });
    expect(answers.RetireMeasure).toMatchObject({ retireMeasure: { deleted: true } });
    expect(answers.Logout).toMatchObject({ logout: true });
  });
});
