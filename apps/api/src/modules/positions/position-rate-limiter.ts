import { Injectable } from '@nestjs/common';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../common/app-error';

/** Live positions per team: 5 a second, with a burst of 5 more over 10 seconds. */
export const TEAM_POSITIONS_PER_SECOND = 5;
const TEAM_BURST = 5;
/** Any position request per user, checked before touching the database: a flood costs no query. */
const USER_REQUESTS_PER_SECOND = 10;
const USER_BURST = 10;

/**
 * Rate limits for position updates. Counters live in this instance's memory: with several
 * instances a team spread over them may get up to that many times the rate, which is acceptable for
 * latest-value data (documented in docs/architecture-realtime.md).
 */
@Injectable()
export class PositionRateLimiter {
  private readonly perTeam = new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: 'position-team', points: TEAM_POSITIONS_PER_SECOND, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: 'position-team-burst', points: TEAM_BURST, duration: 10 }),
  );
  private readonly perUser = new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: 'position-user', points: USER_REQUESTS_PER_SECOND, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: 'position-user-burst', points: USER_BURST, duration: 10 }),
  );

  async assertUser(userId: string): Promise<void> {
    await consumeOr429(this.perUser, userId, `Too many position requests; at most ${USER_REQUESTS_PER_SECOND} a second`);
  }

  async assertTeam(teamId: string): Promise<void> {
    await consumeOr429(this.perTeam, teamId, `Too many position updates for this team; at most ${TEAM_POSITIONS_PER_SECOND} a second`);
  }
}

async function consumeOr429(limiter: BurstyRateLimiter, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError(429, 'rate_limited', `${message}; try again in ${seconds} s`);
    }
    throw error;
  }
}
