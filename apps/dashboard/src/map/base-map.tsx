import L, { type LatLngBoundsLiteral } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import './base-map.css';
import { AfterATask } from './after-a-task';
import { ASEAN_BOUNDS, type CountryCollection, loadCountryOutlines } from './basemap';
import { CountryOutlinesLayer } from './layers/country-outlines-layer';
import { TileLayer } from './layers/tile-layer';
import { VectorBasemapLayers } from './layers/vector-basemap-layers';
import { useDocumentTheme } from './use-document-theme';
import './leaflet-icons';
import { common } from '../i18n/common';
import { BASEMAP_PANE, MapContext } from './map-context';
import { markLoadStep } from '../app/load-marks';

export type BasemapStatus = 'loading' | 'ready' | 'error';

export interface BaseMapProps {
  /** Optional raster tiles (from `GET /api/client-config`); without them the embedded outlines are the whole basemap. */
  tileUrl?: string | null;
  tileAttribution?: string | null;
  /** The server has a PMTiles vector basemap (`BASEMAP_PMTILES`); without it the GSHHG ground layers are drawn. */
  vectorBasemap?: boolean;
  /** Draw the vector ground at all (default true); the field page's picker leaves it out: phones on poor links, often offline. */
  ground?: boolean;
  /** Operational layers: components that use `useLeafletMap()`. */
  children?: ReactNode;
  onBasemapStatus?: (status: BasemapStatus) => void;
  /** The first view (`[[south, west], [north, east]]`); the ASEAN region when not given. Read once, at creation. */
  initialBounds?: LatLngBoundsLiteral;
}

const NATURAL_EARTH_ATTRIBUTION = 'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a>';

/**
 * The map, created once per mount and framed on the ASEAN region, with the embedded country
 * outlines. Layers are child components; none of them holds a socket or per-marker state.
 */
export function BaseMap({ tileUrl, tileAttribution, vectorBasemap = false, ground = true, children, onBasemapStatus, initialBounds }: BaseMapProps) {
  const theme = useDocumentTheme();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [countries, setCountries] = useState<CountryCollection | null>(null);
  const [status, setStatus] = useState<BasemapStatus>('loading');

  // Framed where it will be looked at from the start: re-framing later would project every outline twice.
  const [firstBounds] = useState(() => initialBounds ?? ASEAN_BOUNDS);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = L.map(element, {
      zoomSnap: 0.25,
      minZoom: 2,
      maxZoom: 18,
      worldCopyJump: true,
      attributionControl: true,
    });
    created.createPane(BASEMAP_PANE).style.zIndex = '250';
    created.attributionControl.addAttribution(NATURAL_EARTH_ATTRIBUTION);
    created.fitBounds(firstBounds);
    // The container can change size after first layout (fonts, header); keep Leaflet's idea of it current.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => created.invalidateSize());
    resize?.observe(element);
    setMap(created);
    markLoadStep('map-created');
    return () => {
      resize?.disconnect();
      created.remove();
      setMap(null);
    };
  }, [firstBounds]);

  useEffect(() => {
    let cancelled = false;
    loadCountryOutlines().then(
      (loaded) => {
        if (cancelled) return;
        setCountries(loaded);
        setStatus('ready');
        performance.mark?.('lintas:basemap-ready');
      },
      (error: unknown) => {
        if (cancelled) return;
        console.error('basemap: the embedded country outlines failed to load', error);
        setStatus('error');
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // Toggled on the element, not through React's className: that would wipe the classes Leaflet
  // added (leaflet-container and its overflow clip) when the configuration arrives after the map.
  const overTiles = !!tileUrl || vectorBasemap;
  useEffect(() => {
    container.current?.classList.toggle('base-map--tiles', overTiles);
  }, [overTiles]);

  useEffect(() => {
    onBasemapStatus?.(status);
  }, [status, onBasemapStatus]);

  return (
    <div
      ref={container}
      className="base-map"
      data-testid="map"
      data-basemap={status}
      role="region"
      aria-label={common.t('map.label')}
    >
      {map && (
        <MapContext.Provider value={map}>
          {tileUrl && <TileLayer url={tileUrl} attribution={tileAttribution} />}
          <CountryOutlinesLayer countries={countries} />
          {ground && <VectorBasemapLayers archive={vectorBasemap} theme={theme} />}
          {/* The operational layers join a task after the ground: its tile requests go out (and the
              outlines in view are drawn) before the layers' own long draw, not after it. */}
          <AfterATask>{children}</AfterATask>
        </MapContext.Provider>
      )}
    </div>
  );
}
