// The city switcher (issue #11, item 5): the map switches to Chemnitz, keeps it in the address
// (stadt=chemnitz), fits the city's 39 Stadtteile, says plainly what cannot be shown there (the
// API's reason text, no invented classes), passes axe, keeps Chemnitz on reload, and switching back
// gives Leipzig's 63 Ortsteile with the address as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, axeSerious, graphql, idle, openPage, useAppServer } from './harness.mjs';

const app = useAppServer();

/** Distinct areas of the area source drawn on the map, and the centre of the map. */
const drawn = (page) =>
  page.evaluate(() => {
    const map = window.__sozialatlasMap;
    const source = map.getStyle().layers.find((l) => l.id === 'areas-fill').source;
    const ids = new Set(map.querySourceFeatures(source).map((f) => f.properties.id));
    return { areas: ids.size, centre: map.getCenter().toArray() };
  });

test('switch to Chemnitz and back: address, areas, notice, axe, reload', async () => {
  const cities = (await graphql(app.url, '{ cities { key name isDefault districtCount unavailable { what message } } }')).data.cities;
  const chemnitz = cities.find((c) => c.name === 'Chemnitz');
  assert.equal(chemnitz.districtCount, 39);
  const indicatorMap = chemnitz.unavailable.find((u) => u.what === 'INDICATOR_MAP').message;
  assert.match(indicatorMap, /für Chemnitz nicht verfügbar – keine Statistik je Stadtteil/);

  const { page, foreignRequests } = await openPage(app.browser, app.url);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr');
  const select = page.getByRole('combobox', { name: 'Stadt' });
  assert.equal(await select.inputValue(), 'leipzig');

  await select.selectOption({ label: 'Chemnitz' });
  await page.waitForURL(new RegExp(`[?&]stadt=${chemnitz.key}(&|$)`));
  const rows = page.locator('[data-testid=city-areas] tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=city-areas] tbody tr').length === 39);
  assert.equal(await rows.count(), 39);
  assert.equal(await page.getByTestId('city-unavailable').textContent(), indicatorMap);
  await idle(page);
  await page.waitForFunction(() => !window.__sozialatlasMap.isMoving());
  const shown = await drawn(page);
  assert.equal(shown.areas, 39, 'the 39 Stadtteile are drawn');
  // the map fitted Chemnitz (about 12.92° E, 50.83° N), not Leipzig (12.37° E, 51.34° N)
  assert.ok(Math.abs(shown.centre[0] - 12.92) < 0.1 && Math.abs(shown.centre[1] - 50.83) < 0.1, `centre ${shown.centre}`);
  // the header, the title and the map's source name Chemnitz, not Leipzig
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sozialatlas Chemnitz');
  assert.equal(await page.title(), 'Sozialatlas Chemnitz');
  const attribution = await page.getByTestId('map-attribution').textContent();
  assert.match(attribution, /Stadt Chemnitz/);
  assert.doesNotMatch(attribution, /Leipzig/);
  // the orientation offers Chemnitz's own schools only, with their source
  const orientation = page.getByTestId('orientation');
  assert.equal(await orientation.getByRole('checkbox', { name: /Haltestellen/ }).count(), 0);
  await orientation.getByRole('checkbox', { name: /Schulen \(Stadt Chemnitz\)/ }).check();
  await page.waitForFunction(() => /Stadt Chemnitz/.test(document.querySelector('[data-testid=places-source]')?.textContent ?? ''));
  assert.doesNotMatch(await page.getByTestId('places-source').textContent(), /OpenStreetMap/);
  const withSchools = await page.getByTestId('map-attribution').textContent();
  assert.doesNotMatch(withSchools, /OpenStreetMap/);
  assert.equal(withSchools.split('Datenquelle: Stadt Chemnitz').length - 1, 1, 'one source is named once');
  await idle(page);
  assert.deepEqual(await axeSerious(page), [], 'axe on Chemnitz');
  await page.screenshot({ path: path.join(artifactsDir, 'city-chemnitz-1440.png') });
  await orientation.getByRole('checkbox', { name: /Schulen/ }).uncheck();

  // the need index: the API's reason, and no class painted or listed
  await page.getByRole('radio', { name: /Bedarfsindex/ }).check();
  await page.waitForFunction(() => /Bedarfsindex.*für Chemnitz nicht verfügbar/.test(document.querySelector('[data-testid=city-unavailable]')?.textContent ?? ''));
  assert.equal(await rows.count(), 39);
  assert.equal(await page.locator('.area-table [data-col=class]').count(), 0, 'no need classes are listed');

  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=city-areas] tbody tr').length === 39);
  assert.equal(await select.inputValue(), chemnitz.key);
  assert.match(page.url(), new RegExp(`[?&]stadt=${chemnitz.key}(&|$)`));

  await select.selectOption({ label: 'Leipzig' });
  await page.waitForFunction(() => document.querySelectorAll('.area-table tbody tr').length === 63 && !document.querySelector('[data-testid=city-areas]'));
  assert.doesNotMatch(page.url(), /stadt=/, 'the default city is not in the address');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sozialatlas Leipzig');
  assert.equal(await page.title(), 'Sozialatlas Leipzig');
  assert.doesNotMatch(await page.getByTestId('map-attribution').textContent(), /Chemnitz/);
  assert.equal(await page.getByTestId('city-unavailable').count(), 0);
  await idle(page);
  await page.waitForFunction(() => !window.__sozialatlasMap.isMoving());
  const back = await drawn(page);
  assert.equal(back.areas, 63);
  assert.ok(Math.abs(back.centre[0] - 12.37) < 0.1 && Math.abs(back.centre[1] - 51.34) < 0.1, `centre ${back.centre}`);
  assert.deepEqual(foreignRequests, []);
  await page.close();
});

