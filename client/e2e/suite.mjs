#!/usr/bin/env node
// The browser suite (npm run test:browser): imports the Leipzig data once into a database of its
// own (a data folder, or a template database with DATABASE_URL), then runs every browser file with
// node --test; each file's server starts on a copy of it (harness.mjs: createSeededPlace) instead
// of importing again. start.test.mjs still starts on an empty place: the first start's import is
// what it tests. Arguments go to node --test (default: the whole folder).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { admin, SEEDED_ENV } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

function run(command, args, env, stdio = 'inherit') {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const serverUrl = process.env.DATABASE_URL;
const dir = mkdtempSync(path.join(tmpdir(), 'sozialatlas-e2e-seeded-'));
let seeded = path.join(dir, 'pglite');
let seedEnv = { DATABASE_URL: '', DATA_DIR: seeded };
let dropDatabase = async () => {};
if (serverUrl) {
  seeded = `sozialatlas_e2e_seeded_${process.pid}_${Date.now()}`;
  await admin(serverUrl, `CREATE DATABASE "${seeded}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${seeded}`;
  seedEnv = { DATABASE_URL: url.toString() };
  dropDatabase = () => admin(serverUrl, `DROP DATABASE IF EXISTS "${seeded}" WITH (FORCE)`);
}

let code;
try {
  const started = Date.now();
  code = await run(process.execPath, [path.join(repoRoot, 'seed', 'dist', 'cli.js'), '--report-file', path.join(dir, 'seed-report.txt')], { ...seedEnv, LOG_LEVEL: 'warn' }, ['ignore', 'ignore', 'inherit']);
  if (code !== 0) throw new Error(`the Leipzig import for the browser suite failed (${code})`);
  console.log(`browser suite: Leipzig data imported once in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const files = process.argv.slice(2);
  code = await run(process.execPath, ['--test', '--test-concurrency=1', ...(files.length ? files : [here])], { [SEEDED_ENV]: seeded });
} finally {
  await dropDatabase();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
