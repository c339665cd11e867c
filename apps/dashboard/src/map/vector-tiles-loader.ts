type VectorTiles = typeof import('./vector-tiles');

let loading: Promise<VectorTiles> | null = null;
let loaded: VectorTiles | null = null;

/**
 * The vector renderer's chunk, asked for once (by `early-start.ts` while the snapshot loads, else
 * by the layer). Once it is in, `vectorTilesLoaded()` hands it over synchronously: the basemap
 * layer is then added in the same task as the map, and its tiles are requested before the
 * operation's layers are drawn rather than after (a `then` would wait for that whole draw).
 */
export function loadVectorTiles(): Promise<VectorTiles> {
  loading ??= import('./vector-tiles').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null; // a later mount may try again
      throw error;
    },
  );
  return loading;
}

export function vectorTilesLoaded(): VectorTiles | null {
  return loaded;
}
