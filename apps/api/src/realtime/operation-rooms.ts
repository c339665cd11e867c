import { markingAudience, type MarkedItem, type OperationRole } from '@lintas/contracts';

/**
 * Socket.IO room names. A subscribed socket sits in its operation's `all` room, in `nonobs` unless
 * its agency observes, and in its agency's room; a marked item is emitted to the rooms of its
 * marking's audience (`markingAudience`, the marking rule seen from the item's side), so the
 * filtering costs nothing per socket. Sockets still catching up also sit in `catchingUp`, which
 * the live stream excludes.
 */
export const operationRooms = {
  all: (operationId: string) => `op:${operationId}:all`,
  nonObservers: (operationId: string) => `op:${operationId}:nonobs`,
  agency: (operationId: string, agencyId: string) => `op:${operationId}:agency:${agencyId}`,
  catchingUp: (operationId: string) => `op:${operationId}:catching-up`,
};

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Every socket of an agency's users, subscribed or not: told when the agency joins or leaves an operation. */
export const agencyRoom = (agencyId: string) => `agency:${agencyId}`;

/** The rooms a member socket joins for one operation (the catching-up room aside). */
export function memberRooms(operationId: string, agencyId: string, role: OperationRole): string[] {
  const rooms = [operationRooms.all(operationId), operationRooms.agency(operationId, agencyId)];
  if (role !== 'observer') rooms.push(operationRooms.nonObservers(operationId));
  return rooms;
}

/** Every room of one operation a socket of `agencyId` may sit in: what revoking its access leaves. */
export function allRoomsOf(operationId: string, agencyId: string): string[] {
  return [...memberRooms(operationId, agencyId, 'participant'), operationRooms.catchingUp(operationId)];
}

/** The rooms that together hold exactly the sockets allowed to see the item. */
export function audienceRooms(operationId: string, item: MarkedItem, leadAgencyId: string): string[] {
  const audience = markingAudience(item, leadAgencyId);
  switch (audience.kind) {
    case 'all-members':
      return [operationRooms.all(operationId)];
    case 'non-observers':
      return [operationRooms.nonObservers(operationId), ...audience.alsoAgencyIds.map((id) => operationRooms.agency(operationId, id))];
    case 'agencies':
      return audience.agencyIds.map((id) => operationRooms.agency(operationId, id));
  }
}
