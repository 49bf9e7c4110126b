import { formatLsn, ReplicaSet, routeReads, type Database } from '@sozialatlas/db';
import { openMigratedDatabase, openSeededDatabase } from '../../test/db';
import { startHttp } from '../../test/http';
import { systemActor } from '../modules/auth/roles';
import { createUser } from '../modules/auth/users';

// Which HTTP requests read from a replica. The "primary" is migrated and empty and holds the only
// account; the "replica" holds the Leipzig data: where a read went shows in the answer. Real
// streaming replication is in ops/topology.test.mjs.

const PROVIDERS = '{ providers(first: 5) { nodes { id } } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }';

describe('read replicas over HTTP', () => {
  let primary: Database;
  let replica: Database;
  let http: Awaited<ReturnType<typeof startHttp>>;
  const replayLsn = 0x5000n;
  const writePosition = 0x6000n;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([openMigratedDatabase(), openSeededDatabase()]);
    await createUser(primary.prisma, { email: 'planer@example.org', displayName: 'Planer', password: 'ein-langes-passwort', role: 'PLANNER' }, systemActor('test'));
    const replicas = new ReplicaSet([{ name: 'replica', prisma: replica.prisma, probe: async () => ({ inRecovery: true, replayLsn }) }], {
      primaryLsn: async () => replayLsn,
      maxLagSeconds: 5,
      checkIntervalMs: 60_000,
    });
    await replicas.check();
    const routed: Database = { ...primary, prisma: routeReads(primary.prisma, replicas), replicas, primaryPosition: async () => formatLsn(writePosition) };
    http = await startHttp(routed, { DATABASE_URL: 'postgres://unused', DATABASE_REPLICA_URL: 'postgres://unused' });
  });
  afterAll(async () => {
    await http?.close();
    await Promise.all([primary?.close(), replica?.close()]);
  });

  const providersRead = async (headers: Record<string, string> = {}) => (await http.graphql(PROVIDERS, undefined, headers)).body.data.providers.nodes.length;

  it('answers GraphQL queries from the replica', async () => {
    expect(await providersRead()).toBe(5);
  });

  it('answers exports from the replica', async () => {
    const geojson = await (await fetch(`${http.url}/export/services.geojson`)).json();
    expect(geojson.features.length).toBeGreaterThan(0);
  });

  it('runs mutations on the primary and hands out the position of the write', async () => {
    const response = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { email: 'planer@example.org', password: 'ein-langes-passwort' } }),
    });
    const body = await response.json();
    // the account exists only on the primary: the mutation's reads went there
    expect(body.data.login.user.email).toBe('planer@example.org');
    expect(response.headers.get('x-sozialatlas-wrote-lsn')).toBe('0/6000');
    expect(response.headers.getSetCookie()).toContainEqual('sa_wrote=0/6000; Max-Age=7; Path=/; HttpOnly; SameSite=Lax');
  });

  it("reads from the primary while the replica has not replayed the caller's write", async () => {
    expect(await providersRead({ 'x-sozialatlas-wrote-lsn': '0/6000' })).toBe(0);
    expect(await providersRead({ cookie: 'sa_wrote=0/6000' })).toBe(0);
    expect(await providersRead({ 'x-sozialatlas-wrote-lsn': '0/5000' })).toBe(5);
  });

  it('a query that does not write hands out no position', async () => {
    const response = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PROVIDERS }),
    });
    expect(response.headers.get('x-sozialatlas-wrote-lsn')).toBeNull();
  });

  it('lists the replicas in /readyz and /metrics', async () => {
    const ready = await (await fetch(`${http.url}/readyz`)).json();
    expect(ready.replicas).toEqual([{ name: 'replica', healthy: true, lagSeconds: expect.any(Number) }]);
    const metrics = await (await fetch(`${http.url}/metrics`)).text();
    expect(metrics).toMatch(/^sozialatlas_db_replica_healthy\{replica="replica"\} 1$/m);
    expect(metrics).toMatch(/^sozialatlas_db_replica_lag_seconds\{replica="replica"\} [0-9.e-]+$/m);
  });
});
