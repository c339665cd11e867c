import type { Operation, Team } from '@lintas/contracts';
import type L from 'leaflet';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useClientConfig } from '../../app/client-config';
import { LoadStepMark } from '../../app/load-step-mark';
import { useUser } from '../../auth/session-context';
import { t } from '../../i18n/i18n';
import { AfterATask } from '../../map/after-a-task';
import { BaseMap } from '../../map/base-map';
import { AreaLayer } from '../../map/layers/area-layer';
import { type MapController, MapControllerBridge } from '../../map/layers/map-controller';
import { ReportsLayer } from '../../map/layers/reports-layer';
import { SitesLayer } from '../../map/layers/sites-layer';
import { ViewportReporter } from '../../map/layers/viewport-reporter';
import '../../map/operation-layers.css';
import { useOperationId, useOperationSelector, useOperationStore } from '../../realtime/operation-realtime';
import { MapTools } from '../../map/tools/map-tools';
import { agencyColours, UNKNOWN_AGENCY_COLOUR } from './agency-colours';
import { ExportMenu } from './export-menu';
import { AlertNotifications } from './alert-notifications';
import { useAcknowledgedAlerts } from './alert-acknowledgements';
import { FiguresPanel } from './figures-panel';
import { HelpOverlay } from './help-overlay';
import { LayerControls } from './layer-controls';
import { LiveMarkingBanner, LiveRosterPanel } from './live-team-parts';
import { LiveTeamsLayer } from './live-teams-layer';
import { MapDrawnMark } from './map-drawn-mark';
import { openUnacknowledgedAlerts } from './open-alerts';
import { OperationBar } from './operation-bar';
import './operation-view.css';
import './long-text.css';
import { PanelTabs } from './panel-tabs';
import { isStale as teamIsStale } from './report-filter';
import { ReportDetail } from './report-detail';
import { TeamDetail } from './team-detail';
import { filterTimeline } from './timeline-filter';
import { TimelinePanel } from './timeline-panel';
import { useFilteredReports } from './use-filtered-items';
import { operationPoints, useMapFraming } from './use-map-framing';
import { useOperationShortcuts } from './use-operation-shortcuts';
import { useViewFilters } from './use-view-filters';
import { RequestsPanel } from '../tasking/requests-panel';
import { TaskBoard } from '../tasking/task-board';
import { TaskingAlerts } from '../tasking/tasking-alerts';
import { TasksLayer } from '../tasking/tasks-layer';
import { WatchedAreasLayer } from '../tasking/watched-areas-layer';
import { useTaskingData } from '../tasking/use-tasking-data';
import { usePlanning } from '../planning/planning-launcher';
import { layerOn } from './view-filters';
import { useReplayAt } from '../replay/replay-context';
import { ReplayOverlay } from '../replay/replay-overlay';
import { useViewNow } from '../replay/use-view-now';

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

