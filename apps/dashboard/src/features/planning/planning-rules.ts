import type { Operation, User } from '@lintas/contracts';
import { isCommanding, mayManageOperation } from '@lintas/contracts/plain';

/**
 * What the viewer may plan in this operation, by the contracts' predicates (the API decides the
 * same way): the lead agency's commanders everything; commanders of other participating agencies
 * their own agency's teams; observers, liaisons and field officers nothing. A closed operation
 * takes no more changes.
 */
export function planningScope(user: Pick<User, 'role'>, operation: Pick<Operation, 'myRole' | 'status'>): 'all' | 'teams' | null {
  if (operation.status === 'closed') return null;
  if (mayManageOperation(user, { role: operation.myRole })) return 'all';
  if (operation.myRole === 'participant' && isCommanding(user)) return 'teams';
  return null;
}
