// Unit specs, beside the code.
module.exports = {
  ...require('./jest.shared.cjs'),
  displayName: 'api:unit',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
