// Browser tests on a real Chromium. Jest, with the API's transform (CommonJS, @swc/jest), so that
// `@lintas/contracts` and `@lintas/testing` (the shared launcher) are read from their sources as in
// the API's own specs.
module.exports = {
  ...require('../api/jest.shared.cjs'),
  rootDir: __dirname,
  displayName: 'dashboard-e2e',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // One browser and one API at a time: the machines have two cores.
  maxWorkers: 1,
  testTimeout: 120_000,
};
