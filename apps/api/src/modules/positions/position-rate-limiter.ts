import { Injectable } from '@nestjs/common';
import { consumeOrRefuse, sharedRateLimiter } from '../../common/rate-limit';

/** Live positions per team: 5 a second, with a burst of 5 more over 10 seconds. */
export const TEAM_POSITIONS_PER_SECOND = 5;
const TEAM_BURST = 5;
/** Any position request per user, checked before touching the database: a flood costs no query. */
const USER_REQUESTS_PER_SECOND = 10;
const USER_BURST = 10;

/**
 * Rate limits for position updates. Counters live in this instance's memory, not in Redis: a
 * position is latest-value data on the hottest path, a Redis round trip each would cost more than
 * the limit protects, and a team spread over n instances gets at most n times the rate
 * (docs/architecture-realtime.md). Reports, amendments, verifications and subscriptions, which
 * are durable, are limited across instances by `WriteRateLimiter`.
 */
@Injectable()
export class PositionRateLimiter {
  private readonly perTeam = sharedRateLimiter(null, 'position-team', { perSecond: TEAM_POSITIONS_PER_SECOND, burst: TEAM_BURST });
  private readonly perUser = sharedRateLimiter(null, 'position-user', { perSecond: USER_REQUESTS_PER_SECOND, burst: USER_BURST });

  async assertUser(userId: string): Promise<void> {
    await consumeOrRefuse(this.perUser, userId, `Too many position requests; at most ${USER_REQUESTS_PER_SECOND} a second`);
  }

  /** A TAK device's position events, checked before its binding is read: a flood costs no query. */
  async assertDevice(deviceUid: string): Promise<void> {
    await consumeOrRefuse(this.perUser, `tak:${deviceUid}`, `Too many position events from this device; at most ${USER_REQUESTS_PER_SECOND} a second`);
  }

  async assertTeam(teamId: string): Promise<void> {
    await consumeOrRefuse(this.perTeam, teamId, `Too many position updates for this team; at most ${TEAM_POSITIONS_PER_SECOND} a second`);
  }
}
