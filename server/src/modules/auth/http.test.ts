import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../../test/db';
import { startHttp, useSeededHttp } from '../../../test/http';
import { generateApiKey } from './api-key';
import { FAILURE_DELAY_MS, MAX_FAILED_LOGINS } from './login';
import { systemActor } from './roles';
import { createUser } from './users';

const VIEWER = '{ viewer { role roles kind label canSeeSuppressed } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { user { email role } } }';

describe('API keys, sessions and limits over HTTP', () => {
  let db: Database;
  let http: Awaited<ReturnType<typeof startHttp>>;
  const keys: Record<string, string> = {};

  async function storeKey(name: string, roles: ('ADMIN' | 'STATISTICS' | 'PLANNER')[], extra: { expiresAt?: Date; revokedAt?: Date } = {}) {
    const { key, prefix, secretHash } = await generateApiKey();
    await db.prisma.apiKey.create({ data: { name, prefix, secretHash, roles, ...extra } });
    return key;
  }

  beforeAll(async () => {
    db = await openSeededDatabase();
    http = await startHttp(db);
    keys.admin = await storeKey('Admin-Skript', ['ADMIN']);
    keys.statistics = await storeKey('Statistikstelle', ['STATISTICS']);
    keys.expired = await storeKey('Alt', ['PLANNER'], { expiresAt: new Date(Date.now() - 1000) });
    keys.revoked = await storeKey('Widerrufen', ['PLANNER'], { revokedAt: new Date() });
    await createUser(db.prisma, { email: 'Planerin@Leipzig.de', displayName: 'Planerin', password: 'richtig-langes-passwort', role: 'PLANNER' }, systemActor('test'));
    await createUser(db.prisma, { email: 'opfer@leipzig.de', displayName: 'Opfer', password: 'noch-ein-langes-passwort', role: 'ANALYST' }, systemActor('test'));
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
  });

  it('treats requests without credentials as anonymous', async () => {
    const { body } = await http.graphql(VIEWER);
    expect(body.data.viewer).toEqual({ role: 'ANONYMOUS', roles: [], kind: null, label: null, canSeeSuppressed: false });
  });

  it('accepts a valid key as Bearer token or x-api-key and records its last use', async () => {
    const bearer = await http.graphql(VIEWER, {}, { authorization: `Bearer ${keys.statistics}` });
    expect(bearer.body.data.viewer).toEqual({ role: 'STATISTICS', roles: ['STATISTICS'], kind: 'API_KEY', label: 'Statistikstelle', canSeeSuppressed: true });
    const header = await http.graphql(VIEWER, {}, { 'x-api-key': keys.statistics as string });
    expect(header.body.data.viewer.role).toBe('STATISTICS');
    expect((await db.prisma.apiKey.findFirstOrThrow({ where: { name: 'Statistikstelle' } })).lastUsedAt).not.toBeNull();
  });

  it.each([
    ['forged', () => `sa_0123456789ab_${'A'.repeat(43)}`, 'INVALID_KEY'],
    ['tampered', () => `${keys.admin!.slice(0, -1)}${keys.admin!.endsWith('A') ? 'B' : 'A'}`, 'INVALID_KEY'],
    ['malformed', () => 'not-a-key', 'INVALID_KEY'],
    ['expired', () => keys.expired as string, 'EXPIRED_KEY'],
    ['revoked', () => keys.revoked as string, 'REVOKED_KEY'],
  ])('refuses a %s key with 401 UNAUTHENTICATED', async (_name, key, reason) => {
    const { status, body } = await http.graphql(VIEWER, {}, { authorization: `Bearer ${key()}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    expect(body.data).toBeUndefined();
  });

  it('takes big import bodies from roles that import, and only from them', async () => {
    // 400 kB: twice the limit for everyone else, a small city's boundaries for an admin.
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [], note: 'x'.repeat(400_000) });
    const query = 'mutation($geojson: String!) { importAreas(geojson: $geojson) { errors { reason } } }';
    const admin = await http.graphql(query, { geojson }, { authorization: `Bearer ${keys.admin}` });
    expect(admin.status).toBe(200);
    expect(admin.body.data.importAreas.errors).toEqual([{ reason: 'EMPTY' }]);
    const statistics = await http.graphql('mutation($csv: String!) { importIndicatorValues(csv: $csv) { rows } }', { csv: `area_code,indicator_key,year,value,status\n${'00,population,2020,1,REGULAR\n'.repeat(15_000)}` }, { authorization: `Bearer ${keys.statistics}` });
    expect(statistics.status).toBe(200);
    expect(statistics.body.data.importIndicatorValues.rows).toBe(15_000);
    const anonymous = await http.graphql(query, { geojson });
    expect(anonymous.status).toBe(413);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses other authorization schemes rather than ignoring them', async () => {
    const { status } = await http.graphql(VIEWER, {}, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(status).toBe(401);
  });

  it('creates a key shown once and revokes it at once', async () => {
    const created = await http.graphql(
      'mutation { createApiKey(input: { name: "Jugendamt", roles: [PLANNER] }) { key apiKey { id prefix roles } } }',
      {},
      { authorization: `Bearer ${keys.admin}` },
    );
    const { key, apiKey } = created.body.data.createApiKey;
    expect(key).toMatch(new RegExp(`^sa_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.secretHash).not.toContain(key.split('_').slice(2).join('_'));
    expect((await http.graphql(VIEWER, {}, { authorization: `Bearer ${key}` })).body.data.viewer.role).toBe('PLANNER');
    await http.graphql(`mutation { revokeApiKey(id: ${apiKey.id}) { revokedAt } }`, {}, { authorization: `Bearer ${keys.admin}` });
    expect((await http.graphql(VIEWER, {}, { authorization: `Bearer ${key}` })).status).toBe(401);
  });

  it('logs in with an HttpOnly, SameSite=Strict session cookie and logs out', async () => {
    const response = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { email: 'planerin@leipzig.de', password: 'richtig-langes-passwort' } }),
    });
    expect((await response.json()).data.login.user).toEqual({ email: 'planerin@leipzig.de', role: 'PLANNER' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sozialatlas_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const session = { cookie: cookie.split(';')[0] as string };

    expect((await http.graphql(VIEWER, {}, session)).body.data.viewer).toMatchObject({ role: 'PLANNER', kind: 'USER', label: 'planerin@leipzig.de' });
    expect((await http.graphql('mutation { logout }', {}, session)).body.data.logout).toBe(true);
    expect((await http.graphql(VIEWER, {}, session)).body.data.viewer.role).toBe('ANONYMOUS');
  });

  it('marks the cookie Secure behind a TLS-terminating proxy named in TRUSTED_PROXIES, and only then', async () => {
    const login = (url: string) => fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ query: LOGIN, variables: { email: 'planerin@leipzig.de', password: 'richtig-langes-passwort' } }),
    });
    expect((await login(http.url)).headers.get('set-cookie')).not.toMatch(/Secure/);
    const behindProxy = await startHttp(db, { TRUSTED_PROXIES: 'loopback' });
    try {
      expect((await login(behindProxy.url)).headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await behindProxy.close();
    }
  });

  it('locks an account after repeated failures while the server keeps serving others', async () => {
    const attempt = (password: string) => http.graphql(LOGIN, { email: 'opfer@leipzig.de', password });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const started = Date.now();
      const [failed, other] = await Promise.all([attempt(`falsch-${i}`), (async () => {
        const t = Date.now();
        const r = await http.graphql('{ areas(first: 1) { totalCount } }');
        return { ms: Date.now() - t, r };
      })()]);
      expect(failed.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(FAILURE_DELAY_MS - 20);
      expect(other.r.body.data.areas.totalCount).toBeGreaterThan(0);
      expect(other.ms).toBeLessThan(FAILURE_DELAY_MS);
    }
    const locked = await attempt('noch-ein-langes-passwort');
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
    expect(locked.body.errors?.[0]?.message).toMatch(/gesperrt/);
    const audit = await db.prisma.auditLog.findMany({ where: { action: 'lockout' } });
    expect(audit).toHaveLength(1);
    // Other accounts are unaffected.
    expect((await http.graphql(LOGIN, { email: 'planerin@leipzig.de', password: 'richtig-langes-passwort' })).body.data.login.user.role).toBe('PLANNER');
  });

  it('answers unknown e-mail addresses like wrong passwords', async () => {
    const { body } = await http.graphql(LOGIN, { email: 'niemand@leipzig.de', password: 'egal-egal-egal' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS' });
  });
});

describe('rate limits', () => {
  const { db, http } = useSeededHttp({}, { RATE_LIMIT_PER_IP: '5', RATE_LIMIT_PER_KEY: '3' });

  it('answers 429 RATE_LIMITED beyond the per-IP limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await http.graphql('{ viewer { role } }')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const { body } = await http.graphql('{ viewer { role } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts each API key on its own', async () => {
    const { key, prefix, secretHash } = await generateApiKey();
    await db.prisma.apiKey.create({ data: { name: 'Fachverfahren', prefix, secretHash, roles: ['ANALYST'] } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await http.graphql('{ viewer { role } }', {}, { 'x-api-key': key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
