// Test databases reuse the pglite.wasm the test environment compiled once per worker
// (environment.cjs) instead of compiling its 10 MB again in every test file.
import { statSync } from 'node:fs';
import path from 'node:path';
import { compiledPgliteWasm, openMigratedDatabase } from './db';

const wasmSize = () => statSync(path.join(path.dirname(require.resolve('@electric-sql/pglite')), 'pglite.wasm')).size;
const byteLength = (source: unknown) =>
  source instanceof ArrayBuffer || ArrayBuffer.isView(source) ? (source as ArrayBuffer).byteLength : undefined;

describe('the compiled pglite.wasm', () => {
  it('is shared with the test files and instantiated from, not compiled again', async () => {
    const compiled = compiledPgliteWasm();
    // compiled in the environment's realm; Emscripten's instanceof check must accept it
    expect(compiled).toBeInstanceOf(WebAssembly.Module);

    const instantiate = jest.spyOn(WebAssembly, 'instantiate');
    const db = await openMigratedDatabase();
    try {
      const [row] = await db.prisma.$queryRaw<{ point: string }[]>`SELECT ST_AsText(ST_MakePoint(12.37, 51.34)) AS point`;
      expect(row?.point).toBe('POINT(12.37 51.34)');
      const sources = instantiate.mock.calls.map(([source]) => source);
      expect(sources).toContain(compiled);
      expect(sources.map(byteLength)).not.toContain(wasmSize());
    } finally {
      instantiate.mockRestore();
      await db.close();
    }
  });
});
