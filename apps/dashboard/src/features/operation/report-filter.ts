import type { ReportSummary, Team } from '@lintas/contracts';
import { TIME_WINDOW_MS, type ViewFilters } from './view-filters';

/** The reports the filters let through, in the store's order. `now` moves the time window. */
export function filterReports(reports: Iterable<ReportSummary>, filters: ViewFilters, now: number): ReportSummary[] {
  const windowMs = TIME_WINDOW_MS[filters.window];
  const since = windowMs === null ? null : now - windowMs;
  const result: ReportSummary[] = [];
  for (const report of reports) {
    if (filters.kinds.length && !filters.kinds.includes(report.kind)) continue;
    if (filters.statuses.length && !filters.statuses.includes(report.status)) continue;
    if (filters.markings.length && !filters.markings.includes(report.marking)) continue;
    if (filters.agencies.length && !filters.agencies.includes(report.originAgency.code)) continue;
    if (since !== null && Date.parse(report.occurredAt) < since) continue;
    result.push(report);
  }
  return result;
}

/** Teams under the agency and marking filters (teams have no kind, status filter or time). */
export function filterTeams(teams: Iterable<Team>, filters: ViewFilters): Team[] {
  const result: Team[] = [];
  for (const team of teams) {
    if (filters.markings.length && !filters.markings.includes(team.marking)) continue;
    if (filters.agencies.length && !filters.agencies.includes(team.agency.code)) continue;
    result.push(team);
  }
  return result.sort((a, b) => a.callSign.localeCompare(b.callSign));
}

/** A team's position is stale when older than the server's configured age, or missing. */
export function isStale(team: Team, now: number, staleSeconds: number): boolean {
  if (!team.lastPosition) return true;
  return now - Date.parse(team.lastPosition.at) > staleSeconds * 1000;
}
