import { createContext, type ReactNode, useContext, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import { useApi, useSessionStore } from '../auth/session-context';
import { afterFirstPicture } from './first-screen';
import { OperationConnection } from './operation-connection';
import type { OperationState } from './operation-state';
import { OperationStore } from './operation-store';
import { createOpsSocket, type OpsSocket } from './ops-socket';

interface RealtimeContextValue {
  operationId: string;
  store: OperationStore;
  /** Connect again now, e.g. from the connection indicator. */
  reconnect(): void;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

/** The live feed joins after the first picture, or after this long without one (a view that draws none). */
const LIVE_AFTER_PICTURE_AT_MOST_MS = 2_000;

export interface OperationRealtimeProviderProps {
  operationId: string;
  onRevoked?: (reason: string) => void;
  /** Tests pass a fake socket. */
  createSocket?: () => OpsSocket;
  children: ReactNode;
}

/**
 * The one real-time provider of the operation view: it owns the socket and the store, and
 * everything below reads the store. Mounted once per opened operation.
 */
export function OperationRealtimeProvider({ operationId, onRevoked, createSocket, children }: OperationRealtimeProviderProps) {
  const api = useApi();
  const tokens = useSessionStore();
  // One store per operation; a new operation id gets a fresh one.
  const [store, setStore] = useState(() => ({ operationId, store: new OperationStore() }));
  const current = store.operationId === operationId ? store.store : null;
  // Read when the user asks to reconnect, never while rendering: nothing on screen depends on it.
  const connection = useRef<OperationConnection | null>(null);
  const revoked = useEffectEvent((reason: Parameters<NonNullable<typeof onRevoked>>[0]) => onRevoked?.(reason));
  // Adjusted while rendering (not in an effect, one render late): nothing below ever sees another operation's store.
  if (store.operationId !== operationId) setStore({ operationId, store: new OperationStore() });

  useEffect(() => {
    if (!current) return;
    const socket = createSocket ? createSocket() : createOpsSocket(tokens);
    const created = new OperationConnection({ operationId, api, store: current, socket, onRevoked: (reason) => revoked(reason), firstPicture: () => afterFirstPicture(LIVE_AFTER_PICTURE_AT_MOST_MS) });
    created.start();
    connection.current = created;
    return () => {
      created.stop();
      if (connection.current === created) connection.current = null;
    };
  }, [operationId, api, tokens, current, createSocket]);

  if (!current) return null;
  return <RealtimeContext.Provider value={{ operationId, store: current, reconnect: () => connection.current?.reconnect() }}>{children}</RealtimeContext.Provider>;
}

/**
 * Everything below reads `store` instead of the live one (replay draws the past with the same
 * components); the live connection keeps feeding its own store meanwhile.
 */
export function OperationStoreScope({ store, children }: { store: OperationStore; children: ReactNode }) {
  const parent = useRealtime();
  return <RealtimeContext.Provider value={{ ...parent, store }}>{children}</RealtimeContext.Provider>;
}

function useRealtime(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('render inside <OperationRealtimeProvider>');
  return value;
}

export function useOperationStore(): OperationStore {
  return useRealtime().store;
}

export function useOperationId(): string {
  return useRealtime().operationId;
}

export function useReconnect(): () => void {
  return useRealtime().reconnect;
}

/**
 * A slice of the operation state; the component re-renders only when the slice changes identity.
 * Selectors must return parts of the state (or memoised values), not new objects.
 */
export function useOperationSelector<T>(selector: (state: OperationState) => T): T {
  const store = useOperationStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

/**
 * Like `useOperationSelector`, but re-renders at most every `intervalMs`: for lists that need not
 * follow a flood of position updates frame by frame (the roster, the banner).
 */
export function useThrottledOperationSelector<T>(selector: (state: OperationState) => T, intervalMs: number): T {
  const store = useOperationStore();
  const read = useEffectEvent(() => selector(store.getState()));
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const update = () => {
      timer = null;
      last = Date.now();
      const next = read();
      setValue(() => next);
    };
    update();
    const unsubscribe = store.subscribe(() => {
      if (timer !== null) return;
      const wait = intervalMs - (Date.now() - last);
      if (wait <= 0) update();
      else timer = setTimeout(update, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return value;
}
