// `npm run bench:ui`: the dashboard benchmark, on the e2e harness (built API serving the built
// dashboard, Debian Chromium), kept out of the e2e suite's testMatch.
const e2e = require('./jest.config.cjs');

module.exports = {
  ...e2e,
  displayName: 'dashboard-bench',
  testMatch: ['<rootDir>/src/bench/**/*.bench.ts'],
  // Ten minutes: on a machine shared by several engineers' test runs (load average 30+) the
  // arranging, the two loads and the position load took longer than five.
  testTimeout: 600_000,
};
