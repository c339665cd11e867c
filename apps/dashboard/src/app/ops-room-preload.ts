/** Written into index.html by the build (scripts/ops-room-preload.mjs); absent under `vite serve`. */
const CHUNKS_ELEMENT_ID = 'ops-room-chunks';

/**
 * Fetches (and lets the browser compile) the operations room's chunks at once, without evaluating
 * them: `main.tsx` evaluates them only once the snapshot request is out (see app/early-start.ts),
 * but they were fetched only then too — while the API was busy answering that snapshot, so the
 * last of them came in about when the snapshot did, and the app's evaluation and first render
 * waited for it. Fetched now, they are ready when the request is out, and the app, the map and
 * its ground are drawn while the snapshot is on its way. Called after the early-start import, so
 * its chunks are asked for first.
 */
export function preloadOperationsRoom(doc: Document = document): void {
  const element = doc.getElementById(CHUNKS_ELEMENT_ID);
  if (!element?.textContent) return;
  let chunks: { js?: string[]; css?: string[] };
  try {
    chunks = JSON.parse(element.textContent) as typeof chunks;
  } catch {
    return;
  }
  const add = (file: string, rel: 'modulepreload' | 'preload') => {
    const link = doc.createElement('link');
    link.rel = rel;
    if (rel === 'preload') link.as = 'style';
    // As Vite's own preloads: the same request mode as the import() that will use them.
    link.crossOrigin = '';
    link.href = `/${file}`;
    doc.head.appendChild(link);
  };
  for (const file of chunks.js ?? []) add(file, 'modulepreload');
  for (const file of chunks.css ?? []) add(file, 'preload');
}
