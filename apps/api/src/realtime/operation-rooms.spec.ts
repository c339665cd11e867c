import { canView, MARKINGS, OPERATION_ROLES, type MarkedItem, type Viewer } from '@lintas/contracts';
import fc from 'fast-check';
import { audienceRooms, memberRooms } from './operation-rooms';

const OP = '11111111-1111-4111-8111-111111111111';
const AGENCIES = ['a1', 'a2', 'a3', 'a4'];

describe('operation rooms', () => {
  it('a member socket is in a room of an item’s audience exactly when canView allows it', () => {
    fc.assert(
      fc.property(
        fc.record({
          marking: fc.constantFrom(...MARKINGS),
          originAgencyId: fc.constantFrom(...AGENCIES),
          recipientAgencyIds: fc.subarray(AGENCIES),
        }),
        fc.constantFrom(...AGENCIES),
        fc.constantFrom(...OPERATION_ROLES),
        fc.constantFrom(...AGENCIES),
        (item: MarkedItem, agencyId: string, operationRole: Viewer['operationRole'], leadAgencyId: string) => {
          // The lead agency's role is 'lead' and nobody else's is.
          const role = agencyId === leadAgencyId ? 'lead' : operationRole === 'lead' ? 'participant' : operationRole;
          const joined = new Set(memberRooms(OP, agencyId, role));
          const reached = audienceRooms(OP, item, leadAgencyId).some((room) => joined.has(room));
          expect(reached).toBe(canView(item, { agencyId, operationRole: role }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('an observer is not in the non-observers room; a participant is', () => {
    expect(memberRooms(OP, 'a1', 'observer')).toEqual([`op:${OP}:all`, `op:${OP}:agency:a1`]);
    expect(memberRooms(OP, 'a1', 'participant')).toEqual([`op:${OP}:all`, `op:${OP}:agency:a1`, `op:${OP}:nonobs`]);
  });
});
