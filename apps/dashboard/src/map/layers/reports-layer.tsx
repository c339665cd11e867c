import type { Marking, ReportKind, ReportSummary, ReportStatus } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useEffectEvent, useRef } from 'react';
import Supercluster from 'supercluster';
import { tn } from '../../i18n/i18n';
import { reportKindLabel, reportStatusLabel } from '../../ui/labels';
import { useLeafletMap } from '../map-context';
import { escapeHtml, markingSuffix, reportGlyph } from '../map-glyphs';
import { fanOut } from './fan-out';
import { type MarkerObstacle, publishObstacles } from './marker-obstacles';

interface PointProps {
  id: string;
  kind: ReportKind;
  status: ReportStatus;
  marking: Marking;
  title: string;
}
interface ClusterProps {
  /** Reports in the cluster still waiting for a verdict. */
  open: number;
}

export interface ReportsLayerProps {
  reports: readonly ReportSummary[];
  /** Alerts are drawn on their own layer, above the rest, with tighter clusters so they separate sooner. */
  variant: 'reports' | 'alerts';
  visible: boolean;
  selectedId: string | null;
  onSelect: (reportId: string) => void;
}

/**
 * Clusters and fanned-out markers sit above the teams (620): a click on them must expand them or
 * open the report, never reach a team drawn at the same place.
 */
export const CLUSTERS_PANE = 'lintas-clusters';

/** Open alerts drawn with a pulsing ring, at most. */
const PULSING_ALERTS = 25;

/** Rebuilding the cluster index is the expensive step; a burst of new reports rebuilds at most this often. */
const REBUILD_MS = 250;

/**
 * Reports as markers by kind, status and marking, clustered with supercluster when dense. The
 * index is rebuilt when the reports change (coalesced); moving the map only asks the index for
 * what is in view and reconciles a keyed set of markers.
 */
