#!/usr/bin/env node
// Map benchmark: size of the built client (gzip), geometry payload for Leipzig, and the time from
// navigation to the first drawn choropleth in Debian's Chromium on the built app.
//   npm run build && node bench/map.mjs [--runs 5]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { createDataPlace, launchBrowser, startServer } from '../client/e2e/harness.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const dist = path.resolve(import.meta.dirname, '..', 'client', 'dist', 'assets');
const files = readdirSync(dist).filter((f) => /\.(m?js|css)$/.test(f));
let total = 0;
let maplibre = 0;
console.log(`# Map client benchmark\n\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Chromium (Debian) headless with SwiftShader WebGL\n`);
console.log('| file | bytes | gzip bytes |\n|---|---:|---:|');
for (const file of files) {
  const content = readFileSync(path.join(dist, file));
  const gz = gzipSync(content, { level: 9 }).length;
  total += gz;
  if (/maplibre/i.test(file)) maplibre += gz; // the maplibre chunk and its worker
  console.log(`| ${file} | ${statSync(path.join(dist, file)).size} | ${gz} |`);
}
console.log(`\ntotal gzip (JS + CSS): ${total} bytes${maplibre ? `; of which maplibre (chunk and worker) ${maplibre} bytes, without it ${total - maplibre} bytes` : ''}\n`);

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
