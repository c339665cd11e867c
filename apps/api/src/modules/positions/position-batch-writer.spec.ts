import type { TeamPosition } from '@lintas/contracts';
import type { TransactionService, WriteTransaction } from '../../database/transaction.service';
import { MAX_POSITION_BATCH, PositionBatchWriter, type LivePosition } from './position-batch-writer';
import type { CommittedPosition, PositionBus } from './position-bus';
import type { NewPosition, PositionsRepository } from './positions.repository';

const OP = '11111111-1111-4111-8111-111111111111';

function live(teamId: string, second: number): LivePosition {
  const at = new Date(Date.UTC(2026, 10, 28, 12, 0, second)).toISOString();
  return {
    leadAgencyId: 'lead',
    team: { id: teamId, operationId: OP, originAgencyId: 'lead', marking: 'TLP:GREEN', recipientAgencyIds: [] },
    position: { lat: 10, lon: 105, heading: null, speed: null, accuracy: null, at },
  };
}

/** A repository whose `store` calls wait until the spec settles them, one by one, in order. */
function harness() {
  const calls: { teams: string[]; settle: (error?: Error) => void }[] = [];
  const published: CommittedPosition[] = [];
  const repository = {
    store: (_manager: unknown, positions: readonly NewPosition[]) =>
      new Promise((resolve, reject) => {
        calls.push({
          teams: positions.map((p) => p.teamId),
          settle: (error) => {
            if (error) return reject(error);
            const latest: TeamPosition[] = positions.map((p) => ({ teamId: p.teamId, ...p.position }) as TeamPosition);
            resolve({ stored: positions.length, latest });
          },
        });
      }),
  } as unknown as PositionsRepository;
  const transactions = {
    run: async <T>(work: (tx: WriteTransaction) => Promise<T>) => {
      const hooks: (() => void)[] = [];
      const result = await work({ manager: {} as WriteTransaction['manager'], afterCommit: (hook) => hooks.push(hook) });
      for (const hook of hooks) hook();
      return result;
    },
  } as unknown as TransactionService;
  const bus = { publish: (position: CommittedPosition) => published.push(position) } as unknown as PositionBus;
  return { writer: new PositionBatchWriter(transactions, repository, bus), calls, published };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('PositionBatchWriter (group commit)', () => {
  it('writes a position at once when no batch is in flight, and acknowledges it only after the commit', async () => {
    const { writer, calls, published } = harness();
    let acknowledged = false;
    const written = writer.write(live('t1', 1)).then(() => (acknowledged = true));
    await turn();
    expect(calls.map((c) => c.teams)).toEqual([['t1']]);
    expect(acknowledged).toBe(false);
    calls[0].settle();
    await written;
    expect(acknowledged).toBe(true);
    expect(published.map((p) => p.team.id)).toEqual(['t1']);
  });

  it('gathers the positions that arrive while a batch is in flight into the next batch', async () => {
    const { writer, calls } = harness();
    const first = writer.write(live('t1', 1));
    await turn();
    const later = [writer.write(live('t2', 2)), writer.write(live('t3', 3)), writer.write(live('t4', 4))];
    await turn();
    expect(calls).toHaveLength(1);
    calls[0].settle();
    await first;
    await turn();
    expect(calls.map((c) => c.teams)).toEqual([['t1'], ['t2', 't3', 't4']]);
    calls[1].settle();
    await Promise.all(later);
  });

  it(`writes at most ${MAX_POSITION_BATCH} positions in one batch`, async () => {
    const { writer, calls } = harness();
    const all = Array.from({ length: MAX_POSITION_BATCH + 1 }, (_, i) => writer.write(live(`t${i}`, i % 60)));
    await turn();
    expect(calls.map((c) => c.teams.length)).toEqual([MAX_POSITION_BATCH]);
    calls[0].settle();
    await turn();
    await turn();
    expect(calls.map((c) => c.teams.length)).toEqual([MAX_POSITION_BATCH, 1]);
    calls[1].settle();
    await Promise.all(all);
  });

  it('retries a failed batch one position at a time, so one bad position costs only itself', async () => {
    const { writer, calls } = harness();
    const first = writer.write(live('t1', 1));
    await turn();
    const outcomes = [writer.write(live('bad', 2)), writer.write(live('t3', 3))].map((p) => p.then(() => 'stored', (e: Error) => e.message));
    calls[0].settle();
    await first;
    await turn();
    expect(calls[1].teams).toEqual(['bad', 't3']);
    calls[1].settle(new Error('team deleted'));
    await turn();
    expect(calls[2].teams).toEqual(['bad']);
    calls[2].settle(new Error('team deleted'));
    await turn();
    expect(calls[3].teams).toEqual(['t3']);
    calls[3].settle();
    expect(await Promise.all(outcomes)).toEqual(['team deleted', 'stored']);
  });

  it('at shutdown, waits for the batch in flight and writes what is queued', async () => {
    const { writer, calls } = harness();
    const a = writer.write(live('t1', 1));
    await turn();
    const b = writer.write(live('t2', 2));
    let done = false;
    const shutdown = writer.beforeApplicationShutdown().then(() => (done = true));
    calls[0].settle();
    await a;
    await turn();
    expect(done).toBe(false);
    calls[1].settle();
    await b;
    await shutdown;
    expect(calls.map((c) => c.teams)).toEqual([['t1'], ['t2']]);
  });
});
