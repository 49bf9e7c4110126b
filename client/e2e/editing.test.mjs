// Editing as a planner meets it: sign in (a wrong password is refused in German), create a
// service by clicking a district on the map (the database derives that district), edit it, run
// into a colleague's change (conflict, reload), give it dates (an end before the start is
// refused), accessibility, a legal basis, a fee and opening hours, record funding with a German
// amount, edit a measure's status and target areas, create a provider. Anonymous visitors and
// analysts reach no form; the forms pass axe; nothing loads from another origin; the map's first
// load does not fetch the editing code. Every change is checked through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, axeSerious, graphql, idle, openPage, useAppServer } from './harness.mjs';

const PLANNER = { email: 'paula.planer@stadt-leipzig.example', password: 'Sozialplanung-2026!', role: 'PLANNER', name: 'Paula Planer' };
const ANALYST = { email: 'anton.analyst@stadt-leipzig.example', password: 'Analyse-nur-lesen-1', role: 'ANALYST', name: 'Anton Analyst' };
const SERVICE_NAME = `E2E Jugendtreff Grünau ${Date.now()}`;

const app = useAppServer({}, { accounts: [PLANNER, ANALYST] });
const foreign = [];

async function open(pathAndSearch, ready) {
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  await page.goto(`${app.url}${pathAndSearch}`, { waitUntil: 'networkidle' });
  if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
  return page;
}

/** The API with a planner's session cookie, as a colleague at another desk would use it. */
async function apiSession(account) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', variables: { e: account.email, p: account.password } }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  assert.match(cookie, /sozialatlas_session=/);
  return async (query, variables) => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    const json = await res.json();
    assert.equal(json.errors, undefined, JSON.stringify(json.errors));
    return json.data;
  };
}

async function signIn(page, account) {
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: false }).fill(account.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/anmelden'), { timeout: 30_000 }), page.getByTestId('login-submit').click()]);
}

let districts;
async function district(name) {
  districts ??= (await graphql(app.url, '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id name labelPoint(precision: 6) } } }')).data.areas.nodes;
  return districts.find((d) => d.name === name);
}

/** Clicks the map at a longitude/latitude (the point as the planner sees it on screen). */
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

