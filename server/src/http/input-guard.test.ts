import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../test/db';
import { startHttp } from '../../test/http';
import { MAX_FILTER_TEXT } from './input-guard';

const PROVIDERS = 'query($text: String!) { providers(filter: { nameContains: $text }) { totalCount } }';
const cursor = (id: string) => Buffer.from(`id:${id}`).toString('base64url');

describe('hostile input gets clear input errors, not internal ones or long work', () => {
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

  it('bounds filter texts: 200 characters are searched, longer ones refused with BAD_USER_INPUT', async () => {
    const ok = await http.graphql(PROVIDERS, { text: 'a'.repeat(MAX_FILTER_TEXT) });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.providers.totalCount).toBe(0);
    // 30 aliases × 6 kB: what froze the embedded database for a minute was 30 × 190 kB
    const aliases = Array.from({ length: 30 }, (_, i) => `p${i}: providers(filter: { nameContains: $text }) { totalCount }`).join(' ');
    const { status, body } = await http.graphql(`query($text: String!) { ${aliases} }`, { text: 'x'.repeat(6_000) });
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.nameContains' });
    expect(body.errors?.[0]?.message).toMatch(/6000 Zeichen lang; höchstens 200/);
    const areas = await http.graphql('{ areas(filter: { nameContains: "' + 'z'.repeat(201) + '" }) { totalCount } }');
    expect(areas.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses NUL bytes in arguments with BAD_USER_INPUT', async () => {
    const { body } = await http.graphql(PROVIDERS, { text: 'Caritas\u0000' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.nameContains' });
    expect(body.errors?.[0]?.message).toMatch(/NUL/);
  });

  it('guards the arguments of field resolvers too, and checks the role before the input', async () => {
    const value = await http.graphql('query($key: String!) { areas(first: 1) { nodes { value(indicator: $key, year: 2022) { value } } } }', { key: 'sgb2_rate\u0000' });
    expect(value.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'indicator' });
    expect(value.body.errors?.[0]?.path).toEqual(['areas', 'nodes', 0, 'value']);
    // an anonymous caller learns nothing about the input of a mutation it may not call
    const anonymous = await http.graphql('mutation($csv: String!) { importIndicatorValues(csv: $csv) { applied } }', { csv: 'a\u0000b' });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cursor beyond the integer ids with BAD_USER_INPUT', async () => {
    for (const id of ['2147483648', '99999999999999999999']) {
      const { body } = await http.graphql('query($after: String) { areas(after: $after) { totalCount nodes { id } } }', { after: cursor(id) });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
    const last = await http.graphql('query($after: String) { areas(after: $after) { nodes { id } } }', { after: cursor('2147483647') });
    expect(last.body).toEqual({ data: { areas: { nodes: [] } } });
  });
});
