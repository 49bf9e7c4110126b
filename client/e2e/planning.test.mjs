// The planning layers as a planner meets them: the need index and the coverage gaps colour the
// map (classes from the API, legend, table), the district profile explains the need ("warum
// hier?") with alerts, coverage and funding, a scenario recolours the gap map and saves nothing,
// a selected service shows its catchment, and /embed gives a read-only map for other pages.
// One server for the whole file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, axeSerious, blended, coloursAt, distinctColours, graphql, idle, openPage, useAppServer } from './harness.mjs';

const NEED_COLOURS = { HIGH: '#ffffb2', MEDIUM: '#fecc5c', LOW: '#fd8d3c', VERY_LOW: '#e31a1c' };
const GAP_COLOURS = { NONE: '#feebe2', MODERATE: '#fbb4b9', HIGH: '#f768a1', CRITICAL: '#ae017e' };

const app = useAppServer();
const foreign = [];

async function open(pathAndSearch = '/', ready = '.area-table tbody tr') {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  await page.goto(`${app.url}${pathAndSearch}`, { waitUntil: 'networkidle' });
  await page.waitForSelector(ready, { timeout: 30_000 });
  await idle(page);
  return page;
}

let districts;
async function district(name) {
  if (!districts) {
    const res = await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name labelPoint(precision: 6) } } }');
    districts = res.data.areas.nodes;
  }
  return name ? districts.find((d) => d.name === name) : districts;
}

const near = (rgb, hex, tol = 3) => {
  const [r, g, b] = rgb.split(',').map(Number);
  const [R, G, B] = blended(hex);
  return Math.abs(r - R) <= tol && Math.abs(g - G) <= tol && Math.abs(b - B) <= tol;
};

test('need index layer: status classes in a colour-blind-safe palette, German labels from the API, legend, table', async () => {
  const api = await graphql(app.url, '{ needIndex(year: 2022) { areas { area { id name } statusClass needLabelDe rank excluded } } }');
  const rows = api.data.needIndex.areas;
  const page = await open('/?schicht=bedarf&jahr=2022');

  const colours = await distinctColours(page);
  const classesDrawn = Object.entries(NEED_COLOURS).filter(([, hex]) => colours.some((c) => near(c, hex)));
  assert.ok(classesDrawn.length >= 3, `need classes drawn: ${classesDrawn.map(([k]) => k)}; colours ${colours.join(' | ')}`);

  // the legend: 4 classes (most need first) + ausgeschlossen + keine Daten, labels as the API says
  const legend = page.locator('.legend[data-legend=classes] li');
  assert.equal(await legend.count(), 6);
  const veryLow = rows.find((r) => r.statusClass === 'VERY_LOW');
  assert.match(await page.locator('.legend li[data-class=VERY_LOW]').textContent(), new RegExp(`${veryLow.needLabelDe}.*\\(${rows.filter((r) => r.statusClass === 'VERY_LOW').length}\\)`));
  assert.match(await page.locator('.legend li[data-class=EXCLUDED]').textContent(), /ausgeschlossen/);

  // a district's pixel has its class colour; the table has its class and rank
  const gm = await district('Grünau-Mitte');
  const gmRow = rows.find((r) => r.area.id === gm.id);
  const [pixel] = await coloursAt(page, [gm.labelPoint.coordinates]);
  assert.ok(near(pixel, NEED_COLOURS[gmRow.statusClass]), `Grünau-Mitte ${gmRow.statusClass}: ${pixel}`);
  const tr = page.locator(`.area-table tr[data-area-id="${gm.id}"]`);
  assert.equal(await tr.locator('td[data-col=class]').textContent(), gmRow.needLabelDe);
  assert.equal(await tr.locator('td[data-col=rank]').textContent(), String(gmRow.rank));
  assert.match(page.url(), /schicht=bedarf/);
  await page.screenshot({ path: path.join(artifactsDir, 'need-layer.png') });
  assert.deepEqual(await axeSerious(page), [], 'axe on the need layer');

  // switching to the gap layer recolours without loading the geometry again, with a loading note
  let geometryRequests = 0;
  page.on('request', (r) => {
    if ((r.postData() ?? r.url()).includes('AreasGeometry')) geometryRequests++; // the geometry comes by GET
  });
  await page.getByLabel('Versorgungslücke', { exact: true }).check();
  await page.waitForSelector('.legend[data-legend=classes] li[data-class=CRITICAL]', { timeout: 30_000 });
  await idle(page);
  const [gapPixel] = await coloursAt(page, [gm.labelPoint.coordinates]);
  assert.ok(Object.values(GAP_COLOURS).some((hex) => near(gapPixel, hex)), `gap colour at Grünau-Mitte: ${gapPixel}`);
  assert.equal(geometryRequests, 0, 'geometry is loaded once');
  assert.match(page.url(), /schicht=luecke&indikator=sgb2_rate&angebotsart=youth_club/);
  await page.close();
});

