// Time series, indicator help and the side-by-side comparison as a planner uses them: the charts'
// tables hold the API's numbers (gaps as gaps), the search finds an indicator and its help tells
// the catalogue's definition and the period of the data, and a comparison of three districts is
// chosen from table, profile and search, survives a reload and prints to PDF. Screenshots of every
// view at 1440 × 900 and 390 × 844 go to artifacts/; axe finds nothing serious.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { artifactsDir, axeSerious, graphql, idle, pdfPages, useAppServer } from './harness.mjs';

const app = useAppServer();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(search, viewport = DESKTOP) {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('close', () => context.close().catch(() => {}));
  await page.goto(`${app.url}/${search}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr');
  await idle(page);
  return Object.assign(page, { requested });
}

let districts;
async function district(name) {
  districts ??= (await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name parent { name } } } }')).data.areas.nodes;
  return districts.find((d) => d.name === name);
}

const de = (v, digits) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(v).replace(/^-/, '−');
/** What a chart's table shows for one API value. */
const cellText = (p, unit) =>
  p.value === null ? (p.status === 'SUPPRESSED' || /SUPPRESS/.test(p.missingReason ?? '') ? 'geheimgehalten' : 'keine Daten') : unit === 'PERCENT' ? `${de(p.value, 1)} %` : de(p.value, 0);

/** The chart's data table as { year: [cells…] }. */
async function chartTable(page, scope) {
  return page.locator(`${scope} .ts-chart table`).first().evaluate((table) =>
    Object.fromEntries([...table.tBodies[0].rows].map((r) => [r.cells[0].textContent, [...r.cells].slice(1).map((c) => c.textContent)])),
  );
}

test('profile time series: SGB-II rate of the area, its Stadtbezirk and the city with the API values, gaps as gaps; population as an index', async () => {
  const gm = await district('Grünau-Mitte');
  const api = (
    await graphql(
      app.url,
      `{ area(id: ${gm.id}) { series(indicator: "sgb2_rate") { year value status missingReason } parent { id name series(indicator: "sgb2_rate") { year value status missingReason } } }
         city: areas(filter: { level: CITY }, first: 1) { nodes { name series(indicator: "sgb2_rate") { year value status missingReason } } } }`,
    )
  ).data;
  const page = await open(`?indikator=sgb2_rate&gebiet=${gm.code}`);
  await page.waitForSelector('[data-testid=trend-chart] svg[role=img]');
  await page.waitForLoadState('networkidle');
  const legend = await page.locator('[data-testid=profile-trend] .ts-legend li').allTextContents();
  assert.deepEqual(legend.slice(0, 3), ['Grünau-Mitte', `Stadtbezirk ${api.area.parent.name}`, `Stadt ${api.city.nodes[0].name}`]);
  const table = await chartTable(page, '[data-testid=profile-trend]');
  const bySeries = [api.area.series, api.area.parent.series, api.city.nodes[0].series];
  for (const [i, series] of bySeries.entries()) {
    for (const p of series) assert.equal(table[String(p.year)]?.[i], cellText(p, 'PERCENT'), `series ${i}, ${p.year}`);
  }
  // a year without a value of the area is a gap of its line, not bridged
  const areaGaps = api.area.series.filter((p) => p.value === null).length;
  const strokes = await page.locator('[data-testid=trend-chart] [data-series=area] path').getAttribute('d');
  const runs = strokes.split('M').filter(Boolean).length;
  assert.ok(areaGaps === 0 ? runs === 1 : runs >= 2, `${runs} strokes for ${areaGaps} gaps`);
  assert.match(await page.locator('[data-testid=trend-chart] svg[role=img]').textContent(), /%/, 'the axis names the unit');
  await page.locator('[data-testid=profile-trend]').screenshot({ path: path.join(artifactsDir, 'charts-profile-sgb2.png') });

  // the population sparkline opens the population chart: an index, each line of its own base year
  await page.getByRole('button', { name: /^Zeitreihe: Einwohner/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=trend-chart]')?.getAttribute('data-mode') === 'index');
  assert.match(await page.locator('[data-testid=trend-chart] svg[role=img]').textContent(), /Index, \d{4} = 100/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'trend-indicator', 'the focus moved to the chart');
  await page.screenshot({ path: path.join(artifactsDir, 'charts-1440-profile.png') });
  assert.deepEqual(await axeSerious(page), []);
  await page.close();

  const phone = await open(`?indikator=sgb2_rate&gebiet=${gm.code}`, PHONE);
  await phone.waitForSelector('[data-testid=trend-chart] svg[role=img]');
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'no horizontal scrolling on the phone');
  await phone.locator('[data-testid=profile-trend]').screenshot({ path: path.join(artifactsDir, 'charts-390-profile.png') });
  await phone.close();
});

test("the city's time series beside the map holds the API's city values", async () => {
  const api = (await graphql(app.url, '{ areas(filter: { level: CITY }, first: 1) { nodes { series(indicator: "unemployment_rate") { year value status missingReason } } } }')).data;
  const page = await open('?indikator=unemployment_rate');
  await page.locator('[data-testid=city-trend] summary').click();
  await page.waitForSelector('[data-testid=city-chart] svg');
  const table = await chartTable(page, '[data-testid=city-trend]');
  for (const p of api.areas.nodes[0].series) assert.equal(table[String(p.year)]?.[0], cellText(p, 'PERCENT'), String(p.year));
  await page.locator('.sidebar').screenshot({ path: path.join(artifactsDir, 'charts-1440-city.png') });
  assert.deepEqual(await axeSerious(page), []);
  await page.close();
});

test('indicator search and help: a word finds the indicator, Enter shows it; definition and period as the API has them, beside the picker and in the legend', async () => {
  // the city's rows are derived from the districts' for every year they have
  const api = (await graphql(app.url, '{ indicator(key: "unemployment_rate") { name description source { title } } areas(filter: { level: CITY }, first: 1) { nodes { series(indicator: "unemployment_rate") { year } } } }')).data;
  const years = api.areas.nodes[0].series.map((p) => p.year);
  const page = await open('?indikator=sgb2_rate');
  const all = await page.locator('#indicator option').count();
  await page.fill('#indicator-search', 'arbeitslos');
  const options = await page.locator('#indicator option').allTextContents();
  assert.ok(options.length < all && options.length >= 2, `the list narrows (${options.length} of ${all})`);
  assert.ok(options.includes(api.indicator.name));
  assert.match(await page.getByTestId('indicator-found').textContent(), new RegExp(`von ${all} Indikatoren`));
  await page.fill('#indicator-search', 'Arbeitslosenquote');
  await page.press('#indicator-search', 'Enter');
  await page.waitForFunction((name) => document.querySelector('.area-table caption')?.textContent?.includes(name), api.indicator.name);
  assert.match(page.url(), /indikator=unemployment_rate/);

  await page.getByText('Definition, Einheit, Quelle, Zeitraum').click();
  const help = page.getByTestId('picker-help');
  const text = (await help.textContent()).replace(/\s+/g, ' ');
  assert.ok(text.includes(api.indicator.description.replace(/\s+/g, ' ')), 'the catalogue definition');
  assert.ok(text.includes(api.indicator.source.title), 'the source');
  assert.match(await help.getByTestId('indicator-period').textContent(), new RegExp(`^${years[0]}.*${years.at(-1)} \\(${years.length} Jahre\\)$`));
  await page.getByTestId('legend-help').locator('summary').click();
  assert.ok((await page.getByTestId('legend-help').textContent()).includes(api.indicator.source.title), 'the legend tells the source too');
  await page.locator('.sidebar').screenshot({ path: path.join(artifactsDir, 'charts-1440-indicator-help.png') });
  assert.deepEqual(await axeSerious(page), []);
  await page.close();

  const en = await open('?indikator=sgb2_rate&sprache=en', PHONE);
  await en.getByText('Definition, unit, source, period').click();
  assert.match(await en.getByTestId('picker-help').textContent(), /Unitpercent/);
  await en.screenshot({ path: path.join(artifactsDir, 'charts-390-indicator-help-en.png'), fullPage: true });
  assert.deepEqual(await axeSerious(en), []);
  await en.close();
});

test('compare three districts: chosen in the table, the profile and by search; the address restores it; figures of the API; printed to PDF', async () => {
  const names = ['Grünau-Mitte', 'Zentrum', 'Paunsdorf'];
  const [a, b, c] = await Promise.all(names.map(district));
  const page = await open('?indikator=sgb2_rate');
  assert.ok(!page.requested.some((u) => /CompareView/.test(u)), 'the comparison is not part of the first load');
  await page.getByRole('checkbox', { name: `${a.name} vergleichen`, exact: true }).check();
  await page.locator('.area-table tbody th', { hasText: new RegExp(`^${b.name}$`) }).click();
  await page.getByTestId('profile-compare').click();
  await page.fill('#compare-search', c.name);
  await page.press('#compare-search', 'Enter');
  assert.deepEqual(await page.locator('.compare-tray .chips li').allTextContents(), names.map((n) => `${n} ×`));
  await page.getByTestId('compare-open').click();
  await page.waitForSelector('[data-testid=compare-key-figures]');
  assert.ok(page.requested.some((u) => /CompareView-.*\.js/.test(u)), 'the comparison is a chunk of its own');
  assert.match(page.url(), new RegExp(`gebiete=${a.code},${b.code},${c.code}&ansicht=vergleich`));

  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=compare-key-figures]');
  await page.waitForSelector('[data-testid=compare-need]');
  await page.waitForLoadState('networkidle');
  // the columns in the order chosen, each area with its Stadtbezirk below its name
  const heads = await page.locator('[data-testid=compare-key-figures] thead th').evaluateAll((ths) => ths.map((th) => th.childNodes[0].textContent));
  assert.deepEqual(heads.slice(1, 4), names);

  // the SGB-II row: the year it names, each area's value of the API
  const row = page.locator('[data-testid=compare-key-figures] tr[data-indicator=sgb2_rate]');
  const year = Number((await row.locator('th').textContent()).match(/\((\d{4})\)/)[1]);
  const api = (await graphql(app.url, `{ ${[a, b, c].map((d, i) => `a${i}: area(id: ${d.id}) { value(indicator: "sgb2_rate", year: ${year}) { value status missingReason } }`).join(' ')} }`)).data;
  const cells = await row.locator('td').allTextContents();
  [0, 1, 2].forEach((i) => assert.equal(cells[i], cellText(api[`a${i}`].value ?? { value: null, status: 'MISSING' }, 'PERCENT'), names[i]));
  assert.equal(await page.locator('.compare-chart').count(), await page.locator('[data-testid=compare-key-figures] tbody tr').count(), 'a trend chart per key figure');
  await page.screenshot({ path: path.join(artifactsDir, 'compare-1440.png') });
  assert.deepEqual(await axeSerious(page), []);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await writeFile(path.join(artifactsDir, 'compare.pdf'), pdf);
  const pages = await pdfPages(pdf);
  const text = pages.join('\n').replace(/\s+/g, ' ');
  assert.ok(pages.length >= 1 && pages.length <= 4, `the comparison prints on 1–4 A4 pages, got ${pages.length}`);
  assert.match(pages[0], /Gebiete vergleichen/);
  for (const n of names) assert.ok(text.includes(n), `${n} is printed`);
  for (const heading of ['Kennzahlen', 'Bedarfsindex', 'Entwicklung']) assert.ok(text.includes(heading), `section ${heading}`);
  assert.ok(text.includes(cells[0]), 'the figures are printed');
  assert.match(text, /Sozialatlas, gedruckt am \d{1,2}\.\d{1,2}\.\d{4}\. Diese Ansicht online: http/);
  for (const screenOnly of ['Drucken', 'Vergleich schließen', 'Karte einfärben nach', 'Als Tabelle zeigen']) assert.ok(!text.includes(screenOnly), `${screenOnly} is not printed`);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(artifactsDir, 'compare-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // closing the comparison keeps the chosen areas
  await page.getByTestId('compare-view').getByRole('button', { name: 'Vergleich schließen' }).click();
  await page.waitForSelector('[data-testid=compare-view]', { state: 'detached' });
  assert.match(page.url(), /gebiete=/);
  assert.doesNotMatch(page.url(), /ansicht=/);
  await page.close();

  // the shared address on a phone, in English
  const phone = await open(`?gebiete=${a.code},${b.code},${c.code}&ansicht=vergleich&sprache=en`, PHONE);
  await phone.waitForSelector('[data-testid=compare-key-figures]');
  assert.match(await phone.locator('#compare-title').textContent(), new RegExp(`^Compare areas: ${names.join(' · ')}$`));
  await phone.waitForLoadState('networkidle');
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'no horizontal page scrolling on the phone (the tables scroll in their box)');
  await phone.screenshot({ path: path.join(artifactsDir, 'compare-390-full.png'), fullPage: true });
  await phone.locator('#compare-title').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(artifactsDir, 'compare-390.png') });
  await phone.locator('.compare-chart').first().scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(artifactsDir, 'compare-390-chart.png') });
  assert.deepEqual(await axeSerious(phone), []);
  await phone.close();
});
