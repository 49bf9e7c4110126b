// The map as a planner takes it away and finds their way in it: district names as labels from the
// shipped font, stops and social buildings as orientation layers, the map printed on A4 (landscape
// and portrait) and downloaded as PNG and PDF with title, year, legend, scale and source, and a
// scenario with funding changes that lives in the address. One server for the whole file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { artifactsDir, axeSerious, blended, graphql, idle, openPage, pdfPages, useAppServer } from './harness.mjs';

const app = useAppServer();
const foreign = [];
const fontRequests = [];
// SGB-II-Quote, 5 quantile classes, higher is worse (lib/colors paletteFor)
const SGB2_PALETTE = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

async function open(search = '/', viewport = { width: 1440, height: 900 }) {
  const { page, foreignRequests, context } = await openPage(app.browser, app.url);
  await page.setViewportSize(viewport);
  foreign.push(foreignRequests);
  page.on('request', (r) => /\.woff2$/.test(r.url()) && fontRequests.push(r.url()));
  await page.goto(`${app.url}${search}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr, [data-legend]', { timeout: 60_000 });
  await idle(page);
  return { page, context };
}

const renderedNames = (page) => page.evaluate(() => [...new Set(window.__sozialatlasMap.queryRenderedFeatures({ layers: ['area-labels'] }).map((f) => f.properties.name))]);

/** Page 1 of a PDF drawn by pdf.js (its Node canvas), as RGBA pixels. */
async function pdfImage(buffer, scale = 1.5) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const pdf = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, standardFontDataUrl }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale });
  const { canvas, context } = pdf.canvasFactory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  const png = canvas.toBuffer('image/png');
  await pdf.destroy();
  return { data, width, height, png, pages: pdf.numPages };
}

async function pngImage(buffer) {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(buffer);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, img.width, img.height);
}

/** How many of the palette's colours (as MapLibre blends them over the background) cover ≥ `min` pixels. */
function paletteCoverage({ data }, palette, min = 200, tol = 8) {
  const targets = palette.map((hex) => blended(hex));
  const counts = targets.map(() => 0);
  for (let i = 0; i < data.length; i += 4) {
    targets.forEach(([r, g, b], k) => {
      if (Math.abs(data[i] - r) <= tol && Math.abs(data[i + 1] - g) <= tol && Math.abs(data[i + 2] - b) <= tol) counts[k]++;
    });
  }
  return counts.filter((n) => n >= min).length;
}

test('district names are map labels from the shipped font: collision-aware, more of them nearer in', async () => {
  const { page } = await open('/?indikator=sgb2_rate&jahr=2022');
  const wide = await renderedNames(page);
  assert.ok(wide.length >= 20, `names at the city view: ${wide.length}`);
  // MapLibre leaves out what would overlap: the placed boxes do not collide
  const boxes = await page.evaluate(() => {
    const map = window.__sozialatlasMap;
    return map.queryRenderedFeatures({ layers: ['area-labels'] }).map((f) => map.project(f.geometry.coordinates));
  });
  assert.equal(boxes.length, wide.length, 'each name once');
  const gm = (await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { name labelPoint(precision: 6) } } }')).data.areas.nodes.find((a) => a.name === 'Zentrum');
  await page.evaluate(([lon, lat]) => window.__sozialatlasMap.jumpTo({ center: [lon, lat], zoom: 14 }), gm.labelPoint.coordinates);
  await idle(page);
  const near = await renderedNames(page);
  assert.ok(near.includes('Zentrum'), `Zentrum is named at zoom 14: ${near}`);
  // the text is drawn (dark pixels around the label point), from the font shipped with the map
  const dark = await page.evaluate(([lon, lat]) => {
    const map = window.__sozialatlasMap;
    const p = map.project([lon, lat]);
    const c = document.createElement('canvas');
    const src = map.getCanvas();
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(src, 0, 0);
    const r = window.devicePixelRatio;
    const { data } = ctx.getImageData(Math.round(p.x * r) - 40, Math.round(p.y * r) - 12, 80, 24);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 90 && data[i + 1] < 90 && data[i + 2] < 90) n++;
    return n;
  }, gm.labelPoint.coordinates);
  assert.ok(dark > 20, `dark text pixels at the Zentrum label: ${dark}`);
  assert.ok(fontRequests.length > 0 && fontRequests.every((u) => u.startsWith(app.url)), `font from this server: ${fontRequests}`);
  // a planner can switch the names off; the address keeps it
  await page.getByLabel('Namen der Gebiete').uncheck();
  await idle(page);
  assert.deepEqual(await renderedNames(page), []);
  assert.match(page.url(), /namen=aus/);
  await page.close();
});

test('stops and social buildings switch on as orientation layers, named on hover, kept in the address', async () => {
  const api = await graphql(app.url, '{ transitStops { id } socialBuildings { id } }');
  const { page } = await open('/?indikator=sgb2_rate&jahr=2022');
  await page.getByLabel(/Haltestellen/).check();
  await page.getByLabel(/Soziale Einrichtungen/).check();
  await page.locator('[data-testid=orientation] [role=status]', { hasText: 'OpenStreetMap' }).waitFor();
  await idle(page);
  const drawn = await page.evaluate(() => ({
    stops: new Set(window.__sozialatlasMap.queryRenderedFeatures({ layers: ['transit-stops'] }).map((f) => f.id)).size,
    social: new Set(window.__sozialatlasMap.queryRenderedFeatures({ layers: ['social-buildings'] }).map((f) => f.id)).size,
  }));
  assert.ok(drawn.stops > 0.9 * api.data.transitStops.length, `stops drawn: ${drawn.stops} of ${api.data.transitStops.length}`);
  assert.ok(drawn.social > 0.9 * api.data.socialBuildings.length, `social buildings drawn: ${drawn.social} of ${api.data.socialBuildings.length}`);
  assert.match(await page.getByTestId('orientation').textContent(), new RegExp(`${api.data.transitStops.length.toLocaleString('de-DE')} Orte`));
  assert.match(page.url(), /orte=haltestellen,einrichtungen/);
  assert.match(await page.getByTestId('map-attribution').textContent(), /OpenStreetMap/);
  // hovering a stop names it, not the district below
  const stop = await page.evaluate(() => {
    const map = window.__sozialatlasMap;
    const f = map.queryRenderedFeatures({ layers: ['transit-stops'] }).find((x) => x.properties.name);
    const p = map.project(f.geometry.coordinates);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y, name: f.properties.name };
  });
  await page.mouse.move(stop.x, stop.y);
  await page.waitForSelector('.tooltip');
  assert.match(await page.locator('.tooltip strong').textContent(), /\S/);
  await page.screenshot({ path: path.join(artifactsDir, 'orientation-1440.png') });
  assert.deepEqual(await axeSerious(page), [], 'axe with the orientation layers');
  await page.close();
  const phone = await open('/?indikator=sgb2_rate&jahr=2022&orte=haltestellen', { width: 390, height: 844 });
  await phone.page.screenshot({ path: path.join(artifactsDir, 'orientation-390.png'), fullPage: true });
  assert.equal(await phone.page.getByLabel(/Haltestellen/).isChecked(), true);
  assert.deepEqual(await axeSerious(phone.page), [], 'axe at 390 px');
  await phone.page.close();
});

async function checkSheet(text, image, what) {
  for (const part of ['SGB-II-Quote 2022', 'Ortsteile', 'Legende', '0 – ', 'über', 'keine Daten', 'Datenquelle: Stadt Leipzig', 'Datenlizenz Deutschland']) {
    assert.ok(text.includes(part), `${what}: "${part}" missing in ${text.slice(0, 400)}`);
  }
  assert.match(text, /\d+ (k?m)/, `${what}: scale`);
  assert.ok(paletteCoverage(image, SGB2_PALETTE) >= 4, `${what}: the map is drawn in at least 4 of the 5 class colours`);
}

test('printing the map view: one A4 page, landscape and portrait, with title, year, legend, scale, source and the map drawn', async () => {
  const { page } = await open('/?indikator=sgb2_rate&jahr=2022');
  await page.waitForSelector('[data-testid=map-print] img[src^="blob:"]', { state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  for (const orientation of ['landscape', 'portrait']) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('Seitenformat').selectOption(orientation);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(artifactsDir, `map-print-${orientation}.png`) });
    // the page size comes from the map's own @page rule (A4 in the chosen orientation)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(path.join(artifactsDir, `map-print-${orientation}.pdf`), pdf);
    const [text] = await pdfPages(pdf);
    const image = await pdfImage(pdf);
    await writeFile(path.join(artifactsDir, `map-print-${orientation}-pdf.png`), image.png);
    assert.equal(image.pages, 1, `${orientation}: one page`);
    assert.equal(image.width > image.height, orientation === 'landscape', `${orientation}: ${image.width}×${image.height}`);
    assert.ok(Math.abs(Math.max(image.width, image.height) / Math.min(image.width, image.height) - 297 / 210) < 0.01, 'A4 proportions');
    await checkSheet(text, image, `print ${orientation}`);
    assert.match(text, /Maßstab: \d+ k?m/);
    for (const screenOnly of ['Karte einfärben nach', 'PNG herunterladen', 'Zur Tabelle springen']) assert.ok(!text.includes(screenOnly), `${screenOnly} is not printed`);
  }
  await page.close();
});

test('PNG and PDF downloads of the map sheet hold the same title, legend, scale, source and a drawn map', async () => {
  const { page } = await open('/?indikator=sgb2_rate&jahr=2022');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-png').click()]);
  assert.equal(png.suggestedFilename(), 'sozialatlas-sgb2_rate-2022-quer.png');
  const pngPath = path.join(artifactsDir, 'map-download.png');
  await png.saveAs(pngPath);
  const { readFile } = await import('node:fs/promises');
  const image = await pngImage(await readFile(pngPath));
  assert.ok(Math.abs(image.width / image.height - 297 / 210) < 0.01, `A4 landscape: ${image.width}×${image.height}`);
  assert.ok(paletteCoverage(image, SGB2_PALETTE) >= 4, 'PNG: the map is drawn');

  await page.getByLabel('Seitenformat').selectOption('portrait');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
  assert.equal(pdf.suggestedFilename(), 'sozialatlas-sgb2_rate-2022-hoch.pdf');
  const pdfPath = path.join(artifactsDir, 'map-download.pdf');
  await pdf.saveAs(pdfPath);
  const buffer = await readFile(pdfPath);
  const [text] = await pdfPages(buffer);
  const drawn = await pdfImage(buffer);
  await writeFile(path.join(artifactsDir, 'map-download-pdf.png'), drawn.png);
  assert.ok(drawn.height > drawn.width, 'portrait');
  await checkSheet(text, drawn, 'PDF download');
  await page.close();
});

test('scenario: a funding cut and a new service, in the address; a reload computes it again; summary sorted, class moves ringed', async () => {
  const { page } = await open('/?schicht=luecke&angebotsart=youth_club&jahr=2022');
  await page.getByLabel('Förderung ändern').check();
  const options = page.locator('#sc-fund option');
  await page.waitForFunction(() => document.querySelectorAll('#sc-fund option').length > 1, null, { timeout: 30_000 });
  const first = await options.nth(1).getAttribute('value');
  await page.locator('#sc-fund').selectOption(first);
  const before = await page.getByTestId('funding-now').textContent();
  await page.getByRole('button', { name: '−50 %' }).click();
  await page.getByRole('button', { name: 'Förderänderung hinzufügen' }).click();
  assert.match(await page.getByTestId('funding-change').textContent(), /→.*\(−/, `a cut: ${before}`);

  await page.getByLabel('Angebot hinzufügen').check();
  await page.getByLabel('Kapazität (Plätze)').fill('80');
  await page.getByLabel('oder Mitte eines Gebiets').selectOption({ label: 'Grünau-Mitte' });
  await page.getByRole('button', { name: 'Zum Szenario hinzufügen' }).click();
  assert.match(page.url(), /neu=[\d.]+,[\d.]+,80,/);
  assert.match(page.url(), new RegExp(`foerderung=${first}:2022:\\d+`));

  await page.getByTestId('run-scenario').click();
  await page.waitForSelector('[data-testid=scenario-table]', { timeout: 60_000 });
  await idle(page);
  const summary = async () => ({
    moved: await page.locator('[data-testid=scenario-table] > ul li').evaluateAll((lis) => lis.map((li) => ({ id: li.dataset.areaId, before: li.dataset.before, after: li.dataset.after, text: li.textContent }))),
    rest: await page.locator('[data-testid=scenario-rest] li').evaluateAll((lis) => lis.map((li) => ({ id: li.dataset.areaId, text: li.textContent }))),
  });
  const first_ = await summary();
  assert.ok(first_.moved.length + first_.rest.length > 0, 'the scenario changes areas');
  for (const m of first_.moved) assert.notEqual(m.before, m.after, 'moved areas first');
  assert.ok(first_.moved.every((m) => /Lücke/.test(m.text)));
  assert.ok([...first_.moved, ...first_.rest].some((r) => /\+80 Plätze/.test(r.text)), 'the new places in planner words');
  assert.ok([...first_.moved, ...first_.rest].some((r) => /Förderung 2022: −/.test(r.text)), 'the funding cut per area in euros');
  // the folded part is closed until opened
  if (first_.rest.length) assert.equal(await page.locator('[data-testid=scenario-rest]').getAttribute('open'), null);
  if (first_.moved.length) {
    const ringed = new Set(await page.evaluate(() => window.__sozialatlasMap.queryRenderedFeatures({ layers: ['scenario-moved'] }).map((f) => String(f.properties.id))));
    assert.ok(first_.moved.every((m) => ringed.has(m.id)), 'each area whose class moves is ringed on the map');
  }
  await page.screenshot({ path: path.join(artifactsDir, 'scenario-funding-1440.png') });
  assert.deepEqual(await axeSerious(page), [], 'axe on the scenario');

  // reload (or a shared link): the same scenario, computed again without a click
  const url = page.url();
  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=scenario-table]', { timeout: 60_000 });
  await idle(page);
  assert.equal(page.url(), url);
  assert.deepEqual(await summary(), first_);
  assert.equal(await page.locator('.scenario-changes li').count(), 2);
  await page.close();

  const phone = await open(new URL(url).pathname + new URL(url).search, { width: 390, height: 844 });
  await phone.page.waitForSelector('[data-testid=scenario-table]', { timeout: 60_000 });
  await phone.page.screenshot({ path: path.join(artifactsDir, 'scenario-funding-390.png'), fullPage: true });
  assert.deepEqual(await axeSerious(phone.page), [], 'axe on the scenario at 390 px');
  await phone.page.close();
});

test('no request left the machine', () => {
  assert.deepEqual(foreign.flat(), []);
});
