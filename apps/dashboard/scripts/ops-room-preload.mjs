// The operations room's code, named in index.html for `main.tsx` to fetch at once (see
// src/app/ops-room-preload.ts): the chunks that `import('./app/app')` and `import('./render-root')`
// load, and their stylesheets. A list, not `<link>` tags: the field page (the same index.html, on
// a phone's link) fetches none of it.

/** The element `main.tsx` reads; keep in step with src/app/ops-room-preload.ts. */
export const OPS_ROOM_CHUNKS_ID = 'ops-room-chunks';
const ROOTS = ['/src/app/app.tsx', '/src/render-root.tsx'];

export function opsRoomPreload() {
  return {
    name: 'lintas-ops-room-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const roots = chunks.filter((chunk) => chunk.facadeModuleId && ROOTS.some((root) => chunk.facadeModuleId.endsWith(root)));
        if (roots.length !== ROOTS.length) throw new Error(`ops-room preload: no chunk for ${ROOTS.join(' or ')} (are they still loaded by main.tsx's import()?)`);
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const js = new Set();
        const css = new Set();
        const stack = roots.map((chunk) => chunk.fileName);
        while (stack.length > 0) {
          const file = stack.pop();
          // The entry itself is in already.
          if (js.has(file) || byFile.get(file)?.isEntry) continue;
          js.add(file);
          const chunk = byFile.get(file);
          for (const sheet of chunk?.viteMetadata?.importedCss ?? []) css.add(sheet);
          stack.push(...(chunk?.imports ?? []));
        }
        const list = JSON.stringify({ js: [...js].sort(), css: [...css].sort() });
        return html.replace('</body>', `  <script type="application/json" id="${OPS_ROOM_CHUNKS_ID}">${list}</script>\n  </body>`);
      },
    },
  };
}
