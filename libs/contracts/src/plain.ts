/**
 * The contracts' values that need no zod, for code that runs before the schemas are wanted: the
 * dashboard's early start (session refresh, snapshot request) imports these from
 * `@lintas/contracts/plain`, so the schemas' chunk (~40 kB gzipped, built at module top level,
 * ~150–200 ms of evaluation) is not evaluated on the way to the first requests. Each value is still
 * defined once and re-exported by the main index; types come from `@lintas/contracts` (erased).
 * Nothing reached from here may import zod or a schema module (plain.spec.ts checks it).
 */
export { CSRF_HEADER } from './csrf';
export { ERROR_CODES, ERROR_MESSAGES, isErrorCode } from './error-codes';
export { isCompactSnapshot } from './snapshot-form';