/** The live region of the record's own form (the funding section below has its own). */
const savedText = (page, form) => page.locator(`[data-testid=${form}] > form [data-testid=saved]`).textContent();
/** The whole form: the editing area scrolls inside the page, so the window is made tall. */
async function screenshot(page, file) {
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.screenshot({ path: path.join(artifactsDir, file) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const activeTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

let planner; // the planner's browser page, kept across the tests below
let serviceId;

test('anonymous visitors see a login link, no editing link, and at /bearbeiten no form', async () => {
  const requested = [];
  const { page, foreignRequests } = await openPage(app.browser, app.url);
  foreign.push(foreignRequests);
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(app.url, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=login-link]');
  assert.equal(await page.getByTestId('edit-link').count(), 0);
  assert.ok(!requested.some((u) => /EditingApp/.test(u)), 'the map does not load the editing code');

  await page.goto(`${app.url}/bearbeiten?bereich=angebote&id=neu`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=login-prompt]');
  assert.ok(requested.some((u) => /EditingApp-.*\.js/.test(u)), 'the editing code is a chunk of its own');
  assert.match(await page.getByTestId('login-prompt').textContent(), /Bitte melden Sie sich an/);
  assert.equal(await page.locator('form, #svc-name, [data-testid=service-form]').count(), 0, 'no form for anonymous visitors');
  assert.deepEqual(await axeSerious(page), [], 'axe on the login prompt');

  // the server refuses anyway
  const refused = await graphql(app.url, 'mutation { createService(input: { name: "x", categoryId: 1 }) { id } }');
  assert.equal(refused.errors[0].extensions.code, 'UNAUTHENTICATED');
  await page.close();
});

test('an analyst is signed in but reaches no form', async () => {
  const page = await open('/anmelden?weiter=%2Fbearbeiten', '[data-testid=login-form]');
  await signIn(page, ANALYST);
  await page.waitForSelector('[data-testid=no-role]');
  assert.match(await page.getByTestId('no-role').textContent(), /Ihre Rolle darf keine Daten bearbeiten/);
  assert.match(await page.getByTestId('account').textContent(), /anton\.analyst@stadt-leipzig\.example \(Analyse\)/);
  assert.equal(await page.locator('form').count(), 0);
  await page.close();
});

test('login: a wrong password is refused in German with the focus on the message; then the planner signs in', async () => {
  planner = await open('/', '[data-testid=login-link]');
  await planner.getByTestId('login-link').click();
  await planner.waitForSelector('[data-testid=login-form]');
  assert.match(planner.url(), /\/anmelden\?weiter=%2F/);

  await planner.getByLabel('E-Mail-Adresse').fill(PLANNER.email);
  await planner.getByLabel('Passwort', { exact: false }).fill('falsches-Passwort-123');
  await planner.getByTestId('login-submit').click();
  const summary = planner.getByTestId('error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /E-Mail-Adresse oder Passwort ist falsch\./);
  assert.doesNotMatch(await summary.textContent(), /wrong e-mail/, 'German only');
  assert.equal(await activeTestId(planner), 'error-summary', 'the focus moves to the message');
  const password = planner.locator('#login-password');
  assert.equal(await password.getAttribute('aria-invalid'), 'true');
  const describedBy = await password.getAttribute('aria-describedby');
  assert.match(await planner.locator(`#${describedBy}`).textContent(), /Passwort ist falsch/);
  assert.deepEqual(await axeSerious(planner), [], 'axe on the login form with an error');

  await signIn(planner, PLANNER);
  await planner.waitForSelector('[data-testid=account]');
  assert.match(await planner.getByTestId('account').textContent(), /paula\.planer@stadt-leipzig\.example \(Sozialplanung\)/);
  await planner.getByTestId('edit-link').click();
  await planner.waitForSelector('[data-testid=section-angebote][aria-current=page]', { timeout: 30_000 });
});

test('a new service: the location is a click on a district, the database derives that district', async () => {
  const gm = await district('Grünau-Mitte');
  const api = await apiSession(PLANNER);
  await planner.getByTestId('new').click();
  await planner.waitForSelector('[data-testid=service-form]');
  await clickMapAt(planner, gm.labelPoint.coordinates);
  await planner.waitForFunction(() => document.querySelector('[data-testid=picked-area]')?.textContent.includes('Grünau-Mitte'));
  const lon = Number(await planner.locator('#svc-lon').inputValue());
  const lat = Number(await planner.locator('#svc-lat').inputValue());
  assert.ok(Math.abs(lon - gm.labelPoint.coordinates[0]) < 0.001 && Math.abs(lat - gm.labelPoint.coordinates[1]) < 0.001, `clicked ${lon}, ${lat}`);

  await planner.locator('#svc-name').fill(SERVICE_NAME);
  await planner.locator('#svc-category').selectOption({ label: 'Kinder- und Jugendtreff' });
  await planner.getByLabel('Jugendliche, junge Erwachsene').check();
  await planner.locator('#svc-capacity').fill('25');
  await planner.locator('#svc-unit').selectOption('PLACES');
  await planner.locator('#svc-street').fill('Stuttgarter Allee');
  await planner.locator('#svc-house').fill('18');
  await planner.locator('#svc-postal').fill('04209');
  await planner.getByTestId('save').click();
  await planner.waitForSelector('[data-testid=derived-area]');
  assert.match(await savedText(planner, 'service-form'), /Angebot gespeichert\. Ortsteil \(aus dem Standort ermittelt\): Grünau-Mitte/);
  assert.match(await planner.getByTestId('derived-area').textContent(), /Grünau-Mitte/);
  serviceId = Number(new URL(planner.url()).searchParams.get('id'));
  assert.ok(serviceId > 0, planner.url());

  const { service } = await api(`query($id: Int!) { service(id: $id) { name version capacity capacityUnit targetGroups category { key } locations { street postalCode area { id name } } } }`, { id: serviceId });
  assert.equal(service.name, SERVICE_NAME);
  assert.equal(service.category.key, 'youth_club');
  assert.deepEqual(service.targetGroups, ['YOUNG_PEOPLE']);
  assert.equal(service.capacity, 25);
  assert.equal(service.locations.length, 1);
  assert.equal(service.locations[0].area.id, gm.id, `derived area: ${service.locations[0].area.name}`);
  assert.equal(service.locations[0].postalCode, '04209');
  // the list switches to the new service's category and shows it
  await planner.locator('[data-testid=service-list] a[aria-current=true]', { hasText: SERVICE_NAME }).waitFor();
  await screenshot(planner, 'editing-service.png');
  assert.deepEqual(await axeSerious(planner), [], 'axe on the service form');
});

test('editing the service moves it by typed coordinates (keyboard alternative); a colleague’s change in between is a conflict', async () => {
  const api = await apiSession(PLANNER);
  const vd = await district('Volkmarsdorf');
  await planner.locator('#svc-capacity').fill('30');
  await planner.locator('#svc-lon').fill(String(vd.labelPoint.coordinates[0]));
  await planner.locator('#svc-lat').fill(String(vd.labelPoint.coordinates[1]));
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => document.querySelector('[data-testid=derived-area]')?.textContent.includes('Volkmarsdorf'));
  let { service } = await api(`query($id: Int!) { service(id: $id) { name version capacity locations { version area { id } } } }`, { id: serviceId });
  assert.equal(service.capacity, 30);
  assert.equal(service.version, 2);
  assert.equal(service.locations[0].area.id, vd.id);
  assert.match(await planner.getByTestId('record-version').textContent(), /Bearbeitungsstand 2/);

  // a colleague saves the same service in between
  const renamed = `${SERVICE_NAME} (geändert von Kollegin)`;
  await api('mutation($input: UpdateServiceInput!) { updateService(input: $input) { version } }', { input: { id: serviceId, version: 2, name: renamed } });

  await planner.locator('#svc-capacity').fill('35');
  await planner.getByTestId('save').click();
  const summary = planner.getByTestId('error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('data-kind'), 'conflict');
  assert.match(await summary.textContent(), /Dieser Eintrag wurde inzwischen von jemand anderem geändert/);
  assert.equal(await activeTestId(planner), 'error-summary');
  ({ service } = await api(`query($id: Int!) { service(id: $id) { name version capacity } }`, { id: serviceId }));
  assert.equal(service.capacity, 30, 'the stale edit was not saved');
  assert.deepEqual(await axeSerious(planner), [], 'axe with the conflict message');

  await planner.getByTestId('reload').click();
  await planner.waitForFunction((name) => document.querySelector('#svc-name')?.value === name, renamed);
  assert.match(await planner.getByTestId('record-version').textContent(), /Bearbeitungsstand 3/);
  assert.equal(await planner.locator('#svc-capacity').inputValue(), '30');
  await planner.locator('#svc-capacity').fill('35');
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => /Angebot gespeichert/.test(document.querySelector('[data-testid=saved]')?.textContent ?? ''));
  ({ service } = await api(`query($id: Int!) { service(id: $id) { name version capacity } }`, { id: serviceId }));
  assert.equal(service.capacity, 35);
  assert.equal(service.name, renamed, "the colleague's name stays");
  assert.equal(service.version, 4);
});

test('dates, accessibility, legal basis, fee and opening hours: an end before the start is refused at the field; then saved, shown after reload, and only changed ones sent', async () => {
  const api = await apiSession(PLANNER);
  const DETAILS = 'version startDate endDate accessibility legalBases fee openingHours';
  const read = async () => (await api(`query($id: Int!) { service(id: $id) { ${DETAILS} } }`, { id: serviceId })).service;
  const before = await read();

  await planner.locator('#svc-start').fill('2026-09-01');
  await planner.locator('#svc-end').fill('2026-08-31');
  await planner.getByTestId('save').click();
  const summary = planner.getByTestId('error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('data-kind'), 'input');
  assert.equal(await activeTestId(planner), 'error-summary');
  const end = planner.locator('#svc-end');
  assert.equal(await end.getAttribute('aria-invalid'), 'true');
  assert.ok((await end.getAttribute('aria-describedby')).split(' ').includes('svc-end-error'));
  assert.match(await planner.locator('#svc-end-error').textContent(), /Das Ende darf nicht vor dem Beginn liegen\./);
  assert.deepEqual(await read(), before, 'nothing saved');
  assert.deepEqual(await axeSerious(planner), [], 'axe with the end-date error');

  await end.fill('2027-07-31');
  await planner.locator('#svc-access').selectOption({ label: 'teilweise barrierefrei' });
  await planner.getByLabel('SGB VIII – Kinder- und Jugendhilfe').check();
  await planner.locator('#svc-fee').fill('kostenfrei');
  const monday = planner.getByRole('group', { name: 'Montag' });
  await monday.getByLabel('öffnet').fill('09:00');
  await monday.getByLabel('schließt').fill('16:00');
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => /Angebot gespeichert/.test(document.querySelector('[data-testid=saved]')?.textContent ?? ''));
  const saved = await read();
  assert.deepEqual(
    { ...saved, version: undefined },
    { version: undefined, startDate: '2026-09-01', endDate: '2027-07-31', accessibility: 'PARTIAL', legalBases: ['SGB_VIII'], fee: 'kostenfrei', openingHours: [{ day: 'MONDAY', opens: '09:00', closes: '16:00' }] },
  );
  assert.equal(saved.version, before.version + 1);

  // a fresh page shows what was stored
  await planner.reload({ waitUntil: 'networkidle' });
  await planner.waitForFunction((v) => document.querySelector('#svc-start')?.value === v, '2026-09-01', { timeout: 30_000 });
  assert.equal(await planner.locator('#svc-end').inputValue(), '2027-07-31');
  assert.equal(await planner.locator('#svc-access').inputValue(), 'PARTIAL');
  assert.ok(await planner.getByLabel('SGB VIII – Kinder- und Jugendhilfe').isChecked());
  assert.ok(!(await planner.getByLabel('SGB II – Grundsicherung für Arbeitsuchende').isChecked()));
  assert.equal(await planner.locator('#svc-fee').inputValue(), 'kostenfrei');
  assert.equal(await planner.getByRole('group', { name: 'Montag' }).getByLabel('öffnet').inputValue(), '09:00');
  assert.equal(await planner.getByRole('group', { name: 'Montag' }).getByLabel('schließt').inputValue(), '16:00');
  assert.equal(await planner.getByRole('group', { name: 'Dienstag' }).getByLabel('öffnet').inputValue(), '');
  await screenshot(planner, 'editing-service-details.png');

  // hours the rows cannot show (a lunch break) stay when only the fee is changed
  const split = [{ day: 'MONDAY', opens: '09:00', closes: '12:00' }, { day: 'MONDAY', opens: '13:00', closes: '16:00' }];
  await api('mutation($input: UpdateServiceInput!) { updateService(input: $input) { version } }', { input: { id: serviceId, version: saved.version, openingHours: split } });
  await planner.reload({ waitUntil: 'networkidle' });
  await planner.waitForFunction(() => document.querySelector('#svc-fee')?.value === 'kostenfrei', undefined, { timeout: 30_000 });
  assert.match(await planner.locator('#svc-hours-note').textContent(), /Gespeichert sind mehr Zeiten/);
  await planner.locator('#svc-fee').fill('kostenfrei, Spende erbeten');
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => /Angebot gespeichert/.test(document.querySelector('[data-testid=saved]')?.textContent ?? ''));
  const after = await read();
  assert.equal(after.fee, 'kostenfrei, Spende erbeten');
  assert.deepEqual(after.openingHours, split);
  assert.equal(after.startDate, '2026-09-01');
});

test('funding per year: a German amount is checked, then stored exactly', async () => {
  const api = await apiSession(PLANNER);
  const funding = planner.getByTestId('funding');
  await funding.scrollIntoViewIfNeeded();
  await funding.locator('#fund-year').fill('2025');
  await funding.locator('#fund-amount').fill('12.500,505');
  await funding.locator('#fund-funder').fill('Amt für Jugend und Familie');
  await planner.getByTestId('save-funding').click();
  const summary = funding.getByTestId('error-summary');
  await summary.waitFor();
  assert.equal(await activeTestId(planner), 'error-summary');
  const amount = funding.locator('#fund-amount');
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  const describedBy = (await amount.getAttribute('aria-describedby')).split(' ');
  assert.ok(describedBy.includes('fund-amount-error'), describedBy.join(' '));
  assert.match(await planner.locator('#fund-amount-error').textContent(), /höchstens zwei Nachkommastellen/);
  // the summary's link takes the keyboard to the field
  await summary.getByRole('link').click();
  assert.equal(await planner.evaluate(() => document.activeElement?.id), 'fund-amount');

  await amount.fill('12.500,50');
  await funding.locator('#fund-kind').selectOption({ label: 'Zuwendung' });
  await funding.locator('#fund-status').selectOption({ label: 'bewilligt' });
  await planner.getByTestId('save-funding').click();
  await funding.locator('tbody tr', { hasText: '12.500,50 €' }).waitFor();
  const { fundings } = await api('query($id: Int) { fundings(filter: { serviceId: $id }) { nodes { year amount funder kind status } } }', { id: serviceId });
  assert.deepEqual(fundings.nodes, [{ year: 2025, amount: '12500.50', funder: 'Amt für Jugend und Familie', kind: 'GRANT', status: 'GRANTED' }]);
  await screenshot(planner, 'editing-funding.png');
  assert.deepEqual(await axeSerious(planner), [], 'axe on the funding table and form');
});

test('a measure of the plan: progress and target areas are edited', async () => {
  const api = await apiSession(PLANNER);
  const gm = await district('Grünau-Mitte');
  const before = (await api('{ measures(filter: { planId: 1 }) { id code status areas { id } } }')).measures.find((m) => m.code === '2.1.2');
  assert.equal(before.status, 'NOT_STARTED');
  assert.ok(!before.areas.some((a) => a.id === gm.id));

  await planner.getByTestId('section-massnahmen').click();
  await planner.locator('[data-testid="goal-2.1"] a', { hasText: '2.1.2' }).click();
  await planner.waitForSelector('[data-testid=measure-form]');
  await planner.locator('#msr-status').selectOption({ label: 'in Umsetzung' });
  await planner.locator('#msr-area-filter').fill('Grünau-M');
  await planner.getByLabel('Grünau-Mitte', { exact: true }).check();
  assert.match(await planner.getByTestId('chosen-areas').textContent(), /3 gewählt: .*Grünau-Mitte/);
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => /Maßnahme gespeichert/.test(document.querySelector('[data-testid=saved]')?.textContent ?? ''));

  const after = (await api('{ measures(filter: { planId: 1 }) { id code status version areas { id } } }')).measures.find((m) => m.code === '2.1.2');
  assert.equal(after.status, 'IN_PROGRESS');
  assert.deepEqual(after.areas.map((a) => a.id).sort((a, b) => a - b), [...before.areas.map((a) => a.id), gm.id].sort((a, b) => a - b));
  assert.equal(after.version, 2);
  await screenshot(planner, 'editing-measure.png');
  assert.deepEqual(await axeSerious(planner), [], 'axe on the measure form');
});

test('providers: a duplicate name is marked at the field; a new provider is saved', async () => {
  const api = await apiSession(PLANNER);
  const { providers } = await api('{ providers(first: 1) { nodes { name } } }');
  await planner.getByTestId('section-traeger').click();
  await planner.getByTestId('new').click();
  await planner.waitForSelector('[data-testid=provider-form]');
  await planner.locator('#prov-name').fill(providers.nodes[0].name);
  await planner.locator('#prov-kind').selectOption({ label: 'freigemeinnützig' });
  await planner.getByTestId('save').click();
  await planner.getByTestId('error-summary').waitFor();
  assert.equal(await planner.locator('#prov-name').getAttribute('aria-invalid'), 'true');
  assert.match(await planner.locator('#prov-name-error').textContent(), /Diesen Träger gibt es schon/);

  const name = `E2E Verein für Nachbarschaft ${Date.now()}`;
  await planner.locator('#prov-name').fill(name);
  await planner.locator('#prov-umbrella').selectOption({ label: 'Der Paritätische' });
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => /Träger gespeichert/.test(document.querySelector('[data-testid=saved]')?.textContent ?? ''));
  const id = Number(new URL(planner.url()).searchParams.get('id'));
  const { provider } = await api('query($id: Int!) { provider(id: $id) { name kind umbrella published } }', { id });
  assert.deepEqual(provider, { name, kind: 'NON_PROFIT', umbrella: 'PARITAETISCHER', published: true });
  assert.deepEqual(await axeSerious(planner), [], 'axe on the provider form');
});