test('Chemnitz: the level select, the profile and the Haushalt say what the city lacks; back in Leipzig all returns', async () => {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr');
  // Leipzig on its Stadtbezirke: both levels offered
  const levels = page.getByRole('group', { name: 'Gebietsebene' });
  assert.equal(await levels.getByRole('radio').count(), 2);
  await levels.getByRole('radio', { name: 'Stadtbezirke' }).check();
  await page.waitForFunction(() => document.querySelectorAll('.area-table tbody tr').length === 10);

  // Chemnitz has no Stadtbezirke: its Stadtteile, the one level it has, and the API's reason
  await page.getByRole('combobox', { name: 'Stadt' }).selectOption({ label: 'Chemnitz' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=city-areas] tbody tr').length === 39);
  assert.equal(await levels.getByRole('radio').count(), 1);
  // Chemnitz names its level itself (API: City.levels.name): Stadtteile, not Leipzig's Ortsteile
  assert.equal(await levels.getByRole('radio', { name: 'Stadtteile' }).isChecked(), true);
  assert.equal(await levels.getByRole('radio', { name: 'Ortsteile' }).count(), 0);
  assert.match(await page.getByTestId('level-missing').textContent(), /Für Chemnitz liegen keine Stadtbezirke vor/);

  // a Stadtteil's profile: Chemnitz's own, with what cannot be shown in the API's words
  await page.locator('[data-testid=city-areas] tbody tr button').first().click();
  await page.waitForSelector('[data-testid=profile-unavailable]');
  assert.match(await page.getByTestId('profile-unavailable').textContent(), /für Chemnitz nicht verfügbar/);
  assert.equal(await page.locator('.profile [data-testid=need-label]').count(), 0);
  assert.doesNotMatch(await page.locator('.profile').textContent(), /Leipzig/);
  await idle(page);
  assert.deepEqual(await axeSerious(page), [], 'axe on a Chemnitz profile');
  await page.keyboard.press('Escape');

  // the Haushalt of Chemnitz: none, said so, never Leipzig's figures
  await page.getByTestId('budget-link').click();
  await page.waitForURL(/\/haushalt\?stadt=chemnitz/);
  await page.waitForSelector('[data-testid=budget-unavailable]');
  assert.match(await page.getByTestId('budget-unavailable').textContent(), /Chemnitz/);
  assert.equal(await page.getByTestId('budget-table').count(), 0);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sozialatlas Chemnitz');
  assert.deepEqual(await axeSerious(page), [], 'axe on the Haushalt of Chemnitz');

  // back to the map of Chemnitz, then to Leipzig: its Stadtbezirke and its budget are back
  // the map link keeps the city; Back returns to the map as it was (Chemnitz, Stadtbezirke asked for)
  assert.equal(await page.getByRole('link', { name: 'Karte' }).getAttribute('href'), '/?stadt=chemnitz');
  await page.goBack();
  await page.waitForURL(/[?&]stadt=chemnitz/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=city-areas] tbody tr').length === 39);
  await page.getByRole('combobox', { name: 'Stadt' }).selectOption({ label: 'Leipzig' });
  await page.waitForFunction(() => document.querySelectorAll('.area-table tbody tr').length === 10 && !document.querySelector('[data-testid=city-areas]'));
  assert.equal(await levels.getByRole('radio', { name: 'Stadtbezirke' }).isChecked(), true, 'the level asked for returns');
  assert.equal(await levels.getByRole('radio', { name: 'Ortsteile' }).count(), 1, 'Leipzig keeps its Ortsteile');
  assert.equal(await page.getByTestId('level-missing').count(), 0);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sozialatlas Leipzig');
  await page.getByTestId('budget-link').click();
  await page.waitForSelector('[data-testid=budget-table] tbody tr');
  assert.doesNotMatch(page.url(), /stadt=/);
  assert.equal(await page.getByTestId('budget-unavailable').count(), 0);
  assert.deepEqual(foreignRequests, []);
  await page.close();
});

test('English: Chemnitz’s level reads "Districts (Stadtteile)"', async () => {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  await page.goto(`${app.url}/?stadt=chemnitz&sprache=en`, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=city-areas] tbody tr').length === 39);
  const levels = page.getByRole('group', { name: 'Area level' });
  assert.equal(await levels.getByRole('radio', { name: 'Districts (Stadtteile)' }).isChecked(), true);
  assert.deepEqual(foreignRequests, []);
  await page.close();
});

/** The sources of the map's orientation layers and how many features each draws. */
const placesDrawn = (page) =>
  page.evaluate(() => {
    const map = window.__sozialatlasMap;
    const count = (id) => (map.getSource(id) ? map.querySourceFeatures(id).length : null);
    return { social: count('social-buildings'), stops: count('transit-stops') };
  });

test('embed of Chemnitz: a level it lacks falls back with the API’s sentence; only its own orientation layers, with their source', async () => {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  await page.setViewportSize({ width: 1024, height: 700 });
  // Leipzig's stops are not Chemnitz's: asked for, they are left out; its schools are drawn
  await page.goto(`${app.url}/embed?city=chemnitz&level=BOROUGH&layers=social,stops`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=level-missing]');
  assert.match(await page.getByTestId('level-missing').textContent(), /^Für Chemnitz liegen keine Stadtbezirke vor/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sozialatlas Chemnitz');
  await page.waitForFunction(() => window.__sozialatlasMap?.getSource('social-buildings') && window.__sozialatlasMap.loaded());
  await idle(page);
  await page.waitForFunction(() => !window.__sozialatlasMap.isMoving());
  // the embed fitted Chemnitz (about 12.92° E, 50.83° N), as the atlas does
  const centre = await page.evaluate(() => window.__sozialatlasMap.getCenter().toArray());
  assert.ok(Math.abs(centre[0] - 12.92) < 0.1 && Math.abs(centre[1] - 50.83) < 0.1, `centre ${centre}`);
  await idle(page);
  const drawnPlaces = await placesDrawn(page);
  assert.ok(drawnPlaces.social > 0, `Chemnitz's schools are drawn: ${JSON.stringify(drawnPlaces)}`);
  assert.equal(drawnPlaces.stops, null, 'no stops layer in Chemnitz');
  const attribution = await page.getByTestId('map-attribution').textContent();
  assert.equal(attribution.split('Datenquelle: Stadt Chemnitz').length - 1, 1, `one source, named once: ${attribution}`);
  assert.doesNotMatch(attribution, /OpenStreetMap|Leipzig/);
  assert.deepEqual(await axeSerious(page), [], 'axe on the Chemnitz embed');

  // Leipzig (the default city) keeps its Stadtbezirke and draws its OSM stops
  await page.goto(`${app.url}/embed?level=BOROUGH&layers=stops`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.legend');
  await page.waitForFunction(() => window.__sozialatlasMap?.getSource('transit-stops') && window.__sozialatlasMap.loaded());
  await idle(page);
  assert.equal(await page.getByTestId('level-missing').count(), 0);
  assert.ok((await placesDrawn(page)).stops > 0, 'Leipzig’s stops are drawn');
  assert.match(await page.getByTestId('map-attribution').textContent(), /OpenStreetMap/);
  assert.deepEqual(foreignRequests, []);
  await page.close();
});
