import type { ReportSummary, Team } from '@lintas/contracts';
import { useMemo, useState } from 'react';
import { filterReports, filterTeams } from './report-filter';
import type { ViewFilters } from './view-filters';

/**
 * The reports and teams the filters let through. Keyed on the filters that matter to each, so that
 * selecting an item or switching a panel (also in the URL, so also a new `filters` object) changes
 * nothing here. `now` moves the time window, by the minute.
 */
export function useFilteredReports(reports: ReadonlyMap<string, ReportSummary>, filters: ViewFilters, now: number): ReportSummary[] {
  const criteria = useKeyed(filters, `${filters.kinds}|${filters.statuses}|${filters.markings}|${filters.agencies}|${filters.window}`);
  // Without a time window the filtered list changes only with the data.
  const windowClock = criteria.window === 'all' ? 0 : Math.floor(now / 60_000) * 60_000;
  return useMemo(() => filterReports(reports.values(), criteria, windowClock), [reports, criteria, windowClock]);
}

export function useFilteredTeams(teams: ReadonlyMap<string, Team>, filters: ViewFilters): Team[] {
  const criteria = useKeyed(filters, `${filters.markings}|${filters.agencies}`);
  return useMemo(() => filterTeams(teams.values(), criteria), [teams, criteria]);
}

/** `value` as first seen with this `key`: a new object only when the key changes. */
function useKeyed<T>(value: T, key: string): T {
  const [kept, setKept] = useState({ key, value });
  if (kept.key === key) return kept.value;
  setKept({ key, value });
  return value;
}
