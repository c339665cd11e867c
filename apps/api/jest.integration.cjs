// Integration specs against a real PostgreSQL with the real migrations; each spec file gets its own database.
module.exports = {
  ...require('./jest.shared.cjs'),
  displayName: 'api:integration',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
