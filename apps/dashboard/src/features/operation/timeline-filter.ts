import type { TimelineEntry } from '../../realtime/timeline';
import { TIME_WINDOW_MS, type ViewFilters } from './view-filters';

/**
 * The timeline lines the map's filters let through, so that the two never disagree: a line about
 * a report shows when its report is on the filtered map (`reportShown`); with a kind or status
 * filter on, lines that are not about reports (teams, the operation) are hidden; the marking,
 * agency and time window filters apply to every line.
 */
export function filterTimeline(
  entries: readonly TimelineEntry[],
  filters: Pick<ViewFilters, 'kinds' | 'statuses' | 'markings' | 'agencies' | 'window'>,
  /** Whether the report is on the filtered map; null for a report this page does not hold (older than the snapshot's). */
  reportShown: (reportId: string) => boolean | null,
  agencyCode: (agencyId: string) => string,
  now: number,
): readonly TimelineEntry[] {
  const reportFilter = filters.kinds.length > 0 || filters.statuses.length > 0;
  const windowMs = TIME_WINDOW_MS[filters.window];
  if (!reportFilter && filters.markings.length === 0 && filters.agencies.length === 0 && windowMs === null) return entries;
  const since = windowMs === null ? -Infinity : now - windowMs;
  return entries.filter((entry) => {
    if (entry.reportId) {
      const shown = reportShown(entry.reportId);
      if (shown === false) return false;
      if (shown === null && (filters.statuses.length > 0 || (filters.kinds.length > 0 && !(entry.reportKind && filters.kinds.includes(entry.reportKind))))) return false;
    } else if (reportFilter) {
      return false;
    }
    if (filters.markings.length > 0 && !filters.markings.includes(entry.marking)) return false;
    if (filters.agencies.length > 0 && !filters.agencies.includes(agencyCode(entry.originAgencyId))) return false;
    return Date.parse(entry.at) >= since;
  });
}
