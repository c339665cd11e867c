import type { OperationEvent } from '@lintas/contracts';
import { OperationDispatcher, type DispatcherPorts } from './operation-dispatcher';

const OP = '11111111-1111-4111-8111-111111111111';

function event(seq: number): OperationEvent {
  return {
    operationId: OP,
    seq,
    at: new Date(0).toISOString(),
    actor: null,
    marking: 'TLP:GREEN',
    originAgencyId: 'a',
    recipientAgencyIds: [],
    type: 'operation.site_detached',
    siteId: `site-${seq}`,
  };
}

function harness(startSeq: number, committed: OperationEvent[] = [], options = { ringSize: 4, gapTimeoutMs: 20, readLimit: 2 }) {
  const emitted: number[] = [];
  const reads: number[] = [];
  const ports: DispatcherPorts = {
    emit: (e) => emitted.push(e.seq),
    readAfter: async (afterSeq, limit) => {
      reads.push(afterSeq);
      return committed.filter((e) => e.seq > afterSeq).slice(0, limit);
    },
    lastSeq: async () => startSeq,
    onError: (error) => {
      throw error;
    },
  };
  const dispatcher = new OperationDispatcher(OP, 'lead', ports, options);
  return { dispatcher, emitted, reads };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OperationDispatcher', () => {
  it('emits out-of-order arrivals in seq order, each once', async () => {
    const { dispatcher, emitted } = harness(0);
    await dispatcher.ready;
    for (const seq of [3, 1, 2, 2, 5, 4, 1]) dispatcher.offer(event(seq));
    expect(emitted).toEqual([1, 2, 3, 4, 5]);
    expect(dispatcher.deliveredSeq).toBe(5);
    dispatcher.close();
  });

  it('drops arrivals at or below its start point, even those that came before it was ready', async () => {
    const { dispatcher, emitted } = harness(10);
    dispatcher.offer(event(9));
    dispatcher.offer(event(11));
    await dispatcher.ready;
    dispatcher.offer(event(10));
    expect(emitted).toEqual([11]);
    dispatcher.close();
  });

  it('reads a hole that persists past the timeout from the database, page by page', async () => {
    const committed = [1, 2, 3, 4, 5].map(event);
    const { dispatcher, emitted, reads } = harness(0, committed);
    await dispatcher.ready;
    dispatcher.offer(event(5));
    expect(emitted).toEqual([]);
    await sleep(80);
    expect(emitted).toEqual([1, 2, 3, 4, 5]);
    expect(reads).toEqual([0, 2]);
    dispatcher.close();
  });

  it('a seq known committed but never relayed (the tail) is read after the timeout', async () => {
    const { dispatcher, emitted } = harness(0, [event(1)]);
    await dispatcher.ready;
    dispatcher.noteCommitted(1);
    await sleep(60);
    expect(emitted).toEqual([1]);
    dispatcher.close();
  });

  it('answers the events after a seq from its ring buffer, or null when they are older than the ring', async () => {
    const { dispatcher } = harness(0);
    await dispatcher.ready;
    for (let seq = 1; seq <= 6; seq++) dispatcher.offer(event(seq));
    expect(dispatcher.eventsAfter(6)).toEqual([]);
    expect(dispatcher.eventsAfter(4)?.map((e) => e.seq)).toEqual([5, 6]);
    expect(dispatcher.eventsAfter(2)?.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(dispatcher.eventsAfter(1)).toBeNull();
    dispatcher.close();
  });

  it('waitFor resolves once the seq has been emitted', async () => {
    const { dispatcher } = harness(0);
    await dispatcher.ready;
    let done = false;
    const waiting = dispatcher.waitFor(2).then(() => (done = true));
    dispatcher.offer(event(1));
    await sleep(0);
    expect(done).toBe(false);
    dispatcher.offer(event(2));
    await waiting;
    expect(done).toBe(true);
    dispatcher.close();
  });
});
