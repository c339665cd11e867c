import type { Marking, Operation, Report, Team, User } from '@lintas/contracts';
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useClientConfig } from '../../app/client-config';
import { useUser } from '../../auth/session-context';
import { type MessageKey, t } from '../../i18n/i18n';
import { BaseMap } from '../../map/base-map';
import { AreaLayer } from '../../map/layers/area-layer';
import { type MapController, MapControllerBridge } from '../../map/layers/map-controller';
import { ReportsLayer } from '../../map/layers/reports-layer';
import { SitesLayer } from '../../map/layers/sites-layer';
import { TeamsLayer } from '../../map/layers/teams-layer';
import { ViewportReporter } from '../../map/layers/viewport-reporter';
import '../../map/operation-layers.css';
import { useOperationId, useOperationSelector, useOperationStore, useThrottledOperationSelector } from '../../realtime/operation-realtime';
import { operationFetchedAhead } from '../../realtime/snapshot-prefetch';
import { ExerciseMark } from '../../ui/exercise-mark';
import { operationRoleLabel, operationStatusLabel } from '../../ui/labels';
import { agencyColours, UNKNOWN_AGENCY_COLOUR } from './agency-colours';
import { useAcknowledgedAlerts } from './alert-acknowledgements';
import { ConnectionIndicator } from './connection-indicator';
import { FiguresPanel } from './figures-panel';
import { HelpOverlay } from './help-overlay';
import { LayerControls } from './layer-controls';
import { MarkingBanner, markingOnScreen } from './marking-banner';
import './operation-view.css';
import { filterReports, filterTeams, isStale as teamIsStale } from './report-filter';
import { ReportDetail } from './report-detail';
import { RosterPanel } from './roster-panel';
import { LAYER_KEYS, useShortcuts } from './shortcuts';
import { TeamDetail } from './team-detail';
import { TIMELINE_SHOWN, TimelinePanel } from './timeline-panel';
import { useNow } from './use-now';
import { useViewFilters } from './use-view-filters';
import { LAYERS, layerOn, PANELS, type PanelName, toggle, type ViewFilters } from './view-filters';

/**
 * The operation view: the map in the middle, the live panels beside it, the marking banner above.
 * The map is there from the first moment (its outlines drawn while the snapshot loads); the
 * operation's layers and panels join it when the snapshot arrives.
 */
export function OperationView() {
  const operation = useOperationSelector((state) => state.operation);
  const connection = useOperationSelector((state) => state.connection);
  if (!operation && connection.status === 'failed') {
    return (
      <section className="page-message" data-testid="operation-loading">
        <h2>{t('operation.unavailable')}</h2>
        <p role="alert">{connection.message}</p>
        <p>
          <Link to="/">{t('notFound.back')}</Link>
        </p>
      </section>
    );
  }
  return <OperationScreen operation={operation} />;
}

