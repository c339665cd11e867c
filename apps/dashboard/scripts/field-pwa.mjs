// The field page's service worker (vite-plugin-pwa, Workbox generateSW): precaches the field
// page's app shell — index.html, its chunks, the lazily loaded map picker with Leaflet and the
// embedded basemap data — so the page opens with no network after one visit. Scoped to /field
// (registered by src/field/service-worker.ts): the operations room is not affected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import { fieldBundle } from './field-bundle.mjs';

/** @param {string} outDir absolute path of the build folder */
export function fieldPwa(outDir) {
  return VitePWA({
    injectRegister: false, // the field page registers it, with its own scope
    registerType: 'prompt', // a new version waits for the officer: never reload in the middle of a form
    manifest: false, // public/field.webmanifest, linked by the field page only
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,bin}'],
      // The basemap's Natural Earth outlines are one ~225 kB file (`generated/countries-50m.bin`).
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackAllowlist: [/^\/field(?:[/?#]|$)/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      sourcemap: false, // the API serves no source maps (apps/api/src/dashboard-static.ts)
      manifestTransforms: [
        (entries) => {
          // Only what the field page can load: a phone should not download the operations room.
          const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
          const keep = new Set([...fieldBundle(manifest).all, 'index.html', 'favicon.svg', 'field.webmanifest']);
          return { manifest: entries.filter((entry) => keep.has(entry.url)), warnings: [] };
        },
      ],
    },
  });
}
