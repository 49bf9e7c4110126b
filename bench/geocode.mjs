#!/usr/bin/env node
// Geocoder benchmark and hit rates (issue 11). Builds the Leipzig geocoder from the shipped OSM
// address table, then
//  1. geocodes 10,000 addresses warm (after one untimed pass) and prints the time, and
//  2. prints the hit rate (EXACT / NEAREST_NUMBER / AMBIGUOUS / NOT_FOUND) on every imported list,
//     plus, for the day-care centres (which come with coordinates), how far the geocoded point lies
//     from the published one.
//
//   npx turbo run build && node bench/geocode.mjs
//
// The 10,000 addresses: every address of the imported lists, in the spellings they are published
// in, then table addresses re-spelt the way people type them ("Str.", "ss" for "ß", "12 a"), cycled.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const seed = require(path.join(repoRoot, 'seed/dist/index.js'));
const { newReport } = seed;
const { readRdfList, readOffices, RDF_FILES, OFFICES_FILE } = require(path.join(repoRoot, 'seed/dist/importers/real-services.js'));

const t0 = performance.now();
const geocoder = seed.leipzigGeocoder();
const buildMs = performance.now() - t0;

const servicesDir = path.join(repoRoot, 'seed/data/leipzig/services');
const lists = [];
const labels = new Map();
for (const f of RDF_FILES) lists.push([f, readRdfList(path.join(servicesDir, f), labels, newReport(f)).flatMap((r) => r.addresses)]);
lists.push([OFFICES_FILE, readOffices(path.join(servicesDir, OFFICES_FILE), newReport(OFFICES_FILE)).flatMap((r) => r.addresses)]);
const kitas = JSON.parse(readFileSync(path.join(repoRoot, 'seed/data/leipzig/leipzig-kitas.json'), 'utf8'));
lists.push(['leipzig-kitas.json', kitas.map((k) => ({ street: k.einrichtungStrasse ?? '', houseNumber: k.einrichtungHausnummer, postalCode: k.einrichtungPostleitzahl, lon: k.einrichtungLongitude, lat: k.einrichtungLatitude }))]);

// 10,000 queries: the lists' addresses, then re-spelt table addresses
const queries = lists.flatMap(([, a]) => a.map((x) => ({ street: x.street, houseNumber: x.houseNumber, postalCode: x.postalCode })));
const table = seed.readAddressTable();
const respell = (s) => s.replace(/straße$/i, 'str.').replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
for (let i = 0; queries.length < 10_000; i += 7) {
  const r = table[i % table.length];
  queries.push({ street: i % 2 ? respell(r.street) : r.street, houseNumber: r.houseNumber.replace(/^(\d+)([a-z])$/, '$1 $2'), postalCode: null });
}

const run = () => {
  const kinds = { EXACT: 0, NEAREST_NUMBER: 0, AMBIGUOUS: 0, NOT_FOUND: 0 };
  for (const q of queries) kinds[geocoder.geocode(q).kind]++;
  return kinds;
};
run(); // warm-up
const times = [];
let kinds;
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  kinds = run();
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const reverseStart = performance.now();
for (const q of queries.slice(0, 10_000)) geocoder.reverse(12.3 + (q.street.length % 30) / 100, 51.3 + (q.street.length % 10) / 100);
const reverseMs = performance.now() - reverseStart;

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
console.log(`address table: ${table.length} rows → ${geocoder.size} addresses on ${geocoder.streetCount} streets; read + index built in ${buildMs.toFixed(0)} ms`);
console.log(`geocode ${queries.length} addresses warm: median ${times[2].toFixed(1)} ms, best ${times[0].toFixed(1)} ms, worst ${times[4].toFixed(1)} ms (5 runs) — ${JSON.stringify(kinds)}`);
console.log(`reverse ${10_000} points warm: ${reverseMs.toFixed(1)} ms`);
console.log('');
console.log('| list | addresses | exact | nearest number (median est. distance) | ambiguous | not found |');
console.log('|---|---:|---:|---:|---:|---:|');
const pct = (n, d) => (d ? `${n} (${((100 * n) / d).toFixed(0)} %)` : '0');
for (const [name, addresses] of lists) {
  const k = { EXACT: 0, NEAREST_NUMBER: 0, AMBIGUOUS: 0, NOT_FOUND: 0 };
  const dist = [];
  const offset = [];
  for (const a of addresses) {
    const g = geocoder.geocode(a);
    k[g.kind]++;
    if (g.kind === 'NEAREST_NUMBER' && g.distanceMeters !== null) dist.push(g.distanceMeters);
    if (g.lon !== null && typeof a.lon === 'number') offset.push(seed.metres(g.lon, g.lat, a.lon, a.lat));
  }
  dist.sort((x, y) => x - y);
  offset.sort((x, y) => x - y);
  const n = addresses.length;
  const med = dist.length ? ` (${Math.round(dist[Math.floor(dist.length / 2)])} m)` : '';
  console.log(`| ${name} | ${n} | ${pct(k.EXACT, n)} | ${pct(k.NEAREST_NUMBER, n)}${med} | ${pct(k.AMBIGUOUS, n)} | ${pct(k.NOT_FOUND, n)} |`);
  if (offset.length) {
    const q = (p) => Math.round(offset[Math.min(offset.length - 1, Math.floor(p * offset.length))]);
    console.log(`\n${name}: geocoded point vs. the published coordinates, ${offset.length} placed: median ${q(0.5)} m, 90th percentile ${q(0.9)} m, ${offset.filter((m) => m > 250).length} more than 250 m apart`);
  }
}
