// An operator's own basemap, configured when the server starts (BASEMAP_STYLE_URL,
// BASEMAP_ATTRIBUTION), not when the client is built: the map draws it under the districts,
// keeps its own labels (the font is the map's, not the style's glyph server) and names the
// basemap's source on the map and on the printed sheet. The style comes from another local host
// and draws a raster PMTiles archive the API server serves from a local file (BASEMAP_PMTILES).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifactsDir, idle, openPage, useAppServer } from './harness.mjs';
import { rasterArchive } from './pmtiles-archive.mjs';

const BASEMAP_COLOUR = [58, 123, 213];
const TILE_COLOUR = [200, 80, 40];

const archiveDir = mkdtempSync(path.join(tmpdir(), 'basemap-e2e-'));
const archive = path.join(archiveDir, 'luftbild.pmtiles');
await rasterArchive(archive, TILE_COLOUR, '© Luftbild aus dem Archiv');
after(() => rmSync(archiveDir, { recursive: true, force: true }));
const style = {
  version: 8,
  // a glyph server that does not exist: the district names must not depend on it
  glyphs: 'http://127.0.0.1:9/fonts/{fontstack}/{range}.pbf',
  sources: {
    land: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, attribution: '© Style-Quelle' },
    // the archive the API server serves from BASEMAP_PMTILES, read by the map through pmtiles://
    luftbild: { type: 'raster', url: 'pmtiles:///basemap/luftbild.pmtiles', tileSize: 256 },
  },
  layers: [
    { id: 'operator-background', type: 'background', paint: { 'background-color': `rgb(${BASEMAP_COLOUR.join(',')})` } },
    { id: 'operator-raster', type: 'raster', source: 'luftbild', paint: { 'raster-fade-duration': 0, 'raster-resampling': 'nearest' } },
  ],
};
const styleServer = createServer((req, res) => {
  res.writeHead(req.url === '/style.json' ? 200 : 404, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  res.end(req.url === '/style.json' ? JSON.stringify(style) : '{}');
});
await new Promise((resolve) => styleServer.listen(0, '127.0.0.1', resolve));
const styleUrl = `http://127.0.0.1:${styleServer.address().port}/style.json`;
after(() => styleServer.close());

const app = useAppServer({ BASEMAP_STYLE_URL: styleUrl, BASEMAP_PMTILES: archive, BASEMAP_ATTRIBUTION: '© Vermessungsamt Leipzig (Testkarte)' });

test('a basemap style and a PMTiles archive configured at run time lie under the districts, with the attribution on the map and on paper', async () => {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  await page.goto(`${app.url}/?indikator=sgb2_rate&jahr=2022`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr', { timeout: 60_000 });
  await idle(page);
  // the corner of the map is outside every district: there the basemap shows
  const corner = await page.evaluate(() => {
    const gl = window.__sozialatlasMap.getCanvas().getContext('webgl2');
    const px = new Uint8Array(4);
    gl.readPixels(3, gl.drawingBufferHeight - 60, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return [px[0], px[1], px[2]];
  });
  // the archive's tile covers the style's background: read from the local file in byte ranges
  assert.deepEqual(corner, TILE_COLOUR, `tile colour of the PMTiles archive in the corner: ${corner}`);
  assert.ok(await page.evaluate(() => window.__sozialatlasMap.getLayer('operator-background') !== undefined), 'the operator style is the map style');
  assert.ok((await page.evaluate(() => window.__sozialatlasMap.queryRenderedFeatures({ layers: ['area-labels'] }).length)) >= 20, 'the district names still draw');
  assert.match(await page.getByTestId('basemap-attribution').textContent(), /Vermessungsamt Leipzig \(Testkarte\)/);
  await page.waitForSelector('[data-testid=map-print] img[src^="blob:"]', { state: 'attached' });
  assert.match(await page.locator('.mp-source').textContent(), /Hintergrundkarte: © Vermessungsamt Leipzig \(Testkarte\)/);
  await page.screenshot({ path: path.join(artifactsDir, 'basemap-1440.png') });
  // the only other host asked is the operator's style server (the glyph server is never asked)
  assert.deepEqual([...new Set(foreignRequests.map((u) => new URL(u).origin))], [new URL(styleUrl).origin]);
  await page.close();
});
