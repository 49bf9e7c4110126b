#!/usr/bin/env node
// Summarises a V8 CPU profile (from `node --cpu-prof`, e.g. `bench/cpu.mjs --cpu-prof <folder>`):
// self time per package (node_modules/<name>, our own code, node internals, GC) and the top
// functions. `--last <seconds>` keeps only the end of the profile (the requests, not the start).
//
//   node bench/profile-summary.mjs <file.cpuprofile> [--last 20] [--top 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { last: { type: 'string' }, top: { type: 'string', default: '30' } } });
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

let t = profile.startTime;
const times = profile.timeDeltas.map((d) => (t += d));
const from = args.last ? profile.endTime - Number(args.last) * 1e6 : -Infinity;

const packageOf = (frame) => {
  const url = frame.url ?? '';
  if (frame.functionName === '(garbage collector)') return '(gc)';
  if (frame.functionName === '(idle)' || frame.functionName === '(program)') return frame.functionName;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:') || url === '') return '(node)';
  const own = /\/(server|prisma|seed)\/(dist|src)\//.exec(url);
  return own ? `(ours: ${own[1]})` : url;
};

const byPackage = new Map();
const byFunction = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  if (times[i] < from) return;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  const { callFrame } = nodes.get(id);
  const pkg = packageOf(callFrame);
  if (pkg === '(idle)') return;
  total += dt;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  const fn = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
});

const show = (map, n) =>
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`).join('\n');
console.log(`busy ${(total / 1e6).toFixed(1)} s${args.last ? ` in the last ${args.last} s` : ''}\n\nself time by package\n${show(byPackage, 25)}\n\ntop functions (self)\n${show(byFunction, Number(args.top))}`);
