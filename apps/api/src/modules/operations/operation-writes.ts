import type { OperationEventData } from '@lintas/contracts';
import { conflict } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import type { NewEvent } from '../event-log/event-log.repository';
import type { OperationAccess } from '../access/access.service';

/** A closed operation is final: it accepts no more changes (its status machine has no way out). */
export function assertOpen(access: OperationAccess): void {
  if (access.status === 'closed') throw conflict('operation_closed', 'The operation is closed; it accepts no more changes');
}

/**
 * An event about the operation itself (its fields, participants, sites): every member may know
 * it, so it is TLP:GREEN and originates from the lead agency.
 */
export function operationEvent(access: OperationAccess, user: AuthUser, data: OperationEventData): NewEvent {
  return {
    operationId: access.operationId,
    data,
    actor: { userId: user.id, agencyId: user.agencyId },
    marking: 'TLP:GREEN',
    originAgencyId: access.leadAgencyId,
    recipientAgencyIds: [],
  };
}
