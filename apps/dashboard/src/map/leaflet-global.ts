import L from 'leaflet';

/** protomaps-leaflet extends the global `L.GridLayer`; imported before it, this makes Leaflet global. */
(globalThis as { L?: typeof L }).L ??= L;
