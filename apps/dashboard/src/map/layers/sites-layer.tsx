import type { Site } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { siteKindLabel } from '../../ui/labels';
import { useLeafletMap } from '../map-context';
import { escapeHtml, siteGlyph } from '../map-glyphs';

/** Names show from this zoom on; below it the map would be a wall of text. */
export const SITE_LABEL_ZOOM = 8;

/**
 * Border sites, with a symbol per kind (land, river, sea, air) and their names at suitable zoom.
 * One layer group; markers are keyed by site id and only added or removed when the list changes.
 */
export function SitesLayer({ sites, visible }: { sites: readonly Site[]; visible: boolean }) {
  const map = useLeafletMap();
  const group = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<string, { marker: L.Marker; signature: string }>());

  useEffect(() => {
    const layer = L.layerGroup();
    group.current = layer;
    const labels = () => map.getContainer().classList.toggle('map--site-labels', map.getZoom() >= SITE_LABEL_ZOOM);
    labels();
    map.on('zoomend', labels);
    const known = markers.current;
    return () => {
      map.off('zoomend', labels);
      layer.remove();
      known.clear();
      group.current = null;
    };
  }, [map]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    const seen = new Set<string>();
    for (const site of sites) {
      seen.add(site.id);
      const signature = `${site.kind}|${site.name}|${site.lat}|${site.lon}`;
      const known = markers.current.get(site.id);
      if (known?.signature === signature) continue;
      known?.marker.remove();
      const marker = L.marker([site.lat, site.lon], {
        icon: L.divIcon({
          className: `site-marker site-marker--${site.kind}`,
          html: siteGlyph(site.kind),
          iconSize: [22, 22],
          iconAnchor: [11, 11],
        }),
        title: `${site.name} — ${siteKindLabel(site.kind)}`,
        keyboard: false,
        zIndexOffset: -1000,
      });
      // The name to the left, in the tooltip pane (above teams and clusters): team labels go to the
      // right, so a site's name stays readable with teams at it.
      marker.bindTooltip(escapeHtml(site.name), { permanent: true, direction: 'left', offset: [-12, 0], className: 'site-label', interactive: false });
      marker.addTo(layer);
      markers.current.set(site.id, { marker, signature });
    }
    for (const [id, known] of markers.current) {
      if (!seen.has(id)) {
        known.marker.remove();
        markers.current.delete(id);
      }
    }
  }, [sites]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    if (visible) layer.addTo(map);
    else layer.remove();
  }, [map, visible]);

  return null;
}