function OperationScreen({ operation }: { operation: Operation | null }) {
  const user = useUser();
  const store = useOperationStore();
  const { config } = useClientConfig();
  const staleSeconds = config?.positionStaleSeconds ?? 300;
  const [filters, setFilters] = useViewFilters();
  const [help, setHelp] = useState(false);
  const [bounds, setBounds] = useState<L.LatLngBounds | null>(null);
  const mapController = useRef<MapController | null>(null);
  const now = useNow(15_000);
  const operationId = useOperationId();
  const readOnly = operation?.myRole === 'observer' || user.role === 'liaison' || user.role === 'field';

  const reports = useOperationSelector((state) => state.reports);
  const timeline = useOperationSelector((state) => state.timeline);
  const historyLoaded = useOperationSelector((state) => state.historyLoaded);
  // Positions may arrive a hundred times a second: the panels follow them twice a second.
  const teams = useThrottledOperationSelector((state) => state.teams, 500);

  const participants = operation?.participants ?? NONE;
  const sites = operation?.sites ?? NONE;
  const colours = useMemo(() => agencyColours(participants), [participants]);
  const colourOf = useCallback((agencyId: string) => colours.get(agencyId) ?? UNKNOWN_AGENCY_COLOUR, [colours]);
  const isStale = useCallback((team: Team) => teamIsStale(team, now, staleSeconds), [now, staleSeconds]);
  // The time window moves with the clock; without one, the filtered list changes only with the data.
  const windowClock = filters.window === 'all' ? 0 : Math.floor(now / 60_000) * 60_000;
  // Keyed on the filters that matter, so that selecting an item or switching a panel (also in the URL) changes nothing here.
  const reportKey = `${filters.kinds}|${filters.statuses}|${filters.markings}|${filters.agencies}|${filters.window}`;
  const teamKey = `${filters.markings}|${filters.agencies}`;
  const filteredReports = useMemo(() => filterReports(reports.values(), filters, windowClock), [reports, reportKey, windowClock]);
  const filteredTeams = useMemo(() => filterTeams(teams.values(), filters), [teams, teamKey]);
  const { acknowledged, acknowledge } = useAcknowledgedAlerts(user.id, operationId);

  const siteNames = useMemo(() => new Map(sites.map((site) => [site.id, site.name])), [sites]);
  const siteName = useCallback((siteId: string) => siteNames.get(siteId) ?? null, [siteNames]);
  const agencyName = useCallback((agencyId: string) => participants.find((p) => p.agency.id === agencyId)?.agency.code ?? agencyId.slice(0, 8), [participants]);
  const teamName = useCallback((teamId: string) => store.getState().teams.get(teamId)?.callSign ?? null, [store]);

  const select = useCallback(
    (selection: { report?: string; team?: string } | null, pan = false) => {
      setFilters((current) => ({ ...current, report: selection?.report ?? null, team: selection?.team ?? null }));
      if (!pan || !selection) return;
      const state = store.getState();
      const report = selection.report ? state.reports.get(selection.report) : undefined;
      const team = selection.team ? state.teams.get(selection.team) : undefined;
      if (report?.lat != null && report.lon != null) mapController.current?.panTo(report.lat, report.lon);
      else if (team?.lastPosition) mapController.current?.panTo(team.lastPosition.lat, team.lastPosition.lon);
    },
    [setFilters, store],
  );
  const onSelectReport = useCallback((id: string) => select({ report: id }), [select]);
  const onSelectTeam = useCallback((id: string) => select({ team: id }), [select]);
  const onSelectReportAndPan = useCallback((id: string) => select({ report: id }, true), [select]);
  const onSelectTeamAndPan = useCallback((id: string) => select({ team: id }, true), [select]);

  const openAlerts = useMemo(() => openUnacknowledgedAlerts(reports.values(), acknowledged), [reports, acknowledged]);
  const nextAlert = useCallback(() => {
    if (openAlerts.length === 0) return;
    const index = openAlerts.findIndex((alert) => alert.id === filters.report);
    const next = openAlerts[(index + 1) % openAlerts.length];
    setFilters((current) => ({ ...current, layers: current.layers.includes('alerts') ? current.layers : [...current.layers, 'alerts'] }));
    select({ report: next.id }, true);
  }, [openAlerts, filters.report, select, setFilters]);

  const fit = useCallback(() => {
    if (operation) mapController.current?.fitTo(operationPoints(operation, store.getState().teams.values()));
  }, [operation, store]);
  // The view this user last had of this operation, else its area when already known, else the
  // region until the operation is known — from its prefetch (while the snapshot is still on its
  // way) or from the snapshot — and then framed on it once, before the layers draw.
  const [initialBounds] = useState(() => storedView(operationId) ?? boundsAround(operationFetchedAhead(operationId)?.value ?? null));
  const [ahead, setAhead] = useState<Operation | null>(null);
  useEffect(() => {
    if (initialBounds) return;
    let current = true;
    operationFetchedAhead(operationId)?.operation.then((fetched) => current && fetched && setAhead(fetched));
    return () => {
      current = false;
    };
  }, [initialBounds, operationId]);
  const frameSource = operation ?? ahead;
  const frameOnce = useMemo(() => (initialBounds || !frameSource ? undefined : operationPoints(frameSource, [])), [initialBounds, frameSource]);
  const framed = useRef(initialBounds !== undefined);
  if (frameOnce) framed.current = true;

  useShortcuts((key, event) => {
    if (key === '?') setHelp((open) => !open);
    else if (key === 'Escape') {
      if (help) setHelp(false);
      else select(null);
    } else if (key === 'n') nextAlert();
    else if (key === 'k') {
      const selected = filters.report ? reports.get(filters.report) : undefined;
      if (selected?.kind === 'alert') acknowledge(selected.id);
    } else if (key === 'f') fit();
    else if (key === '1' || key === '2' || key === '3') setFilters((current) => ({ ...current, panel: PANELS[Number(key) - 1] }));
    else {
      const layer = LAYERS.find((candidate) => LAYER_KEYS[candidate] === key);
      if (!layer) return;
      setFilters((current) => ({ ...current, layers: toggle(current.layers, layer) }));
    }
    event.preventDefault();
  });

  const exercise = operation?.exercise ?? false;
  const name = operation?.name ?? null;
  useEffect(() => {
    if (name === null) return;
    const previous = document.title;
    document.title = `${exercise ? `${t('operation.exercise')} · ` : ''}${name} — Lintas`;
    return () => {
      document.title = previous;
    };
  }, [exercise, name]);

  const isTeamStale = useCallback(
    (id: string) => {
      const team = teams.get(id);
      return team ? isStale(team) : true;
    },
    [teams, isStale],
  );
  const selectedReport = filters.report ? (reports.get(filters.report) ?? null) : null;
  const selectedTeam = filters.team ? (teams.get(filters.team) ?? null) : null;
  // The banner's parts, each recomputed only when its own inputs change (positions move teams, not reports).
  const layersKey = filters.layers.join(',');
  const reportsOnMap = useMemo(() => mostRestrictiveOf(reportsInView(filteredReports, layersKey, bounds)), [filteredReports, layersKey, bounds]);
  const teamsOnMap = useMemo(() => mostRestrictiveOf(layersKey.includes('teams') ? teamsInView(filteredTeams, bounds) : []), [filteredTeams, layersKey, bounds]);
  const listed = filters.panel === 'timeline' ? timeline.slice(0, TIMELINE_SHOWN) : filters.panel === 'teams' ? filteredTeams : filteredReports;
  const listMarking = useMemo(() => mostRestrictiveOf(listed), [listed]);
  const markingShown = markingOnScreen({
    mapItems: [reportsOnMap, teamsOnMap].filter((marking) => marking !== null).map((marking) => ({ marking })),
    listItems: listMarking ? [{ marking: listMarking }] : [],
    detail: selectedReport ?? selectedTeam,
  });

  const nonAlerts = useMemo(() => filteredReports.filter((report) => report.kind !== 'alert'), [filteredReports]);
  const alerts = useMemo(() => filteredReports.filter((report) => report.kind === 'alert'), [filteredReports]);
  const onBounds = useCallback(
    (next: L.LatLngBounds) => {
      setBounds(next);
      if (framed.current) storeView(operationId, next);
    },
    [operationId],
  );

  return (
    <div
      className={`op-view${exercise ? ' op-view--exercise' : ''}`}
      data-testid="operation-view"
      data-operation-id={operationId}
      data-read-only={readOnly}
      data-reports={reports.size}
      data-history={historyLoaded ? 'loaded' : 'loading'}
      aria-busy={operation === null}
    >
      {exercise && (
        <div className="exercise-strip" data-testid="exercise-strip" aria-label={t('operation.exercise')}>
          {Array.from({ length: 7 }, (_, index) => (
            <span key={index}>{t('operation.exercise')}</span>
          ))}
        </div>
      )}
      <MarkingBanner marking={markingShown} />
      <header className="op-bar">
        {operation ? (
          <>
            <div className="op-bar__title">
              <h2>{operation.name}</h2>
              <span className="op-bar__code">{operation.code}</span>
              {operation.exercise && <ExerciseMark />}
              <span className={`status-badge status-badge--${operation.status}`}>{operationStatusLabel(operation.status)}</span>
            </div>
            <div className="op-bar__facts">
              <span className="op-bar__lead">
                {t('operations.lead')}: <strong>{operation.leadAgency.code}</strong>
              </span>
              <span>
                {t('operations.myRole')}: <strong data-testid="my-role">{operationRoleLabel(operation.myRole)}</strong>
              </span>
              {readOnly && (
                <span className="read-only-badge" data-testid="read-only" title={t('operation.readOnlyHint')}>
                  {t('operation.readOnly')}
                </span>
              )}
            </div>
          </>
        ) : (
          <div className="op-bar__title">
            <h2 className="muted">{t('live.loading')}</h2>
          </div>
        )}
        <div className="op-bar__actions">
          <button type="button" className={`alert-button${openAlerts.length ? ' alert-button--active' : ''}`} onClick={nextAlert} disabled={openAlerts.length === 0} data-testid="next-alert" title={t('help.nextAlert')}>
            {t('operation.unacknowledgedAlerts', { count: openAlerts.length })} <kbd>n</kbd>
          </button>
          <ConnectionIndicator />
          <button type="button" className="button button--small" onClick={() => setHelp(true)} aria-label={t('help.title')} data-testid="help-button">
            ?
          </button>
        </div>
      </header>
      <div className="op-body">
        <div className="op-map">
          <BaseMap tileUrl={config?.tileUrl} tileAttribution={config?.tileAttribution} initialBounds={initialBounds}>
            <MapControllerBridge handle={mapController} frameOnce={frameOnce} />
            <ViewportReporter onChange={onBounds} />
            {operation && (
              <>
                <AreaLayer area={operation.area} visible={layerOn(filters, 'area')} />
                <SitesLayer sites={operation.sites} visible={layerOn(filters, 'sites')} />
                <LiveTeamsLayer filters={filters} colourOf={colourOf} isStale={isStale} now={now} onSelect={onSelectTeam} />
                <ReportsLayer reports={nonAlerts} variant="reports" visible={layerOn(filters, 'reports')} selectedId={filters.report} onSelect={onSelectReport} />
                <ReportsLayer reports={alerts} variant="alerts" visible={layerOn(filters, 'alerts')} selectedId={filters.report} onSelect={onSelectReport} />
                <MapDrawnMark reports={reports.size} />
              </>
            )}
          </BaseMap>
          {operation && <LayerControls filters={filters} onChange={setFilters} participants={operation.participants} colourOf={colourOf} />}
        </div>
        <aside className="op-side" aria-label={t('panels.title')}>
          {operation && filters.report && (
            <ReportDetail
              key={filters.report}
              reportId={filters.report}
              operation={operation}
              user={user}
              readOnly={readOnly}
              acknowledged={acknowledged.has(filters.report)}
              onAcknowledge={() => filters.report && acknowledge(filters.report)}
              onClose={() => select(null)}
              agencyName={agencyName}
              teamName={teamName}
              siteName={siteName}
            />
          )}
          {operation && filters.team && !filters.report && <TeamDetail teamId={filters.team} operation={operation} now={now} isStale={isTeamStale} onClose={() => select(null)} />}
          <PanelTabs panel={filters.panel} onChange={(panel) => setFilters((current) => ({ ...current, panel }))} />
          <div className="op-side__panel" role="tabpanel" id={`panel-${filters.panel}`}>
            {!operation && <p className="muted panel-empty">{t('common.loading')}</p>}
            {operation && filters.panel === 'timeline' && <TimelinePanel entries={timeline} historyLoaded={historyLoaded} participants={participants} onSelectReport={onSelectReportAndPan} onSelectTeam={onSelectTeamAndPan} />}
            {operation && filters.panel === 'teams' && <RosterPanel teams={filteredTeams} now={now} isStale={isStale} colourOf={colourOf} selectedId={filters.team} onSelect={onSelectTeamAndPan} />}
            {operation && filters.panel === 'figures' && <FiguresPanel reports={filteredReports} now={now} siteName={siteName} />}
          </div>
        </aside>
      </div>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}

/** The teams layer reads positions itself, every frame, so the rest of the view does not re-render with them. */
function LiveTeamsLayer({ filters, colourOf, isStale, now, onSelect }: { filters: ViewFilters; colourOf: (id: string) => string; isStale: (team: Team) => boolean; now: number; onSelect: (id: string) => void }) {
  const teams = useOperationSelector((state) => state.teams);
  const trails = useOperationSelector((state) => state.trails);
  const teamKey = `${filters.markings}|${filters.agencies}`;
  const shown = useMemo(() => filterTeams(teams.values(), filters), [teams, teamKey]);
  return <TeamsLayer teams={shown} trails={trails} visible={layerOn(filters, 'teams')} showTrails={layerOn(filters, 'trails')} colourOf={colourOf} isStale={isStale} now={now} selectedId={filters.team} onSelect={onSelect} />;
}

/**
 * Marks the first draw of the operation's data (for the benchmark and the browser tests). Rendered
 * last inside the map, so its effect runs after every layer's has added its markers; the mark is
 * set after the frame that paints them.
 */
function MapDrawnMark({ reports }: { reports: number }) {
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current) return;
    marked.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('lintas:map-drawn', { detail: { reports } });
        document.querySelector('[data-testid="operation-view"]')?.setAttribute('data-drawn', 'true');
      }, 0),
    );
  }, [reports]);
  return null;
}

