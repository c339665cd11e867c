// The chunks of each page's first load, few and large. Left to itself the bundler makes a chunk for
// every set of dynamic imports that shares modules (the operations room's first load was ~20 of
// them): on HTTP/1.1's six connections per host, on the two cores the page, the API and PostgreSQL
// share, each round of requests cost ~60–100 ms while the snapshot was being answered
// (`npm run bench:ui`'s waterfall). Here every module is named after which first loads need it:
//
// - `room-early`: the operations room's early start (the snapshot request; `src/app/early-start.ts`);
// - `room`: the operations room;
// - `field-page`: the field page (not `field`: the field page's languages are `field-<hash>.js`);
// - `shared-early` / `shared`: needed by the field page too, so that it loads nothing of the room.
//
// A module needed by none of them at once (a page loaded when shown, a language, the vector basemap)
// is left to the bundler, and so is the print page's own (its styles are for paper: in the room's
// chunk they restyled the room's headings). A module's dependencies are needed by at least the same loads, so the
// chunks import each other one way only (room → shared → shared-early, early → shared-early).
import { fileURLToPath } from 'node:url';

/** The chunks' names (the field page's share of the build is found by them: scripts/field-bundle.mjs). */
export const FIRST_LOAD_CHUNKS = { early: 'room-early', room: 'room', field: 'field-page', sharedEarly: 'shared-early', shared: 'shared' };

const source = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** The modules each first load starts from (as `main.tsx` imports them). */
const LOADS = {
  entry: [source('main.tsx')],
  early: [source('app/early-start.ts')],
  room: [source('app/app.tsx'), source('render-root.tsx')],
  field: [source('field/field-app.tsx'), source('render-root.tsx')],
};

/** For `build.rolldownOptions.output.codeSplitting.groups[].name`. */
export function firstLoadChunkName() {
  /** @type {{ first: Map<string, Set<string>>, fieldLater: Set<string> } | null} */
  let graph = null;
  return (moduleId, context) => {
    graph ??= walkLoads(context);
    const loads = graph.first.get(moduleId);
    if (!loads || loads.has('entry')) return null;
    const field = loads.has('field');
    // What the field page loads later (its map picker's Leaflet) stays in a chunk of its own, not the room's.
    if (!field && graph.fieldLater.has(moduleId)) return null;
    if (loads.has('early')) return field ? FIRST_LOAD_CHUNKS.sharedEarly : FIRST_LOAD_CHUNKS.early;
    if (loads.has('room')) return field ? FIRST_LOAD_CHUNKS.shared : FIRST_LOAD_CHUNKS.room;
    return field ? FIRST_LOAD_CHUNKS.field : null;
  };
}

function walkLoads(context) {
  const first = new Map();
  for (const [load, roots] of Object.entries(LOADS)) {
    for (const id of reach(context, roots, false)) first.set(id, (first.get(id) ?? new Set()).add(load));
  }
  return { first, fieldLater: reach(context, LOADS.field, true) };
}

/** The modules `roots` import, statically (and, with `later`, dynamically too), themselves included. */
function reach(context, roots, later) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    const info = context.getModuleInfo(id);
    stack.push(...(info?.importedIds ?? []), ...(later ? (info?.dynamicallyImportedIds ?? []) : []));
  }
  return seen;
}
