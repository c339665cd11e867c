// Browser tests on a real Chromium. Jest rather than Vitest: the harness imports the API's own test
// helpers (apps/api/test/support: server rule, fresh database with the real migrations), which are
// TypeScript meant for the API's Jest transform (CommonJS, @swc/jest, the ESM-only packages
// transformed). Sharing that one transform keeps the helpers running the same way in both suites.
module.exports = {
  ...require('../api/jest.shared.cjs'),
  rootDir: __dirname,
  displayName: 'dashboard-e2e',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // One browser and one API at a time: the machines have two cores.
  maxWorkers: 1,
  testTimeout: 120_000,
};
