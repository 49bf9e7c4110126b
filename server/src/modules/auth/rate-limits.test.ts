import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../../test/db';
import { startHttp } from '../../../test/http';
import { createLogger } from '../../logger';

const VIEWER = '{ viewer { role } }';
const fakeKey = () => `sa_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`;

/** A GET with headers fetch() may not send (Host). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('rate limits against hostile callers, trusted proxies, public links, log redaction', () => {
  let db: Database;
  let keyLookups = 0;
  beforeAll(async () => {
    db = await openSeededDatabase({ onQuery: (sql) => (keyLookups += /FROM "public"\."api_key"/.test(sql) ? 1 : 0) });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stops looking up fake API keys from an address after the limit of refused keys', async () => {
    const http = await startHttp(db, { RATE_LIMIT_INVALID_KEYS: '5' });
    try {
      keyLookups = 0;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await http.graphql(VIEWER, {}, { 'x-api-key': fakeKey() })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
      expect(keyLookups).toBe(5);
      // requests without a key from there are still served
      expect((await http.graphql(VIEWER)).status).toBe(200);
    } finally {
      await http.close();
    }
  });

  it('does not look up the same unknown key prefix again within a minute', async () => {
    const http = await startHttp(db);
    try {
      const key = fakeKey();
      keyLookups = 0;
      for (let i = 0; i < 5; i++) expect((await http.graphql(VIEWER, {}, { authorization: `Bearer ${key}` })).status).toBe(401);
      expect(keyLookups).toBe(1);
    } finally {
      await http.close();
    }
  });

  it('limits /ogc and /export downloads, with their own budget', async () => {
    const http = await startHttp(db, { RATE_LIMIT_DOWNLOADS: '3' });
    try {
      const statuses = [];
      for (const path of ['/ogc/collections/districts/items?limit=1', '/export/services.csv', '/ogc/collections/districts/items?limit=1', '/export/areas.csv?indicators=population&years=2020', '/ogc/collections/districts/items?limit=1']) {
        const response = await fetch(`${http.url}${path}`);
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      // GraphQL has its own budget
      expect((await http.graphql(VIEWER)).status).toBe(200);
    } finally {
      await http.close();
    }
  });

  it('believes X-Forwarded-For only from proxies named in TRUSTED_PROXIES', async () => {
    const direct = await startHttp(db, { RATE_LIMIT_PER_IP: '2' });
    const proxied = await startHttp(db, { RATE_LIMIT_PER_IP: '2', TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const from = (http: typeof direct, ip: string) => http.graphql(VIEWER, {}, { 'x-forwarded-for': ip }).then((r) => r.status);
      // a loopback client cannot pick a new address per request
      expect([await from(direct, '203.0.113.1'), await from(direct, '203.0.113.2'), await from(direct, '203.0.113.3')]).toEqual([200, 200, 429]);
      // behind the configured proxy each client address counts on its own
      expect([await from(proxied, '203.0.113.1'), await from(proxied, '203.0.113.2'), await from(proxied, '203.0.113.3'), await from(proxied, '203.0.113.1'), await from(proxied, '203.0.113.1')]).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });

  it('builds /ogc links from PUBLIC_URL, not from the Host header', async () => {
    const http = await startHttp(db, { PUBLIC_URL: 'https://sozialatlas.leipzig.de/' });
    try {
      const { status, body } = await rawGet(`${http.url}/ogc/collections/districts/items?limit=2`, { host: 'evil.example' });
      expect(status).toBe(200);
      const links = JSON.parse(body).links as { rel: string; href: string }[];
      expect(links.find((l) => l.rel === 'next')?.href).toMatch(/^https:\/\/sozialatlas\.leipzig\.de\/ogc\/collections\/districts\/items\?/);
      expect(body).not.toContain('evil.example');
    } finally {
      await http.close();
    }
  });

  it('does not write keys or tokens from the query string into the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const http = await startHttp(db, {}, createLogger('info', sink));
    try {
      const key = fakeKey();
      await (await fetch(`${http.url}/ogc/collections?key=${key}&f=json&api_key=${key}&token=geheim123`)).arrayBuffer();
      const log = lines.join('');
      expect(log).toContain('/ogc/collections?key=[redacted]&f=json&api_key=[redacted]&token=[redacted]');
      expect(log).not.toContain(key);
      expect(log).not.toContain('geheim123');
    } finally {
      await http.close();
    }
  });
});
