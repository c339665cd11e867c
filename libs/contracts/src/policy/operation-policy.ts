import type { OperationRole, OperationStatus } from '../enums';
import { isCommanding, type Actor } from './actor';

/** The actor's agency's standing in one operation. */
export interface OperationStanding {
  /** The actor's agency's role in the operation. */
  role: OperationRole;
  status: OperationStatus;
}

export type WriteRefusal = 'observer_read_only' | 'liaison_read_only' | 'operation_closed';

/**
 * Why the actor may not write into the operation (reports, teams, positions), or null when it may:
 * observers and liaison accounts read only, and a closed operation accepts nothing.
 */
export function writeRefusal(actor: Pick<Actor, 'role'>, operation: OperationStanding): WriteRefusal | null {
  if (operation.role === 'observer') return 'observer_read_only';
  if (actor.role === 'liaison') return 'liaison_read_only';
  if (operation.status === 'closed') return 'operation_closed';
  return null;
}

export function mayWriteInOperation(actor: Pick<Actor, 'role'>, operation: OperationStanding): boolean {
  return writeRefusal(actor, operation) === null;
}

/** Fields, status, participants and sites of an operation: commanders (or admins) of its lead agency. */
export function mayManageOperation(actor: Pick<Actor, 'role'>, operation: Pick<OperationStanding, 'role'>): boolean {
  return operation.role === 'lead' && isCommanding(actor);
}