/** The layout, and the choices that tie its parts together: what is selected, filtered, framed. */
function OperationScreen({ operation }: { operation: Operation | null }) {
  const user = useUser();
  const store = useOperationStore();
  const { config } = useClientConfig();
  const staleSeconds = config?.positionStaleSeconds ?? 300;
  const [filters, setFilters] = useViewFilters();
  const [help, setHelp] = useState(false);
  const [bounds, setBounds] = useState<L.LatLngBounds | null>(null);
  const mapController = useRef<MapController | null>(null);
  const now = useViewNow(15_000);
  const replaying = useReplayAt() !== null;
  const operationId = useOperationId();
  const tasking = useTaskingData();
  const readOnly = replaying || operation?.myRole === 'observer' || user.role === 'liaison' || user.role === 'field';

  const reports = useOperationSelector((state) => state.reports);
  const timeline = useOperationSelector((state) => state.timeline);
  const historyLoaded = useOperationSelector((state) => state.historyLoaded);
  // Positions may arrive a hundred times a second: this view does not read teams (its re-render
  // would redraw every panel); the banner, the roster and the map layer read them (live-team-parts.tsx).

  const participants = operation?.participants ?? NONE;
  const sites = operation?.sites ?? NONE;
  const colours = useMemo(() => agencyColours(participants), [participants]);
  const colourOf = useCallback((agencyId: string) => colours.get(agencyId) ?? UNKNOWN_AGENCY_COLOUR, [colours]);
  const isStale = useCallback((team: Team) => teamIsStale(team, now, staleSeconds), [now, staleSeconds]);
  const filteredReports = useFilteredReports(reports, filters, now);
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
  const framing = useMapFraming(operationId, operation);
  const { remember } = framing;
  const onBounds = useCallback(
    (next: L.LatLngBounds) => {
      setBounds(next);
      remember(next);
    },
    [remember],
  );

  useOperationShortcuts({ filters, setFilters, reports, helpOpen: help, setHelpOpen: setHelp, clearSelection: () => select(null), nextAlert, acknowledge, fit });

  const isTeamStale = useCallback(
    (id: string) => {
      const team = store.getState().teams.get(id);
      return team ? isStale(team) : true;
    },
    [store, isStale],
  );
  // The timeline follows the map's filters: the same reports, markings, agencies and time window.
  const shownReportIds = useMemo(() => new Set(filteredReports.map((report) => report.id)), [filteredReports]);
  const reportShown = useCallback((id: string) => (reports.has(id) ? shownReportIds.has(id) : null), [reports, shownReportIds]);
  const shownTimeline = useMemo(() => filterTimeline(timeline, filters, reportShown, agencyName, now), [timeline, filters, reportShown, agencyName, now]);
  const selectedReport = filters.report ? (reports.get(filters.report) ?? null) : null;

  const nonAlerts = useMemo(() => filteredReports.filter((report) => report.kind !== 'alert'), [filteredReports]);
  const alerts = useMemo(() => filteredReports.filter((report) => report.kind === 'alert'), [filteredReports]);
  const exercise = operation?.exercise ?? false;
  const planning = usePlanning(operation);

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
      <LiveMarkingBanner filters={filters} bounds={bounds} reports={filteredReports} timeline={shownTimeline} selectedReport={selectedReport} />
      <OperationBar
        operation={operation}
        readOnly={readOnly}
        openAlerts={openAlerts.length}
        onNextAlert={nextAlert}
        onHelp={() => setHelp(true)}
        extraActions={
          <>
            {planning.button}
            {operation && <ExportMenu operationId={operationId} filters={filters} />}
            <AlertNotifications reports={reports} ready={operation !== null} />
          </>
        }
      />
      <div className="op-body">
        <div className="op-map">
          <BaseMap tileUrl={config?.tileUrl} tileAttribution={config?.tileAttribution} vectorBasemap={config?.vectorBasemap} initialBounds={framing.initialBounds}>
            <MapControllerBridge handle={mapController} frameOnce={framing.frameOnce} />
            <ViewportReporter onChange={onBounds} />
            <MapTools />
            {operation && (
              <>
                <LoadStepMark step="operation-layers-start" />
                <AreaLayer area={operation.area} visible={layerOn(filters, 'area')} />
                <SitesLayer sites={operation.sites} visible={layerOn(filters, 'sites')} />
                <LiveTeamsLayer filters={filters} colourOf={colourOf} isStale={isStale} now={now} onSelect={onSelectTeam} />
                {/* Teams and sites first; the reports (and their cluster index) a task later. */}
                <AfterATask>
                  <ReportsLayer reports={nonAlerts} variant="reports" visible={layerOn(filters, 'reports')} selectedId={filters.report} onSelect={onSelectReport} replaying={replaying} />
                  <ReportsLayer reports={alerts} variant="alerts" visible={layerOn(filters, 'alerts')} selectedId={filters.report} onSelect={onSelectReport} replaying={replaying} />
                  <TasksLayer sites={operation.sites} visible={layerOn(filters, 'teams')} />
                  <WatchedAreasLayer visible={layerOn(filters, 'teams')} />
                  <MapDrawnMark reports={reports.size} />
                </AfterATask>
              </>
            )}
          </BaseMap>
          {operation && <LayerControls filters={filters} onChange={setFilters} participants={operation.participants} colourOf={colourOf} />}
          {operation && <ReplayOverlay />}
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
          <TaskingAlerts user={user} />
          <PanelTabs panel={filters.panel} onChange={(panel) => setFilters((current) => ({ ...current, panel }))} />
          <div className="op-side__panel" role="tabpanel" id={`panel-${filters.panel}`}>
            {!operation && <p className="muted panel-empty">{t('common.loading')}</p>}
            {operation && filters.panel === 'timeline' && <TimelinePanel entries={shownTimeline} historyLoaded={historyLoaded} participants={participants} onSelectReport={onSelectReportAndPan} onSelectTeam={onSelectTeamAndPan} />}
            {operation && filters.panel === 'teams' && <LiveRosterPanel filters={filters} now={now} isStale={isStale} colourOf={colourOf} selectedId={filters.team} onSelect={onSelectTeamAndPan} />}
            {operation && filters.panel === 'figures' && <FiguresPanel reports={filteredReports} now={now} siteName={siteName} operationId={operation.id} />}
            {operation && filters.panel === 'tasks' && <TaskBoard operation={operation} user={user} calls={tasking} />}
            {operation && filters.panel === 'requests' && <RequestsPanel operation={operation} user={user} calls={tasking} />}
          </div>
        </aside>
        {planning.drawer}
      </div>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}

const NONE: never[] = [];