function PanelTabs({ panel, onChange }: { panel: PanelName; onChange: (panel: PanelName) => void }) {
  return (
    <div className="tabs" role="tablist" aria-label={t('panels.title')}>
      {PANELS.map((name, index) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={panel === name}
          aria-controls={`panel-${name}`}
          className={`tabs__tab${panel === name ? ' tabs__tab--on' : ''}`}
          onClick={() => onChange(name)}
          data-testid={`tab-${name}`}
        >
          {t(`panels.${name}` as MessageKey)} <kbd>{index + 1}</kbd>
        </button>
      ))}
    </div>
  );
}

/** Open alerts (no verdict yet) this viewer has not acknowledged, newest first. */
export function openUnacknowledgedAlerts(reports: Iterable<Report>, acknowledged: ReadonlySet<string>): Report[] {
  const result: Report[] = [];
  for (const report of reports) {
    if (report.kind === 'alert' && report.status === 'reported' && !acknowledged.has(report.id)) result.push(report);
  }
  return result.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.id.localeCompare(b.id)));
}

function* reportsInView(reports: readonly Report[], layers: string, bounds: L.LatLngBounds | null): Iterable<{ marking: Marking }> {
  const inView = viewTest(bounds);
  const showReports = layers.includes('reports');
  const showAlerts = layers.includes('alerts');
  for (const report of reports) {
    if (report.lat === null || report.lon === null) continue;
    if (report.kind === 'alert' ? !showAlerts : !showReports) continue;
    if (inView(report.lat, report.lon)) yield report;
  }
}

