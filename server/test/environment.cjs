// jest's node environment, plus PGlite's WebAssembly compiled once per worker. Every test file
// runs in a fresh module registry, so PGlite's own cache of the compiled pglite.wasm (10 MB) is
// empty in each one and the module was compiled again for every file that opens a database. This
// file is loaded once per worker process, outside the test files' registries; a compiled
// WebAssembly.Module can be instantiated in any vm context of the same process.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

/** The global under which test files find the module (server/test/db.ts passes it to PGlite). */
const GLOBAL = '__SOZIALATLAS_PGLITE_WASM__';

let compiled;
function pgliteWasm() {
  if (!compiled) {
    // the PGlite the database package loads, not whichever one is nearest to this file
    const main = require.resolve('@electric-sql/pglite', { paths: [path.join(__dirname, '../../prisma')] });
    compiled = new WebAssembly.Module(readFileSync(path.join(path.dirname(main), 'pglite.wasm')));
  }
  return compiled;
}

class DatabaseTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const module = pgliteWasm();
    // Emscripten asks `binary instanceof WebAssembly.Module`, which is false for a module of
    // another realm: PGlite then read the module as bytes, threw inside a promise and hung until
    // jest's timeout. The brand check V8 itself applies works across realms.
    const { Module } = this.global.WebAssembly;
    Object.defineProperty(Module, Symbol.hasInstance, {
      value: (value) => Object.prototype.toString.call(value) === '[object WebAssembly.Module]',
    });
    this.global[GLOBAL] = module;
  }
}

module.exports = DatabaseTestEnvironment;
module.exports.GLOBAL = GLOBAL;
