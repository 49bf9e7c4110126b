// One jest run for the server, seed and database packages. TypeScript is compiled by swc with the
// decorator metadata type-graphql needs. Workspace packages are mapped to their sources so tests
// never depend on a previous build. PGlite uses dynamic import(): run with
// NODE_OPTIONS=--experimental-vm-modules (the npm scripts do).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/prisma', '<rootDir>/seed', '<rootDir>/server'],
  testMatch: ['**/src/**/*.test.ts', '**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ESM-only dependencies are compiled to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(kdbush|geokdbush|tinyqueue)/)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
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
  maxWorkers: 2,
};