function* teamsInView(teams: readonly Team[], bounds: L.LatLngBounds | null): Iterable<{ marking: Marking }> {
  const inView = viewTest(bounds);
  for (const team of teams) if (team.lastPosition && inView(team.lastPosition.lat, team.lastPosition.lon)) yield team;
}

function viewTest(bounds: L.LatLngBounds | null): (lat: number, lon: number) => boolean {
  if (!bounds) return () => true;
  const [south, west, north, east] = [bounds.getSouth(), bounds.getWest(), bounds.getNorth(), bounds.getEast()];
  return (lat, lon) => lat >= south && lat <= north && lon >= west && lon <= east;
}

function mostRestrictiveOf(items: Iterable<{ marking: Marking }>): Marking | null {
  return markingOnScreen({ mapItems: items, listItems: [], detail: null });
}

/** What "fit the operation" frames: the area of operations, else its sites and team positions. */
function operationPoints(operation: Operation, teams: Iterable<Team>): Array<[number, number]> {
  if (operation.area) return operation.area.coordinates[0].map(([lon, lat]) => [lat, lon]);
  const points: Array<[number, number]> = operation.sites.map((site) => [site.lat, site.lon]);
  for (const team of teams) if (team.lastPosition) points.push([team.lastPosition.lat, team.lastPosition.lon]);
  return points;
}

