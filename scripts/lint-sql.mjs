// Lint rule: SQL only through parameterised Prisma calls or tagged $queryRaw/$executeRaw
// templates. The *Unsafe variants splice strings into SQL and are forbidden in our code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const roots = ['server/src', 'seed/src', 'prisma/src'];
const forbidden = /\$(queryRawUnsafe|executeRawUnsafe)\b|Prisma\.raw\(/;
const problems = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (forbidden.test(line)) problems.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
  }
}
roots.forEach(walk);
if (problems.length) {
  console.error('Forbidden raw SQL (use tagged $queryRaw templates or Prisma.sql):');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`lint-sql: no unsafe raw SQL in ${roots.join(', ')}`);