test('gap layer: classes CRITICAL/HIGH/MODERATE/NONE for a chosen category, legend, loading state', async () => {
  const api = await graphql(app.url, '{ gaps(category: "day_care", year: 2022, needYear: 2022) { rows { area { id } gapClass gapLabelDe } } }');
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  await page.goto(`${app.url}/?schicht=luecke&angebotsart=day_care&jahr=2022`);
  // the first computation per server takes seconds: the planner is told so
  await page.waitForSelector('.legend[data-legend=classes], [role=status]:has-text("Versorgungslücken werden berechnet")', { timeout: 30_000 });
  await page.waitForSelector('.area-table tbody tr', { timeout: 30_000 });
  await idle(page);
  assert.equal(await page.locator('#gap-category').inputValue(), 'day_care');
  for (const cls of ['CRITICAL', 'HIGH', 'MODERATE', 'NONE']) {
    const n = api.data.gaps.rows.filter((r) => r.gapClass === cls).length;
    const label = api.data.gaps.rows.find((r) => r.gapClass === cls)?.gapLabelDe;
    const text = await page.locator(`.legend li[data-class=${cls}]`).textContent();
    assert.ok(text.includes(`(${n})`), `${cls}: ${text}`);
    if (label) assert.ok(text.includes(label), `${cls} label ${label}: ${text}`);
  }
  assert.match(await page.locator('.legend-title').textContent(), /Versorgungslücke Kindertagesstätte 2022/);
  const colours = await distinctColours(page);
  assert.ok(Object.values(GAP_COLOURS).filter((hex) => colours.some((c) => near(c, hex))).length >= 3, colours.join(' | '));
  await page.screenshot({ path: path.join(artifactsDir, 'gap-layer.png') });
  await page.close();
});

test('the address bar restores layer, category and year; without a scenario in it none is shown', async () => {
  const page = await open('/?schicht=luecke&angebotsart=day_care&jahr=2021&ebene=BOROUGH');
  assert.equal(await page.getByLabel('Versorgungslücke', { exact: true }).isChecked(), true);
  assert.equal(await page.locator('#gap-category').inputValue(), 'day_care');
  assert.equal(await page.locator('#year-output').textContent(), '2021');
  assert.equal(await page.locator('.area-table tbody tr').count(), 10);
  assert.equal(await page.locator('[data-testid=scenario-table]').count(), 0);
  assert.match(await page.locator('.scenario').textContent(), /noch keine Änderungen/);
  await page.close();
  const need = await open('/?schicht=bedarf&jahr=2015');
  assert.equal(await need.getByLabel('Bedarfsindex', { exact: true }).isChecked(), true);
  assert.match(await need.locator('.legend-title').textContent(), /Bedarfsindex.*2015/);
  assert.equal(await need.locator('#indicator').count(), 0, 'no indicator choice on a class layer');
  await need.close();
});

