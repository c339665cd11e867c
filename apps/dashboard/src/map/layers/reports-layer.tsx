import type { ReportSummary } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useEffectEvent, useLayoutEffect, useRef } from 'react';
import { tn } from '../../i18n/i18n';
import { reportKindLabel, reportStatusLabel } from '../../ui/labels';
import { useLeafletMap } from '../map-context';
import { escapeHtml, markingSuffix, reportGlyph } from '../map-glyphs';
import { ClusterClient, type IndexedItem } from './cluster-client';
import { fanOut } from './fan-out';
import { type MarkerObstacle, publishObstacles } from './marker-obstacles';
import { reportsPending } from './reports-drawn';

export interface ReportsLayerProps {
  reports: readonly ReportSummary[];
  /** Alerts are drawn on their own layer, above the rest, with tighter clusters so they separate sooner. */
  variant: 'reports' | 'alerts';
  visible: boolean;
  selectedId: string | null;
  onSelect: (reportId: string) => void;
  /** Replaying: a report gone at a moment keeps its place in the cluster hierarchy, so the next moment is answered without building it again. */
  replaying?: boolean;
}

/**
 * Clusters and fanned-out markers sit above the teams (620): a click on them must expand them or
 * open the report, never reach a team drawn at the same place.
 */
export const CLUSTERS_PANE = 'lintas-clusters';

/** Open alerts drawn with a pulsing ring, at most. */
const PULSING_ALERTS = 25;

/**
 * Reports as markers by kind, status and marking, clustered when dense. The clusters
 * (`ClusterClient`: a hierarchy of the reports' places, built in a worker when large, asked on
 * the main thread) are told what changed when the reports change, and asked for what is in view
 * after a move or a change; the answer is reconciled with a keyed set of markers. The layer says on the map while an answer is awaited
 * (`reports-drawn.ts`), so the first picture and a replayed moment count as drawn only with it.
 */
