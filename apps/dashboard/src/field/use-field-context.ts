import type { OperationSummary, Site, Team } from '@lintas/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { OutboxStore } from './outbox-store';

/** A team the officer belongs to, with its operation. */
export interface Assignment {
  operation: OperationSummary;
  team: Team;
}

interface CachedAssignments {
  assignments: Assignment[];
  fetchedAt: number;
}

export interface FieldContextState {
  /** loading: nothing known yet; ready: from the server or this phone's copy. */
  phase: 'loading' | 'ready';
  assignments: Assignment[];
  sites: Site[];
  /** When the assignments were last read from the server. */
  fetchedAt: number | null;
  /** The last refresh failed (offline): what is shown is this phone's saved copy. */
  offline: boolean;
  selected: Assignment | null;
  select(teamId: string): void;
  refresh(): void;
}

const contextKey = (userId: string) => `context:${userId}`;
const selectedKey = (userId: string) => `selectedTeam:${userId}`;
const SITES_KEY = 'sites';

/** The officer's teams: the operations it takes part in and their teams it is a member of. */
export async function loadAssignments(api: Pick<ApiClient, 'listOperations' | 'listTeams'>, userId: string, signal?: AbortSignal): Promise<Assignment[]> {
  const operations = await api.listOperations(signal);
  const perOperation = await Promise.all(
    operations.map(async (operation) => {
      const teams = await api.listTeams(operation.id, signal);
      return teams.filter((team) => team.members.some((member) => member.userId === userId)).map((team) => ({ operation, team }));
    }),
  );
  return perOperation.flat();
}

/**
 * What the field page needs to know before posting, saved on the phone so the page works offline:
 * the officer's teams and operations, and the border sites for the place picker. Shows the saved
 * copy at once, then refreshes from the server when it can.
 */
export function useFieldContext(api: ApiClient, store: OutboxStore, userId: string): FieldContextState {
  const [state, setState] = useState<Omit<FieldContextState, 'select' | 'refresh' | 'selected'>>({
    phase: 'loading',
    assignments: [],
    sites: [],
    fetchedAt: null,
    offline: false,
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [cached, sites, selected] = await Promise.all([
        store.getValue<CachedAssignments>(contextKey(userId)),
        store.getValue<Site[]>(SITES_KEY),
        store.getValue<string>(selectedKey(userId)),
      ]);
      if (cancelled) return;
      if (selected) setSelectedId((current) => current ?? selected);
      if (cached) setState((current) => (current.fetchedAt ? current : { ...current, phase: 'ready', assignments: cached.assignments, fetchedAt: cached.fetchedAt }));
      if (sites) setState((current) => (current.sites.length ? current : { ...current, sites }));
    })();
    return () => {
      cancelled = true;
    };
  }, [store, userId]);

  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      try {
        const [assignments, sites] = await Promise.all([loadAssignments(api, userId, controller.signal), api.listSites({}, controller.signal)]);
        const fetchedAt = Date.now();
        await Promise.all([store.setValue(contextKey(userId), { assignments, fetchedAt } satisfies CachedAssignments), store.setValue(SITES_KEY, sites)]);
        if (!controller.signal.aborted) setState({ phase: 'ready', assignments, sites, fetchedAt, offline: false });
      } catch {
        if (controller.signal.aborted) return;
        // Offline or refused: keep what this phone saved; the page says so.
        setState((current) => ({ ...current, phase: 'ready', offline: true }));
      }
    })();
    return () => controller.abort();
  }, [api, store, userId, generation]);

  const select = useCallback(
    (teamId: string) => {
      setSelectedId(teamId);
      void store.setValue(selectedKey(userId), teamId);
    },
    [store, userId],
  );
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);

  // Back online: read the teams again (a status changed, a team was added).
  useEffect(() => {
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [refresh]);

  // Closed operations are not offered, except the one the officer is on: it closed under them, and they should see so.
  const assignments = state.assignments.filter((assignment) => assignment.operation.status !== 'closed' || assignment.team.id === selectedId);
  const selected = assignments.find((assignment) => assignment.team.id === selectedId) ?? null;

  // One team: it is the officer's choice (adjusted while rendering, not one render late), remembered like one made by hand.
  const only = assignments.length === 1 ? assignments[0].team.id : null;
  if (only && !selected && selectedId !== only) setSelectedId(only);
  useEffect(() => {
    if (only && selectedId === only) void store.setValue(selectedKey(userId), only);
  }, [only, selectedId, store, userId]);

  return { ...state, assignments, selected: selected ?? (only ? assignments[0] : null), select, refresh };
}
