import type { Ack, CompactOperationSnapshot, Report, ServerToClientEvents, SubscribeResult } from '@lintas/contracts';
import { SocketEvents } from '@lintas/contracts/plain';
import type { ApiClient } from '../api/api-client';
import { ApiError, isAbortError } from '../api/api-error';
import { markLoadStep } from '../app/load-marks';
import { t } from '../i18n/i18n';
import type { OperationStore } from './operation-store';
import { afterFirstPicture, FIRST_SCREEN_REPORTS } from './first-screen';
import { takePrefetchedSnapshot } from './snapshot-prefetch';
import { handshakeStatus, type OpsSocket } from './ops-socket';

const REPORT_PAGE = 500;
const OLDER_REPORTS_DELAY_MS = 1_000;
/** Older reports are applied in a few large steps: each step rebuilds the map's cluster index. */
const OLDER_REPORTS_STEP = 5_000;
/** Log entries loaded for the timeline's history when the view opens. */
const HISTORY_EVENTS = 200;
const HISTORY_DELAY_MS = 300;
/** Waiting longer than this for the first picture, the history and the older reports are loaded anyway. */
const FIRST_PICTURE_AT_MOST_MS = 10_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];

export interface OperationConnectionOptions {
  operationId: string;
  api: ApiClient;
  store: OperationStore;
  socket: OpsSocket;
  /** Access was withdrawn (agency removed, user disabled): the view tells the user and leaves. */
  onRevoked?: (reason: string) => void;
  /** The browser's online/offline events; window in the browser. */
  network?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  /**
   * Resolves once the view's first picture of the operation is drawn (the provider passes
   * `afterFirstPicture`); the first connection of the live feed waits for it. Without it, at once.
   */
  firstPicture?: () => Promise<void>;
}

/**
 * Drives one operation's live picture: loads the snapshot, subscribes with its `seq` as
 * `sinceSeq` (after a reconnect, with the last seq applied), feeds events and positions into the
 * store, and keeps the connection state honest. The only place that touches the socket.
 */
export class OperationConnection {
  private readonly options: OperationConnectionOptions;
  private readonly controller = new AbortController();
  private stopped = false;
  private snapshotLoaded = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly detach: Array<() => void> = [];

  constructor(options: OperationConnectionOptions) {
    this.options = options;
  }

  start(): void {
    const { socket, store, operationId } = this.options;
    const on = <E extends Parameters<OpsSocket['on']>[0]>(event: E, listener: Parameters<OpsSocket['on']>[1]) => {
      socket.on(event, listener as never);
      this.detach.push(() => socket.off(event, listener as never));
    };

    on('connect', () => this.subscribe());
    on('disconnect', (reason: string) => {
      if (this.stopped) return;
      store.dispatch({ type: 'connection', status: reason === 'io client disconnect' ? 'offline' : 'reconnecting' });
    });
    on('connect_error', (error: Error) => {
      if (this.stopped) return;
      const status = handshakeStatus(error);
      store.dispatch({ type: 'connection', status: 'reconnecting', message: status === 401 ? t('live.renewing') : error.message });
    });
    on(SocketEvents.event, (event: Parameters<OpsSocketEvents['operation:event']>[0]) => {
      if (event.operationId === operationId) store.enqueueEvent(event);
    });
    // The catch-up comes in pages (subscribed with `pages: true`): one packet, one step for the store.
    on(SocketEvents.events, (page: Parameters<OpsSocketEvents['operation:events']>[0]) => {
      if (page.operationId === operationId) store.enqueueEvents(page.events);
    });
    on(SocketEvents.positions, (message: Parameters<OpsSocketEvents['team:positions']>[0]) => {
      if (message.operationId === operationId) store.enqueuePositions(message.positions);
    });
    on(SocketEvents.caughtUp, (message: Parameters<OpsSocketEvents['operation:caught-up']>[0]) => {
      if (message.operationId !== operationId) return;
      store.flush();
      store.dispatch({ type: 'caught-up' });
    });
    on(SocketEvents.accessRevoked, (message: Parameters<OpsSocketEvents['access:revoked']>[0]) => {
      if (message.operationId !== null && message.operationId !== operationId) return;
      this.revoke(message.reason);
    });

    const network = this.options.network === undefined ? (typeof window === 'undefined' ? null : window) : this.options.network;
    if (network) {
      // The browser knows at once when the link is gone; socket.io would only notice at its next heartbeat.
      const offline = () => {
        if (this.stopped) return;
        socket.disconnect();
        store.dispatch({ type: 'connection', status: 'offline' });
      };
      const online = () => {
        if (!this.stopped && this.snapshotLoaded && !socket.connected) {
          store.dispatch({ type: 'connection', status: 'reconnecting' });
          socket.connect();
        }
      };
      network.addEventListener('offline', offline);
      network.addEventListener('online', online);
      this.detach.push(() => network.removeEventListener('offline', offline), () => network.removeEventListener('online', online));
    }

    void this.loadSnapshot(true);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.controller.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const { socket, operationId } = this.options;
    if (socket.connected) socket.emit(SocketEvents.unsubscribe, { operationId }, () => undefined);
    for (const undo of this.detach.splice(0)) undo();
    socket.disconnect();
  }

