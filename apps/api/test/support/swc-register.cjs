// Lets a plain `node` process run the API's TypeScript sources, compiled on the fly with SWC exactly
// as the Jest transform does, with `@lintas/contracts` read from its source. The cluster spec starts
// real API processes this way, so that they always run the code under test (no stale build).
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const contracts = path.resolve(__dirname, '../../../../libs/contracts/src/index.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === '@lintas/contracts' ? contracts : request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
