// Unit specs beside the code, and integration specs in test/ that start the built API as a child
// process on a fresh database (the same harness as `npm run bench`).
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  displayName: 'simulator',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // The contracts read MRZs with the mrz package, which ships ES modules only: it goes through the transform.
  transformIgnorePatterns: ['/node_modules/(?!(mrz)/)'],
  moduleNameMapper: {
    '^@lintas/contracts$': path.resolve(__dirname, '../../libs/contracts/src/index.ts'),
    '^@lintas/testing$': path.resolve(__dirname, '../../libs/testing/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120_000,
  // The integration specs each start an API and PostgreSQL work: one at a time on two cores.
  maxWorkers: 1,
};
