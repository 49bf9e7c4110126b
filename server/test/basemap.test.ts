// An operator's own basemap, configured at run time: the map learns it from /map-config.json,
// a local PMTiles file is served with byte ranges, and only the basemap's host is let through the CSP.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '@sozialatlas/db';
import { basemapConfig } from '../src/config';
import { openSeededDatabase } from './db';
import { startHttp } from './http';

describe('basemap of the operator', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('none by default: the map gets no basemap and the CSP allows no other host', async () => {
    const http = await startHttp(db);
    try {
      const response = await fetch(`${http.url}/map-config.json`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ basemap: null });
      expect(response.headers.get('content-security-policy')).toMatch(/connect-src 'self'(;|$)/);
    } finally {
      await http.close();
    }
  });

  it('a style on another host of the operator: handed to the map with its attribution, that host allowed', async () => {
    const http = await startHttp(db, { BASEMAP_STYLE_URL: 'https://tiles.stadt.example/style.json', BASEMAP_ATTRIBUTION: '© OpenStreetMap contributors' });
    try {
      const response = await fetch(`${http.url}/map-config.json`);
      expect(await response.json()).toEqual({ basemap: { styleUrl: 'https://tiles.stadt.example/style.json', pmtilesUrl: null, attribution: '© OpenStreetMap contributors' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("connect-src 'self' https://tiles.stadt.example");
      expect(csp).toContain('img-src \'self\' data: blob: https://tiles.stadt.example');
    } finally {
      await http.close();
    }
  });

  it('a local PMTiles file: served under /basemap/ with byte ranges (what the PMTiles reader asks for)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'basemap-'));
    const file = path.join(dir, 'leipzig.pmtiles');
    writeFileSync(file, Buffer.from('PMTiles\u0003 and then the tiles'));
    const http = await startHttp(db, { BASEMAP_PMTILES: file, BASEMAP_ATTRIBUTION: '© OpenStreetMap contributors' });
    try {
      expect(await (await fetch(`${http.url}/map-config.json`)).json()).toEqual({ basemap: { styleUrl: null, pmtilesUrl: '/basemap/leipzig.pmtiles', attribution: '© OpenStreetMap contributors' } });
      const part = await fetch(`${http.url}/basemap/leipzig.pmtiles`, { headers: { range: 'bytes=0-6' } });
      expect(part.status).toBe(206);
      expect(await part.text()).toBe('PMTiles');
    } finally {
      await http.close();
    }
  });

  it('refuses what is not an address, a path or a .pmtiles file', () => {
    expect(() => basemapConfig({ BASEMAP_STYLE_URL: 'ftp://x/style.json' })).toThrow('BASEMAP_STYLE_URL must be an http(s) address');
    expect(() => basemapConfig({ BASEMAP_STYLE_URL: '//tiles.example/style.json' })).toThrow('BASEMAP_STYLE_URL');
    expect(() => basemapConfig({ BASEMAP_PMTILES: '/srv/tiles.mbtiles' })).toThrow('BASEMAP_PMTILES must name a .pmtiles file');
    expect(basemapConfig({ BASEMAP_STYLE_URL: '/styles/basemap.json' })?.styleUrl).toBe('/styles/basemap.json');
    expect(basemapConfig({})).toBeNull();
  });
});