test('district profile: need rank and components (warum hier?), early warnings, coverage, funding', async () => {
  const gm = await district('Grünau-Mitte');
  const api = await graphql(app.url, `{
    needIndex(year: 2022) { areas { area { id } rank needLabelDe components { indicatorKey } } }
    earlyWarnings(year: 2022) { alerts { area { id } message } }
    coverage(year: 2022) { rows { area { id } category capacityKnown services } }
    fundingTotals(level: DISTRICT, areaIds: [${gm.id}], fromYear: 2015, toYear: 2030) { year nominal }
  }`);
  assert.equal(api.errors, undefined, JSON.stringify(api.errors));
  const need = api.data.needIndex.areas.find((a) => a.area.id === gm.id);
  const page = await open(`/?schicht=bedarf&jahr=2022&gebiet=${gm.code}`);
  await page.waitForSelector('[data-testid=need-rank]');
  assert.equal(await page.locator('[data-testid=need-label]').textContent(), need.needLabelDe);
  assert.match(await page.locator('[data-testid=need-rank]').textContent(), new RegExp(`Rang ${need.rank} von 63`));
  assert.equal(await page.locator('[data-testid=need-components] tbody tr').count(), need.components.length);
  assert.match(await page.locator('[data-testid=need-components] caption').textContent(), /Warum hier/);

  const alerts = api.data.earlyWarnings.alerts.filter((a) => a.area?.id === gm.id);
  await page.waitForSelector('[data-testid=profile-warnings] ul, [data-testid=profile-warnings] p.muted');
  const warnings = await page.locator('[data-testid=profile-warnings] li').allTextContents();
  assert.equal(warnings.length, alerts.length);
  for (const a of alerts) assert.ok(warnings.some((w) => w.includes(a.message)), a.message);

  const coverage = api.data.coverage.rows.filter((r) => r.area?.id === gm.id);
  await page.waitForSelector('[data-testid=profile-coverage] tbody tr');
  assert.equal(await page.locator('[data-testid=profile-coverage] tbody tr').count(), coverage.length);
  for (const r of coverage.filter((r) => !r.capacityKnown)) {
    assert.equal(await page.locator(`[data-testid=profile-coverage] tr[data-category=${r.category}] td[data-col=capacity]`).textContent(), 'Kapazität unbekannt');
  }

  const funded = api.data.fundingTotals.filter((f) => Number(f.nominal) > 0);
  await page.waitForSelector('#pf-title');
  if (funded.length) {
    const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Number(funded[0].nominal));
    await page.waitForSelector(`section[aria-labelledby=pf-title] td:has-text("${euro}")`);
  }
  assert.deepEqual(await axeSerious(page), [], 'axe on the profile with the analyses');
  await page.close();
});

