import L from 'leaflet';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';

/**
 * Leaflet finds its default marker images by reading a path out of its stylesheet, which a
 * bundler rewrites: markers then show as broken images. Give it the bundled URLs instead.
 * Imported once, for its effect, by the map.
 */
delete (L.Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl;
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

export const DEFAULT_MARKER_ICON_URLS = { iconUrl, iconRetinaUrl, shadowUrl } as const;
