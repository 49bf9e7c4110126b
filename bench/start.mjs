#!/usr/bin/env node
// Start time and memory of `npm start` in a checkout: runs it, times it until /readyz answers
// 200, reads the server process's RSS from /proc when ready and after a few idle seconds, stops it
// with SIGINT (as Ctrl-C would) and repeats. The first run in a fresh clone (after `npm install`)
// is the cold start (build + database + import); the next ones are warm. Linux only.
//
//   node bench/start.mjs [--dir <checkout>] [--port 4104] [--runs 2] [--idle 10]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: repoRoot },
    port: { type: 'string', default: '4104' },
    runs: { type: 'string', default: '2' },
    idle: { type: 'string', default: '10' },
  },
});
const dir = path.resolve(args.dir);

/** user + system CPU time of a process, ms (clock ticks of 10 ms): what a busy machine does not inflate. */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const status = (pid, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** The server process: the node process of the group running `…/server/dist/index.js`. */
function serverPid(group) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(stat[2]) !== group) continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      // not the `sh -c "… && node server/dist/index.js"` that npm runs it from
      if (path.basename(argv[0]) === 'node' && argv[1]?.endsWith('server/dist/index.js')) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined;
}

async function ready(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

async function run() {
  if (await ready(args.port)) throw new Error(`port ${args.port} is already in use`);
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: dir,
    detached: true, // its own process group: SIGINT reaches npm, turbo and the server like a Ctrl-C
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: args.port, LOG_LEVEL: 'warn' },
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  while (!(await ready(args.port))) {
    if (exited) throw new Error('npm start ended before the server was ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyMs = Date.now() - started;
  const pid = serverPid(child.pid);
  const atReady = pid ? status(pid, 'VmRSS') : NaN;
  const cpuAtReady = pid ? cpuMs(pid) : NaN;
  await new Promise((r) => setTimeout(r, Number(args.idle) * 1000));
  const idle = pid ? status(pid, 'VmRSS') : NaN;
  const peak = pid ? status(pid, 'VmHWM') : NaN;
  process.kill(-child.pid, 'SIGINT');
  await new Promise((r) => (exited ? r() : child.on('exit', r)));
  return { readyMs, cpuAtReady, rssReadyMb: Math.round(atReady), rssIdleMb: Math.round(idle), rssPeakMb: Math.round(peak) };
}

console.log(`checkout ${dir}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let i = 0; i < Number(args.runs); i++) {
  const result = await run();
  console.log(`${i === 0 ? 'first' : 'next'} npm start: ready after ${(result.readyMs / 1000).toFixed(1)} s (server CPU ${(result.cpuAtReady / 1000).toFixed(1)} s); server RSS ${result.rssReadyMb} MB when ready, ${result.rssIdleMb} MB after ${args.idle} s idle, peak ${result.rssPeakMb} MB; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