test('scenario: place a service by district list and by map click, compute, before/after table, recoloured gap map, reset', async () => {
  const page = await open('/?schicht=luecke&angebotsart=youth_club&jahr=2022');
  assert.match(await page.locator('[data-testid=nothing-saved]').textContent(), /nichts wird gespeichert/);

  // keyboard way: capacity and a district's centre
  await page.getByLabel('Kapazität (Plätze)').fill('80');
  await page.getByLabel('oder Mitte eines Gebiets').selectOption({ label: 'Grünau-Mitte' });
  await page.getByRole('button', { name: 'Zum Szenario hinzufügen' }).click();
  // map way: pick, click into the map, add
  await page.getByTestId('pick-on-map').click();
  const target = await district('Paunsdorf');
  const pt = await page.evaluate(([lon, lat]) => {
    const map = window.__sozialatlasMap;
    const p = map.project([lon, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, target.labelPoint.coordinates);
  await page.mouse.click(pt.x, pt.y);
  await page.waitForFunction(() => document.querySelector('#sc-lon')?.value !== '');
  // the field shows the German notation ("12,29150"), as a planner types it
  const lon = Number((await page.getByLabel('Längengrad (lon)').inputValue()).replace(',', '.'));
  assert.ok(Math.abs(lon - target.labelPoint.coordinates[0]) < 0.001, `clicked at ${lon}`);
  assert.equal(await page.locator('#profile-title').count(), 0, 'placing a service does not open a profile');
  await page.getByRole('button', { name: 'Zum Szenario hinzufügen' }).click();
  assert.equal(await page.locator('.scenario-changes li').count(), 2);

  // the label points of all districts but the two where the new services' markers sit
  const others = (await district()).filter((d) => d.name !== 'Grünau-Mitte' && d.name !== 'Paunsdorf');
  const points = others.map((d) => d.labelPoint.coordinates);
  await idle(page);
  const before = await coloursAt(page, points);
  await page.getByTestId('run-scenario').click();
  await page.waitForSelector('[data-testid=scenario-table] li[data-area-id]', { state: 'attached', timeout: 30_000 });
  await idle(page);
  const changedRows = await page.locator('[data-testid=scenario-table] li[data-area-id]').evaluateAll((lis) =>
    lis.map((li) => ({ id: Number(li.dataset.areaId), before: li.dataset.before, after: li.dataset.after })),
  );
  const recoloured = changedRows.filter((r) => r.before !== r.after);
  assert.ok(changedRows.length > 0, 'the scenario affects districts');
  const after = await coloursAt(page, points);
  const changedPixels = points.filter((_, i) => before[i] !== after[i]).length;
  assert.ok(recoloured.length === 0 || changedPixels > 0, `${recoloured.length} class changes but no pixel changed`);
  for (const r of recoloured) {
    const d = others.find((x) => x.id === r.id);
    if (!d) continue;
    const [px] = await coloursAt(page, [d.labelPoint.coordinates]);
    assert.ok(near(px, GAP_COLOURS[r.after]), `${d.name} should show ${r.after}: ${px}`);
  }
  // the planned changes are in the address (reload, share); stored is nothing
  assert.match(page.url(), /neu=[^&]*;[^&]*/, 'both new services are in the address');
  await page.screenshot({ path: path.join(artifactsDir, 'scenario.png') });
  assert.deepEqual(await axeSerious(page), [], 'axe on the scenario');

  await page.getByTestId('reset-scenario').click();
  await idle(page);
  assert.equal(await page.locator('[data-testid=scenario-table]').count(), 0);
  assert.deepEqual(await coloursAt(page, points), before, 'reset restores the map');
  await page.close();
});

test('a service selected from the profile shows its catchment zones on the map', async () => {
  const gm = await district('Grünau-Mitte');
  const page = await open(`/?gebiet=${gm.code}`);
  const button = page.getByRole('button', { name: /^Einzugsbereich zeigen/ }).first();
  await page.waitForSelector('section[aria-labelledby=ps-title] details');
  if (!(await page.locator('section[aria-labelledby=ps-title] details').getAttribute('open'))) await page.locator('section[aria-labelledby=ps-title] summary').click();
  await button.click();
  await page.waitForSelector('[data-testid=catchment-info]');
  assert.match(await page.locator('[data-testid=catchment-info]').textContent(), /Zonen \(Luftlinie\): [\d,]+ km \/ [\d,]+ km \/ [\d,]+ km/);
  await idle(page);
  const zones = await page.evaluate(() => new Set(window.__sozialatlasMap.queryRenderedFeatures({ layers: ['catchment-fill'] }).map((f) => f.properties.zone)).size);
  assert.equal(zones, 3, 'three zones drawn');
  // the chosen service is part of the shared view: a reload shows the same catchment
  const service = page.url().match(/angebot=(\d+)/)?.[1];
  assert.ok(service, 'the service is in the address bar');
  const title = await page.locator('#catchment-title').textContent();
  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=catchment-info]');
  assert.equal(await page.locator('#catchment-title').textContent(), title);
  await idle(page);
  await page.locator('[data-testid=catchment-info] button').click();
  await idle(page);
  assert.equal(await page.evaluate(() => window.__sozialatlasMap.getLayer('catchment-fill') ?? null), null);
  assert.doesNotMatch(page.url(), /angebot=/);
  await page.close();
});

test('embed: a read-only map with legend, no table, controls or scenario; same parameters as documented', async () => {
  const page = await open('/embed?indicator=sgb2_rate&year=2022&area=62&layers=need,services', '.legend');
  const colours = await distinctColours(page);
  assert.ok(Object.values(NEED_COLOURS).filter((hex) => colours.some((c) => near(c, hex))).length >= 3, colours.join(' | '));
  assert.equal(await page.locator('.area-table').count(), 0, 'no table');
  assert.equal(await page.locator('#indicator, .controls, .scenario, .downloads, .header').count(), 0, 'no controls, no editing');
  assert.match(await page.locator('[data-testid=embed-area]').textContent(), /Grünau-Mitte: sehr hoher Bedarf/);
  assert.match(await page.locator('.map-attribution').textContent(), /Demo-Daten/);
  // a click on the map does not open anything
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await page.locator('#profile-title').count(), 0);
  await page.screenshot({ path: path.join(artifactsDir, 'embed.png') });
  assert.deepEqual(await axeSerious(page), [], 'axe on /embed');

  const indicator = await open('/embed?indicator=unemployment_rate&year=2010', '.legend');
  assert.match(await indicator.locator('.legend-title').textContent(), /Arbeitslos.*2010/);
  assert.ok((await distinctColours(indicator)).length >= 5);
  await indicator.close();
  await page.close();
});

test('no request left the machine', () => {
  assert.deepEqual(foreign.flat(), []);
});
