// Redis clients — events between instances, the store's generations, shared rate-limit counters. ioredis is loaded
// when the first client is made, that is only when a deployment names REDIS_URL: one instance never loads it.
import type * as IORedis from 'ioredis';

export type { Redis } from 'ioredis';

export function connectRedis(url: string, options: IORedis.RedisOptions): IORedis.Redis {
  const { Redis } = require('ioredis') as typeof IORedis;
  return new Redis(url, options);
}
