import { Injectable } from '@nestjs/common';
import type { UserRole } from '@lintas/contracts';
import { Subject, type Observable } from 'rxjs';

/**
 * Someone lost access: an agency was taken out of an operation; every sign-in of a user ended
 * (disabled, or its password changed); or one sign-in ended (logged out, or revoked because its
 * refresh token was used twice). `reason` is what the closed sockets are told. Published
 * only after the change has committed (`tx.afterCommit`), so that the realtime gateway can drop
 * the affected sockets at once instead of waiting for their next request.
 */
export type AccessChange =
  | { kind: 'participant-removed'; operationId: string; agencyId: string }
  /** Not a loss of access: the agency's open operation lists are told to refresh. */
  | { kind: 'participant-added'; operationId: string; agencyId: string }
  | { kind: 'user-signed-out'; userId: string; reason: string }
  | { kind: 'session-ended'; sessionId: string; reason: string }
  /** An administrator changed the user's role: its open sockets act with the new role from now on. */
  | { kind: 'user-role-changed'; userId: string; role: UserRole };

@Injectable()
export class AccessChangeBus {
  private readonly subject = new Subject<AccessChange>();
  readonly changes$: Observable<AccessChange> = this.subject.asObservable();

  publish(change: AccessChange): void {
    this.subject.next(change);
  }
}
