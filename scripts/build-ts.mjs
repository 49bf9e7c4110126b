#!/usr/bin/env node
// Compiles a package's TypeScript to CommonJS with swc, file by file, without type-checking:
// `npm start` needs runnable JavaScript fast. Type-checking is `tsc -b` in the `typecheck` task,
// which `npm test` runs. The options match jest's (jest.config.js), so tests and the build see
// the same JavaScript: decorators with metadata for type-graphql.
//
//   node ../scripts/build-ts.mjs <outDir> <srcDir>[:<outSubDir>] …   (run in the package folder)
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformFile } from '@swc/core';

const [outDir, ...sources] = process.argv.slice(2);
if (!outDir || !sources.length) {
  console.error('usage: build-ts.mjs <outDir> <srcDir>[:<outSubDir>] …');
  process.exit(2);
}

const options = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(file);
    else if (/\.(c|m)?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) yield file;
  }
}

const jobs = [];
for (const source of sources) {
  const [srcDir, outSub = ''] = source.split(':');
  for (const file of tsFiles(srcDir)) {
    const relative = path.relative(srcDir, file).replace(/\.(c|m)?ts$/, (ext) => ext.replace('ts', 'js'));
    const target = path.join(outDir, outSub, relative);
    jobs.push(
      transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(target), file) }).then(({ code, map }) => {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
        if (map) writeFileSync(`${target}.map`, map);
      }),
    );
  }
}
await Promise.all(jobs);
