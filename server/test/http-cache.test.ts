// HTTP caching of read-only GraphQL GET queries (server/src/http/http-cache.ts): the map's
// geometry query gets an ETag from the data version and `public, no-cache`; a revalidation with
// If-None-Match is a 304 until an area or a value changes; callers with a key or a session never
// get a public answer; mutations and queries of other data are never cached.
import type { Database } from '@sozialatlas/db';
import { generateApiKey } from '../src/modules/auth/api-key';
import { openSeededDatabase } from './db';
import { startHttp } from './http';

// the map's own geometry query (client/src/data/queries.ts, AREAS_GEOMETRY)
const GEOMETRY = `query AreasGeometry($level: AreaLevel!) {
  areas(filter: { level: $level }, first: 500) {
    totalCount
    nodes { id code name areaKm2 parent { id name } labelPoint(precision: 5) geometry(simplify: 15, precision: 5) }
  }
}`;
const VALUES = `query IndicatorValues($key: String!, $level: AreaLevel!) {
  indicatorValues(filter: { indicatorKeys: [$key], level: $level }, first: 500) { totalCount nodes { year value status area { id } } }
}`;

describe('HTTP caching of GraphQL GET queries', () => {
  let db: Database;
  let on: Awaited<ReturnType<typeof startHttp>>;
  let analystKey: string;

  beforeAll(async () => {
    db = await openSeededDatabase();
    on = await startHttp(db);
    const { key, prefix, secretHash } = await generateApiKey();
    await db.prisma.apiKey.create({ data: { name: 'Analyse-Skript', prefix, secretHash, roles: ['ANALYST'] } });
    analystKey = key;
  });
  afterAll(async () => {
    await on?.close();
    await db?.close();
  });

  function get(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
    return fetch(`${on.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  }

  it('answers a repeated geometry request with 304 while nothing changed, compressed and public', async () => {
    const first = await get(GEOMETRY, { level: 'DISTRICT' }, { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(((await first.json()) as { data: { areas: { totalCount: number } } }).data.areas.totalCount).toBe(63);

    const again = await get(GEOMETRY, { level: 'DISTRICT' }, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // another level is another answer: the tag of one URL does not match another
    const boroughs = await get(GEOMETRY, { level: 'BOROUGH' }, { 'if-none-match': etag! });
    expect(boroughs.status).toBe(200);
    expect(boroughs.headers.get('etag')).not.toBe(etag);
  });

  it('gives a new ETag and a 200 after an area is edited, and again after a value is edited', async () => {
    const before = (await get(GEOMETRY, { level: 'DISTRICT' })).headers.get('etag')!;
    await db.prisma.$executeRaw`UPDATE area SET name = name || ' (geändert)' WHERE code = '00' AND level = 'DISTRICT'`;
    const afterArea = await get(GEOMETRY, { level: 'DISTRICT' }, { 'if-none-match': before });
    expect(afterArea.status).toBe(200);
    const areaTag = afterArea.headers.get('etag')!;
    expect(areaTag).not.toBe(before);
    const body = (await afterArea.json()) as { data: { areas: { nodes: { code: string; name: string }[] } } };
    expect(body.data.areas.nodes.find((a) => a.code === '00')?.name).toMatch(/\(geändert\)$/);

    const values = await get(VALUES, { key: 'sgb2_rate', level: 'DISTRICT' });
    const valuesTag = values.headers.get('etag')!;
    expect((await get(VALUES, { key: 'sgb2_rate', level: 'DISTRICT' }, { 'if-none-match': valuesTag })).status).toBe(304);
    await db.prisma.$executeRaw`UPDATE indicator_value SET value = value + 1
      WHERE id = (SELECT v.id FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.key = 'sgb2_rate' ORDER BY v.id LIMIT 1)`;
    const afterValue = await get(VALUES, { key: 'sgb2_rate', level: 'DISTRICT' }, { 'if-none-match': valuesTag });
    expect(afterValue.status).toBe(200);
    expect(afterValue.headers.get('etag')).not.toBe(valuesTag);
    // the geometry answer is tagged anew too (one version for all cached data)
    expect((await get(GEOMETRY, { level: 'DISTRICT' }, { 'if-none-match': areaTag })).status).toBe(200);
  });

  it('never marks an answer to a caller with a key or a session public, and never answers it with 304', async () => {
    const anonymousTag = (await get(GEOMETRY, { level: 'DISTRICT' })).headers.get('etag')!;
    const withKey = await get(GEOMETRY, { level: 'DISTRICT' }, { 'x-api-key': analystKey, 'if-none-match': anonymousTag });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get('cache-control')).toBe('private, no-store');
    // (Express's own body-hash ETag may be there; ours, the public one, is not)
    expect(withKey.headers.get('etag')).not.toBe(anonymousTag);
    const withBearer = await get(GEOMETRY, { level: 'DISTRICT' }, { authorization: `Bearer ${analystKey}` });
    expect(withBearer.headers.get('cache-control')).toBe('private, no-store');
  });

  it('never caches a mutation, nor a query of data outside the data version', async () => {
    const mutate = (headers: Record<string, string> = {}) =>
      fetch(`${on.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    const mutation = await mutate();
    expect(mutation.status).toBe(200);
    expect(mutation.headers.get('cache-control') ?? '').not.toMatch(/public/);
    const again = await mutate({ 'if-none-match': mutation.headers.get('etag') ?? '*' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ data: { logout: false } });

    // GET cannot carry a mutation (Apollo refuses it) and the refusal is not cacheable either
    const getMutation = await get('mutation { logout }', {});
    expect(getMutation.status).toBe(405);
    expect(getMutation.headers.get('cache-control') ?? '').not.toMatch(/public/);

    // services are not covered by the data version: no public cache headers, no 304
    const services = await get('{ services(first: 5) { nodes { id name } } }', {});
    expect(services.status).toBe(200);
    expect(services.headers.get('cache-control') ?? '').not.toMatch(/public/);
    // nor an area query that reaches into services
    const stats = await get('{ areas(first: 3) { nodes { id serviceStats { services } } } }', {});
    expect(stats.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });
});