  /** Connect again now (after going offline on purpose, or from the indicator). */
  reconnect(): void {
    if (this.stopped || this.options.socket.connected) return;
    this.options.store.dispatch({ type: 'connection', status: 'reconnecting' });
    if (this.snapshotLoaded) this.options.socket.connect();
    else void this.loadSnapshot(true);
  }

  private async loadSnapshot(first: boolean): Promise<void> {
    const { api, store, operationId, socket } = this.options;
    if (first) store.dispatch({ type: 'connection', status: 'loading' });
    let snapshot: CompactOperationSnapshot;
    try {
      snapshot = await ((first && takePrefetchedSnapshot(operationId)) || api.getCompactSnapshot(operationId, this.controller.signal, { reports: FIRST_SCREEN_REPORTS }));
    } catch (error) {
      if (this.stopped || isAbortError(error)) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
        store.dispatch({ type: 'connection', status: 'failed', message: error.message });
        return;
      }
      store.dispatch({ type: 'connection', status: 'reconnecting', message: error instanceof Error ? error.message : String(error) });
      this.retryLater(() => void this.loadSnapshot(first));
      return;
    }
    if (this.stopped) return;
    this.retries = 0;
    store.dispatch({ type: 'snapshot', snapshot, at: Date.now() });
    if (first) markLoadStep('snapshot-applied');
    this.snapshotLoaded = true;
    if (first) {
      // After the first draw: the timeline's past and the older reports are not worth delaying the picture for.
      void afterFirstPicture(FIRST_PICTURE_AT_MOST_MS).then(() => {
        if (this.stopped) return;
        setTimeout(() => void this.loadHistory(snapshot.seq), HISTORY_DELAY_MS);
        if (snapshot.reports.length >= FIRST_SCREEN_REPORTS) setTimeout(() => void this.loadOlderReports(), OLDER_REPORTS_DELAY_MS);
      });
    }
    if (socket.connected) this.subscribe();
    else {
      store.dispatch({ type: 'connection', status: 'connecting' });
      // The first time, after the first picture: the socket's handshake, the subscription and its
      // answer (every team's latest position) are main-thread work, and API work while the API
      // serves that picture's tiles, that the picture does not need — the snapshot is the
      // picture, and the subscription catches up from its seq whenever it starts.
      if (first && this.options.firstPicture) await this.options.firstPicture();
      if (this.stopped || socket.connected) return;
      socket.connect();
    }
  }

  private subscribe(): void {
    const { socket, store, operationId } = this.options;
    if (this.stopped || !this.snapshotLoaded) return;
    store.flush(); // the resubscribe starts after the last event this view has applied
    const sinceSeq = store.getState().lastSeq;
    store.dispatch({ type: 'connection', status: 'catching-up' });
    socket.emit(SocketEvents.subscribe, { operationId, sinceSeq, pages: true }, (answer: Ack<SubscribeResult>) => {
      if (this.stopped) return;
      if (answer.ok) {
        store.enqueuePositions(answer.positions);
        return;
      }
      const { status, message } = answer.error;
      if (status === 409) {
        // The log is behind what this view has seen (a restored database): start again from a snapshot.
        void this.loadSnapshot(false);
      } else if (status === 404 || status === 403) {
        this.revoke(message);
      } else {
        store.dispatch({ type: 'connection', status: 'reconnecting', message });
        this.retryLater(() => this.subscribe());
      }
    });
  }

  private revoke(reason: string): void {
    const { store, socket } = this.options;
    store.dispatch({ type: 'connection', status: 'revoked', message: reason });
    this.stopped = true;
    for (const undo of this.detach.splice(0)) undo();
    socket.disconnect();
    this.options.onRevoked?.(reason);
  }

  private async loadHistory(seq: number): Promise<void> {
    const { api, store, operationId } = this.options;
    try {
      const page = await api.listEvents(operationId, { sinceSeq: Math.max(0, seq - HISTORY_EVENTS), limit: HISTORY_EVENTS }, this.controller.signal);
      if (!this.stopped) store.dispatch({ type: 'history-loaded', events: page.items });
    } catch {
      // The timeline then starts with the live events; nothing else depends on the history.
      if (!this.stopped) store.dispatch({ type: 'history-loaded', events: [] });
    }
  }

  private async loadOlderReports(): Promise<void> {
    const { api, store, operationId } = this.options;
    let cursor: string | undefined;
    let pending: Report[] = [];
    try {
      do {
        const page = await api.listReports(operationId, { limit: REPORT_PAGE, cursor }, this.controller.signal);
        if (this.stopped) return;
        const known = store.getState().reports;
        for (const report of page.items) if (!known.has(report.id)) pending.push(report);
        if (pending.length >= OLDER_REPORTS_STEP) {
          store.dispatch({ type: 'reports-loaded', reports: pending });
          pending = [];
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    } catch {
      // The newest reports are on the map; older ones stay out until the view is opened again.
    } finally {
      if (!this.stopped && pending.length) store.dispatch({ type: 'reports-loaded', reports: pending });
    }
  }

  private retryLater(again: () => void): void {
    const delay = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) again();
    }, delay);
  }
}

type OpsSocketEvents = ServerToClientEvents;
