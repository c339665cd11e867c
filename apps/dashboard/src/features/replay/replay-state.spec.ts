import type { OperationSnapshot, ReplayWindow, Team } from '@lintas/contracts';
import { describe, expect, it } from 'vitest';
import { replayedState } from './replay-state';

const AT = Date.parse('2026-11-28T12:00:00Z');
const team = { id: 't1', callSign: 'BAVET 1', lastPosition: { teamId: 't1', lat: 11, lon: 106, heading: null, speed: null, accuracy: null, at: '2026-11-28T11:50:00.000Z' }, stale: false } as Team;
const snapshot = { operation: { id: 'o' }, teams: [team], reports: [], seq: 5 } as unknown as OperationSnapshot;
const connection = { status: 'live' as const, catchUpCount: 0, message: null };

describe('replayedState', () => {
  it('moves teams on along their tracks to the moment and draws the trail of the preceding minutes', () => {
    const window = {
      events: [],
      marks: [],
      tracks: [
        {
          teamId: 't1',
          points: [
            { lat: 11, lon: 105.9, at: '2026-11-28T11:00:00.000Z' }, // older than the trail keeps
            { lat: 11, lon: 106, at: '2026-11-28T11:50:00.000Z' },
            { lat: 11, lon: 106.01, at: '2026-11-28T11:58:00.000Z' },
            { lat: 11, lon: 106.02, at: '2026-11-28T12:05:00.000Z' }, // after the moment
          ],
        },
      ],
    } as unknown as ReplayWindow;
    const state = replayedState(snapshot, window, AT, connection);
    expect(state.teams.get('t1')?.lastPosition).toMatchObject({ lon: 106.01, at: '2026-11-28T11:58:00.000Z' });
    expect(state.trails.get('t1')?.map((point) => point.lon)).toEqual([106, 106.01]);
    expect(state.connection).toBe(connection);
  });

  it('fills the timeline with the window’s events up to the moment only', () => {
    const base = { operationId: 'o', actor: null, marking: 'TLP:GREEN', originAgencyId: 'a', recipientAgencyIds: [], type: 'report.created' } as const;
    const events = [
      { ...base, seq: 4, at: '2026-11-28T11:00:00.000Z', report: { id: 'r1', kind: 'sitrep', title: 'Before' } },
      { ...base, seq: 6, at: '2026-11-28T12:30:00.000Z', report: { id: 'r2', kind: 'sitrep', title: 'After' } },
    ];
    const state = replayedState(snapshot, { events, marks: [], tracks: [] } as unknown as ReplayWindow, AT, connection);
    expect(state.timeline.map((entry) => entry.subject)).toEqual(['Before']);
  });
});
