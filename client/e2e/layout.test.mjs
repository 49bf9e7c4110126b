// The map's layout as planners see it on a desktop (1440 × 900) and a phone (390 × 844): nothing
// of table or profile is cut off, the phone page does not overflow and shows the map at once, the
// profile sits beside (desktop) or below (phone) the map and the selected district is panned into
// view beside it, the tooltip never stays over the profile, the map's own controls speak the
// page's language, and Back / Escape behave. Screenshots of every view go to artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, axeSerious, blended, coloursAt, graphql, idle, useAppServer } from './harness.mjs';

const app = useAppServer();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let districts;
async function district(name) {
  districts ??= (await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name labelPoint(precision: 6) } } }')).data.areas.nodes;
  return name ? districts.find((d) => d.name === name) : districts;
}

async function open(search, viewport) {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  await page.goto(`${app.url}/${search}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr');
  await idle(page);
  return page;
}

/** Elements inside `container` whose right edge lies beyond the container's visible right edge. */
function cutOff(page, container, cells) {
  return page.evaluate(
    ([container, cells]) => {
      const box = document.querySelector(container).getBoundingClientRect();
      const el = document.querySelector(container);
      const right = box.left + el.clientWidth; // without a vertical scroll bar
      return [...document.querySelectorAll(`${container} ${cells}`)]
        .filter((c) => c.getBoundingClientRect().right > right + 0.5)
        .map((c) => c.textContent.trim().slice(0, 30));
    },
    [container, cells],
  );
}

const rect = (page, selector) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().toJSON());
const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

test('desktop 1440 × 900: the table with change and rank and the profile with trends and norms are not cut off', async () => {
  const gm = await district('Grünau-Mitte');
  const page = await open(`?indikator=sgb2_rate&vergleich=2015&gebiet=${gm.code}`, DESKTOP);
  await page.waitForSelector('[data-testid=kf-population]');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(artifactsDir, 'layout-1440-compare-profile.png') });
  assert.deepEqual(await cutOff(page, '.table-panel', '.area-table thead th'), [], 'table columns beyond the panel');
  assert.deepEqual(await cutOff(page, '.profile', '.kf th, .kf td'), [], 'profile cells beyond the profile');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), DESKTOP.width, 'no horizontal scrolling');
  assert.deepEqual(await axeSerious(page), []);
  await page.close();
});

test('phone 390 × 844: the page does not overflow, the map is in the first screen, the profile does not cover it', async () => {
  const gm = await district('Grünau-Mitte');
  const page = await open('', PHONE);
  await page.screenshot({ path: path.join(artifactsDir, 'layout-390.png') });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'the page is as wide as the phone');
  const map = await rect(page, '.map');
  assert.ok(map.top < PHONE.height / 2, `the map starts within the first half screen (at ${Math.round(map.top)} px)`);
  assert.ok(map.height >= 300, `the map is tall enough to read (${Math.round(map.height)} px)`);
  await page.close();

  const withProfile = await open(`?gebiet=${gm.code}`, PHONE);
  await withProfile.waitForSelector('[data-testid=kf-population]');
  await withProfile.screenshot({ path: path.join(artifactsDir, 'layout-390-profile.png'), fullPage: true });
  assert.equal(overlap(await rect(withProfile, '.map'), await rect(withProfile, '.profile')), 0, 'the profile lies below the map, not over it');
  assert.equal(await withProfile.evaluate(() => document.documentElement.scrollWidth), PHONE.width);
  assert.deepEqual(await axeSerious(withProfile), []);
  await withProfile.close();
});

test('selecting a district from the table pans it into view beside the profile; the tooltip is not left over the profile', async () => {
  // Paunsdorf lies in the east: under the profile of a full-city view
  const target = await district('Paunsdorf');
  const page = await open('?indikator=sgb2_rate', DESKTOP);
  // hover a district so that a tooltip is drawn, then open a profile by keyboard from the table
  const point = await page.evaluate(([lon, lat]) => window.__sozialatlasMap.project([lon, lat]), target.labelPoint.coordinates);
  const map = await rect(page, '.map');
  await page.mouse.move(map.left + point.x, map.top + point.y);
  await page.waitForSelector('.tooltip');
  await page.mouse.click(map.left + point.x, map.top + point.y);
  await page.waitForSelector('.profile');
  await page.evaluate(() => new Promise((r) => (window.__sozialatlasMap.isMoving() ? window.__sozialatlasMap.once('moveend', r) : r())));
  const profile = await rect(page, '.profile');
  const tooltip = await page.locator('.tooltip').count() ? await rect(page, '.tooltip') : null;
  assert.ok(!tooltip || overlap(tooltip, profile) === 0, 'no tooltip over the open profile');
  const after = await page.evaluate(([lon, lat]) => window.__sozialatlasMap.project([lon, lat]), target.labelPoint.coordinates);
  assert.ok(map.left + after.x < profile.left - 10, `the selected district (x ${Math.round(map.left + after.x)}) is left of the profile (x ${Math.round(profile.left)})`);
  await page.screenshot({ path: path.join(artifactsDir, 'layout-1440-panned.png') });
  await page.close();
});

test('the map controls speak the page language; Escape closes the profile; Back returns to the previous view', async () => {
  const gm = await district('Grünau-Mitte');
  const page = await open('?indikator=sgb2_rate', DESKTOP);
  const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
  assert.equal(await zoomIn.getAttribute('aria-label'), 'Vergrößern');
  assert.equal(await page.locator('.maplibregl-canvas').getAttribute('aria-label'), 'Karte');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.querySelector('.maplibregl-ctrl-zoom-in')?.getAttribute('aria-label') === 'Zoom in');

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.locator('.area-table tbody tr', { hasText: 'Grünau-Mitte' }).first().click();
  await page.waitForSelector('.profile');
  assert.match(page.url(), new RegExp(`gebiet=${gm.code}(&|$)`), 'the official key is in the address');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.profile', { state: 'detached' });
  assert.doesNotMatch(page.url(), /gebiet=/);

  await page.locator('.area-table tbody tr', { hasText: 'Grünau-Mitte' }).first().click();
  await page.waitForSelector('.profile');
  await page.goBack();
  await page.waitForSelector('.profile', { state: 'detached' });
  assert.match(page.url(), new RegExp(`^${app.url}/`), 'still in the atlas');
  await page.close();
});

test('while the gap layer is computed the map shows progress and neutral areas, never the old indicator colours', async () => {
  const points = (await district()).slice(0, 30).map((d) => d.labelPoint.coordinates);
  const page = await open('?indikator=sgb2_rate', DESKTOP);
  // hold the gap answer until the waiting state is checked (no timing involved)
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/graphql', async (route) => {
    if ((route.request().postData() ?? '').includes('GapLayer')) await held;
    await route.continue();
  });
  const before = new Set(await coloursAt(page, points));
  await page.getByRole('radio', { name: 'Versorgungslücke' }).check();
  await page.locator('.map-status', { hasText: 'Versorgungslücken werden berechnet' }).waitFor();
  await idle(page);
  const waiting = await coloursAt(page, points);
  const neutral = blended('#d9d9d9').join(',');
  assert.deepEqual(waiting.filter((c) => before.has(c) && c !== neutral), [], 'no colour of the indicator layer is left');
  await page.screenshot({ path: path.join(artifactsDir, 'layout-gap-computing.png') });
  release();
  // the first gap computation on a fresh server takes a while (its speed is the performance issue's)
  await page.locator('[data-legend=classes]').waitFor({ timeout: 180_000 });
  await page.close();
});

test('service points: hovering a point names the service; clicking a cluster zooms in instead of opening a district', async () => {
  const page = await open('?angebote=all', DESKTOP);
  await page.waitForFunction(() => /\d+ Angebote/.test(document.querySelector('.services-panel [role=status]')?.textContent ?? ''));
  await idle(page);
  const map = await rect(page, '.map');
  const at = (layer) =>
    page.evaluate((layer) => {
      const m = window.__sozialatlasMap;
      const f = m.queryRenderedFeatures({ layers: [layer] }).find((x) => {
        const p = m.project(x.geometry.coordinates);
        return p.x > 40 && p.y > 40 && p.x < m.getCanvas().clientWidth - 60 && p.y < m.getCanvas().clientHeight - 40;
      });
      return f ? { ...m.project(f.geometry.coordinates), name: f.properties.name ?? null } : null;
    }, layer);

  const cluster = await at('services-clusters');
  assert.ok(cluster, 'a cluster is drawn');
  const zoom = await page.evaluate(() => window.__sozialatlasMap.getZoom());
  // inside the circle (radius ≥ 9 px), just below its count marker
  await page.mouse.click(map.left + cluster.x, map.top + cluster.y + 8);
  await page.waitForFunction((z) => !window.__sozialatlasMap.isMoving() && window.__sozialatlasMap.getZoom() > z + 0.1, zoom);
  assert.equal(await page.locator('.profile').count(), 0, 'no district profile opened');
  await idle(page);

  // zoom in until single points appear, then hover one
  let point = await at('services-points');
  for (let i = 0; !point && i < 4; i++) {
    await page.evaluate(() => window.__sozialatlasMap.jumpTo({ zoom: window.__sozialatlasMap.getZoom() + 1.5 }));
    await idle(page);
    point = await at('services-points');
  }
  assert.ok(point, 'a single service point is drawn');
  await page.mouse.move(map.left + point.x, map.top + point.y);
  await page.waitForSelector('.tooltip');
  assert.match(await page.locator('.tooltip').textContent(), new RegExp(point.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.screenshot({ path: path.join(artifactsDir, 'layout-service-hover.png') });
  await page.close();
});
