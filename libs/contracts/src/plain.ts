/**
 * The contracts' values that need no zod: the enumerations, the markings, the policy predicates,
 * the error codes and the other plain helpers. The operations room imports its values from
 * `@lintas/contracts/plain`, so that its first load evaluates none of the schemas (~400 of them,
 * built at module top level: ~60–100 ms of the page's main thread on the way to the first
 * picture); the field page and the room's forms, which validate, import `@lintas/contracts`. Each
 * value is still defined once and re-exported by the main index; types come from
 * `@lintas/contracts` (erased). Nothing reached from here may import zod (plain.spec.ts checks it).
 */
export * from './enums';
export * from './marking';
export * from './error-codes';
export * from './policy';
export * from './issue-messages';
export * from './languages';
export * from './socket-events';
export * from './report-summary';
export * from './replay-state';
export * from './csrf';
export * from './snapshot-form';
