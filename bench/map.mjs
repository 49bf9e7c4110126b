#!/usr/bin/env node
// Map benchmark: size of the built client (gzip), geometry payload for Leipzig, and the time from
// navigation to the first drawn choropleth in Debian's Chromium on the built app.
//   npm run build && node bench/map.mjs [--runs 5]
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { createDataPlace, launchBrowser, startServer } from '../client/e2e/harness.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const distRoot = path.resolve(import.meta.dirname, '..', 'client', 'dist');
const dist = path.join(distRoot, 'assets');
// Only what the built page really references counts (a dist folder may hold older builds): the
// files named in index.html are the first load; files those name in turn (MapLibre's worker, the
// lazily loaded editing screens) come later, on demand.
const referenced = (text) => [...new Set([...text.matchAll(/([\w.-]+\.(?:m?js|css))(?=["'`?])/g)].map((m) => m[1]))].filter((f) => existsSync(path.join(dist, f)));
const firstLoad = referenced(readFileSync(path.join(distRoot, 'index.html'), 'utf8'));
const onDemand = [];
const queue = [...firstLoad];
for (let i = 0; i < queue.length; i++) {
  if (!/\.m?js$/.test(queue[i])) continue;
  for (const next of referenced(readFileSync(path.join(dist, queue[i]), 'utf8'))) {
    if (!queue.includes(next)) {
      onDemand.push(next);
      queue.push(next);
    }
  }
}
const sums = { first: 0, firstMaplibre: 0, later: 0 };
console.log(`# Map client benchmark\n\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Chromium (Debian) headless with SwiftShader WebGL\n`);
console.log('| file | loaded | bytes | gzip bytes |\n|---|---|---:|---:|');
for (const file of [...firstLoad, ...onDemand]) {
  const content = readFileSync(path.join(dist, file));
  const gz = gzipSync(content, { level: 9 }).length;
  const first = firstLoad.includes(file);
  if (first) sums.first += gz;
  else sums.later += gz;
  if (first && /maplibre/i.test(file)) sums.firstMaplibre += gz;
  console.log(`| ${file} | ${first ? 'first load' : 'on demand'} | ${statSync(path.join(dist, file)).size} | ${gz} |`);
}
console.log(
  `\nfirst load, gzip (JS + CSS): ${sums.first} bytes; of which maplibre ${sums.firstMaplibre} bytes, without it ${sums.first - sums.firstMaplibre} bytes; on demand (map worker, editing screens) ${sums.later} bytes\n`,
);

const place = await createDataPlace();
const server = startServer(place);
const { url } = await server.ready;
try {
  const geometry = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
    body: JSON.stringify({ query: '{ areas(filter: { level: DISTRICT }) { nodes { id code name geometry(simplify: 15, precision: 5) } } }' }),
  });
  const raw = await geometry.text();
  const full = await (await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ areas(filter: { level: DISTRICT }) { nodes { id geometry } } }' }),
  })).text();
  console.log(`geometry payload, 63 Ortsteile: simplified 15 m / 5 decimals ${raw.length} bytes (gzip ${gzipSync(raw).length}); full detail ${full.length} bytes (gzip ${gzipSync(full).length})\n`);

  const { browser, close } = await launchBrowser();
  const times = [];
  try {
    for (let i = 0; i < Number(args.runs); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(url);
      // First drawn choropleth: the map canvas shows at least 3 distinct fill colours.
      await page.waitForFunction(() => {
        const canvas = document.querySelector('canvas.maplibregl-canvas');
        if (!canvas) return false;
        const probe = document.createElement('canvas');
        probe.width = 64;
        probe.height = 64;
        const ctx = probe.getContext('2d');
        ctx.drawImage(canvas, 0, 0, 64, 64);
        const data = ctx.getImageData(0, 0, 64, 64).data;
        const colours = new Set();
        for (let p = 0; p < data.length; p += 4) colours.add(`${data[p] >> 4},${data[p + 1] >> 4},${data[p + 2] >> 4}`);
        return colours.size >= 4;
      }, undefined, { timeout: 60_000, polling: 50 });
      times.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await close();
  }
  times.sort((a, b) => a - b);
  console.log(`navigation → first drawn choropleth (${times.length} runs, fresh browser context each): median ${times[Math.floor(times.length / 2)]} ms, min ${times[0]} ms, max ${times[times.length - 1]} ms`);
} finally {
  await server.stop();
  await place.remove();
}