const NONE: never[] = [];

/** The bounds "fit the operation" would frame, with the same margin, for a map created there. */
function boundsAround(operation: Operation | null): [[number, number], [number, number]] | undefined {
  if (!operation) return undefined;
  const points = operationPoints(operation, []);
  if (points.length === 0) return undefined;
  const bounds = L.latLngBounds(points.map(([lat, lon]) => L.latLng(lat, lon))).pad(0.15);
  return [
    [bounds.getSouth(), bounds.getWest()],
    [bounds.getNorth(), bounds.getEast()],
  ];
}
const VIEW_KEY = 'lintas.view.';

/** The map view this browser last had of the operation, if any. */
function storedView(operationId: string): [[number, number], [number, number]] | undefined {
  try {
    const raw = localStorage.getItem(VIEW_KEY + operationId);
    const value = raw ? (JSON.parse(raw) as unknown) : null;
    if (Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      const [south, west, north, east] = value as number[];
      if (south < north && west < east) return [[south, west], [north, east]];
    }
  } catch {
    // no storage, or not ours: start from the region
  }
  return undefined;
}

function storeView(operationId: string, bounds: L.LatLngBounds): void {
  try {
    localStorage.setItem(VIEW_KEY + operationId, JSON.stringify([bounds.getSouth(), bounds.getWest(), bounds.getNorth(), bounds.getEast()].map((n) => Math.round(n * 1e4) / 1e4)));
  } catch {
    // not remembered
  }
}

export type { User };
