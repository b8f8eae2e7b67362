/** Scale-out test: plain ESM files, no transform. Run with NODE_OPTIONS=--experimental-vm-modules. */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.js'],
  transform: {},
  testTimeout: 60_000,
  // Its own processes and database: one file at a time, next to nothing else.
  maxWorkers: 1,
};
