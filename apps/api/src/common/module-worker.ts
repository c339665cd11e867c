import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a module of this API in a worker thread, calling its exported `runWorker(data)`.
 * `modulePath` has no extension: the built API (`dist`, plain JavaScript) starts the `.js` beside
 * this file; the tests run the TypeScript sources, so there the worker compiles the `.ts` modules
 * it loads on the fly with SWC (which the tests' transform already uses; never loaded in
 * production). Packages resolve as Node resolves them: `@lintas/contracts` is its built `dist`.
 */
export function startModuleWorker(modulePath: string, data: unknown, resourceLimits?: ResourceLimits): Worker {
  const typescript = __filename.endsWith('.ts');
  return new Worker(WORKER_ENTRY, {
    eval: true,
    resourceLimits,
    workerData: {
      file: `${modulePath}${typescript ? '.ts' : '.js'}`,
      swc: typescript ? require.resolve('@swc/core') : null,
      data,
    },
  });
}

// Plain CommonJS evaluated by the worker; the `.ts` hook only under the tests.
const WORKER_ENTRY = `
const { workerData } = require('node:worker_threads');
if (workerData.swc) {
  const Module = require('node:module');
  const { readFileSync } = require('node:fs');
  const { transformSync } = require(workerData.swc);
  const options = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
  Module._extensions['.ts'] = (module, filename) => module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
}
require(workerData.file).runWorker(workerData.data);
`;
