// The Haushalt view (/haushalt) as a planner uses it: the city's planned budget per product, the
// same figures as the API, real values only on a named assumption, the choice kept in the URL,
// readable at 1440 × 900 and 390 × 844, no serious axe finding. Screenshots go to artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, axeSerious, graphql, useAppServer } from './harness.mjs';

const app = useAppServer();

async function open(search, viewport) {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  await page.goto(`${app.url}/haushalt${search}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=budget-table] tbody tr');
  return page;
}

const euros = (amount) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(Math.round(Number(amount)));

test('desktop: products and totals as the API has them; the assumption changes the real value and the URL', async () => {
  const { data } = await graphql(app.url, '{ budget(year: 2025, assumedInflationPercent: 2) { planned real products { code planned real } } }');
  const page = await open('', { width: 1440, height: 900 });
  await page.screenshot({ path: path.join(artifactsDir, 'budget-1440.png'), fullPage: false });
  const rows = await page.locator('[data-testid=budget-table] tbody tr').count();
  assert.equal(rows, data.budget.products.length, 'one row per product');
  const first = data.budget.products[0];
  const firstRow = page.locator(`[data-testid=budget-table] tr[data-code="${first.code}"]`);
  assert.equal((await firstRow.locator('td.num').nth(0).textContent()).trim(), euros(first.planned));
  assert.equal((await firstRow.locator('td.num').nth(1).textContent()).trim(), euros(first.real));
  assert.match(await page.getByTestId('budget-summary').textContent(), new RegExp(euros(data.budget.planned).replaceAll('.', '\\.')));
  assert.match(await page.locator('#budget-title ~ p').first().textContent(), /keine Zuwendungen an einzelne Träger/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1440, 'no horizontal scrolling of the page');
  assert.deepEqual(await axeSerious(page), []);

  await page.getByTestId('budget-inflation').selectOption('none');
  await page.waitForFunction(() => /nicht berechnet/.test(document.querySelector('[data-testid=budget-real]')?.textContent ?? ''));
  assert.match(page.url(), /teuerung=keine/);
  assert.equal((await firstRow.locator('td.num').nth(1).textContent()).trim(), '—');
  await page.getByTestId('budget-year').selectOption('2026');
  await page.waitForURL(/jahr=2026/);
  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid=budget-table] tbody tr');
  assert.equal(await page.getByTestId('budget-year').inputValue(), '2026', 'the year survives a reload');
  assert.equal(await page.getByTestId('budget-inflation').inputValue(), 'none', 'the assumption survives a reload');
  await page.close();
});

test('phone: the page does not overflow and the table scrolls inside its box; English mode', async () => {
  const page = await open('?sprache=en', { width: 390, height: 844 });
  await page.screenshot({ path: path.join(artifactsDir, 'budget-390-en.png'), fullPage: false });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no horizontal scrolling of the page');
  assert.match(await page.locator('#budget-title').textContent(), /Budget: planned amounts/);
  assert.deepEqual(await axeSerious(page), []);
  await page.close();
});

test('the map links to the Haushalt view', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
  await page.getByTestId('budget-link').click();
  await page.waitForSelector('[data-testid=budget-table] tbody tr');
  assert.match(page.url(), /\/haushalt$/);
  await context.close();
});
