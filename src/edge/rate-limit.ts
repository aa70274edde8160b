// Points-based rate limiting, like GitHub's GraphQL API: each operation costs points by how much it asks for
// (graphql-armor's cost estimate, scaled), each caller has a budget per window. A token's budget is its own;
// anonymous callers share their IP address's. With REDIS_URL the counters live in Redis, so every instance
// draws on one budget; if Redis is unreachable an in-process limiter of the same size stands in.
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  /** Points per window for a caller with a token; 0 turns rate limiting off. */
  readonly tokenPoints: number;
  /** Points per window for all anonymous callers of one IP address. */
  readonly anonymousPoints: number;
  readonly windowSeconds: number;
}

/** One point buys an operation of up to this armor cost (a single-government read is well under it). */
export const COST_PER_POINT = 1_000;

/** GitHub grants 5,000 points an hour; an intranet dashboard refreshes far more often, so ours is per minute. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = { tokenPoints: 6_000, anonymousPoints: 3_000, windowSeconds: 60 };

export interface Caller {
  readonly tokenId: string | null;
  readonly address: string;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes `points` from the caller's budget; refuses once the window's budget is spent, saying when to retry. */
  consume(caller: Caller, points: number): Promise<RateDecision>;
}

/** A download (Popolo, matrix, notice) renders a whole government, like a large query: its price in points. */
export const EXPORT_POINTS = 5;

export function pointsForCost(cost: number): number {
  return Math.max(1, Math.ceil(cost / COST_PER_POINT));
}

export function createRateLimiter(settings: RateLimitSettings, redis: Redis | null): RateLimiter | null {
  if (settings.tokenPoints <= 0) return null;
  const make = (points: number, keyPrefix: string): RateLimiterAbstract | RateLimiterStoreAbstract => {
    const memory = new RateLimiterMemory({ points, duration: settings.windowSeconds, keyPrefix });
    if (redis === null) return memory;
    return new RateLimiterRedis({ storeClient: redis, points, duration: settings.windowSeconds, keyPrefix: `fengong:rl:${keyPrefix}`, insuranceLimiter: memory, rejectIfRedisNotReady: true });
  };
  const tokens = make(settings.tokenPoints, 'token');
  const anonymous = make(settings.anonymousPoints, 'ip');
  return {
    async consume(caller, points) {
      const limiter = caller.tokenId === null ? anonymous : tokens;
      const key = caller.tokenId ?? caller.address;
      try {
        await limiter.consume(key, points);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        throw rejection;
      }
    },
  };
}
