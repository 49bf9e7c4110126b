import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { postgis } from '@electric-sql/pglite-postgis';
import { coreBundleFor, filterTar, keepInCoreBundle } from './postgis-bundle';

/** A tar entry: 512-byte ustar header (checksum not needed by our reader) and padded data. */
function entry(name: string, data = '', type = '0', prefix = ''): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write(`${Buffer.byteLength(data).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write(type, 156, 'latin1');
  header.write('ustar\0', 257, 'latin1');
  header.write(prefix, 345, 155, 'utf8');
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(data) / 512) * 512);
  body.write(data, 'utf8');
  return Buffer.concat([header, body]);
}

/** The names and contents a tar archive holds, as our reader sees them. */
function list(tar: Buffer): string[] {
  const names: string[] = [];
  filterTar(tar, (name) => {
    names.push(name);
    return false;
  });
  return names;
}

describe('PostGIS core bundle', () => {
  it('keeps only the accepted entries with their data, including long names and ustar prefixes', () => {
    const long = `share/proj/${'x'.repeat(120)}`;
    const tar = Buffer.concat([
      entry('lib/postgresql/', '', '5'),
      entry('lib/postgresql/postgis-3.so', 'core'),
      entry('lib/postgresql/postgis_raster-3.so', 'raster'),
      entry('././@LongLink', long, 'L'),
      entry(long.slice(0, 99), 'grid'),
      entry('postgis.control', 'control', '0', 'share/postgresql/extension'),
      entry('share/postgresql/extension/postgis--3.5.0--3.6.2.sql', '', '2'),
      Buffer.alloc(1024),
    ]);
    expect(list(tar)).toEqual([
      'lib/postgresql/',
      'lib/postgresql/postgis-3.so',
      'lib/postgresql/postgis_raster-3.so',
      long,
      'share/postgresql/extension/postgis.control',
      'share/postgresql/extension/postgis--3.5.0--3.6.2.sql',
    ]);
    const core = filterTar(tar, keepInCoreBundle);
    expect(list(core)).toEqual(['lib/postgresql/', 'lib/postgresql/postgis-3.so', long, 'share/postgresql/extension/postgis.control']);
    expect(core.toString('latin1')).toContain('grid');
    expect(core.toString('latin1')).not.toContain('raster');
  });

  it('trims the installed bundle to PostGIS core, its install script and the PROJ data', async () => {
    const setup = await postgis.setup({} as never, { PGLITE_ENV: {} } as never);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sozialatlas-bundle-'));
    try {
      const names = list(gunzipSync(readFileSync(coreBundleFor(fileURLToPath(setup.bundlePath!), dir))));
      expect(names).toContain('lib/postgresql/postgis-3.so');
      expect(names).toContain('share/proj/proj.db');
      expect(names.filter((n) => n.startsWith('share/postgresql/extension/postgis--'))).toHaveLength(1);
      expect(names.some((n) => n.includes('raster') || n.includes('topology'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
