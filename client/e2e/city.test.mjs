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
  assert.deepEqual(await axeSerious(page), [], 'axe on Chemnitz');
  await page.screenshot({ path: path.join(artifactsDir, 'city-chemnitz-1440.png') });

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
  assert.equal(await page.getByTestId('city-unavailable').count(), 0);
  await idle(page);
  await page.waitForFunction(() => !window.__sozialatlasMap.isMoving());
  const back = await drawn(page);
  assert.equal(back.areas, 63);
  assert.ok(Math.abs(back.centre[0] - 12.37) < 0.1 && Math.abs(back.centre[1] - 51.34) < 0.1, `centre ${back.centre}`);
  assert.deepEqual(foreignRequests, []);
  await page.close();
});
