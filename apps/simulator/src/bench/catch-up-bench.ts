import { randomUUID } from 'node:crypto';
import { SocketEvents, type OperationEvent } from '@lintas/contracts';
import { Client } from 'pg';
import type { LintasApi } from '../client/lintas-api';
import { connectOpsSocket, waitForConnect } from '../client/ops-socket';

export interface CatchUpRun {
  /** Seconds from the subscribe request to the last missed event in hand (median of the tries). */
  seconds: number;
  events: number;
  tries: number[];
}

/** Fills an operation with `count` reports through the API (the events a subscriber will have missed). */
export async function fillOperation(writers: { api: LintasApi; teamId: string }[], operationId: string, count: number): Promise<{ seconds: number; perSecond: number }> {
  let next = 0;
  const began = performance.now();
  await Promise.all(
    writers.map(async (writer) => {
      for (let index = next++; index < count; index = next++) {
        await writer.api.call(
          (client) =>
            client.POST('/api/operations/{operationId}/reports', {
              params: { path: { operationId } },
              body: {
                clientId: randomUUID(),
                kind: 'sitrep',
                title: `Catch-up sitrep ${index}`,
                narrative: 'Load test: a short situation report from the field, about the size of a real one.',
                lat: 6.53,
                lon: 100.42,
                occurredAt: new Date().toISOString(),
                teamId: writer.teamId,
                marking: 'TLP:GREEN',
              },
            }),
          { retries: 4 },
        );
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  return { seconds, perSecond: count / seconds };
}

/**
 * A dashboard that missed every event of the operation reconnects and subscribes with
 * `sinceSeq: 0`: the time until it holds them all (and the server says it has caught up). With
 * `pages` (as the dashboard asks) the catch-up comes one packet per page, else one per event.
 */
export async function catchUpThroughSocket(url: string, token: string, operationId: string, expected: number, tries: number, pages = true): Promise<CatchUpRun> {
  const times: number[] = [];
  let events = 0;
  for (let i = 0; i < tries; i++) {
    const socket = connectOpsSocket(url, token, { reconnection: false });
    try {
      await waitForConnect(socket);
      const received = new Set<number>();
      const done = new Promise<void>((resolve, reject) => {
        let caughtUp = false;
        const check = () => caughtUp && received.size >= expected && resolve();
        socket.on(SocketEvents.event, (event: OperationEvent) => {
          if (event.operationId === operationId) received.add(event.seq);
          check();
        });
        socket.on(SocketEvents.events, (page) => {
          if (page.operationId === operationId) for (const event of page.events) received.add(event.seq);
          check();
        });
        socket.on(SocketEvents.caughtUp, (message) => {
          if (message.operationId !== operationId) return;
          caughtUp = true;
          check();
        });
        setTimeout(() => reject(new Error(`catch-up incomplete after 120 s: ${received.size} of ${expected} events`)), 120_000).unref();
      });
      const began = performance.now();
      const answer = (await socket.timeout(60_000).emitWithAck(SocketEvents.subscribe, { operationId, sinceSeq: 0, pages })) as { ok: boolean };
      if (!answer.ok) throw new Error(`subscribe refused: ${JSON.stringify(answer)}`);
      await done;
      times.push((performance.now() - began) / 1000);
      events = received.size;
    } finally {
      socket.disconnect();
    }
  }
  return { seconds: median(times), events, tries: times };
}

/** The baseline: the same rows with a plain SELECT, on a connection already open. */
export async function catchUpThroughPg(databaseUrl: string, operationId: string, tries: number): Promise<CatchUpRun> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const times: number[] = [];
  let events = 0;
  try {
    for (let i = 0; i < tries; i++) {
      const began = performance.now();
      const result = await client.query('SELECT * FROM operation_events WHERE operation_id = $1 AND seq > 0 ORDER BY seq', [operationId]);
      times.push((performance.now() - began) / 1000);
      events = result.rowCount ?? 0;
    }
  } finally {
    await client.end();
  }
  return { seconds: median(times), events, tries: times };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
