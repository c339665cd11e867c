import { useEffect, useMemo } from 'react';
import { useApi } from '../../auth/session-context';
import { useOperationId, useOperationSelector, useOperationStore } from '../../realtime/operation-realtime';
import { taskingApi } from './tasking-api';

/**
 * Reads the operation's tasks, requests and watched areas over REST (the snapshot does not carry them) into the
 * store, once when the view opens and again each time the live link comes back: the live feed
 * then keeps them current (a REST copy never replaces a newer version).
 */
export function useTaskingData() {
  const api = useApi();
  const store = useOperationStore();
  const operationId = useOperationId();
  const live = useOperationSelector((state) => state.connection.status === 'live');
  const calls = useMemo(() => taskingApi(api, operationId), [api, operationId]);
  useEffect(() => {
    if (!live) return;
    const controller = new AbortController();
    Promise.all([calls.listTasks({}, controller.signal), calls.listRequests(controller.signal), calls.listWatchedAreas(controller.signal)]).then(
      ([tasks, requests, areas]) => store.dispatch({ type: 'tasking-loaded', tasks: tasks.items, requests: requests.items, watchedAreas: areas.items }),
      () => undefined, // shown again on the next reconnect; the live feed still brings changes
    );
    return () => controller.abort();
  }, [calls, store, live]);
  return calls;
}
