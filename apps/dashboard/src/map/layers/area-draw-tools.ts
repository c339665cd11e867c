import '../leaflet-global';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type L from 'leaflet';

type GeomanMapConstructor = new (map: L.Map) => L.PM.PMMap;

/**
 * Leaflet-Geoman's drawing tools for `map`. Geoman is a chunk of its own, loaded when an area is
 * drawn (`AreaDrawLayer`): evaluated with the app, it weighed on the operation view's first load
 * and gave every marker and line of the map an editing handler it never uses. Its init hook only
 * reaches maps created after it is loaded, so a map made before gets its handler here.
 */
export function drawToolsOf(map: L.Map): L.PM.PMMap {
  if (!map.pm) {
    const global = globalThis as unknown as { L: { PM: { Map: GeomanMapConstructor } } };
    map.pm = new global.L.PM.Map(map);
    map.pm.setGlobalOptions({});
  }
  return map.pm;
}
