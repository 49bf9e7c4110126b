import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './database';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';
import { openEmbeddedInFolder } from '../../server/test/db';

describe('one process per embedded database folder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sozialatlas-lock-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second opener while the first has the folder, and lets the next one in after close', async () => {
    const dataDir = path.join(root, 'pglite');
    const first = await openEmbeddedInFolder(dataDir);
    await first.prisma.$executeRaw`CREATE TABLE written_by_first (n int)`;
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/wird schon von Prozess \d+ benutzt/);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await openDatabase({ dataDir });
    const tables = await second.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'written_by_first'`;
    expect(Number(tables[0]?.n)).toBe(1);
    await second.close();
  });

  it('refuses another process holding the lock, and takes over a lock whose process is gone', () => {
    const dataDir = path.join(root, 'pglite');
    // a live process other than this one: the parent of the jest worker
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`Prozess ${process.ppid}`));

    const finished = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${dataDir}.lock`, finished.stdout);
    const release = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
