import type { TeamPosition } from '@lintas/contracts';
import { PositionBus } from '../modules/positions/position-bus';
import { POSITION_FLUSH_MS, PositionFanout } from './position-fanout';
import type { RealtimeServer } from './realtime-server';

const OP = '11111111-1111-4111-8111-111111111111';

function harness() {
  const sent: { rooms: string[]; teams: string[]; ats: string[] }[] = [];
  const namespace = {
    to: (rooms: string[]) => ({
      emit: (_name: string, payload: { positions: TeamPosition[] }) =>
        sent.push({ rooms, teams: payload.positions.map((p) => p.teamId), ats: payload.positions.map((p) => p.at) }),
    }),
  };
  const bus = new PositionBus();
  const fanout = new PositionFanout(bus, { current: namespace } as unknown as RealtimeServer);
  fanout.onModuleInit();
  const publish = (teamId: string, second: number) => {
    const at = new Date(Date.UTC(2026, 10, 28, 12, 0, second)).toISOString();
    bus.publish({
      leadAgencyId: 'lead',
      team: { id: teamId, operationId: OP, originAgencyId: 'lead', marking: 'TLP:GREEN', recipientAgencyIds: [] },
      position: { teamId, lat: 10, lon: 105, heading: null, speed: null, accuracy: null, at } as TeamPosition,
    });
    return at;
  };
  return { fanout, sent, publish };
}

/** Lets `ms` pass on the fake clock, then lets the turn end (the grouped sends run in a real setImmediate). */
async function elapse(ms: number): Promise<void> {
  jest.advanceTimersByTime(ms);
  await new Promise((resolve) => setImmediate(resolve));
}

describe('PositionFanout (leading-edge throttle per team)', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'clearImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it("sends an idle team's position at once (in the same turn of the event loop)", async () => {
    const { fanout, sent, publish } = harness();
    const at = publish('t1', 1);
    await elapse(0);
    expect(sent).toEqual([{ rooms: [`op:${OP}:all`], teams: ['t1'], ats: [at] }]);
    fanout.onModuleDestroy();
  });

  it('within a window keeps only the newest position and sends it when the window ends', async () => {
    const { fanout, sent, publish } = harness();
    const first = publish('t1', 1);
    await elapse(10);
    publish('t1', 3);
    publish('t1', 2); // late and older: dropped
    await elapse(POSITION_FLUSH_MS - 20);
    expect(sent.map((s) => s.ats)).toEqual([[first]]);
    await elapse(10);
    expect(sent.map((s) => s.ats)).toEqual([[first], [new Date(Date.UTC(2026, 10, 28, 12, 0, 3)).toISOString()]]);
    // That send opened a new window: the next position waits for it to end.
    publish('t1', 4);
    await elapse(POSITION_FLUSH_MS - 1);
    expect(sent).toHaveLength(2);
    await elapse(1);
    expect(sent).toHaveLength(3);
    fanout.onModuleDestroy();
  });

  it('sends nothing at the end of a window with nothing new, and sends at once again after it', async () => {
    const { fanout, sent, publish } = harness();
    publish('t1', 1);
    await elapse(POSITION_FLUSH_MS);
    expect(sent).toHaveLength(1);
    publish('t1', 2);
    await elapse(0);
    expect(sent).toHaveLength(2);
    fanout.onModuleDestroy();
  });

  it('groups the teams due in one turn into one message per operation and audience', async () => {
    const { fanout, sent, publish } = harness();
    publish('t1', 1);
    publish('t2', 1);
    await elapse(0);
    expect(sent.map((s) => s.teams)).toEqual([['t1', 't2']]);
    fanout.onModuleDestroy();
  });
});
