// The field page's share of the dashboard build, read from Vite's manifest (dist/.vite/manifest.json):
// what its first load fetches, and what it may fetch later (the map picker, the basemap data).
// Used by the size check and by the service worker's precache list.

/** The chunk `main.tsx` imports for `/field`. */
export const FIELD_ENTRY = 'src/field/field-app.tsx';
export const HTML_ENTRY = 'index.html';
/** React and the root render: `main.tsx` imports it beside the field chunk (it is not in the entry chunk). */
export const RENDER_ROOT = 'src/render-root.tsx';

/**
 * @param {Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[] }>} manifest
 * @returns {{ firstLoadJs: string[]; firstLoadCss: string[]; all: string[] }} file names relative to the build folder
 */
export function fieldBundle(manifest) {
  if (!manifest[FIELD_ENTRY] || !manifest[HTML_ENTRY]) {
    throw new Error(`field bundle: the build manifest has no ${!manifest[FIELD_ENTRY] ? FIELD_ENTRY : HTML_ENTRY} (is main.tsx still loading the field page as its own chunk?)`);
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
  // The HTML entry is loaded first and imports the field chunk and React at once: all three are the first load.
  const firstLoad = walk([HTML_ENTRY, FIELD_ENTRY, RENDER_ROOT], false);
  // Everything the field page can reach, but not the operations room's app chunk.
  const reachable = walk([FIELD_ENTRY, RENDER_ROOT], true);
  const files = (keys, kind) =>
    [...new Set(keys.flatMap((key) => (kind === 'js' ? [manifest[key].file] : kind === 'css' ? (manifest[key].css ?? []) : [manifest[key].file, ...(manifest[key].css ?? []), ...(manifest[key].assets ?? [])])))].sort();
  return {
    firstLoadJs: files(firstLoad, 'js'),
    firstLoadCss: files(firstLoad, 'css'),
    all: [...new Set([...files(firstLoad, 'all'), ...files(reachable, 'all')])].sort(),
  };
}
