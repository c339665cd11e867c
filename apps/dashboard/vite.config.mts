import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { fieldPwa } from './scripts/field-pwa.mjs';
import { firstLoadChunkName } from './scripts/first-load-chunks.mjs';
import { precompress } from './scripts/precompress.mjs';

const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), fieldPwa(fileURLToPath(new URL('./dist', import.meta.url))), precompress(fileURLToPath(new URL('./dist', import.meta.url)))],
  resolve: {
    // `plain`: the contracts' values without zod, for the operations room (see libs/contracts/src/plain.ts).
    alias: [
      { find: /^@lintas\/contracts\/plain$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/plain.ts', import.meta.url)) },
      // The client configuration's schema alone (zod, and no other schema), for the operations room's first load.
      { find: /^@lintas\/contracts\/client-config$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/client-config.ts', import.meta.url)) },
      { find: /^@lintas\/contracts$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
    ],
  },
  server: {
    port: 4200,
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  // The largest chunk is data, not code: the embedded Natural Earth 1:50m outlines (~760 kB, ~240 kB
  // gzipped), loaded lazily by the map. The limit sits just above it so that a real code bloat still warns.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 800,
    manifest: true,
    // Each page's first load in a few chunks (scripts/first-load-chunks.mjs).
    rolldownOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: firstLoadChunkName() }] } } },
  },
  // Plain Node for logic; a spec that renders asks for a DOM in its first line (`// @vitest-environment jsdom`).
  test: { environment: 'node', include: ['src/**/*.spec.{ts,tsx}'] },
});
