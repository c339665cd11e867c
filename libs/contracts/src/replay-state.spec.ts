import { describe, expect, it } from 'vitest';
import type { OperationEvent } from './events';
import { applyOperationEvent, replayItems } from './replay-state';
import type { Report } from './reports';

const OBSERVER = { agencyId: 'obs', operationRole: 'observer' } as const;

function reportEvent(seq: number, at: string, marking: OperationEvent['marking'], type: 'report.created' | 'report.updated' = 'report.updated'): OperationEvent {
  return { operationId: 'o', seq, at, actor: null, marking, originAgencyId: 'origin', recipientAgencyIds: [], type, report: { id: 'r1', title: `v${seq}`, marking } as Report } as OperationEvent;
}

describe('replayItems', () => {
  it('replays a raise and a release as they happened', () => {
    const events = [reportEvent(1, '2026-11-28T08:00:00.000Z', 'TLP:GREEN', 'report.created'), reportEvent(2, '2026-11-28T09:00:00.000Z', 'TLP:RED'), reportEvent(3, '2026-11-28T10:00:00.000Z', 'TLP:GREEN')];
    const titleAt = (at: string) => replayItems(events, at, OBSERVER).reports.get('r1')?.title ?? null;
    expect(titleAt('2026-11-28T07:59:59.999Z')).toBeNull();
    expect(titleAt('2026-11-28T08:30:00.000Z')).toBe('v1');
    // Raised: gone, and not replaced by the older visible version.
    expect(titleAt('2026-11-28T09:00:00.000Z')).toBeNull();
    expect(titleAt('2026-11-28T10:00:00.000Z')).toBe('v3');
    expect(replayItems(events, '2026-11-28T09:30:00.000Z', OBSERVER).seq).toBe(2);
  });
});

describe('applyOperationEvent', () => {
  it('adds and removes participants and sites', () => {
    const base = { operationId: 'o', seq: 1, at: '', actor: null, marking: 'TLP:GREEN' as const, originAgencyId: 'a', recipientAgencyIds: [] as string[] };
    let operation = { participants: [], sites: [] } as never as Parameters<typeof applyOperationEvent>[0];
    operation = applyOperationEvent(operation, { ...base, type: 'operation.participant_added', participant: { agency: { id: 'b', code: 'B', name: 'B' }, role: 'observer' } });
    operation = applyOperationEvent(operation, { ...base, type: 'operation.site_attached', site: { id: 's1' } as never });
    expect(operation.participants.map((p) => p.agency.id)).toEqual(['b']);
    operation = applyOperationEvent(operation, { ...base, type: 'operation.participant_removed', agencyId: 'b' });
    operation = applyOperationEvent(operation, { ...base, type: 'operation.site_detached', siteId: 's1' });
    expect(operation).toEqual({ participants: [], sites: [] });
  });
});
