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
    const api = { getCompactSnapshot: vi.fn(async () => snapshot({ seq: 42 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 42 })), listReports: vi.fn() };
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null });
    connection.start();
    await settle();

    const first = emitted.filter((entry) => entry.event === SocketEvents.subscribe);
    expect(first.map((entry) => entry.payload)).toEqual([{ operationId: OPERATION_ID, sinceSeq: 42, pages: true }]);
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
      { operationId: OPERATION_ID, sinceSeq: 42, pages: true },
      { operationId: OPERATION_ID, sinceSeq: 44, pages: true },
    ]);
    expect(api.getCompactSnapshot).toHaveBeenCalledTimes(1);
    connection.stop();
  });

  it('connects the live feed only once the first picture is drawn, and subscribes with the snapshot seq then', async () => {
    const { socket, raw, emitted } = fakeSocket();
    const store = immediateStore();
    const api = { getCompactSnapshot: vi.fn(async () => snapshot({ seq: 42 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 42 })), listReports: vi.fn() };
    let drawn: () => void = () => undefined;
    const picture = new Promise<void>((resolve) => (drawn = resolve));
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null, firstPicture: () => picture });
    connection.start();
    await settle();

    expect(store.getState().lastSeq).toBe(42);
    expect(store.getState().connection.status).toBe('connecting');
    expect(raw.connect).not.toHaveBeenCalled();

    drawn();
    await settle();
    expect(raw.connect).toHaveBeenCalledTimes(1);
    expect(emitted.filter((entry) => entry.event === SocketEvents.subscribe).map((entry) => entry.payload)).toEqual([{ operationId: OPERATION_ID, sinceSeq: 42, pages: true }]);
    connection.stop();
  });

  it('applies a catch-up page in one step, and resubscribes after its last event', async () => {
    const { socket, raw, serve, emitted } = fakeSocket();
    const store = immediateStore();
    const api = { getCompactSnapshot: vi.fn(async () => snapshot({ seq: 10 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 10 })), listReports: vi.fn() };
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null });
    connection.start();
    await settle();
    emitted.find((entry) => entry.event === SocketEvents.subscribe)?.ack?.({ ok: true, operationId: OPERATION_ID, fromSeq: 10, positions: [] });

    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getState().lastSeq));
    const page = [11, 12, 13].map((seq) => eventOf(seq, { type: 'report.created', report: report({ id: `r${seq}`, version: seq }) }));
    serve(SocketEvents.events, { operationId: OPERATION_ID, events: page });
    serve(SocketEvents.events, { operationId: '00000000-0000-4000-8000-0000000000f2', events: [eventOf(99, { type: 'report.created', report: report({ id: 'elsewhere' }) })] });
    await settle();
    // One state change for the whole page: never a state with 11 applied and 12 missing.
    expect(seen).toEqual([13]);
    expect([...store.getState().reports.keys()].sort()).toEqual(['r11', 'r12', 'r13']);

    raw.connected = false;
    serve('disconnect', 'transport close');
    raw.connected = true;
    serve('connect');
    const payloads = emitted.filter((entry) => entry.event === SocketEvents.subscribe).map((entry) => entry.payload);
    expect(payloads[payloads.length - 1]).toEqual({ operationId: OPERATION_ID, sinceSeq: 13, pages: true });
    connection.stop();
  });

  it("ignores another operation's events", async () => {
    const { socket, serve } = fakeSocket();
    const store = immediateStore();
    const api = { getCompactSnapshot: vi.fn(async () => snapshot({ seq: 1 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 1 })), listReports: vi.fn() };
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
    const api = { getCompactSnapshot: vi.fn(async () => snapshot({ seq: 1 })), listEvents: vi.fn(async () => ({ items: [], nextSeq: null, lastSeq: 1 })), listReports: vi.fn() };
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
    const api = { getCompactSnapshot: vi.fn(async () => Promise.reject(new ApiError(404, 'Operation not found'))), listEvents: vi.fn(), listReports: vi.fn() };
    const connection = new OperationConnection({ operationId: OPERATION_ID, api: api as unknown as ApiClient, store, socket, network: null });
    connection.start();
    await settle();
    expect(store.getState().connection).toMatchObject({ status: 'failed', message: 'Operation not found' });
    expect(raw.connect).not.toHaveBeenCalled();
    connection.stop();
  });
});
