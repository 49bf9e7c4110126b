// Test databases reuse the pglite.wasm the test environment compiled once per worker
// (environment.cjs) instead of compiling its 10 MB again in every test file.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledPgliteWasm, openEmbeddedInFolder } from './db';

const wasmSize = () => statSync(path.join(path.dirname(require.resolve('@electric-sql/pglite')), 'pglite.wasm')).size;
const byteLength = (source: unknown) =>
  source instanceof ArrayBuffer || ArrayBuffer.isView(source) ? (source as ArrayBuffer).byteLength : undefined;

describe('the compiled pglite.wasm', () => {
  it('is shared with the test files and instantiated from, not compiled again', async () => {
    const compiled = compiledPgliteWasm();
    // compiled in the environment's realm; Emscripten's instanceof check must accept it
    expect(compiled).toBeInstanceOf(WebAssembly.Module);

    // an embedded database in both modes of the suite (with DATABASE_URL too: it is PGlite's test)
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sozialatlas-wasm-'));
    const instantiate = jest.spyOn(WebAssembly, 'instantiate');
    const db = await openEmbeddedInFolder(dataDir);
    try {
      const [row] = await db.prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
      expect(row?.one).toBe(1);
      const sources = instantiate.mock.calls.map(([source]) => source);
      expect(sources).toContain(compiled);
      expect(sources.map(byteLength)).not.toContain(wasmSize());
    } finally {
      instantiate.mockRestore();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