export function ReportsLayer({ reports, variant, visible, selectedId, onSelect }: ReportsLayerProps) {
  const map = useLeafletMap();
  const group = useRef<L.LayerGroup | null>(null);
  const index = useRef<Supercluster<PointProps, ClusterProps> | null>(null);
  const markers = useRef(new Map<string, { marker: L.Marker; signature: string; clusterId?: number; obstacle: MarkerObstacle }>());
  const selected = useRef(selectedId);
  const select = useEffectEvent((id: string) => onSelect(id));
  const draw = useRef<() => void>(() => undefined);
  const lastBuild = useRef(0);

  useEffect(() => {
    const layer = L.layerGroup();
    group.current = layer;
    if (!map.getPane(CLUSTERS_PANE)) map.createPane(CLUSTERS_PANE).style.zIndex = '630';
    const known = markers.current;
    draw.current = () => {
      const clusters = index.current;
      if (!clusters || !map.hasLayer(layer)) return;
      const bounds = map.getBounds().pad(0.25);
      const bbox: [number, number, number, number] = [
        Math.max(-180, bounds.getWest()),
        Math.max(-85, bounds.getSouth()),
        Math.min(180, bounds.getEast()),
        Math.min(85, bounds.getNorth()),
      ];
      const features = clusters.getClusters(bbox, Math.floor(map.getZoom()));
      const seen = new Set<string>();
      // A pulsing ring draws the eye to an open alert; dozens of them would only make noise (and cost frames).
      let openAlerts = 0;
      for (const feature of features) {
        const p = feature.properties as Partial<PointProps> & { cluster?: boolean };
        if (!p.cluster && p.kind === 'alert' && p.status === 'reported') openAlerts++;
      }
      const pulse = openAlerts <= PULSING_ALERTS;
      // Reports on one place (beyond the zoom where they cluster) fan out instead of stacking.
      const fanned = fanOut(
        features.flatMap((feature) => {
          const p = feature.properties as Partial<PointProps> & { cluster?: boolean };
          if (p.cluster || !p.id) return [];
          const [lon, lat] = feature.geometry.coordinates;
          return [{ id: p.id, ...map.latLngToContainerPoint([lat, lon]) }];
        }),
      );
      for (const feature of features) {
        const [lon, lat] = feature.geometry.coordinates;
        const properties = feature.properties as (PointProps & { cluster?: false }) | (ClusterProps & Supercluster.ClusterProperties);
        if ('cluster' in properties && properties.cluster) {
          // Keyed by place, not by cluster number: a rebuilt index renumbers its clusters, and
          // re-creating hundreds of markers for that would cost more than the rebuild.
          const key = `c${lat.toFixed(4)},${lon.toFixed(4)}`;
          seen.add(key);
          const signature = `${properties.point_count}|${properties.open}`;
          const existing = known.get(key);
          if (existing?.signature === signature) {
            existing.clusterId = properties.cluster_id;
            continue;
          }
          const size = properties.point_count < 10 ? 30 : properties.point_count < 100 ? 36 : properties.point_count < 1000 ? 42 : 48;
          const icon = L.divIcon({
            className: `report-cluster report-cluster--${variant}`,
            // Named by its hidden text (what it is and does); the figures are for the eye.
            html: `<span class="visually-hidden">${escapeHtml(tn('marker.cluster', properties.point_count))}</span><span aria-hidden="true">${properties.point_count_abbreviated}</span>${properties.open ? `<b class="report-cluster__open" aria-hidden="true">${properties.open}</b>` : ''}`,
            iconSize: [size, size],
            iconAnchor: [size / 2, size / 2],
          });
          // The count of open reports is a badge over the top right corner.
          const badge = properties.open ? { top: 6, right: 8 } : { top: 0, right: 0 };
          const box = { left: -size / 2, top: -size / 2 - badge.top, right: size / 2 + badge.right, bottom: size / 2 };
          const element = existing?.marker.getElement();
          if (existing && element) {
            // Another count on the same place (a replayed moment, a rebuilt index): the marker's
            // element is rewritten where it is, not removed and created again with its listeners.
            existing.marker.options.icon = icon;
            element.innerHTML = icon.options.html as string;
            element.style.width = element.style.height = `${size}px`;
            element.style.marginLeft = element.style.marginTop = `${-size / 2}px`;
            existing.signature = signature;
            existing.clusterId = properties.cluster_id;
            existing.obstacle = { lat, lon, box };
            continue;
          }
          existing?.marker.remove();
          const marker = L.marker([lat, lon], {
            icon,
            keyboard: true,
            pane: CLUSTERS_PANE,
            zIndexOffset: variant === 'alerts' ? 2000 : 0,
          });
          const entry = { marker, signature, clusterId: properties.cluster_id, obstacle: { lat, lon, box } };
          marker.on('click', () => {
            const zoom = Math.min(index.current?.getClusterExpansionZoom(entry.clusterId) ?? map.getZoom() + 2, 18);
            map.flyTo([lat, lon], zoom, { duration: 0.4 });
          });
          marker.addTo(layer);
          describeForKeyboard(marker, null);
          known.set(key, entry);
        } else {
          const point = properties as PointProps;
          const key = `r${point.id}`;
          seen.add(key);
          const isSelected = point.id === selected.current;
          const pulsing = pulse && point.kind === 'alert' && point.status === 'reported';
          const offset = fanned.get(point.id);
          const signature = `${point.kind}|${point.status}|${point.marking}|${isSelected}|${pulsing}|${lat},${lon}|${offset ? `${offset.dx},${offset.dy}` : ''}`;
          const existing = known.get(key);
          if (existing?.signature === signature) continue;
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
          marker.on('click', () => select(point.id));
          marker.addTo(layer);
          marker.getElement()?.setAttribute('data-report-id', point.id);
          describeForKeyboard(marker, title);
          // The ring of an open alert (7 px), the TLP chip (4 px), the selection outline (6 px) reach past the icon.
          const margin = point.kind === 'alert' && point.status === 'reported' ? 7 : isSelected ? 6 : 4;
          const [dx, dy] = [offset?.dx ?? 0, offset?.dy ?? 0];
          const box = { left: dx - half - margin, top: dy - half - margin, right: dx + half + margin, bottom: dy + half + margin };
          known.set(key, { marker, signature, obstacle: { lat, lon, box } });
        }
      }
      for (const [key, existing] of known) {
        if (!seen.has(key)) {
          existing.marker.remove();
          known.delete(key);
        }
      }
      publishObstacles(map, variant, [...known.values()].map((entry) => entry.obstacle));
    };
    const redraw = () => draw.current();
    map.on('moveend', redraw);
    return () => {
      map.off('moveend', redraw);
      layer.remove();
      known.clear();
      publishObstacles(map, variant, []);
      group.current = null;
    };
  }, [map, variant]);

  const indexed = useRef<readonly ReportSummary[]>([]);

  // Data: rebuild the index (at most every REBUILD_MS), then draw.
  useEffect(() => {
    if (sameReports(indexed.current, reports)) return;
    const build = () => {
      indexed.current = reports;
      lastBuild.current = performance.now();
      const points: Supercluster.PointFeature<PointProps>[] = [];
      for (const report of reports) {
        if (report.lat === null || report.lon === null) continue;
        points.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [report.lon, report.lat] },
          properties: { id: report.id, kind: report.kind, status: report.status, marking: report.marking, title: report.title },
        });
      }
      const clusters = new Supercluster<PointProps, ClusterProps>({
        // Supercluster's radius is in 1/512 of a tile; Leaflet's tiles are 256 px: 120 ≈ 60 screen pixels.
        radius: variant === 'alerts' ? 90 : 120,
        minZoom: 4,
        maxZoom: 15,
        map: (properties) => ({ open: properties.status === 'reported' ? 1 : 0 }),
        reduce: (accumulated, properties) => {
          accumulated.open += properties.open;
        },
      });
      clusters.load(points);
      index.current = clusters;
      // Clusters were renumbered: markers keyed by the old numbers are reconciled by the draw.
      draw.current();
    };
    const wait = REBUILD_MS - (performance.now() - lastBuild.current);
    if (wait <= 0 || index.current === null) {
      build();
      return;
    }
    const timer = setTimeout(build, wait);
    return () => clearTimeout(timer);
  }, [reports, variant]);

  useEffect(() => {
    selected.current = selectedId;
    draw.current();
  }, [selectedId]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    if (visible) {
      layer.addTo(map);
      draw.current();
    } else {
      layer.remove();
      publishObstacles(map, variant, []);
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

/** The same report objects in the same order: nothing to re-index (reports are replaced, never mutated). */
function sameReports(a: readonly ReportSummary[], b: readonly ReportSummary[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
