/** API tests run as ESM (NestJS 12 is ESM-only) on the real PostgreSQL and Redis. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@kapwa/shared$': '<rootDir>/../packages/shared/src/index.ts',
    '^@kapwa/migrations$': '<rootDir>/../migrations/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  testTimeout: 30000,
  // One file at a time (they share PostgreSQL and Redis, and the machine has two cores), in a worker that is
  // replaced once it holds more than this after a file: each file's Nest app and ES modules are not all
  // given back, and in one process the whole suite outgrew Node's heap (out of memory after 64 files).
  maxWorkers: 1,
  workerIdleMemoryLimit: '1536MB',
};
