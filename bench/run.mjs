#!/usr/bin/env node
// API benchmark: starts the built server on the embedded database (PGlite) and on a PostGIS
// server, with the Leipzig data and with the large synthetic set, fires a fixed mix of realistic
// queries at fixed concurrency and prints latency percentiles and throughput per query.
//
//   npm run build && node bench/run.mjs [--duration 10] [--concurrency 8] [--only leipzig|synthetic]
//     [--areas 10000 --services 100000 --years 20]   (synthetic set size)
//   DATABASE_URL=postgres://… adds the server runs (a database per dataset is created and dropped).
//   --analyses: only the planning analyses (first call on a fresh server, warm median of 3), no load mix;
//   --database pglite|postgres: only one database; --synthetic-url postgres://…: use that already
//   generated synthetic city (server) instead of generating one (it is left as it is).
//
// Results are printed as a Markdown table for docs/performance.md, with machine and dataset.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
    only: { type: 'string' },
    areas: { type: 'string', default: '10000' },
    services: { type: 'string', default: '100000' },
    years: { type: 'string', default: '20' },
    analyses: { type: 'boolean', default: false },
    database: { type: 'string' },
    'synthetic-url': { type: 'string' },
  },
});
const durationMs = Number(args.duration) * 1000;
const concurrency = Number(args.concurrency);

/** The fixed query mix: what the map, the district profile and analysts send most. */
function queryMix(dataset) {
  const lastYear = dataset === 'leipzig' ? 2022 : 2020;
  return [
    {
      name: 'map: districts with geometry and one indicator',
      query: `query($y: Int!) { areas(filter: { level: DISTRICT }, first: ${dataset === 'leipzig' ? 100 : 500}) {
        nodes { id code name geometry(simplify: 15, precision: 5) value(indicator: "sgb2_rate", year: $y) { value status } } } }`,
      variables: { y: lastYear },
    },
    {
      name: 'map recolour: values only',
      query: `query($y: Int!) { areas(filter: { level: DISTRICT }, first: ${dataset === 'leipzig' ? 100 : 500}) {
        nodes { id value(indicator: "unemployment_rate", year: $y) { value status } } } }`,
      variables: { y: lastYear },
    },
    {
      name: 'district profile: series, neighbours, parent',
      query: `{ areas(filter: { level: DISTRICT }, first: 1) { nodes { name parent { name }
        neighbours { name } series(indicator: "population") { year value } s2: series(indicator: "sgb2_rate") { year value } } } }`,
    },
    {
      name: 'analyst: values as rows (500)',
      query: `{ indicatorValues(filter: { indicatorKeys: ["population", "unemployed"], level: DISTRICT }, first: 500) {
        totalCount nodes { year value status area { code } } } }`,
    },
    {
      name: 'point in polygon',
      query: dataset === 'leipzig'
        ? `{ areas(filter: { containsPoint: { lon: 12.382, lat: 51.3455 } }) { nodes { code name level } } }`
        : `{ areas(filter: { containsPoint: { lon: 12.5, lat: 51.5 } }) { nodes { code name level } } }`,
    },
  ];
}

/** The planning analyses, timed one call at a time: the first call (cold) and warm repeats. */
function analysisQueries(dataset, point) {
  const year = dataset === 'leipzig' ? 2022 : 2024;
  return [
    { name: 'needIndex (districts)', query: `{ needIndex(year: ${year}) { areas { rank statusZ statusClass } } }` },
    { name: 'earlyWarnings (districts)', query: `{ earlyWarnings(year: ${year}) { alerts { message } } }` },
    { name: 'coverage (all categories)', query: `{ coverage(year: ${year}) { rows { services gap } } }` },
    { name: 'gaps youth_club (E2SFCA, 250 m grid)', query: `{ gaps(category: "youth_club", year: ${year}) { rows { gapClass score } } }` },
    { name: 'accessibility youth_club (E2SFCA, 250 m grid)', query: `{ accessibility(category: "youth_club", year: ${year}) { areas { accessibilityPer1000 } } }` },
    { name: 'moneyFlows + Spearman', query: `{ moneyFlows(fromYear: ${year - 2}, toYear: ${year}) { needCorrelation { rho n } } }` },
    {
      name: 'scenario: one new youth club',
      query: `{ scenario(input: { category: "youth_club", year: ${year}, addServices: [{ lon: ${point.lon}, lat: ${point.lat}, capacity: 60 }] }) { areas { changed } } }`,
    },
  ];
}

