// One jest run, two projects: `server` (server, seed and database packages, node) and `client`
// (the map's components and helpers, jsdom). `npm run test:unit` runs the first, `npm run
// test:client` the second. TypeScript is compiled by swc; workspace packages are mapped to their
// sources so tests never depend on a previous build. PGlite uses dynamic import(): run with
// NODE_OPTIONS=--experimental-vm-modules (the npm scripts do).

const swc = (extra = {}) => [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      ...extra,
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
const server = {
  displayName: 'server',
  // node, plus PGlite's WebAssembly compiled once per worker instead of once per test file
  testEnvironment: '<rootDir>/server/test/environment.cjs',
  roots: ['<rootDir>/prisma', '<rootDir>/seed', '<rootDir>/server'],
  testMatch: ['**/src/**/*.test.ts', '**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ESM-only dependencies are compiled to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(kdbush|geokdbush|tinyqueue)/)'],
  transform: {
    // type-graphql needs decorator metadata
    '^.+\\.(t|j)sx?$': swc({
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    }),
  },
  moduleNameMapper: {
    '^@sozialatlas/db$': '<rootDir>/prisma/src/index.ts',
    '^@sozialatlas/seed$': '<rootDir>/seed/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // type-graphql's decorators need the metadata polyfill before any decorated class loads.
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/server/test/global-setup.ts',
  globalTeardown: '<rootDir>/server/test/global-teardown.ts',
  testTimeout: 60_000,
};

/** @type {import('jest').Config} */
const client = {
  displayName: 'client',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/client/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': swc({
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    }),
  },
  moduleNameMapper: {
    // the generated documents import './graphql.js'
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '\\.css$': '<rootDir>/client/test/style-stub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/client/test/setup.ts'],
  // the typed documents (client/src/generated) are made by codegen; fresh for every run
  globalSetup: '<rootDir>/client/test/global-setup.cjs',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [server, client],
  testTimeout: 60_000,
  maxWorkers: 2,
};
