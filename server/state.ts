// What several server instances share, behind one small port with two implementations: memory (one
// instance) and Redis (REDIS_URL: any number of instances, the same Redis as LiveKit's cluster).
// Rate limits are rate-limiter-flexible's own stores; the rest are a few keys with expiries. The same
// tests run against both (tests/server/state.test.ts).
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface Limit {
  /** Points per window. */
  points: number;
  /** Window, seconds. */
  duration: number;
}

/** Allowed, or how long to wait. */
export type Consumed = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface SharedState {
  /** Counts one request against a limit for a key (a client address, a room). */
  consume(limit: string, key: string): Promise<Consumed>;
  /** Marks a single-use credential as used; false when it already was (at any instance). */
  useOnce(id: string, ttlSeconds: number): Promise<boolean>;
  /** Remembers a flag until it expires (a removed participant, a locked room). */
  flag(key: string, ttlSeconds: number): Promise<void>;
  unflag(key: string): Promise<void>;
  flagged(key: string): Promise<boolean>;
  /** Whether the store answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The Redis connection when there is one (the lobby's queue and notifications use it too). */
  readonly redis: Redis | null;
}

const PREFIX = 'confab:';

function limiters(limits: Record<string, Limit>, make: (name: string, limit: Limit) => RateLimiterAbstract) {
  return new Map(Object.entries(limits).map(([name, limit]) => [name, make(name, limit)]));
}

async function consumeWith(limiter: RateLimiterAbstract | undefined, key: string): Promise<Consumed> {
  if (!limiter) throw new Error('unknown limit');
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (result) {
    if (result instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
    throw result;
  }
}

export function memoryState(limits: Record<string, Limit>): SharedState {
  const byName = limiters(limits, (name, l) => new RateLimiterMemory({ keyPrefix: name, points: l.points, duration: l.duration }));
  const keys = new Map<string, number>();
  const alive = (key: string) => {
    const until = keys.get(key);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    keys.delete(key);
    return false;
  };
  return {
    redis: null,
    consume: (limit, key) => consumeWith(byName.get(limit), key),
    useOnce(id, ttl) {
      if (alive(`once:${id}`)) return Promise.resolve(false);
      keys.set(`once:${id}`, Date.now() + ttl * 1000);
      return Promise.resolve(true);
    },
    flag(key, ttl) {
      keys.set(`flag:${key}`, Date.now() + ttl * 1000);
      return Promise.resolve();
    },
    unflag(key) {
      keys.delete(`flag:${key}`);
      return Promise.resolve();
    },
    flagged: (key) => Promise.resolve(alive(`flag:${key}`)),
    ping: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

export function redisState(url: string, limits: Record<string, Limit>): SharedState {
  // A failure to reach Redis degrades the request that needed it (a 503), never the process.
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', () => undefined);
  const byName = limiters(
    limits,
    (name, l) => new RateLimiterRedis({ storeClient: redis, keyPrefix: `${PREFIX}rl:${name}`, points: l.points, duration: l.duration }),
  );
  return {
    redis,
    consume: (limit, key) => consumeWith(byName.get(limit), key),
    async useOnce(id, ttl) {
      return (await redis.set(`${PREFIX}once:${id}`, '1', 'EX', Math.max(1, Math.ceil(ttl)), 'NX')) === 'OK';
    },
    async flag(key, ttl) {
      await redis.set(`${PREFIX}flag:${key}`, '1', 'EX', Math.max(1, Math.ceil(ttl)));
    },
    async unflag(key) {
      await redis.del(`${PREFIX}flag:${key}`);
    },
    flagged: async (key) => (await redis.exists(`${PREFIX}flag:${key}`)) === 1,
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
