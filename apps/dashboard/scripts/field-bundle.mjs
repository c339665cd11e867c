// The field page's share of the dashboard build, read from Vite's manifest (dist/.vite/manifest.json):
// what its first load fetches, and what it may fetch later (the map picker, the basemap data).
// Used by the size check and by the service worker's precache list.

import { FIRST_LOAD_CHUNKS } from './first-load-chunks.mjs';

export const HTML_ENTRY = 'index.html';

/**
 * @param {Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[] }>} manifest
 * @returns {{ firstLoadJs: string[]; firstLoadCss: string[]; all: string[] }} file names relative to the build folder
 */
export function fieldBundle(manifest) {
  // The field page's first load is the chunk of its own and the one shared with the room (React and the root render, in
  // `render-root.tsx`): main.tsx imports both at once (scripts/first-load-chunks.mjs names them).
  const chunk = (name) => Object.keys(manifest).find((key) => manifest[key].name === name && manifest[key].file.endsWith('.js'));
  const fieldChunks = [chunk(FIRST_LOAD_CHUNKS.field), chunk(FIRST_LOAD_CHUNKS.shared)];
  if (fieldChunks.some((key) => !key) || !manifest[HTML_ENTRY]) {
    throw new Error(`field bundle: the build manifest has no ${manifest[HTML_ENTRY] ? `"${FIRST_LOAD_CHUNKS.field}" or "${FIRST_LOAD_CHUNKS.shared}" chunk (scripts/first-load-chunks.mjs)` : HTML_ENTRY}`);
  }
  const walk = (roots, followDynamic) => {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length > 0) {
      const key = stack.pop();
      if (seen.has(key) || !manifest[key]) continue;
      seen.add(key);
      stack.push(...(manifest[key].imports ?? []));
      // The HTML entry's dynamic imports are the two apps: from the field page, only the field one.
      if (followDynamic && key !== HTML_ENTRY) stack.push(...(manifest[key].dynamicImports ?? []));
    }
    return [...seen];
  };
  // The HTML entry is loaded first and imports the field's chunks at once: all three are the first load.
  const firstLoad = walk([HTML_ENTRY, ...fieldChunks], false);
  // Everything the field page can reach, but not the operations room's app chunk.
  const reachable = walk(fieldChunks, true);
  const files = (keys, kind) =>
    [...new Set(keys.flatMap((key) => (kind === 'js' ? [manifest[key].file] : kind === 'css' ? (manifest[key].css ?? []) : [manifest[key].file, ...(manifest[key].css ?? []), ...(manifest[key].assets ?? [])])))].sort();
  return {
    firstLoadJs: files(firstLoad, 'js'),
    firstLoadCss: files(firstLoad, 'css'),
    all: [...new Set([...files(firstLoad, 'all'), ...files(reachable, 'all')])].sort(),
  };
}
