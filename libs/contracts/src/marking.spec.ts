import { describe, expect, it } from 'vitest';
import { canView, markingAudience, mostRestrictive, type Marking, type Viewer } from './marking';

const ORIGIN = 'agency-origin';
const LEAD = 'agency-lead';
const PARTICIPANT = 'agency-participant';
const OBSERVER = 'agency-observer';
const RECIPIENT = 'agency-recipient';

const viewers: Record<string, Viewer> = {
  originator: { agencyId: ORIGIN, operationRole: 'participant' },
  lead: { agencyId: LEAD, operationRole: 'lead' },
  participant: { agencyId: PARTICIPANT, operationRole: 'participant' },
  observer: { agencyId: OBSERVER, operationRole: 'observer' },
  redRecipient: { agencyId: RECIPIENT, operationRole: 'observer' },
};

// The table of PRODUCT.md, written out: marking → viewers who may see the item.
const expected: Record<Marking, string[]> = {
  'TLP:CLEAR': ['originator', 'lead', 'participant', 'observer', 'redRecipient'],
  'TLP:GREEN': ['originator', 'lead', 'participant', 'observer', 'redRecipient'],
  'TLP:AMBER': ['originator', 'lead', 'participant'],
  'TLP:AMBER+STRICT': ['originator', 'lead'],
  'TLP:RED': ['originator', 'redRecipient'],
};

describe('handling-marking rule', () => {
  for (const [marking, allowed] of Object.entries(expected) as [Marking, string[]][]) {
    for (const [name, viewer] of Object.entries(viewers)) {
      const item = { marking, originAgencyId: ORIGIN, recipientAgencyIds: [RECIPIENT] };
      it(`${marking} is ${allowed.includes(name) ? 'visible' : 'hidden'} to the ${name}`, () => {
        expect(canView(item, viewer)).toBe(allowed.includes(name));
      });
    }
  }

  it('audiences agree with canView for every marking and viewer', () => {
    for (const marking of Object.keys(expected) as Marking[]) {
      const item = { marking, originAgencyId: ORIGIN, recipientAgencyIds: [RECIPIENT] };
      const audience = markingAudience(item, LEAD);
      for (const viewer of Object.values(viewers)) {
        const reached =
          audience.kind === 'all-members' ||
          (audience.kind === 'non-observers' && (viewer.operationRole !== 'observer' || audience.alsoAgencyIds.includes(viewer.agencyId))) ||
          (audience.kind === 'agencies' && audience.agencyIds.includes(viewer.agencyId));
        expect(reached).toBe(canView(item, viewer));
      }
    }
  });

  it('an observer that originated an AMBER item still sees it', () => {
    expect(canView({ marking: 'TLP:AMBER', originAgencyId: OBSERVER }, viewers.observer)).toBe(true);
  });

  it('names the most restrictive marking', () => {
    expect(mostRestrictive(['TLP:GREEN', 'TLP:RED', 'TLP:AMBER'])).toBe('TLP:RED');
    expect(mostRestrictive([])).toBeNull();
  });
});
