import { SocketEvents } from '@lintas/contracts';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { eventOf, OPERATION_ID, report, snapshot } from '../test-support/fixtures';
import { OperationConnection } from './operation-connection';
import { OperationStore } from './operation-store';
import type { OpsSocket } from './ops-socket';

type Listener = (...args: unknown[]) => void;

/** A socket double: records what the view emits and lets the test play the server. */
function fakeSocket() {
  const listeners = new Map<string, Listener[]>();
  const emitted: { event: string; payload: unknown; ack?: Listener }[] = [];
  const socket = {
    connected: false,
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    off(event: string, listener: Listener) {
      listeners.set(event, (listeners.get(event) ?? []).filter((candidate) => candidate !== listener));
      return socket;
    },
    emit(event: string, payload: unknown, ack?: Listener) {
      emitted.push({ event, payload, ack });
      return socket;
    },
    connect: vi.fn(() => {
      socket.connected = true;
      serve('connect');
      return socket;
    }),
    disconnect: vi.fn(() => {
      socket.connected = false;
      return socket;
    }),
  };
  function serve(event: string, ...args: unknown[]) {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  }
  return { socket: socket as unknown as OpsSocket, raw: socket, serve, emitted };
}

function immediateStore() {
  return new OperationStore({
    schedule: (flush) => {
      queueMicrotask(flush);
      return () => undefined;
    },
    positionIntervalMs: 0,
  });
}

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('OperationConnection', () => {
  it('loads the snapshot, subscribes with its seq, and after a reconnect with the last seq applied', async () => {
    const { socket, raw, serve, emitted } = fakeSocket();
    const store = immediateStore();
    const api = { getSnapshot: vi.fn(async () => snapshot({ seq: 42 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 42 })), listReports: vi.fn() };
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null });
    connection.start();
    await settle();

    const first = emitted.filter((entry) => entry.event === SocketEvents.subscribe);
    expect(first.map((entry) => entry.payload)).toEqual([{ operationId: OPERATION_ID, sinceSeq: 42 }]);
    expect(store.getState().connection.status).toBe('catching-up');
    first[0].ack?.({ ok: true, operationId: OPERATION_ID, fromSeq: 42, positions: [] });
    serve(SocketEvents.event, eventOf(43, { type: 'report.created', report: report({ id: 'r43', version: 43 }) }));
    serve(SocketEvents.event, eventOf(44, { type: 'report.created', report: report({ id: 'r44', version: 44 }) }));
    serve(SocketEvents.caughtUp, { operationId: OPERATION_ID, seq: 44, delivered: 2 });
    expect(store.getState().connection.status).toBe('live');
    expect(store.getState().lastSeq).toBe(44);

    // The link drops and comes back: the view asks for what it missed after seq 44, not a new snapshot.
    raw.connected = false;
    serve('disconnect', 'transport close');
    expect(store.getState().connection.status).toBe('reconnecting');
    raw.connected = true;
    serve('connect');
    const second = emitted.filter((entry) => entry.event === SocketEvents.subscribe);
    expect(second.map((entry) => entry.payload)).toEqual([
      { operationId: OPERATION_ID, sinceSeq: 42 },
      { operationId: OPERATION_ID, sinceSeq: 44 },
    ]);
    expect(api.getSnapshot).toHaveBeenCalledTimes(1);
    connection.stop();
  });

  it("ignores another operation's events", async () => {
    const { socket, serve } = fakeSocket();
    const store = immediateStore();
    const api = { getSnapshot: vi.fn(async () => snapshot({ seq: 1 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 1 })), listReports: vi.fn() };
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null });
    connection.start();
    await settle();
    serve(SocketEvents.event, eventOf(2, { type: 'report.created', report: report({ id: 'elsewhere' }) }, { operationId: '00000000-0000-4000-8000-0000000000f2' }));
    await settle();
    expect(store.getState().reports.has('elsewhere')).toBe(false);
    connection.stop();
  });

  it('tells the view and stops when access is withdrawn', async () => {
    const { socket, raw, serve } = fakeSocket();
    const store = immediateStore();
    const onRevoked = vi.fn();
    const api = { getSnapshot: vi.fn(async () => snapshot({ seq: 1 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 1 })), listReports: vi.fn() };
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null, onRevoked });
    connection.start();
    await settle();
    serve(SocketEvents.accessRevoked, { operationId: OPERATION_ID, reason: 'Your agency was removed from the operation' });
    expect(onRevoked).toHaveBeenCalledWith('Your agency was removed from the operation');
    expect(store.getState().connection).toMatchObject({ status: 'revoked', message: 'Your agency was removed from the operation' });
    expect(raw.disconnect).toHaveBeenCalled();
    connection.stop();
  });

  it('says the operation is not available when the snapshot answers 404', async () => {
    const { socket, raw } = fakeSocket();
    const store = immediateStore();
    const api = { getSnapshot: vi.fn(async () => Promise.reject(new ApiError(404, 'Operation not found'))), listEvents: vi.fn(), listReports: vi.fn() };
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null });
    connection.start();
    await settle();
    expect(store.getState().connection).toMatchObject({ status: 'failed', message: 'Operation not found' });
    expect(raw.connect).not.toHaveBeenCalled();
    connection.stop();
  });
});
