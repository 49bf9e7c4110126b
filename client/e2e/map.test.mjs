// The district map as a planner meets it: a real choropleth on the canvas, indicator and year
// change the colours, a click opens the profile with the API's numbers, the table sorts by
// keyboard, the address bar restores the view, nothing leaves the machine, and axe finds no
// serious accessibility problem. One server for the whole file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { writeFile } from 'node:fs/promises';
import { artifactsDir, coloursAt, distinctColours, graphql, idle, openPage, pdfPages, useAppServer } from './harness.mjs';

const app = useAppServer();
const foreign = [];

async function open(search = '') {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  await page.goto(`${app.url}/${search}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr');
  await idle(page);
  return page;
}

let districts;
async function labelPoints() {
  if (!districts) {
    const res = await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name labelPoint(precision: 6) } } }');
    districts = res.data.areas.nodes;
  }
  return districts;
}

test('the choropleth really draws: not blank, several distinct colours, a legend and 63 rows', async () => {
  const page = await open();
  const colours = await distinctColours(page);
  assert.ok(colours.length >= 5, `expected several colours on the map, got ${colours.join(' | ')}`);
  assert.equal(await page.locator('.area-table tbody tr').count(), 63);
  assert.equal(await page.locator('.legend li').count(), 7, '5 classes + keine Daten + geheimgehalten');
  await page.screenshot({ path: path.join(artifactsDir, 'map.png') });
  await page.close();
});

test('switching indicator and year changes the colours without reloading geometry', async () => {
  const page = await open();
  const points = (await labelPoints()).slice(0, 40).map((d) => d.labelPoint.coordinates);
  let geometryRequests = 0;
  page.on('request', (r) => {
    if ((r.postData() ?? r.url()).includes('AreasGeometry')) geometryRequests++; // the geometry comes by GET
  });
  const before = await coloursAt(page, points);

  await page.selectOption('#indicator', 'household_income_median');
  await page.waitForFunction(() => document.querySelector('.area-table caption')?.textContent?.includes('Haushaltsnettoeinkommen'));
  await idle(page);
  const income = await coloursAt(page, points);
  assert.notDeepEqual(income, before, 'another indicator colours the map differently');

  const yearBefore = await page.locator('#year-output').textContent();
  await page.focus('#year');
  await page.keyboard.press('Home');
  await page.waitForFunction((y) => document.querySelector('#year-output')?.textContent !== y, yearBefore);
  await idle(page);
  const earlier = await coloursAt(page, points);
  assert.notDeepEqual(earlier, income, 'another year colours the map differently');
  assert.equal(geometryRequests, 0, 'geometry is loaded once');
  await page.close();
});

test('clicking Grünau-Mitte on the map opens its profile with the numbers of the API', async () => {
  const page = await open('?indikator=sgb2_rate');
  const gm = (await labelPoints()).find((d) => d.name === 'Grünau-Mitte');
  const year = Number(await page.locator('#year-output').textContent());
  const api = await graphql(app.url, `{ area(id: ${gm.id}) { value(indicator: "sgb2_rate", year: ${year}) { value } population: series(indicator: "population") { year value } } }`);
  const expected = api.data.area.value.value;

  const point = await page.evaluate(([lon, lat]) => {
    const map = window.__sozialatlasMap;
    const p = map.project([lon, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, gm.labelPoint.coordinates);
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector('.tooltip');
  assert.match(await page.locator('.tooltip').textContent(), /Grünau-Mitte/);
  await page.mouse.click(point.x, point.y);

  await page.waitForSelector('#profile-title');
  assert.equal(await page.locator('#profile-title').textContent(), 'Grünau-Mitte');
  const shown = await page.locator('[data-testid=profile-current-value]').textContent();
  assert.equal(shown, `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(expected)} %`);

  const lastPop = api.data.area.population.filter((p) => p.value !== null).at(-1);
  await page.waitForSelector('[data-testid=kf-population]');
  assert.equal(await page.locator('[data-testid=kf-population]').textContent(), new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(lastPop.value));
  assert.match(page.url(), new RegExp(`gebiet=${gm.code}`), 'the selection is in the address bar');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(artifactsDir, 'profile.png') });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(artifactsDir, 'profile-print.png'), fullPage: true });
  await page.close();
});

test("Chromium's PDF of the printed profile holds the district's figures, services, source and no map controls", async () => {
  const gm = (await labelPoints()).find((d) => d.name === 'Grünau-Mitte');
  const page = await open(`?indikator=sgb2_rate&gebiet=${gm.code}`);
  await page.waitForSelector('[data-testid=kf-population]');
  await page.waitForLoadState('networkidle');
  const year = Number(await page.locator('#year-output').textContent());
  const api = await graphql(
    app.url,
    `{ area(id: ${gm.id}) { code value(indicator: "sgb2_rate", year: ${year}) { value } population: series(indicator: "population") { value } }
       services(filter: { areaId: ${gm.id} }, first: 200) { nodes { name } } }`,
  );
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await writeFile(path.join(artifactsDir, 'profile.pdf'), pdf);
  const pages = await pdfPages(pdf);
  const text = pages.join('\n');
  const de = (v, digits) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(v);

  assert.ok(pages.length >= 1 && pages.length <= 4, `the profile prints on 1–4 A4 pages, got ${pages.length}`);
  assert.match(pages[0], /Steckbrief/);
  assert.match(pages[0], /Grünau-Mitte/);
  assert.match(pages[0], new RegExp(`Nr\\. ${api.data.area.code}`));
  assert.ok(text.includes(`${de(api.data.area.value.value, 1)} %`), 'the SGB-II rate of the API is printed');
  const population = api.data.area.population.filter((p) => p.value !== null).at(-1).value;
  assert.ok(text.includes(de(population, 0)), 'the latest population is printed');
  for (const heading of ['Kennzahlen', 'Angebote im Gebiet', 'Förderung', 'Maßnahmen des Sozialplans']) assert.ok(text.includes(heading), `section ${heading}`);
  // Collapsed lists are printed in full: every service of the district appears.
  const services = api.data.services.nodes.map((n) => n.name);
  assert.ok(services.length > 0);
  for (const name of services) assert.ok(text.replace(/\s+/g, ' ').includes(name.replace(/\s+/g, ' ')), `service ${name} is printed`);
  // the attribution names itself a source ("Datenquelle: …"), so no "Quelle:" is put before it
  assert.match(text, /(Datenquelle|Quelle): .*Leipzig/);
  assert.match(text, /Sozialatlas, gedruckt am \d{1,2}\.\d{1,2}\.\d{4}\. Diese Ansicht online: http/);
  // The map's controls, table and buttons stay on screen only.
  for (const screenOnly of ['Drucken', 'Schließen', 'Karte einfärben nach', 'Einzugsbereich']) assert.ok(!text.includes(screenOnly), `${screenOnly} is not printed`);
  await page.close();
});

test('the table sorts by keyboard and Enter on a row selects the area', async () => {
  const page = await open();
  const names = () => page.locator('.area-table tbody th').allTextContents();
  await page.focus('button.sort[data-sort=name]');
  await page.keyboard.press('Enter');
  const asc = await names();
  assert.deepEqual(asc, [...asc].sort(new Intl.Collator('de-DE').compare));
  assert.equal(await page.locator('th[aria-sort=ascending] button[data-sort=name]').count(), 1);
  await page.keyboard.press('Enter');
  const desc = await names();
  assert.deepEqual(desc, [...asc].reverse());

  await page.focus('.area-table tbody tr:first-child');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#profile-title');
  assert.equal(await page.locator('#profile-title').textContent(), desc[0]);
  await page.close();
});

test('the address bar restores indicator, year, classes, selection and map position', async () => {
  const gm = (await labelPoints()).find((d) => d.name === 'Grünau-Mitte');
  const page = await open(`?indikator=unemployment_rate&jahr=2010&klassen=jenks&anzahl=4&gebiet=${gm.code}&karte=12.30000,51.32000,12.50`);
  assert.equal(await page.locator('#indicator').inputValue(), 'unemployment_rate');
  assert.equal(await page.locator('#year-output').textContent(), '2010');
  assert.equal(await page.locator('#method').inputValue(), 'jenks');
  assert.equal(await page.locator('.legend li').count(), 6);
  await page.waitForSelector('#profile-title');
  assert.equal(await page.locator('#profile-title').textContent(), 'Grünau-Mitte');
  const cam = await page.evaluate(() => {
    const m = window.__sozialatlasMap;
    return [m.getCenter().lng, m.getCenter().lat, m.getZoom()];
  });
  assert.ok(Math.abs(cam[0] - 12.3) < 1e-3 && Math.abs(cam[1] - 51.32) < 1e-3 && Math.abs(cam[2] - 12.5) < 1e-2, `camera ${cam}`);
  await page.close();
});

test('compare mode shows the change between two years', async () => {
  const page = await open('?indikator=sgb2_rate&jahr=2022&vergleich=2012');
  assert.match(await page.locator('.area-table caption').textContent(), /2012–2022/);
  // area, borough, both years, change, rank, and the checkbox column of the district comparison
  assert.equal(await page.locator('.area-table thead th').count(), 7);
  assert.match(await page.locator('.legend').textContent(), /Veränderung/);
  await page.screenshot({ path: path.join(artifactsDir, 'compare.png') });
  await page.close();
});

test('English is available and loading errors are plain language', async () => {
  const page = await open('?sprache=en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('.legend').textContent(), /Legend/);
  await page.screenshot({ path: path.join(artifactsDir, 'english.png') });
  await page.close();

  const broken = (await openPage(app.browser, app.url)).page;
  await broken.route('**/graphql', (route) => route.fulfill({ status: 500, body: 'Internal Server Error\n    at stack (x.js:1)' }));
  await broken.goto(app.url, { waitUntil: 'networkidle' });
  await broken.waitForSelector('[role=alert]');
  const text = await broken.locator('[role=alert]').textContent();
  assert.match(text, /konnten nicht geladen werden/);
  assert.doesNotMatch(text, /stack|Error|x\.js/);
  await broken.close();
});

test('axe finds no serious or critical accessibility violations (map, profile, English)', async () => {
  const gm = (await labelPoints()).find((d) => d.name === 'Grünau-Mitte');
  for (const search of ['', `?gebiet=${gm.code}`, '?sprache=en&vergleich=2012']) {
    const page = await open(search);
    if (search.includes('gebiet')) await page.waitForSelector('[data-testid=kf-population]');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
      [],
      `axe on ${search || '/'}`,
    );
    await page.close();
  }
});

test('services show as clustered points by category, with the Demo-Daten label for synthetic ones', async () => {
  const page = await open('?angebote=all');
  await page.waitForFunction(() => /\d+ Angebote/.test(document.querySelector('.services-panel [role=status]')?.textContent ?? ''));
  await idle(page);
  const all = Number((await page.locator('.services-panel [role=status]').textContent()).match(/(\d+)/)[1]);
  assert.ok(all > 100, `expected the Leipzig services, got ${all}`);
  const drawn = await page.evaluate(() => window.__sozialatlasMap.queryRenderedFeatures({ layers: ['services-clusters', 'services-points'] }).length);
  assert.ok(drawn > 0, 'points or clusters are drawn');
  assert.ok((await page.locator('.cluster-count').count()) > 0, 'clusters show their counts');
  assert.equal(await page.locator('.services-panel .demo-badge').count(), 1, 'synthetic services are labelled');
  assert.match(await page.locator('.map-attribution').textContent(), /Demo-Daten/);
  await page.screenshot({ path: path.join(artifactsDir, 'services.png') });

  await page.getByLabel('alle', { exact: true }).uncheck();
  await page.getByLabel('Kindertagesstätte').check();
  await page.waitForFunction((n) => {
    const m = (document.querySelector('.services-panel [role=status]')?.textContent ?? '').match(/(\d+) Angebote/);
    return m && Number(m[1]) < n;
  }, all);
  assert.match(page.url(), /angebote=day_care/);
  await page.close();
});

test('service points filter by target group and provider, with the counts of the API, and the filters survive a reload', async () => {
  // the number in "N Angebote", NaN while loading
  const shownCount = (page) => page.evaluate(() => Number((document.querySelector('.services-panel [role=status]')?.textContent ?? '').match(/(\d+) Angebote/)?.[1] ?? NaN));
  const changedFrom = (page, n) =>
    page.waitForFunction((before) => {
      const m = (document.querySelector('.services-panel [role=status]')?.textContent ?? '').match(/(\d+) Angebote/);
      return m !== null && Number(m[1]) !== before;
    }, n);
  const count = async (page) => {
    await changedFrom(page, -1);
    return shownCount(page);
  };
  const page = await open('?angebote=all');
  const all = await count(page);
  await page.getByLabel('Zielgruppe').selectOption({ label: 'Seniorinnen und Senioren' });
  await changedFrom(page, all);
  const seniors = await count(page);
  const api = await graphql(app.url, '{ services(filter: { targetGroups: [SENIORS], statuses: [ACTIVE] }, first: 1) { totalCount } }');
  assert.ok(seniors > 0 && seniors < all, `${seniors} of ${all}`);
  // one point per service in the count: services without a location are counted too
  assert.equal(seniors, api.data.services.totalCount);

  const provider = (await graphql(app.url, '{ services(filter: { targetGroups: [SENIORS], statuses: [ACTIVE] }, first: 1) { nodes { provider { id name } } } }')).data.services.nodes[0].provider;
  await page.getByLabel('Träger').selectOption({ label: provider.name });
  await changedFrom(page, seniors);
  const both = await count(page);
  const apiBoth = await graphql(app.url, `{ services(filter: { targetGroups: [SENIORS], providerIds: [${provider.id}], statuses: [ACTIVE] }, first: 1) { totalCount } }`);
  assert.equal(both, apiBoth.data.services.totalCount);
  assert.match(page.url(), new RegExp(`zielgruppe=SENIORS&traeger=${provider.id}`));

  await page.reload({ waitUntil: 'networkidle' });
  assert.equal(await count(page), both);
  assert.equal(await page.getByLabel('Zielgruppe').inputValue(), 'SENIORS');
  assert.equal(await page.getByLabel('Träger').inputValue(), String(provider.id));
  await page.close();
});

test('downloads: CSV for Excel (BOM, semicolon) and GeoJSON of what is shown, with attribution', async () => {
  const page = await open('?indikator=sgb2_rate&jahr=2020');
  const [excel] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=excel]')]);
  // the map's CSV is the /export file: one layout, codes kept as text for Excel
  assert.match(excel.suggestedFilename(), /sozialatlas-district-sgb2_rate-excel\.csv/);
  const csv = await (await import('node:fs/promises')).readFile(await excel.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFcode;name;level;parent_code;sgb2_rate_2020;'), csv.slice(0, 60));
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, 64);
  assert.match(lines[1], /Stadt Leipzig/);
  assert.ok(lines.some((l) => l.startsWith('"=""00""";Zentrum;')), 'Zentrum keeps its code 00');

  const need = await open('?schicht=bedarf&jahr=2022');
  const [needCsv] = await Promise.all([need.waitForEvent('download'), need.click('[data-download=csv]')]);
  const needText = await (await import('node:fs/promises')).readFile(await needCsv.path(), 'utf8');
  assert.match(needText.split('\n')[0], /need_index_2022_class,need_index_2022_class_name/);
  const [needGj] = await Promise.all([need.waitForEvent('download'), need.click('[data-download=geojson]')]);
  const needFc = JSON.parse(await (await import('node:fs/promises')).readFile(await needGj.path(), 'utf8'));
  assert.ok(needFc.features.some((f) => f.properties.class === 'sehr hoher Bedarf'), 'the GeoJSON names the class shown');
  await need.close();

  const [gj] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=geojson]')]);
  const fc = JSON.parse(await (await import('node:fs/promises')).readFile(await gj.path(), 'utf8'));
  assert.equal(fc.features.length, 63);
  assert.match(fc.attribution, /Stadt Leipzig/);
  assert.equal(fc.indicator.year, 2020);
  const api = await graphql(app.url, `{ area(id: ${fc.features[0].properties.id}) { value(indicator: "sgb2_rate", year: 2020) { value } } }`);
  assert.equal(fc.features[0].properties.value, api.data.area.value.value);
  await page.close();
});

test('no request left the machine', () => {
  assert.deepEqual(foreign.flat(), []);
});
