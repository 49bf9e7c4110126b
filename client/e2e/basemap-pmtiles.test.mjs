// A raster PMTiles archive as the only basemap setting (BASEMAP_PMTILES, a local file, no style,
// no BASEMAP_ATTRIBUTION): the map draws it as one raster layer under the districts and takes the
// attribution from the archive's metadata. Nothing leaves the machine.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { idle, openPage, useAppServer } from './harness.mjs';
import { rasterArchive } from './pmtiles-archive.mjs';

const TILE_COLOUR = [70, 140, 90];
const dir = mkdtempSync(path.join(tmpdir(), 'basemap-pmtiles-e2e-'));
const archive = path.join(dir, 'stadtplan.pmtiles');
await rasterArchive(archive, TILE_COLOUR, '© Stadtplan aus dem Archiv');
after(() => rmSync(dir, { recursive: true, force: true }));

const app = useAppServer({ BASEMAP_PMTILES: archive });

test('a raster PMTiles archive alone becomes the basemap, with the attribution of its metadata', async () => {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  await page.goto(`${app.url}/?indikator=sgb2_rate&jahr=2022`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr', { timeout: 60_000 });
  await idle(page);
  const corner = await page.evaluate(() => {
    const gl = window.__sozialatlasMap.getCanvas().getContext('webgl2');
    const px = new Uint8Array(4);
    gl.readPixels(3, gl.drawingBufferHeight - 60, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return [px[0], px[1], px[2]];
  });
  assert.deepEqual(corner, TILE_COLOUR, `the archive's tile in the corner: ${corner}`);
  assert.equal(await page.getByTestId('basemap-attribution').textContent(), '© Stadtplan aus dem Archiv');
  assert.ok((await page.evaluate(() => window.__sozialatlasMap.queryRenderedFeatures({ layers: ['area-labels'] }).length)) >= 20, 'the district names draw');
  assert.deepEqual(foreignRequests, []);
  await page.close();
});
