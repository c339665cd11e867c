import L from 'leaflet';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { t } from '../../i18n/i18n';
import { useLeafletMap } from '../map-context';
import { formatBearing, formatDecimal, formatDistance, formatMgrs, formatPoint, type LatLon, measure, parseCoordinates } from './coordinates';
import { copyText } from './copy-text';
import './map-tools.css';

/** Zoom a "go to" opens at, unless the map is already closer. */
const GOTO_ZOOM = 14;

/**
 * The map's tools: a scale bar, the cursor's coordinates (decimal degrees and MGRS), a distance
 * and bearing measure between two clicked points, "go to coordinates" and "copy coordinates" (of
 * the last point clicked or gone to, else the map's centre). The panel is a portal into the map's
 * element, so it stays inside the map's region for assistive technology.
 */
export function MapTools() {
  const map = useLeafletMap();
  const readout = useRef<HTMLSpanElement>(null);
  const [measuring, setMeasuring] = useState(false);
  const [points, setPoints] = useState<LatLon[]>([]);
  const [picked, setPicked] = useState<LatLon | null>(null);
  const [gotoOpen, setGotoOpen] = useState(false);
  const [gotoText, setGotoText] = useState('');
  const [gotoError, setGotoError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const container = useMemo(() => {
    const element = L.DomUtil.create('div', 'map-tools');
    L.DomEvent.disableClickPropagation(element);
    L.DomEvent.disableScrollPropagation(element);
    return element;
  }, []);

  useEffect(() => {
    map.getContainer().appendChild(container);
    const scale = L.control.scale({ imperial: false, position: 'bottomleft', maxWidth: 160 }).addTo(map);
    // The cursor moves far more often than React should render: the readout is written directly.
    let frame = 0;
    const onMove = (event: L.LeafletMouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const point = { lat: event.latlng.lat, lon: event.latlng.lng };
        if (readout.current) readout.current.textContent = `${formatDecimal(point)} · ${formatMgrs(point) ?? '—'}`;
      });
    };
    map.on('mousemove', onMove);
    return () => {
      cancelAnimationFrame(frame);
      map.off('mousemove', onMove);
      scale.remove();
      container.remove();
    };
  }, [map, container]);

  // A click picks a point; while measuring, the first two clicks are the ends (a third starts again).
  useEffect(() => {
    const onClick = (event: L.LeafletMouseEvent) => {
      const point = { lat: event.latlng.lat, lon: event.latlng.lng };
      setPicked(point);
      if (measuring) setPoints((current) => (current.length >= 2 ? [point] : [...current, point]));
    };
    map.on('click', onClick);
    map.getContainer().classList.toggle('map--measuring', measuring);
    return () => {
      map.off('click', onClick);
      map.getContainer().classList.remove('map--measuring');
    };
  }, [map, measuring]);

  // The measured line and its ends.
  useEffect(() => {
    if (points.length === 0) return;
    const latLngs = points.map((point) => L.latLng(point.lat, point.lon));
    const group = L.layerGroup([
      ...latLngs.map((latLng) => L.circleMarker(latLng, { radius: 4, className: 'measure-end', interactive: false })),
      ...(latLngs.length === 2 ? [L.polyline(latLngs, { className: 'measure-line', dashArray: '6 4', interactive: false })] : []),
    ]).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, points]);

  // The point gone to or picked, marked so it can be found again.
  useEffect(() => {
    if (!picked || measuring) return;
    const mark = L.circleMarker([picked.lat, picked.lon], { radius: 6, className: 'picked-point', interactive: false }).addTo(map);
    return () => {
      mark.remove();
    };
  }, [map, picked, measuring]);

  const result = points.length === 2 ? measure(points[0], points[1]) : null;

  const toggleMeasure = () => {
    setMeasuring((on) => !on);
    setPoints([]);
  };
  const goTo = (event: FormEvent) => {
    event.preventDefault();
    const point = parseCoordinates(gotoText);
    if (!point) {
      setGotoError(t('mapTools.goto.invalid'));
      return;
    }
    setGotoError(null);
    setPicked(point);
    map.setView([point.lat, point.lon], Math.max(map.getZoom(), GOTO_ZOOM));
  };
  const copy = async () => {
    const centre = map.getCenter();
    const text = formatPoint(picked ?? { lat: centre.lat, lon: centre.lng });
    setStatus((await copyText(text)) ? t('mapTools.copy.done', { point: text }) : t('mapTools.copy.failed', { point: text }));
  };

  return createPortal(
    <div className="map-tools__panel" role="group" aria-label={t('mapTools.label')}>
      <div className="map-tools__buttons">
        <button type="button" className="map-tools__button" aria-pressed={measuring} onClick={toggleMeasure} data-testid="tool-measure" title={t('mapTools.measure')}>
          {measuring ? t('mapTools.measure.stop') : t('mapTools.measure')}
        </button>
        <button type="button" className="map-tools__button" aria-expanded={gotoOpen} onClick={() => setGotoOpen((open) => !open)} data-testid="tool-goto">
          {t('mapTools.goto')}
        </button>
        <button type="button" className="map-tools__button" onClick={() => void copy()} data-testid="tool-copy">
          {t('mapTools.copy')}
        </button>
      </div>
      {gotoOpen && (
        <form className="map-tools__goto" onSubmit={goTo} data-testid="goto-form">
          <input
            type="text"
            value={gotoText}
            onChange={(event) => setGotoText(event.target.value)}
            placeholder={t('mapTools.goto.placeholder')}
            aria-label={t('mapTools.goto.input')}
            aria-invalid={gotoError !== null}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="map-tools__button">
            {t('mapTools.goto.submit')}
          </button>
          {gotoError && <p role="alert">{gotoError}</p>}
        </form>
      )}
      <div className="map-tools__readout">
        <span className="map-tools__cursor" data-testid="cursor-coordinates" ref={readout} title={t('mapTools.cursor')} />
        {measuring && !result && <span>{t('mapTools.measure.hint')}</span>}
        {result && (
          <output data-testid="measure-result" data-metres={result.metres.toFixed(1)} data-bearing={result.bearing.toFixed(1)}>
            {t('mapTools.measure.result', { distance: formatDistance(result.metres), bearing: formatBearing(result.bearing) })}
          </output>
        )}
        {picked && !measuring && (
          <span data-testid="picked-point">
            {t('mapTools.picked')}: {formatPoint(picked)}
          </span>
        )}
        {status && (
          <span role="status" data-testid="copy-status">
            {status}
          </span>
        )}
      </div>
    </div>,
    container,
  );
}
