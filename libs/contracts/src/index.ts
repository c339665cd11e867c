export * from './enums';
export * from './marking';
export * from './error-codes';
export * from './policy';
export * from './geo';
export * from './common';
export * from './auth';
export * from './sites';
export * from './operations';
export * from './teams';
export * from './reports';
export * from './tasks';
export * from './requests';
export * from './threads';
export * from './exports';
export * from './tak';
export * from './events';
export * from './socket';
export * from './positions';
export * from './scenario';
export * from './client-config';
export * from './personal-data';
export * from './document-checks';
// The REST API as its OpenAPI document publishes it (types only, generated: `npm run api:types`),
// for the typed clients of the dashboard, the simulator and the browser tests (openapi-fetch).
export type { paths as ApiPaths, operations as ApiOperations } from './generated/openapi';
export * from './audit';
