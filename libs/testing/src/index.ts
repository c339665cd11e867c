/**
 * @lintas/testing: how tests and tools start the API — the one launcher, the one rule for which
 * PostgreSQL to use and the one free-port helper. Only the API's tests, the browser tests and the
 * simulator may import it (eslint.config.mjs); never the API's src or the dashboard.
 */
export { freePort } from './free-port';
export { findPostgresServer, LOCAL_POSTGRES_URL, postgresAnswers, scratchDatabase, uniqueDatabaseName, withDatabase, type PostgresServer, type ScratchDatabase } from './postgres-server';
export { isHealthy, spawnApi, waitForHealth, type ApiProcess, type SpawnApiOptions } from './api-process';
export { startLintasApi, type RunningLintas, type StartLintasOptions } from './lintas-api';
export { API_MAIN, DASHBOARD_DIST, WORKSPACE_ROOT } from './workspace';
export { buildPmtilesArchive, type PmtilesArchiveOptions } from './pmtiles-archive';
export { BAVET, BAVET_LAYERS, buildBavetArchive } from './bavet-archive';