async function timeAnalysis(url, { query }) {
  const body = JSON.stringify({ query });
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(600_000) });
    const text = await response.text();
    const ms = performance.now() - started;
    const error = /"errors":\[\{"message":"([^"]*)"/.exec(text)?.[1];
    return { ms, error, bytes: text.length };
  };
  const cold = await once();
  if (cold.error) return { cold, warm: null };
  const warm = [];
  for (let i = 0; i < 3; i++) warm.push((await once()).ms);
  warm.sort((a, b) => a - b);
  return { cold, warm: warm[1] };
}

async function admin(serverUrl, sql) {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function startServer(env) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'index.js')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', RATE_LIMIT_PER_IP: '100000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM'); }) });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

async function post(url, body) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`query failed: ${text.slice(0, 300)}`);
  return text.length;
}

/** Closed-loop load: `concurrency` clients, each sending the next request when the last answered. */
async function load(url, { query, variables }) {
  const body = JSON.stringify({ query, variables });
  const bytes = await post(url, body); // warm-up and correctness check
  for (let i = 0; i < 3; i++) await post(url, body);
  const latencies = [];
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await post(url, body);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: latencies.length, rps: latencies.length / (durationMs / 1000), p50: at(50), p95: at(95), p99: at(99), bytes };
}

async function prepare(dataset, database) {
  const cleanups = [];
  let env;
  if (dataset === 'synthetic' && database === 'postgres' && args['synthetic-url']) {
    return { env: { DATABASE_URL: args['synthetic-url'], SEED_ON_START: 'false' }, loadSeconds: 0, cleanup: async () => {} };
  }
  if (database === 'postgres') {
    const name = `sozialatlas_bench_${dataset}_${process.pid}`;
    await admin(process.env.DATABASE_URL, `CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    cleanups.push(() => admin(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sozialatlas-bench-'));
    env = { DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' };
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  }
  const started = Date.now();
  if (dataset === 'synthetic') {
    execFileSync(process.execPath, [path.join(repoRoot, 'seed', 'dist', 'cli.js'), '--synthetic', '--areas', args.areas, '--services', args.services, '--years', args.years], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    env.SEED_ON_START = 'false';
  }
  return { env, loadSeconds: (Date.now() - started) / 1000, cleanup: () => Promise.all(cleanups.map((c) => c())) };
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`# Sozialatlas API benchmark\n`);
console.log(`machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`load: ${concurrency} concurrent clients, closed loop, ${durationMs / 1000} s per query after 4 warm-up requests\n`);

const datasets = args.only ? [args.only] : ['leipzig', 'synthetic'];
const databases = args.database ? [args.database] : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
for (const dataset of datasets) {
  for (const database of databases) {
    const place = await prepare(dataset, database);
    const started = Date.now();
    let server = await startServer(place.env);
    const startSeconds = (Date.now() - started) / 1000;
    const label = dataset === 'leipzig' ? 'Leipzig (63 districts, 362 day-care centres, 150 demo services)' : `synthetic (${args.areas} districts, ${args.services} services, ${args.years} years)`;
    console.log(`## ${label} on ${database === 'pglite' ? 'embedded PGlite' : 'PostgreSQL 15 + PostGIS server'}\n`);
    console.log(`data load ${place.loadSeconds.toFixed(0)} s (synthetic generator; Leipzig is imported during the first start), server start ${startSeconds.toFixed(1)} s\n`);
    try {
      if (!args.analyses) {
        console.log('| query | requests | req/s | p50 ms | p95 ms | p99 ms | response bytes |');
        console.log('|---|---:|---:|---:|---:|---:|---:|');
      }
      for (const q of args.analyses ? [] : queryMix(dataset)) {
        const r = await load(server.url, q);
        console.log(`| ${q.name} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.bytes} |`);
      }
      console.log(`\nload average before the analyses: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      console.log(`\n| analysis (one call at a time${args.analyses ? '; first call on a fresh server each' : ''}) | first call ms | warm median of 3 ms | response bytes |`);
      console.log('|---|---:|---:|---:|');
      // The new service goes to the representative point of the first district.
      const first = await (await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ areas(filter: { level: DISTRICT }, first: 1) { nodes { labelPoint } } }' }),
      })).json();
      const [lon, lat] = first.data.areas.nodes[0].labelPoint.coordinates;
      for (const q of analysisQueries(dataset, { lon, lat })) {
        if (args.analyses) {
          // each analysis's first call on a fresh server (a planner's first click after a start)
          await server.stop();
          server = await startServer(place.env);
        }
        const r = await timeAnalysis(server.url, q);
        console.log(r.cold.error
          ? `| ${q.name} | failed: ${r.cold.error} | – | – |`
          : `| ${q.name} | ${r.cold.ms.toFixed(0)} | ${r.warm.toFixed(0)} | ${r.cold.bytes} |`);
      }
    } finally {
      await server.stop();
      await place.cleanup();
    }
    console.log('');
  }
}
