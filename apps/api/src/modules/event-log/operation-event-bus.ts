import { Injectable } from '@nestjs/common';
import type { OperationEvent } from '@lintas/contracts';
import { Subject, type Observable } from 'rxjs';

/**
 * Committed operation events of this API instance, in the order their transactions committed.
 * The realtime notifier is its consumer; nothing is published before COMMIT.
 */
@Injectable()
export class OperationEventBus {
  private readonly subject = new Subject<OperationEvent>();
  readonly events$: Observable<OperationEvent> = this.subject.asObservable();

  publish(event: OperationEvent): void {
    this.subject.next(event);
  }
}