export function ReportsLayer({ reports, variant, visible, selectedId, onSelect, replaying = false }: ReportsLayerProps) {
  const map = useLeafletMap();
  const group = useRef<L.LayerGroup | null>(null);
  const client = useRef<ClusterClient | null>(null);
  const markers = useRef(new Map<string, { marker: L.Marker; signature: string; clusterId?: number; obstacle: MarkerObstacle }>());
  const selected = useRef(selectedId);
  const select = useEffectEvent((id: string) => onSelect(id));
  /** Asks the index for what is in view; the answer is drawn when it comes. */
  const ask = useRef<() => void>(() => undefined);
  /** Draws the last answer again (a new selection, reports that changed only their looks). */
  const redraw = useRef<() => void>(() => undefined);

  // Layout effects: a change of the reports marks the layer as waiting in the commit that brought
  // it, so nothing reads the map as drawn between that commit and the question to the index.
  useLayoutEffect(() => {
    const layer = L.layerGroup();
    group.current = layer;
    if (!map.getPane(CLUSTERS_PANE)) map.createPane(CLUSTERS_PANE).style.zIndex = '630';
    const known = markers.current;
    let shown: IndexedItem[] = [];
    const drawCluster = (item: Extract<IndexedItem, { cluster: true }>, seen: Set<string>, spare: string[]) => {
      const { lat, lon } = item;
      // Keyed by place, not by cluster number: a rebuilt index renumbers its clusters, and
      // re-creating hundreds of markers for that would cost more than the rebuild.
      const key = clusterKey(item);
      seen.add(key);
      const signature = `${item.count}|${item.open}`;
      const existing = known.get(key);
      if (existing?.signature === signature) {
        existing.clusterId = item.clusterId;
        return;
      }
      const size = item.count < 10 ? 30 : item.count < 100 ? 36 : item.count < 1000 ? 42 : 48;
      const icon = L.divIcon({
        className: `report-cluster report-cluster--${variant}`,
        // Named by its hidden text (what it is and does); the figures are for the eye.
        html: `<span class="visually-hidden">${escapeHtml(tn('marker.cluster', item.count))}</span><span aria-hidden="true">${item.abbreviated}</span>${item.open ? `<b class="report-cluster__open" aria-hidden="true">${item.open}</b>` : ''}`,
        iconSize: [size, size],
        iconAnchor: [size / 2, size / 2],
      });
      // The count of open reports is a badge over the top right corner.
      const badge = item.open ? { top: 6, right: 8 } : { top: 0, right: 0 };
      const box = { left: -size / 2, top: -size / 2 - badge.top, right: size / 2 + badge.right, bottom: size / 2 };
      // A new place, and a cluster of the last answer gone (another replayed moment moves every
      // centroid a little): that marker moves here and is rewritten, not removed and created again.
      let reused = existing;
      if (!reused) {
        const spareKey = spare.pop();
        reused = spareKey === undefined ? undefined : known.get(spareKey);
        if (spareKey !== undefined && reused) {
          known.delete(spareKey);
          known.set(key, reused);
          reused.marker.setLatLng([lat, lon]);
        }
      }
      const element = reused?.marker.getElement();
      if (reused && element) {
        // Another count on the same place (a replayed moment, a rebuilt index): the marker's
        // element is rewritten where it is, not removed and created again with its listeners.
        reused.marker.options.icon = icon;
        element.innerHTML = icon.options.html as string;
        element.style.width = element.style.height = `${size}px`;
        element.style.marginLeft = element.style.marginTop = `${-size / 2}px`;
        reused.signature = signature;
        reused.clusterId = item.clusterId;
        reused.obstacle = { lat, lon, box };
        return;
      }
      reused?.marker.remove();
      const marker = L.marker([lat, lon], {
        icon,
        keyboard: true,
        pane: CLUSTERS_PANE,
        zIndexOffset: variant === 'alerts' ? 2000 : 0,
      });
      const entry = { marker, signature, clusterId: item.clusterId, obstacle: { lat, lon, box } };
      marker.on('click', () => {
        // A cluster drawn from an older hierarchy (a report came or moved since) zooms in two steps.
        // Where the marker is now: it may have been moved to another cluster's place since.
        const place = marker.getLatLng();
        void (client.current?.expansionZoom(entry.clusterId) ?? Promise.resolve(null)).then((zoom) => {
          map.flyTo(place, Math.min(zoom ?? map.getZoom() + 2, 18), { duration: 0.4 });
        });
      });
      marker.addTo(layer);
      describeForKeyboard(marker, null);
      known.set(key, entry);
    };
    const drawPoint = (item: Extract<IndexedItem, { cluster: false }>, point: ReportSummary, pulse: boolean, offset: { dx: number; dy: number } | undefined, seen: Set<string>) => {
      const { lat, lon } = item;
      const key = `r${point.id}`;
      seen.add(key);
      const isSelected = point.id === selected.current;
      const pulsing = pulse && point.kind === 'alert' && point.status === 'reported';
      const signature = `${point.kind}|${point.status}|${point.marking}|${point.title}|${isSelected}|${pulsing}|${lat},${lon}|${offset ? `${offset.dx},${offset.dy}` : ''}`;
      const existing = known.get(key);
      if (existing?.signature === signature) return;
      existing?.marker.remove();
      const classes = [
        'report-marker',
        `report-marker--${point.kind}`,
        `report-marker--${point.status}`,
        `report-marker--tlp-${markingSuffix(point.marking)}`,
        isSelected ? 'report-marker--selected' : '',
        pulsing ? 'report-marker--pulse' : '',
      ];
      const half = point.kind === 'alert' ? 14 : 11;
      if (offset) classes.push('report-marker--fanned');
      const title = `${point.title} — ${reportKindLabel(point.kind)}, ${reportStatusLabel(point.status)}, ${point.marking}`;
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({
          className: classes.filter(Boolean).join(' '),
          html: `${reportGlyph(point.kind)}<i class="report-marker__tlp"></i>`,
          iconSize: [half * 2, half * 2],
          // A fanned-out marker is drawn beside its place: the anchor moves, the place does not.
          iconAnchor: [half - (offset?.dx ?? 0), half - (offset?.dy ?? 0)],
        }),
        title,
        keyboard: true,
        ...(offset ? { pane: CLUSTERS_PANE } : {}),
        riseOnHover: true,
        zIndexOffset: variant === 'alerts' ? 3000 : isSelected ? 1000 : 0,
      });
      const id = point.id;
      marker.on('click', () => select(id));
      marker.addTo(layer);
      marker.getElement()?.setAttribute('data-report-id', id);
      describeForKeyboard(marker, title);
      // The ring of an open alert (7 px), the TLP chip (4 px), the selection outline (6 px) reach past the icon.
      const margin = point.kind === 'alert' && point.status === 'reported' ? 7 : isSelected ? 6 : 4;
      const [dx, dy] = [offset?.dx ?? 0, offset?.dy ?? 0];
      const box = { left: dx - half - margin, top: dy - half - margin, right: dx + half + margin, bottom: dy + half + margin };
      known.set(key, { marker, signature, obstacle: { lat, lon, box } });
    };
    const draw = (items: IndexedItem[]) => {
      shown = items;
      const clusters = client.current;
      if (!clusters || !map.hasLayer(layer)) return;
      const seen = new Set<string>();
      const reports = new Map<string, ReportSummary>();
      const places: { id: string; x: number; y: number }[] = [];
      let openAlerts = 0;
      for (const item of items) {
        const report = item.cluster ? undefined : clusters.report(item.id);
        if (item.cluster || !report) continue;
        reports.set(item.id, report);
        places.push({ id: item.id, ...map.latLngToContainerPoint([item.lat, item.lon]) });
        if (report.kind === 'alert' && report.status === 'reported') openAlerts++;
      }
      // A pulsing ring draws the eye to an open alert; dozens of them would only make noise (and cost frames).
      const pulse = openAlerts <= PULSING_ALERTS;
      // Reports on one place (beyond the zoom where they cluster) fan out instead of stacking.
      const fanned = fanOut(places);
      // Clusters of the last answer that this one has nowhere: markers to move to its new places.
      const clusterKeys = new Set<string>();
      for (const item of items) if (item.cluster) clusterKeys.add(clusterKey(item));
      const spare = [...known.keys()].filter((key) => key.startsWith('c') && !clusterKeys.has(key));
      // In the index's order (the markers' order for the keyboard, as before the worker).
      for (const item of items) {
        if (item.cluster) drawCluster(item, seen, spare);
        else {
          const report = reports.get(item.id);
          if (report) drawPoint(item, report, pulse, fanned.get(item.id), seen);
        }
      }
      for (const [key, existing] of known) {
        if (!seen.has(key)) {
          existing.marker.remove();
          known.delete(key);
        }
      }
      publishObstacles(map, variant, [...known.values()].map((entry) => entry.obstacle));
      // Drawn, unless this answer was overtaken and the newer one is still on its way.
      if (!clusters.asking) reportsPending(map, variant, false);
    };
    const clusters = new ClusterClient({ radius: variant === 'alerts' ? 90 : 120 }, draw);
    client.current = clusters;
    ask.current = () => {
      if (!map.hasLayer(layer)) return;
      const bounds = map.getBounds().pad(0.25);
      reportsPending(map, variant, true);
      clusters.ask({
        bbox: [Math.max(-180, bounds.getWest()), Math.max(-85, bounds.getSouth()), Math.min(180, bounds.getEast()), Math.min(85, bounds.getNorth())],
        zoom: Math.floor(map.getZoom()),
      });
    };
    redraw.current = () => draw(shown);
    const onMoveEnd = () => ask.current();
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
      clusters.close();
      client.current = null;
      layer.remove();
      known.clear();
      publishObstacles(map, variant, []);
      reportsPending(map, variant, false);
      group.current = null;
    };
  }, [map, variant]);

  const indexed = useRef<readonly ReportSummary[]>([]);

  // Data: the index is told what changed and asked again; a change of looks alone is drawn from the last answer.
  useLayoutEffect(() => {
    if (client.current) client.current.holdAbsent = replaying;
    if (sameReports(indexed.current, reports)) return;
    indexed.current = reports;
    if (client.current?.update(reports)) ask.current();
    else redraw.current();
  }, [reports, variant, replaying]);

  useEffect(() => {
    selected.current = selectedId;
    redraw.current();
  }, [selectedId]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    if (visible) {
      layer.addTo(map);
      ask.current();
    } else {
      layer.remove();
      publishObstacles(map, variant, []);
      reportsPending(map, variant, false);
    }
  }, [map, visible, variant]);

  return null;
}

/**
 * Leaflet makes a keyboard marker focusable; this says it is a button, names it (unless its own
 * text does), and opens it with Enter or Space as a button opens.
 */
function describeForKeyboard(marker: L.Marker, label: string | null): void {
  const element = marker.getElement();
  if (!element) return;
  element.setAttribute('role', 'button');
  if (label) element.setAttribute('aria-label', label);
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    marker.fire('click');
  });
}

/** A cluster's marker key: its place (`c` first: a report's key begins with `r`). */
function clusterKey(item: { lat: number; lon: number }): string {
  return `c${item.lat.toFixed(4)},${item.lon.toFixed(4)}`;
}

/** The same report objects in the same order: nothing to re-index (reports are replaced, never mutated). */
function sameReports(a: readonly ReportSummary[], b: readonly ReportSummary[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
