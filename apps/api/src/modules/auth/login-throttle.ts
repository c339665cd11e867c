import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../common/app-error';

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins are counted per account and per address; past the limit, sign-in answers 429
 * until the window passes. Counters live in this instance's memory (documented in the README).
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: 5, duration: WINDOW_SECONDS });
  private readonly perAddress = new RateLimiterMemory({ keyPrefix: 'login-address', points: 30, duration: WINDOW_SECONDS });

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(email), this.perAddress.get(ip)]);
    const blocked = [account && account.consumedPoints >= 5 ? account : null, address && address.consumedPoints >= 30 ? address : null]
      .filter((entry): entry is RateLimiterRes => entry !== null)
      .sort((a, b) => b.msBeforeNext - a.msBeforeNext)[0];
    if (blocked) {
      const minutes = Math.max(1, Math.ceil(blocked.msBeforeNext / 60_000));
      throw new AppError(429, 'login_throttled', `Too many failed sign-ins; try again in ${minutes} minute(s)`);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
