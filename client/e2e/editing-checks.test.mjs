// What the walk-through of issue #12 found in editing, as a planner and an administrator meet it:
// numbers that cannot be (12,5 places) are refused, unusual ones (1.000.000.000 € for a youth
// club, the year 2100, "12.50" read as 12,50 €) are asked about with the reason before they are
// saved; the address follows a moved point and typing an address sets the point, with the match
// told; the admin page lists, creates and revokes keys and accounts, for ADMIN only. Every change
// is checked through the API; screenshots at 1440 × 900 and 390 × 844 go to artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, axeSerious, graphql, idle, openPage, useAppServer } from './harness.mjs';

const PLANNER = { email: 'paula.planer@stadt-leipzig.example', password: 'Sozialplanung-2026!', role: 'PLANNER', name: 'Paula Planer' };
const ADMIN = { email: 'ada.admin@stadt-leipzig.example', password: 'Verwaltung-sicher-2026', role: 'ADMIN', name: 'Ada Admin' };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const app = useAppServer({}, { accounts: [PLANNER, ADMIN] });
const foreign = [];

async function open(pathAndSearch, ready, viewport = DESKTOP) {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  await page.setViewportSize(viewport);
  await page.goto(`${app.url}${pathAndSearch}`, { waitUntil: 'networkidle' });
  if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
  return page;
}