test('a point outside the city (Berlin) is refused with the reason; saved only once the planner confirms it', async () => {
  await planner.getByTestId('section-angebote').click();
  await planner.getByTestId('new').click();
  await planner.waitForSelector('[data-testid=service-form]');
  const name = `E2E Kita Berlin ${Date.now()}`;
  await planner.locator('#svc-name').fill(name);
  await planner.locator('#svc-category').selectOption({ label: 'Kinder- und Jugendtreff' });
  await planner.locator('#svc-lon').fill('13,405');
  await planner.locator('#svc-lat').fill('52,52');
  await planner.getByTestId('save').click();
  await planner.getByTestId('error-summary').waitFor();
  assert.match(await planner.getByTestId('error-summary').textContent(), /liegt in keinem Gebiet der Stadt/);
  await screenshot(planner, 'editing-outside-city.png');
  assert.deepEqual(await axeSerious(planner), [], 'axe with the outside-city question');
  await planner.getByLabel('Der Standort liegt bewusst außerhalb der Stadt').check();
  await planner.getByTestId('save').click();
  await planner.waitForFunction(() => /Angebot gespeichert/.test(document.querySelector('[data-testid=saved]')?.textContent ?? ''));
  assert.match(await savedText(planner, 'service-form'), /in keinem Ortsteil/);
});

test('signing out ends the session: the editing area asks for a login again', async () => {
  await planner.getByTestId('logout').click();
  await planner.waitForSelector('[data-testid=login-prompt]', { timeout: 30_000 });
  assert.equal(await planner.getByTestId('account').count(), 0);
  await planner.close();
  assert.deepEqual(foreign.flat(), [], 'no request may leave the machine');
});
