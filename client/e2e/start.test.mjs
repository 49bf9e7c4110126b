// `npm start` as a newcomer meets it: the first start builds the database with the Leipzig data,
// the API and the map answer on one port, Ctrl-C closes cleanly, and a second start reuses the data.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir, createDataPlace, graphql, launchBrowser, openPage, startServer } from './harness.mjs';

const place = await createDataPlace();
after(() => place.remove());

test('first start imports Leipzig, serves API, health and the map; SIGINT exits cleanly', async () => {
  const server = startServer(place);
  try {
    const { url } = await server.ready;
    assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: 'ok' });
    const ready = await (await fetch(`${url}/readyz`)).json();
    assert.equal(ready.status, 'ready');

    const result = await graphql(url, '{ areas(filter: { level: DISTRICT }) { totalCount } }');
    assert.equal(result.data.areas.totalCount, 63);

    // Enum lists as SQL parameters on a database migrated by this very process (PGlite's driver
    // only knows the enum types present when it connected): statuses, kinds, target groups.
    const lists = await graphql(url, `{
      services(filter: { statuses: [ACTIVE], targetGroups: [CHILDREN] }, first: 1) { totalCount }
      fundings(filter: { kinds: [GRANT], statuses: [PAID] }, first: 1) { totalCount }
      area(code: "62") { serviceStats { category { key } services } }
      fundingTotals(level: BOROUGH, fromYear: 2022, toYear: 2022) { nominal }
    }`);
    assert.equal(lists.errors, undefined, JSON.stringify(lists.errors));
    assert.ok(lists.data.services.totalCount >= 351);
    assert.equal(lists.data.fundingTotals.length, 10);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    assert.match(metrics, /sozialatlas_http_request_duration_seconds/);

    const { browser, close } = await launchBrowser();
    try {
      const { page, foreignRequests } = await openPage(browser, url);
      await page.goto(url, { waitUntil: 'networkidle' });
      assert.match(await page.title(), /Sozialatlas/);
      await page.screenshot({ path: path.join(artifactsDir, 'start.png') });
      assert.deepEqual(foreignRequests, [], 'no request may leave the machine');
    } finally {
      await close();
    }
  } finally {
    const { code } = await server.stop('SIGINT');
    assert.equal(code, 0, `server should exit 0 after SIGINT:\n${server.output()}`);
  }
});

test('second start reuses the data without importing again', async () => {
  const server = startServer(place, { LOG_LEVEL: 'info' });
  try {
    const { url } = await server.ready;
    const result = await graphql(url, '{ areas(filter: { level: DISTRICT }) { totalCount } }');
    assert.equal(result.data.areas.totalCount, 63);
    assert.doesNotMatch(server.output(), /importing the Leipzig data/);
  } finally {
    const { code } = await server.stop('SIGTERM');
    assert.equal(code, 0);
  }
});
