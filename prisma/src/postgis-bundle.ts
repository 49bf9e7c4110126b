import { existsSync, renameSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

/**
 * PGlite unpacks an extension's whole bundle into memory and compiles every `.so` in it on each
 * open. The PostGIS bundle (95 MB unpacked) also carries raster and topology (two more 16 MB
 * WebAssembly modules) and ~500 upgrade scripts we never use: about half of the CPU time of
 * opening a database, and a few hundred MB of the server's memory. We keep PostGIS core, its
 * install script and the PROJ data (ST_Transform), and give PGlite that smaller bundle.
 */
export function keepInCoreBundle(name: string): boolean {
  return (
    name.endsWith('/') ||
    name === 'lib/postgresql/postgis-3.so' ||
    name === 'share/postgresql/extension/postgis.control' ||
    // the install script of a version; upgrade scripts have two `--`
    /^share\/postgresql\/extension\/postgis--[0-9.]+\.sql$/.test(name) ||
    name.startsWith('share/proj/')
  );
}

const cString = (buffer: Buffer, start: number, end: number) => {
  const text = buffer.toString('utf8', start, end);
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
};

/** The entries of a tar archive whose path `keep` accepts (ustar, GNU long names, pax paths). */
export function filterTar(tar: Buffer, keep: (name: string) => boolean): Buffer {
  const kept: Buffer[] = [];
  // GNU long-name and pax headers belong to the entry that follows them
  let pending: Buffer[] = [];
  let overrideName: string | undefined;
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(cString(header, 124, 136).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + 512;
    const end = dataStart + Math.ceil(size / 512) * 512;
    const entry = tar.subarray(offset, end);
    offset = end;
    if (type === 'g') {
      kept.push(entry);
      continue;
    }
    if (type === 'L' || type === 'x') {
      pending.push(entry);
      const data = tar.subarray(dataStart, dataStart + size);
      if (type === 'L') overrideName = cString(data, 0, data.length);
      else overrideName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1] ?? overrideName;
      continue;
    }
    const prefix = cString(header, 345, 500);
    const name = overrideName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
    if (keep(name)) kept.push(...pending, entry);
    pending = [];
    overrideName = undefined;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}

/** Writes the core bundle once per installed PostGIS bundle (a file in the temp folder). */
export function coreBundleFor(source: string, cacheDir = tmpdir()): string {
  const { size, mtimeMs } = statSync(source);
  const target = path.join(cacheDir, `sozialatlas-postgis-core-v1-${size}-${Math.trunc(mtimeMs)}.tar.gz`);
  if (existsSync(target)) return target;
  const core = filterTar(gunzipSync(readFileSync(source)), keepInCoreBundle);
  // Written under a private name, then renamed: parallel test workers never read half a file.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, gzipSync(core, { level: 1 }));
  renameSync(partial, target);
  return target;
}

/** The PostGIS extension for PGlite, with the core bundle instead of the full one. */
export const postgisCore: Extension = {
  name: 'postgis',
  async setup(pg, emscriptenOpts) {
    const setup = await postgis.setup(pg, emscriptenOpts);
    if (!setup.bundlePath) return setup;
    const source = fileURLToPath(setup.bundlePath);
    return { ...setup, bundlePath: pathToFileURL(coreBundleFor(source)) };
  },
};
