// The HTTP surface: health, readiness, metrics, the bundled explorer, security headers, limits.
import { readMigrations, type Database } from '@sozialatlas/db';
import { useSeededHttp } from './http';

describe('HTTP surface', () => {
  const { db, http } = useSeededHttp();

  it('reports liveness and readiness with the database migrated', async () => {
    expect(await (await fetch(`${http.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${http.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', migrations: readMigrations().length });
  });

  it('is not ready when a migration is pending', async () => {
    await db.withSession((s) => s.exec(`DELETE FROM "_prisma_migrations"`));
    try {
      const ready = await fetch(`${http.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ reason: 'migrations pending' });
    } finally {
      const { migrate } = await import('@sozialatlas/db');
      await db.withSession((s) => s.exec(`DROP TABLE "_prisma_migrations"`));
      // Re-record without re-running: the schema exists, so mark the migrations as applied.
      await db.withSession(async (s) => {
        await s.exec(`CREATE TABLE "_prisma_migrations" (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
          migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
          applied_steps_count int NOT NULL DEFAULT 0)`);
      });
      for (const m of readMigrations()) {
        await db.withSession((s) =>
          s.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (gen_random_uuid()::text, $1, now(), $2, 1)`, [m.checksum, m.name]),
        );
      }
      expect(await migrate(db)).toEqual([]);
    }
  });

  it('exposes Prometheus metrics including GraphQL operations', async () => {
    await http.graphql('query Probe { areas(first: 1) { totalCount } }');
    const metrics = await (await fetch(`${http.url}/metrics`)).text();
    expect(metrics).toMatch(/sozialatlas_graphql_operations_total\{operation="Probe",outcome="ok"\} 1/);
    expect(metrics).toMatch(/sozialatlas_http_request_duration_seconds_bucket/);
  });

  it('serves the GraphQL explorer from its own origin with the example operations', async () => {
    const page = await (await fetch(`${http.url}/graphiql`)).text();
    const scripts = [...page.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src!.startsWith('/graphiql/assets/')).toBe(true);
      expect((await fetch(`${http.url}${src}`)).status).toBe(200);
    }
    const examples = await (await fetch(`${http.url}/graphiql/examples.json`)).json();
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it('compresses large responses (district geometry) with gzip', async () => {
    const response = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ areas(filter: { level: DISTRICT }) { nodes { geometry(simplify: 15, precision: 5) } } }' }),
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await response.json()).data.areas.nodes).toHaveLength(63);
  });

  it('sends security headers and no x-powered-by', async () => {
    const response = await fetch(`${http.url}/healthz`);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses GET mutations and form posts (CSRF prevention) and oversized bodies', async () => {
    const form = await fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{__typename}"}' });
    expect(form.status).toBe(400);
    const huge = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ areas(filter: { nameContains: "${'x'.repeat(300_000)}" }) { totalCount } }` }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('refuses deep nesting, alias bombs and giant pages before running them', async () => {
    let deep = 'name';
    for (let i = 0; i < 15; i++) deep = `parent { ${deep} }`;
    const depth = await http.graphql(`{ area(code: "00") { ${deep} } }`);
    expect(depth.body.errors?.[0]?.message).toMatch(/depth/i);

    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: areas { totalCount }`).join(' ');
    const bomb = await http.graphql(`{ ${aliases} }`);
    expect(bomb.body.errors?.[0]?.message).toMatch(/alias/i);

    // a giant page costs first × its selection: refused by the cost limit before it runs
    const page = await http.graphql(`{ areas(first: 1000000) { nodes { name } } }`);
    expect(page.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses fragment bombs, giant variables and wrong types quickly, and keeps serving others', async () => {
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Area { ${i ? `parent { ...F${i - 1} } children { ...F${i - 1} }` : 'name'} }`).join('\n');
    const bomb = http.graphql(`{ area(code: "00") { ...F11 } }\n${fragments}`);
    const giant = http.graphql(`query($codes: [String!]) { areas(filter: { codes: $codes }) { totalCount } }`, { codes: Array.from({ length: 50_000 }, (_, i) => `c${i}`) });
    const wrongType = http.graphql(`{ areas(first: "ten") { totalCount } }`);
    const innocent = http.graphql(`{ area(code: "62") { name } }`);
    const [b, g, w, ok] = await Promise.all([bomb, giant, wrongType, innocent]);
    expect(b.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(g.status).toBe(413);
    expect(w.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ok.body.data.area.name).toBe('Grünau-Mitte');
  });

  it('treats injection strings as plain data', async () => {
    const evil = `'; DROP TABLE area; --`;
    const areasBefore = await db.prisma.area.count();
    expect(areasBefore).toBeGreaterThan(63);
    const result = await http.graphql(`query($n: String!) { areas(filter: { nameContains: $n }) { totalCount } }`, { n: evil });
    expect(result.body.data.areas.totalCount).toBe(0);
    expect(await db.prisma.area.count()).toBe(areasBefore);
  });

  it('hides internal errors: no stack trace, no SQL, a stable code', async () => {
    const result = await http.graphql(`{ areas(filter: { level: DISTRICT }) { nodes { value(indicator: "population", year: 1800) { value } } } }`);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.body)).not.toMatch(/stacktrace|at .*\.ts:|SELECT/);
  });
});
