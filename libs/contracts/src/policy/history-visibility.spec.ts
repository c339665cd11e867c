import { describe, expect, it } from 'vitest';
import type { Viewer } from '../marking';
import { visibleHistory, type HistoryEntry } from './history-visibility';
import { disclosedReference } from './references';

const ORIGIN = 'agency-origin';
const observer: Viewer = { agencyId: 'agency-observer', operationRole: 'observer' };
const recipient: Viewer = { agencyId: 'agency-recipient', operationRole: 'participant' };
const originator: Viewer = { agencyId: ORIGIN, operationRole: 'participant' };

// Created TLP:RED for one recipient, its title amended, then re-marked TLP:CLEAR.
const history = [
  { action: 'created', changes: {} },
  { action: 'amended', changes: { title: ['informant name: X', 'sitrep'] } },
  { action: 'amended', changes: { marking: ['TLP:RED', 'TLP:CLEAR'], recipientAgencyIds: [['agency-recipient'], []] } },
  { action: 'amended', changes: { narrative: ['', 'all clear'] } },
] as const;
const now = { marking: 'TLP:CLEAR' as const, originAgencyId: ORIGIN, recipientAgencyIds: [] };

describe('visibleHistory', () => {
  it('hides from an observer every entry made or undone under TLP:RED', () => {
    expect(visibleHistory(history, now, observer).map((entry) => entry.changes)).toEqual([{ narrative: ['', 'all clear'] }]);
  });

  it('shows the named recipient everything, and the originator everything', () => {
    expect(visibleHistory(history, now, recipient)).toHaveLength(4);
    expect(visibleHistory(history, now, originator)).toHaveLength(4);
  });

  it('hides the entry that moved an item to a marking the viewer may not see', () => {
    const tightened: HistoryEntry[] = [{ changes: {} }, { changes: { marking: ['TLP:GREEN', 'TLP:AMBER'] } }, { changes: { marking: ['TLP:AMBER', 'TLP:GREEN'] } }];
    expect(visibleHistory(tightened, { marking: 'TLP:GREEN', originAgencyId: ORIGIN }, observer)).toEqual([{ changes: {} }]);
  });
});

describe('disclosedReference', () => {
  it('names a referenced item only to viewers who may see it', () => {
    const team = { marking: 'TLP:AMBER' as const, originAgencyId: ORIGIN };
    expect(disclosedReference('team-1', team, observer)).toBeNull();
    expect(disclosedReference('team-1', team, recipient)).toBe('team-1');
    expect(disclosedReference(null, team, recipient)).toBeNull();
  });
});
