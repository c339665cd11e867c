import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/api-client';
import { createFieldTransport } from './field-transport';
import type { OutboxStore } from './outbox-store';
import { SyncEngine, type SyncSnapshot } from './sync-engine';

const CHANNEL = 'lintas-field-outbox';

/**
 * The signed-in officer's outbox engine for as long as the page is open: it delivers at start,
 * when the device comes back online, when the page becomes visible again, and when another tab
 * changed the outbox.
 */
export function useFieldSync(api: ApiClient, store: OutboxStore, userId: string): { engine: SyncEngine; snapshot: SyncSnapshot } {
  const [channel] = useState(() => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL)));
  const [engine] = useState(
    () => new SyncEngine({ store, ownerId: userId, send: createFieldTransport(api), onStoreChanged: () => channel?.postMessage('changed') }),
  );

  useEffect(() => {
    void engine.start();
    const kick = () => void engine.kick();
    const offline = () => void engine.reload();
    const visible = () => {
      if (document.visibilityState === 'visible') kick();
    };
    const fromOtherTab = () => void engine.reload();
    window.addEventListener('online', kick);
    window.addEventListener('offline', offline);
    document.addEventListener('visibilitychange', visible);
    channel?.addEventListener('message', fromOtherTab);
    return () => {
      engine.stop();
      window.removeEventListener('online', kick);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visible);
      channel?.removeEventListener('message', fromOtherTab);
    };
  }, [engine, channel]);

  const snapshot = useSyncExternalStore(
    (listener) => engine.subscribe(listener),
    () => engine.getSnapshot(),
  );
  return { engine, snapshot };
}
