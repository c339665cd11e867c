import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { fieldPwa } from './scripts/field-pwa.mjs';
import { countryOutlinesFile } from './scripts/country-outlines-file.mjs';
import { firstLoadChunkName } from './scripts/first-load-chunks.mjs';
import { precompress } from './scripts/precompress.mjs';

const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [countryOutlinesFile(), react(), fieldPwa(fileURLToPath(new URL('./dist', import.meta.url))), precompress(fileURLToPath(new URL('./dist', import.meta.url)))],
  resolve: {
    // `plain`: the contracts' values without zod, for the operations room (see libs/contracts/src/plain.ts).
    alias: [
      { find: /^@lintas\/contracts\/plain$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/plain.ts', import.meta.url)) },
      // The client configuration's schema alone (zod, and no other schema), for the operations room's first load.
      { find: /^@lintas\/contracts\/client-config$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/client-config.ts', import.meta.url)) },
      { find: /^@lintas\/contracts$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
    ],
  },
  // The country outlines' file (scripts/country-outlines-file.mjs) is an asset like an image.
  assetsInclude: ['**/*.bin'],
  server: {
    port: 4200,
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: 'hidden',
    manifest: true,
    // Each page's first load in a few chunks (scripts/first-load-chunks.mjs).
    rolldownOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: firstLoadChunkName(), debugName: 'first-load' }] } } },
  },
  // Plain Node for logic; a spec that renders asks for a DOM in its first line (`// @vitest-environment jsdom`).
  test: { environment: 'node', include: ['src/**/*.spec.{ts,tsx}'] },
});
