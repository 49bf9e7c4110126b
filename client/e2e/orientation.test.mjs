// Finding one's way on the map and reading it in English (issue #12): the search box finds a
// district or an address (keyboard only, combobox), the catchment box of a service tells its
// address, capacity, provider and opening hours, the early warnings read English in English mode,
// and the GraphQL explorer has no serious axe finding. Screenshots at 1440 × 900 and 390 × 844.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, axeSerious, graphql, idle, openPage, useAppServer } from './harness.mjs';

const app = useAppServer();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const foreign = [];

async function open(search, viewport = DESKTOP) {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  await page.setViewportSize(viewport);
  await page.goto(`${app.url}/${search}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.area-table tbody tr');
  await idle(page);
  return page;
}

const districts = async () => (await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name } } }')).data.areas.nodes;

test('search: a district by name with the keyboard opens its profile; an address is flown to, with its match', async () => {
  const page = await open('');
  const input = page.getByTestId('search-input');
  await input.focus();
  await page.keyboard.type('grunau-m');
  const options = page.getByTestId('search-option');
  await options.first().waitFor();
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await options.allTextContents(), ['Gebiet Grünau-Mitte']);
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`[id="${active}"]`).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Grünau-Mitte' }).waitFor();
  const gm = (await districts()).find((d) => d.name === 'Grünau-Mitte');
  assert.match(page.url(), new RegExp(`gebiet=${gm.code}\\b`));
  assert.equal(await input.getAttribute('aria-expanded'), 'false');

  // an address: the geocoder's answer is the first suggestion, with how it was found
  // (an address of the table: the one nearest the middle of Grünau-Mitte)
  const middle = (await graphql(app.url, `{ area(id: ${gm.id}) { labelPoint(precision: 6) } }`)).data.area.labelPoint.coordinates;
  const near = (await graphql(app.url, 'query($lon: Float!, $lat: Float!) { reverseGeocode(lon: $lon, lat: $lat) { address { street houseNumber } } }', { lon: middle[0], lat: middle[1] })).data.reverseGeocode.address;
  const typed = `${near.street} ${near.houseNumber}`;
  const want = (await graphql(app.url, 'query($a: String!) { geocode(address: $a) { match lon lat area { name } } }', { a: typed })).data.geocode;
  assert.equal(want.match, 'EXACT');
  await input.fill(typed);
  await page.waitForFunction(() => /^Adresse /.test(document.querySelector('[data-testid=search-option]')?.textContent ?? ''));
  assert.ok((await options.first().textContent()).startsWith(`Adresse ${typed}`));
  assert.ok((await options.first().textContent()).endsWith(`(genau, ${want.area.name})`), await options.first().textContent());
  assert.deepEqual(await axeSerious(page), [], 'axe with the suggestions open');
  await page.screenshot({ path: path.join(artifactsDir, 'search-1440.png') });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__sozialatlasMap.getZoom() > 15.5 && !window.__sozialatlasMap.isMoving());
  const centre = await page.evaluate(() => window.__sozialatlasMap.getCenter().toArray());
  assert.ok(Math.abs(centre[0] - want.lon) < 0.0005 && Math.abs(centre[1] - want.lat) < 0.0005, `centre ${centre} vs ${want.lon},${want.lat}`);
  assert.equal(await page.evaluate(() => !!window.__sozialatlasMap.getSource('picked-point')), true, 'the address is marked');

  // nothing found is said, not silently ignored; Escape clears the box without closing the profile
  await input.fill('Gibtsnichtweg 1');
  await page.waitForFunction(() => /Adresse nicht gefunden|Keine Treffer/.test(document.querySelector('[data-testid=search-status]')?.textContent ?? ''));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  assert.equal(await input.inputValue(), '');
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Grünau-Mitte' }).count(), 1, 'the profile stays open');
  await page.close();
});

test('search in English, on a phone (390 × 844)', async () => {
  const page = await open('?sprache=en', PHONE);
  const input = page.getByRole('combobox', { name: 'Search a district or address' });
  await input.fill('Schleussig');
  await page.getByTestId('search-option').first().waitFor();
  assert.deepEqual(await page.getByTestId('search-option').allTextContents(), ['Area Schleußig']);
  assert.match(await page.getByTestId('search-status').textContent(), /^1 result\.$/);
  await page.screenshot({ path: path.join(artifactsDir, 'search-390.png') });
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width, 'no horizontal scrolling');
  assert.deepEqual(await axeSerious(page), []);
  await page.close();
});

test('the catchment box tells the service’s address, capacity, provider and opening hours', async () => {
  const { services } = (await graphql(app.url, '{ services(first: 500, filter: { categoryKeys: ["youth_club"] }) { nodes { id name capacity capacityUnit openingHours provider { name } locations { street houseNumber postalCode point } } } }')).data;
  const s = services.nodes.find((x) => x.capacity !== null && x.provider && x.openingHours?.length && x.locations[0]?.street && x.locations[0]?.point);
  assert.ok(s, 'a youth club with capacity, provider, opening hours and address');
  const page = await open(`?angebote=youth_club&angebot=${s.id}`);
  const box = page.getByTestId('catchment-info');
  await box.waitFor();
  const text = await box.textContent();
  const l = s.locations[0];
  assert.ok(text.includes(`${l.street} ${l.houseNumber ?? ''}`.trim()), `address in: ${text}`);
  if (l.postalCode) assert.ok(text.includes(l.postalCode));
  assert.ok(text.includes(s.provider.name), 'provider');
  assert.match(text, new RegExp(`Kapazität${Math.round(s.capacity)}`));
  const DAYS = { MONDAY: 'Mo', TUESDAY: 'Di', WEDNESDAY: 'Mi', THURSDAY: 'Do', FRIDAY: 'Fr', SATURDAY: 'Sa', SUNDAY: 'So' };
  const first = [...s.openingHours].sort((a, b) => Object.keys(DAYS).indexOf(a.day) - Object.keys(DAYS).indexOf(b.day) || a.opens.localeCompare(b.opens))[0];
  // the week's first opening day starts the first run of days ("Mo–Fr 14:00–20:00 Uhr")
  assert.match(text, new RegExp(`Öffnungszeiten${DAYS[first.day]}(–\\p{L}{2})? ${first.opens}–${first.closes}`, 'u'), `hours in: ${text}`);
  // one request for the box: the service with all of it
  assert.deepEqual(await axeSerious(page), []);
  await page.screenshot({ path: path.join(artifactsDir, 'catchment-box-1440.png') });
  await page.setViewportSize(PHONE);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'catchment-box-390.png') });
  await page.close();
});

test('English mode: the early warnings of a district read English, numbers included', async () => {
  const all = await districts();
  // the profile asks for the latest year; find the districts with alerts in it
  const page = await open('?sprache=en');
  const first = all[0];
  await page.goto(`${app.url}/?sprache=en&gebiet=${first.code}`, { waitUntil: 'networkidle' });
  const heading = page.locator('#pw-title');
  await heading.waitFor();
  const year = Number((await heading.textContent()).match(/(\d{4})/)[1]);
  const { alerts } = (await graphql(app.url, `{ earlyWarnings(year: ${year}, level: DISTRICT) { alerts { area { id } message messageEn } } }`)).data.earlyWarnings;
  assert.ok(alerts.length > 0, `alerts in ${year}`);
  const area = all.find((a) => a.id === alerts[0].area.id);
  await page.goto(`${app.url}/?sprache=en&gebiet=${area.code}`, { waitUntil: 'networkidle' });
  const section = page.getByTestId('profile-warnings');
  await section.locator('li').first().waitFor();
  const shown = await section.locator('li').allTextContents();
  const expected = alerts.filter((a) => a.area.id === area.id);
  assert.equal(shown.length, expected.length);
  for (const [i, line] of shown.entries()) {
    assert.ok(line.includes(expected[i].messageEn), line);
    assert.doesNotMatch(line, /im Jahr|Stadt \d|ungünstiger|verschlechtert|Prozentpunkte|Toleranz/, `German left in: ${line}`);
    // English decimals: a point, never a comma between digits
    assert.doesNotMatch(line, /\d,\d{1,2}(?!\d)/, `German number in: ${line}`);
  }
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'profile-warnings-en-1440.png') });
  // the same district in German keeps the German sentences
  await page.goto(`${app.url}/?gebiet=${area.code}`, { waitUntil: 'networkidle' });
  await section.locator('li').first().waitFor();
  assert.ok((await section.locator('li').first().textContent()).includes(expected[0].message));
  await page.close();
});

test('GraphiQL: the explorer page has no serious axe finding; example 09 returns districts', async () => {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${app.url}/graphiql`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.graphiql-container .graphiql-query-editor', { timeout: 30_000 });
  assert.deepEqual(await axeSerious(page), []);
  await page.screenshot({ path: path.join(artifactsDir, 'graphiql-1440.png') });
  const examples = await (await fetch(`${app.url}/graphiql/examples.json`)).json();
  const rising = examples.find((e) => /UnemploymentRising/.test(e.query));
  const answer = await graphql(app.url, rising.query);
  assert.equal(answer.errors, undefined);
  assert.ok(answer.data.earlyWarnings.alerts.length > 0, 'example 09 returns what it promises');
  await page.close();
});

test('nothing was loaded from another origin', () => {
  assert.deepEqual(foreign.flat(), []);
});
