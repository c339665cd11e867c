import type { ExportFormat } from '@lintas/contracts';
import { EXPORT_LAYERS } from '@lintas/contracts/plain';
import { TIME_WINDOW_MS, type ViewFilters } from './view-filters';

/** What an export holds: what the map's filters show now, or everything the user may see. */
export type ExportScope = 'filtered' | 'everything';

/** The export's query parameters, as the API takes them (lists comma-joined). */
export type ExportRequestQuery = Record<string, string>;

/** The map's filters as the export's query: layers switched on, kinds, statuses, markings, agency codes, the time window. */
export function exportQueryOf(format: ExportFormat, scope: ExportScope, filters: ViewFilters, now: number): ExportRequestQuery {
  const query: ExportRequestQuery = { format };
  if (scope === 'everything') return query;
  const layers = EXPORT_LAYERS.filter((layer) => filters.layers.includes(layer));
  if (layers.length !== EXPORT_LAYERS.length) query.layers = layers.join(',');
  if (filters.kinds.length) query.kind = filters.kinds.join(',');
  if (filters.statuses.length) query.status = filters.statuses.join(',');
  if (filters.markings.length) query.marking = filters.markings.join(',');
  if (filters.agencies.length) query.agency = filters.agencies.join(',');
  const windowMs = TIME_WINDOW_MS[filters.window];
  if (windowMs !== null) query.from = new Date(now - windowMs).toISOString();
  return query;
}