async function signIn(page, account, next) {
  await page.goto(`${app.url}/anmelden?weiter=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: false }).fill(account.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/anmelden'), { timeout: 30_000 }), page.getByTestId('login-submit').click()]);
}

/** The API with the account's session cookie. */
async function apiSession(account) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', variables: { e: account.email, p: account.password } }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (query, variables) => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    const json = await res.json();
    assert.equal(json.errors, undefined, JSON.stringify(json.errors));
    return json.data;
  };
}

async function clickMapAt(page, [lon, lat]) {
  await page.locator('.edit-map').scrollIntoViewIfNeeded();
  await idle(page);
  const { x, y } = await page.evaluate(([lo, la]) => {
    const map = window.__sozialatlasMap;
    const p = map.project([lo, la]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, [lon, lat]);
  await page.mouse.click(x, y);
}

/** The whole page at a width: the editing area scrolls inside the page, so the window is made tall. */
async function screenshot(page, file, { width, height }) {
  await page.setViewportSize({ width, height: 2600 });
  await page.screenshot({ path: path.join(artifactsDir, file) });
  await page.setViewportSize({ width, height });
}

const NAME = `E2E Jugendclub Plausibel ${Date.now()}`;
let planner;
let serviceId;

test('a capacity of 12,5 places is refused at the field; 1.200 places are asked about, saved once confirmed', async () => {
  planner = await open('/', '[data-testid=login-link]');
  await signIn(planner, PLANNER, '/bearbeiten?bereich=angebote&id=neu');
  await planner.waitForSelector('[data-testid=service-form]');
  const api = await apiSession(PLANNER);
  const named = async () => (await api('{ services(filter: { categoryKeys: ["youth_club"] }, first: 500) { nodes { name } } }')).services.nodes.filter((s) => s.name === NAME).length;

  await planner.locator('#svc-name').fill(NAME);
  await planner.locator('#svc-category').selectOption({ label: 'Kinder- und Jugendtreff' });
  await planner.locator('#svc-unit').selectOption('PLACES');
  await planner.locator('#svc-capacity').fill('12,5');
  await planner.getByTestId('save').click();
  const summary = planner.getByTestId('error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Plätze werden in ganzen Zahlen gezählt: „12,5“ ist keine ganze Zahl\./);
  assert.equal(await planner.locator('#svc-capacity').getAttribute('aria-invalid'), 'true');

  await planner.locator('#svc-capacity').fill('1.200');
  await planner.getByTestId('save').click();
  const question = planner.getByTestId('plausibility');
  await question.waitFor();
  assert.match(await question.textContent(), /Kapazität 1\.200 Plätze: mehr als 1\.000 Plätze hat kaum ein Angebot/);
  assert.equal(await planner.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'plausibility', 'the focus moves to the question');
  assert.equal(await named(), 0, 'nothing saved before the answer');
  assert.deepEqual(await axeSerious(planner), [], 'axe with the question open');
  await screenshot(planner, 'editing-plausibility-1440.png', DESKTOP);

  // a correction is asked about again: "Korrigieren" leaves the form as it is
  await question.getByRole('button', { name: 'Korrigieren' }).click();
  assert.equal(await question.count(), 0);
  assert.equal(await planner.evaluate(() => document.activeElement?.id), 'svc-capacity');
  await planner.getByTestId('save').click();
  await question.waitFor();
  await planner.getByTestId('plausibility-confirm').click();
  await planner.waitForSelector('[data-testid=record-version]');
  serviceId = Number(new URL(planner.url()).searchParams.get('id'));
  const { service } = await api('query($id: Int!) { service(id: $id) { capacity capacityUnit } }', { id: serviceId });
  assert.deepEqual(service, { capacity: 1200, capacityUnit: 'PLACES' });
});

test('the address follows a moved point, and a typed address sets the point; the match is told', async () => {
  const api = await apiSession(PLANNER);
  const { areas } = await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { name labelPoint(precision: 6) } } }').then((r) => r.data);
  const gm = areas.nodes.find((a) => a.name === 'Grünau-Mitte');
  const status = planner.getByTestId('address-match');

  // a click on the map: the nearest address of the point is filled in
  await clickMapAt(planner, gm.labelPoint.coordinates);
  await planner.waitForFunction(() => /Adresse zum Punkt übernommen|Nächste bekannte Adresse übernommen|Keine Adresse im Umkreis/.test(document.querySelector('[data-testid=address-match]')?.textContent ?? ''));
  // the fields show the German notation, as a planner types it
  const lon = Number((await planner.locator('#svc-lon').inputValue()).replace(',', '.'));
  const lat = Number((await planner.locator('#svc-lat').inputValue()).replace(',', '.'));
  const reverse = (await graphql(app.url, 'query($lon: Float!, $lat: Float!) { reverseGeocode(lon: $lon, lat: $lat) { distanceMeters address { street houseNumber postalCode } } }', { lon, lat })).data.reverseGeocode;
  assert.ok(reverse, 'an address lies near the middle of Grünau-Mitte');
  assert.equal(await planner.locator('#svc-street').inputValue(), reverse.address.street);
  assert.equal(await planner.locator('#svc-house').inputValue(), reverse.address.houseNumber);
  assert.equal(await planner.locator('#svc-postal').inputValue(), reverse.address.postalCode ?? '');
  assert.match(await status.textContent(), new RegExp(`${reverse.address.street} ${reverse.address.houseNumber}.*${Math.round(reverse.distanceMeters)} m`));

  // typing an address: the point is set from the geocoder, "genau gefunden" (the address just filled in is one of the table)
  const { street, houseNumber } = reverse.address;
  const exact = (await graphql(app.url, 'query($a: String!) { geocode(address: $a) { match lon lat } }', { a: `${street} ${houseNumber}` })).data.geocode;
  assert.equal(exact.match, 'EXACT');
  await planner.locator('#svc-house').fill('');
  await planner.locator('#svc-house').fill(houseNumber);
  await planner.waitForFunction(() => document.querySelector('[data-testid=address-match]')?.dataset.match === 'EXACT');
  assert.match(await status.textContent(), new RegExp(`Adresse genau gefunden \\(${street} ${houseNumber}`));
  assert.equal(await planner.locator('#svc-lon').inputValue(), exact.lon.toFixed(6).replace('.', ','));
  assert.equal(await planner.locator('#svc-lat').inputValue(), exact.lat.toFixed(6).replace('.', ','));

  // a number the table does not have: the nearest number's point, said so; nonsense: not found, point kept
  await planner.locator('#svc-house').fill('999');
  await planner.waitForFunction(() => ['NEAREST_NUMBER', 'NOT_FOUND'].includes(document.querySelector('[data-testid=address-match]')?.dataset.match));
  const nearest = (await graphql(app.url, 'query($a: String!) { geocode(address: $a) { match } }', { a: `${street} 999` })).data.geocode.match;
  assert.equal(await status.getAttribute('data-match'), nearest);
  await planner.locator('#svc-street').fill('Gibtsnichtweg');
  await planner.locator('#svc-house').fill('1');
  await planner.waitForFunction(() => document.querySelector('[data-testid=address-match]')?.dataset.match === 'NOT_FOUND');
  assert.match(await status.textContent(), /Adresse nicht gefunden.*Der Punkt wurde nicht geändert/);

  // back to the exact address, saved: the location has that address and point
  await planner.locator('#svc-street').fill(street);
  await planner.locator('#svc-house').fill(houseNumber);
  await planner.waitForFunction(() => document.querySelector('[data-testid=address-match]')?.dataset.match === 'EXACT');
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => /gespeichert/.test(document.querySelector('[data-testid=service-form] > form [data-testid=saved]')?.textContent ?? ''));
  const { service } = await api('query($id: Int!) { service(id: $id) { locations { street houseNumber point(precision: 6) area { name } } } }', { id: serviceId });
  assert.equal(service.locations[0].street, street);
  assert.equal(service.locations[0].houseNumber, houseNumber);
  assert.deepEqual(service.locations[0].point.coordinates, [Number(exact.lon.toFixed(6)), Number(exact.lat.toFixed(6))]);
  await screenshot(planner, 'editing-address-match-1440.png', DESKTOP);
  assert.deepEqual(await axeSerious(planner), [], 'axe on the form with the address match');
});

test('funding: the year 2100 and "12.50" are asked about with their reasons; 1.000.000.000,00 € for the youth club only when confirmed', async () => {
  const api = await apiSession(PLANNER);
  const rows = async () => (await api('query($id: Int) { fundings(filter: { serviceId: $id }, first: 50) { nodes { year amount } } }', { id: serviceId })).fundings.nodes;
  const funding = planner.getByTestId('funding');
  await funding.locator('#fund-year').fill('2100');
  await funding.locator('#fund-amount').fill('12.50');
  await funding.locator('#fund-funder').fill('Jugendamt');
  await planner.getByTestId('save-funding').click();
  const question = planner.getByTestId('funding-plausibility');
  await question.waitFor();
  const text = await question.textContent();
  assert.match(text, /Das Jahr 2100 liegt \d+ Jahre in der Zukunft/);
  assert.match(text, /„12\.50“ wurde als 12,50 € gelesen \(der Punkt als Komma\)/);
  assert.deepEqual(await rows(), [], 'nothing saved before the answer');
  await question.getByRole('button', { name: 'Korrigieren' }).click();

  const year = new Date().getFullYear();
  await funding.locator('#fund-year').fill(String(year));
  await funding.locator('#fund-amount').fill('1.000.000.000,00');
  await planner.getByTestId('save-funding').click();
  await question.waitFor();
  assert.match(await question.textContent(), /1\.000\.000\.000,00 € in einem Jahr ist ungewöhnlich viel für ein einzelnes Angebot \(mehr als 5\.000\.000,00 €\)/);
  assert.doesNotMatch(await question.textContent(), /Jahr \d+ liegt/, 'this year is no question');
  await screenshot(planner, 'editing-funding-question-1440.png', DESKTOP);
  await planner.setViewportSize(PHONE);
  await question.scrollIntoViewIfNeeded();
  await planner.screenshot({ path: path.join(artifactsDir, 'editing-funding-question-390.png') });
  assert.ok((await planner.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width, 'no horizontal scrolling at 390 px');
  await planner.setViewportSize(DESKTOP);
  await planner.getByTestId('funding-plausibility-confirm').click();
  await planner.waitForFunction(() => /gespeichert/.test(document.querySelector('[data-testid=funding] [data-testid=saved]')?.textContent ?? ''));
  assert.deepEqual(await rows(), [{ year, amount: '1000000000.00' }]);
  await planner.close();
});

test('the admin page: ADMIN lists accounts with their last sign-in, creates a key (its secret shown once), which works until revoked; disables an account', async () => {
  // a planner is told the page is not for her role, and the server refuses her anyway
  const p = await open('/', '[data-testid=login-link]');
  await signIn(p, PLANNER, '/verwaltung');
  await p.waitForSelector('[data-testid=admin-refused]');
  assert.match(await p.getByTestId('admin-refused').textContent(), /nur für die Administration/);
  assert.equal(await p.getByTestId('admin-link').count(), 0, 'no admin link for planners');
  await p.close();

  const page = await open('/', '[data-testid=login-link]');
  await signIn(page, ADMIN, '/');
  await page.getByTestId('admin-link').click();
  const accounts = page.getByTestId('admin-accounts');
  await accounts.waitFor();
  const plannerRow = accounts.locator(`tr[data-user="${PLANNER.email}"]`);
  assert.match(await plannerRow.textContent(), /Paula Planer.*Sozialplanung.*aktiv/);
  assert.notEqual((await plannerRow.locator('td').nth(3).textContent()).trim(), 'nie', 'the planner signed in above: her last sign-in is shown');
  assert.match(await accounts.locator(`tr[data-user="${ADMIN.email}"]`).textContent(), /Administration.*Ihr Konto/);
  assert.equal(await accounts.locator(`tr[data-user="${ADMIN.email}"] button`).count(), 0, 'no button to lock oneself out');

  // a key for another department: shown once, works, is listed with its last use
  const keys = page.getByTestId('admin-keys');
  await keys.locator('#key-name').fill('Gesundheitsamt Auswertung');
  await page.getByTestId('create-key').click();
  const secret = page.getByTestId('key-secret');
  await secret.waitFor();
  const key = await page.locator('#secret-value').inputValue();
  assert.match(key, /^sa_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
  assert.match(await secret.textContent(), /nur jetzt sichtbar/);
  assert.deepEqual(await axeSerious(page), [], 'axe on the admin page with the secret');
  await screenshot(page, 'admin-1440.png', DESKTOP);
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(artifactsDir, 'admin-390.png'), fullPage: true });
  await page.setViewportSize(DESKTOP);

  const asKey = async () =>
    (await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: '{ viewer { kind label roles } }' }) })).json();
  assert.deepEqual((await asKey()).data.viewer, { kind: 'API_KEY', label: 'Gesundheitsamt Auswertung', roles: ['ANALYST'] });
  await page.reload({ waitUntil: 'networkidle' });
  await keys.waitFor();
  assert.equal(await page.getByTestId('key-secret').count(), 0, 'the secret is not shown again');
  assert.ok(!(await page.content()).includes(key), 'nor anywhere on the page');
  const row = keys.locator('tr', { hasText: 'Gesundheitsamt Auswertung' });
  assert.match(await row.textContent(), /Analyse.*aktiv/);
  assert.notEqual((await row.locator('td').nth(3).textContent()).trim(), 'nie', 'the key was used: its last use is shown');

  // revoked: refused from the next request on
  await row.getByRole('button', { name: 'Widerrufen' }).click();
  await row.getByRole('button', { name: 'Ja, widerrufen' }).click();
  await page.waitForFunction(() => /widerrufen/.test(document.querySelector('[data-testid=admin-keys] [data-testid=saved]')?.textContent ?? ''));
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=admin-keys] tr')].some((r) => /Gesundheitsamt Auswertung.*widerrufen am/.test(r.textContent)));
  assert.equal((await asKey()).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

  // a new account, then disabled: it cannot sign in
  await accounts.locator('#adm-email').fill('neu.konto@stadt-leipzig.example');
  await accounts.locator('#adm-name').fill('Neu Konto');
  await accounts.locator('#adm-password').fill('kurz');
  await page.getByTestId('create-account').click();
  await accounts.getByTestId('error-summary').waitFor();
  assert.match(await accounts.getByTestId('error-summary').textContent(), /mindestens 12 Zeichen/);
  await accounts.locator('#adm-password').fill('Ein-langes-Passwort-1');
  await page.getByTestId('create-account').click();
  const fresh = accounts.locator('tr[data-user="neu.konto@stadt-leipzig.example"]');
  await fresh.waitFor();
  assert.match(await fresh.textContent(), /Neu Konto.*Sozialplanung.*aktiv.*nie/);
  await fresh.getByRole('button', { name: 'Sperren' }).click();
  await fresh.getByRole('button', { name: 'Ja, sperren' }).click();
  await page.waitForFunction(() => /gesperrt/.test(document.querySelector('tr[data-user="neu.konto@stadt-leipzig.example"]')?.textContent ?? ''));
  const login = await graphql(app.url, 'mutation { login(email: "neu.konto@stadt-leipzig.example", password: "Ein-langes-Passwort-1") { user { id } } }');
  assert.ok(login.errors?.length, 'a disabled account cannot sign in');
  await page.close();
});

test('nothing was loaded from another origin', () => {
  assert.deepEqual(foreign.flat(), []);
});
