import { Injectable } from '@nestjs/common';
import type { TeamPosition } from '@lintas/contracts';
import { Subject, type Observable } from 'rxjs';
import type { TeamMarking } from './position.mapper';

/** A team's latest position changed, and the change is committed. */
export interface CommittedPosition {
  leadAgencyId: string;
  team: TeamMarking;
  position: TeamPosition;
}

/**
 * Committed latest positions of this API instance. The realtime layer is its consumer: it coalesces
 * them and sends them to the viewers the team's marking allows. Nothing is published before COMMIT.
 */
@Injectable()
export class PositionBus {
  private readonly subject = new Subject<CommittedPosition>();
  readonly positions$: Observable<CommittedPosition> = this.subject.asObservable();

  publish(position: CommittedPosition): void {
    this.subject.next(position);
  }
}
