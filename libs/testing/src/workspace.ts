import { join, resolve } from 'node:path';

/** The repository root, from src/ (Jest, ts) or dist/ (built) alike: both sit two folders down. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
/** The built API (`nx run api:build`), started as `npm start` starts it. */
export const API_MAIN = join(WORKSPACE_ROOT, 'apps/api/dist/main.js');
/** The built dashboard (`nx run dashboard:build`). */
export const DASHBOARD_DIST = join(WORKSPACE_ROOT, 'apps/dashboard/dist');
