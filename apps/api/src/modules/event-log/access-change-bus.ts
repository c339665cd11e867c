import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/**
 * Someone lost access: an agency was taken out of an operation, or a user was disabled. Published
 * only after the change has committed (`tx.afterCommit`), so that the realtime gateway can drop
 * the affected sockets at once instead of waiting for their next request.
 */
export type AccessChange =
  | { kind: 'participant-removed'; operationId: string; agencyId: string }
  | { kind: 'user-disabled'; userId: string };

@Injectable()
export class AccessChangeBus {
  private readonly subject = new Subject<AccessChange>();
  readonly changes$: Observable<AccessChange> = this.subject.asObservable();

  publish(change: AccessChange): void {
    this.subject.next(change);
  }
}
