import type { Marking, ReportKind, ReportStatus } from '@lintas/contracts';
import { MARKINGS, REPORT_KINDS, REPORT_STATUSES } from '@lintas/contracts/plain';

/** Map layers that can be switched on and off. */
export const LAYERS = ['area', 'sites', 'teams', 'trails', 'reports', 'alerts'] as const;
export type LayerName = (typeof LAYERS)[number];

export const TIME_WINDOWS = ['1h', '6h', '24h', '7d', 'all'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];
export const TIME_WINDOW_MS: Readonly<Record<TimeWindow, number | null>> = {
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
  all: null,
};

export const PANELS = ['timeline', 'teams', 'figures', 'tasks', 'requests'] as const;
export type PanelName = (typeof PANELS)[number];

/**
 * What the operation view shows, all of it in the URL so that a view can be shared or reloaded.
 * An empty list means "no filter" (everything); the layers list is the layers switched on.
 */
export interface ViewFilters {
  layers: readonly LayerName[];
  kinds: readonly ReportKind[];
  statuses: readonly ReportStatus[];
  /** Origin agency codes. */
  agencies: readonly string[];
  markings: readonly Marking[];
  window: TimeWindow;
  /** The report or team open in the detail panel. */
  report: string | null;
  team: string | null;
  panel: PanelName;
}

export const DEFAULT_FILTERS: ViewFilters = {
  layers: LAYERS,
  kinds: [],
  statuses: [],
  agencies: [],
  markings: [],
  window: 'all',
  report: null,
  team: null,
  panel: 'timeline',
};

const AGENCY_CODE = /^[A-Z0-9-]{2,16}$/;
const ID = /^[0-9a-f-]{36}$/i;

/** Reads the filters from a query string; anything unknown or malformed is ignored, never an error. */
export function parseViewFilters(params: URLSearchParams): ViewFilters {
  const layersParam = params.get('layers');
  return {
    layers: layersParam === null ? DEFAULT_FILTERS.layers : ordered(LAYERS, list(layersParam)),
    kinds: ordered(REPORT_KINDS, list(params.get('kind'))),
    statuses: ordered(REPORT_STATUSES, list(params.get('status'))),
    agencies: [...new Set(list(params.get('agency')).filter((code) => AGENCY_CODE.test(code)))].sort(),
    markings: ordered(MARKINGS, list(params.get('marking'))),
    window: oneOf(TIME_WINDOWS, params.get('window')) ?? DEFAULT_FILTERS.window,
    report: idOrNull(params.get('report')),
    team: idOrNull(params.get('team')),
    panel: oneOf(PANELS, params.get('panel')) ?? DEFAULT_FILTERS.panel,
  };
}

/** The query string for the filters: only what differs from the defaults, in a stable order. */
export function serializeViewFilters(filters: ViewFilters): URLSearchParams {
  const params = new URLSearchParams();
  const layers = ordered(LAYERS, filters.layers);
  if (layers.length !== LAYERS.length) params.set('layers', layers.join(','));
  if (filters.kinds.length) params.set('kind', ordered(REPORT_KINDS, filters.kinds).join(','));
  if (filters.statuses.length) params.set('status', ordered(REPORT_STATUSES, filters.statuses).join(','));
  if (filters.agencies.length) params.set('agency', [...new Set(filters.agencies)].sort().join(','));
  if (filters.markings.length) params.set('marking', ordered(MARKINGS, filters.markings).join(','));
  if (filters.window !== DEFAULT_FILTERS.window) params.set('window', filters.window);
  if (filters.report) params.set('report', filters.report);
  if (filters.team) params.set('team', filters.team);
  if (filters.panel !== DEFAULT_FILTERS.panel) params.set('panel', filters.panel);
  return params;
}

export function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((candidate) => candidate !== value) : [...values, value];
}

export function layerOn(filters: ViewFilters, layer: LayerName): boolean {
  return filters.layers.includes(layer);
}

function list(value: string | null): string[] {
  return value ? value.split(',').map((part) => part.trim()).filter(Boolean) : [];
}

function ordered<T extends string>(all: readonly T[], values: readonly string[]): T[] {
  return all.filter((candidate) => values.includes(candidate));
}

function oneOf<T extends string>(all: readonly T[], value: string | null): T | null {
  return value !== null && (all as readonly string[]).includes(value) ? (value as T) : null;
}

function idOrNull(value: string | null): string | null {
  return value && ID.test(value) ? value.toLowerCase() : null;
}
