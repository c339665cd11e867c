import { distanceMetres, type PositionInput, positionInputSchema, type Site, TEAM_STATUSES, type TeamStatus } from '@lintas/contracts';
import { lazy, Suspense, useEffect, useEffectEvent, useRef, useState } from 'react';
import { teamStatusLabel } from '../ui/labels';
import { formatTime } from '../ui/time-text';
import { ft } from '../i18n/field-i18n';
import { currentPosition, watchPositions } from './geolocation';
import { issueText } from './issue-text';
import type { Assignment } from './use-field-context';

/** Leaflet and the basemap are loaded only when the officer opens the map. */
const MapPicker = lazy(() => import('./map-picker'));

/** While tracking, a fix is queued when the team moved this far, or this long after the last one. */
const TRACK_MIN_METRES = 50;
const TRACK_MAX_SECONDS = 60;

export interface TeamPanelProps {
  assignment: Assignment;
  sites: readonly Site[];
  /** The status the officer last chose (queued or delivered), else the server's. */
  currentStatus: TeamStatus;
  statusPending: boolean;
  onStatus(status: TeamStatus): void;
  onPosition(position: PositionInput): Promise<void>;
}

/** One tap for the team's status; the team's position from the phone or from the map. */
export function TeamPanel({ assignment, sites, currentStatus, statusPending, onStatus, onPosition }: TeamPanelProps) {
  const [locating, setLocating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [tracking, setTracking] = useState(false);
  const [last, setLast] = useState<PositionInput | null>(assignment.team.lastPosition);
  const lastQueued = useRef<PositionInput | null>(null);

  const queue = async (position: PositionInput) => {
    const parsed = positionInputSchema.safeParse(position);
    if (!parsed.success) {
      setMessage(ft('position.noGps', { reason: parsed.error.issues[0] ? issueText(parsed.error.issues[0]) : ft('issue.invalid') }));
      return;
    }
    await onPosition(parsed.data);
    lastQueued.current = parsed.data;
    setLast(parsed.data);
    setMessage(ft('position.queued', { accuracy: parsed.data.accuracy === null ? ft('position.pickedOnMap') : `±${Math.round(parsed.data.accuracy)} m` }));
  };

  const sendGps = async () => {
    setLocating(true);
    setMessage(null);
    try {
      await queue(await currentPosition());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage(reason === 'unsupported' ? ft('position.unsupported') : ft('position.noGps', { reason }));
    } finally {
      setLocating(false);
    }
  };

  // An effect event: the watch is not restarted on each render (that would drop fixes), yet it queues with the current `queue`.
  const tracked = useEffectEvent((fix: PositionInput) => {
    const previous = lastQueued.current;
    const seconds = previous ? (Date.parse(fix.at) - Date.parse(previous.at)) / 1000 : Infinity;
    if (previous && seconds < TRACK_MAX_SECONDS && distanceMetres(previous, fix) < TRACK_MIN_METRES) return;
    void queue(fix);
  });
  useEffect(() => {
    if (!tracking) return;
    return watchPositions(
      (fix) => tracked(fix),
      (reason) => setMessage(reason === 'unsupported' ? ft('position.unsupported') : ft('position.noGps', { reason })),
    );
  }, [tracking]);

  const site = sites.find((candidate) => candidate.id === assignment.team.siteId) ?? null;
  const centre = last ?? (site ? { lat: site.lat, lon: site.lon } : null);

  return (
    <div className="field-panel" data-testid="team-panel">
      <section aria-labelledby="field-status-title">
        <h2 id="field-status-title">{ft('status.title')}</h2>
        <p className="field-muted" data-testid="team-status-current">
          {statusPending ? ft('status.pending', { status: teamStatusLabel(currentStatus) }) : ft('status.current', { status: teamStatusLabel(currentStatus) })}
        </p>
        <div className="field-status-grid" role="group" aria-label={ft('status.title')}>
          {TEAM_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`field-button field-status-button field-status-button--${status}`}
              aria-pressed={status === currentStatus}
              onClick={() => onStatus(status)}
              data-testid={`status-${status}`}
            >
              {teamStatusLabel(status)}
            </button>
          ))}
        </div>
      </section>

      <section aria-labelledby="field-position-title">
        <h2 id="field-position-title">{ft('position.title')}</h2>
        <div className="field-actions">
          <button type="button" className="field-button field-button--primary" onClick={sendGps} disabled={locating} data-testid="position-gps">
            {locating ? ft('position.locating') : ft('position.gps')}
          </button>
          <button type="button" className="field-button" onClick={() => setMapOpen(true)} data-testid="position-map">
            {ft('position.map')}
          </button>
          <label className="field-switch">
            <input type="checkbox" checked={tracking} onChange={(event) => setTracking(event.target.checked)} data-testid="position-track" />
            <span>{ft('position.track')}</span>
          </label>
        </div>
        {message && (
          <p className="field-muted" role="status" data-testid="position-message">
            {message}
          </p>
        )}
        {last && (
          <p className="field-muted">
            {ft('position.last', { lat: last.lat.toFixed(5), lon: last.lon.toFixed(5), time: formatTime(last.at, 'time') })}
          </p>
        )}
      </section>

      {mapOpen && (
        <Suspense fallback={<div className="field-map-dialog field-map-dialog--loading">…</div>}>
          <MapPicker
            sites={sites}
            centre={centre}
            onCancel={() => setMapOpen(false)}
            onPick={(point) => {
              setMapOpen(false);
              void queue({ lat: point.lat, lon: point.lon, heading: null, speed: null, accuracy: null, at: new Date().toISOString() });
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
