// Reports breaking changes of the committed GraphQL contract against its previous committed
// version (graphql-inspector). Deprecate instead of breaking; a breaking change that is truly
// intended must be acknowledged, with its reason, in schema/accepted-breaking-changes.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { sdlPath } from '../schema';

const repoRoot = path.resolve(sdlPath, '..', '..');
const relative = path.relative(repoRoot, sdlPath);
const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();

function previousSdl(): { ref: string; sdl: string } | null {
  try {
    const current = readFileSync(sdlPath, 'utf8');
    const committed = git('show', `HEAD:${relative}`);
    // Uncommitted edits are compared with HEAD; otherwise the last commit that changed the file
    // is compared with the one before it, along the main line (--first-parent): a merged
    // branch's intermediate versions were never the contract.
    if (committed !== current.trim()) return { ref: 'HEAD', sdl: committed };
    const [, before] = git('log', '--first-parent', '-n', '2', '--format=%H', '--', relative).split('\n');
    return before ? { ref: before.slice(0, 10), sdl: git('show', `${before}:${relative}`) } : null;
  } catch {
    return null; // not a git checkout, or the file is new
  }
}

async function main() {
  const previous = previousSdl();
  if (!previous) {
    process.stdout.write('schema: no previous version to compare with\n');
    return;
  }
  const changes = await diff(buildSchema(previous.sdl), buildSchema(readFileSync(sdlPath, 'utf8')));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const acceptedFile = path.join(repoRoot, 'schema', 'accepted-breaking-changes.md');
  const accepted = existsSync(acceptedFile) ? readFileSync(acceptedFile, 'utf8') : '';
  const unaccepted = breaking.filter((c) => !accepted.includes(c.message));
  process.stdout.write(`schema: ${changes.length} changes since ${previous.ref}, ${breaking.length} breaking\n`);
  for (const change of unaccepted) process.stderr.write(`  BREAKING: ${change.message}\n`);
  if (unaccepted.length) {
    process.stderr.write('Deprecate instead of removing, or acknowledge the change in schema/accepted-breaking-changes.md\n');
    process.exit(1);
  }
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
