// Other departments: browsers on configured origins may call the API, exports and OGC endpoints,
// and configured origins may frame the map; everyone else may not.
import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from './db';
import { startHttp } from './http';

describe('cross-origin use by other departments', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('allows configured origins (CORS) and frames from configured sites only', async () => {
    const http = await startHttp(db, { CORS_ORIGINS: 'https://gesundheit.example.de', EMBED_ORIGINS: 'https://www.example.de' });
    try {
      for (const path of ['/graphql', '/export/areas.csv?indicators=population&years=2022', '/ogc/collections']) {
        const allowed = await fetch(`${http.url}${path}`, { headers: { origin: 'https://gesundheit.example.de' } });
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://gesundheit.example.de');
        const other = await fetch(`${http.url}${path}`, { headers: { origin: 'https://evil.example.com' } });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      }
      const page = await fetch(`${http.url}/healthz`);
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://www.example.de");
      expect(page.headers.get('x-frame-options')).toBeNull();
    } finally {
      await http.close();
    }
  });

  it('allows no other origin and no framing by others without configuration', async () => {
    const http = await startHttp(db);
    try {
      const response = await fetch(`${http.url}/ogc/collections`, { headers: { origin: 'https://gesundheit.example.de' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    } finally {
      await http.close();
    }
  });
});
