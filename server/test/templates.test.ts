// The embedded test templates carry one WAL segment, not the ones PostgreSQL recycled ahead
// (global-setup.ts): every test database copies the whole dump.
import { readFileSync } from 'node:fs';
import { filterTar } from '../../prisma/src/postgis-bundle';
import { EMBEDDED_TEMPLATE_ENV, openEmbeddedInFolder, templateEnv, WAL_SEGMENT } from './db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const walSegments = (file: string) => {
  const names: string[] = [];
  filterTar(readFileSync(file), (name) => {
    names.push(name);
    return false;
  });
  return names.filter((name) => WAL_SEGMENT.test(name));
};

describe('the embedded test templates', () => {
  it('hold only the current WAL segment, and a copy opens', async () => {
    const files = [process.env[EMBEDDED_TEMPLATE_ENV]!];
    // on a server run (DATABASE_URL) the other two templates are databases, not dumps
    if (!process.env.DATABASE_URL) files.push(process.env[templateEnv('seeded')]!);
    for (const file of files) expect(walSegments(file)).toHaveLength(1);

    const root = mkdtempSync(path.join(tmpdir(), 'sozialatlas-template-'));
    const db = await openEmbeddedInFolder(path.join(root, 'pglite'));
    try {
      const [row] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_tables`;
      expect(Number(row?.n)).toBeGreaterThan(0);
    } finally {
      await db.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
