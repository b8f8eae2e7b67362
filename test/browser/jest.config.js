/** Browser tests: plain ESM files, no transform. Run with NODE_OPTIONS=--experimental-vm-modules. */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.js'],
  transform: {},
  globalSetup: '<rootDir>/stack/global-setup.js',
  globalTeardown: '<rootDir>/stack/global-teardown.js',
  setupFilesAfterEnv: ['<rootDir>/retry-flaky.js'],
  testTimeout: 60_000,
  // One browser, one stack: stories run one after another.
  maxWorkers: 1,
};
