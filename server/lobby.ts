// The lobby's queue: who knocked at which room, and what a host decided. In Redis when REDIS_URL is
// set (any instance may take the knock, another the host's decision, a third the waiting request),
// else in memory. A knock nobody has polled for a while is gone (the tab closed, the network left).
import type { Redis } from 'ioredis';
import type { Role } from './invites.js';

export interface Knock {
  identity: string;
  name: string;
  role: Role;
  /** When they knocked (ms since the epoch). */
  since: number;
  /** When their widget last asked (ms): a knock not seen for STALE_MS is gone. */
  seen: number;
  status: 'waiting' | 'admitted' | 'denied';
}

export const STALE_MS = 45_000;
const TTL_SECONDS = 3600;

export interface LobbyStore {
  put(room: string, knock: Knock): Promise<void>;
  get(room: string, identity: string): Promise<Knock | null>;
  /** Marks a knock as seen now, only while it still waits: never undoes a decision taken meanwhile. */
  touch(room: string, identity: string, seen: number): Promise<void>;
  /** Everyone still waiting (and seen lately), first come first. */
  waiting(room: string): Promise<Knock[]>;
  /** Admits or denies someone waiting; false when they are not (any more). */
  decide(room: string, identity: string, status: 'admitted' | 'denied'): Promise<boolean>;
  remove(room: string, identity: string): Promise<void>;
  /** The room finished: nobody waits for it any more. */
  clear(room: string): Promise<void>;
}

const parse = (raw: string | null | undefined): Knock | null => {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Knock;
  } catch {
    return null;
  }
};

// In one step on the Redis server: a read-modify-write from here could put back 'waiting' over a
// host's 'admitted' written in between (the knocker's poll and the host's click race).
const TOUCH = `local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local knock = cjson.decode(raw)
if knock.status ~= 'waiting' then return 0 end
knock.seen = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(knock))
return 1`;

const fresh = (k: Knock, now: number) => k.status === 'waiting' && now - k.seen < STALE_MS;
const order = (a: Knock, b: Knock) => a.since - b.since;

export function lobbyStore(redis: Redis | null): LobbyStore {
  if (redis) {
    const key = (room: string) => `confab:lobby:${room}`;
    return {
      async put(room, knock) {
        await redis.multi().hset(key(room), knock.identity, JSON.stringify(knock)).expire(key(room), TTL_SECONDS).exec();
      },
      get: async (room, identity) => parse(await redis.hget(key(room), identity)),
      async touch(room, identity, seen) {
        await redis.eval(TOUCH, 1, key(room), identity, String(seen));
      },
      async waiting(room) {
        const now = Date.now();
        return Object.values(await redis.hgetall(key(room)))
          .map(parse)
          .filter((k): k is Knock => k !== null && fresh(k, now))
          .sort(order);
      },
      async decide(room, identity, status) {
        const knock = parse(await redis.hget(key(room), identity));
        if (!knock || !fresh(knock, Date.now())) return false;
        await redis.hset(key(room), identity, JSON.stringify({ ...knock, status }));
        return true;
      },
      async remove(room, identity) {
        await redis.hdel(key(room), identity);
      },
      async clear(room) {
        await redis.del(key(room));
      },
    };
  }
  const rooms = new Map<string, Map<string, Knock>>();
  return {
    put(room, knock) {
      const queue = rooms.get(room) ?? new Map<string, Knock>();
      rooms.set(room, queue);
      queue.set(knock.identity, knock);
      return Promise.resolve();
    },
    get: (room, identity) => Promise.resolve(rooms.get(room)?.get(identity) ?? null),
    touch(room, identity, seen) {
      const knock = rooms.get(room)?.get(identity);
      if (knock?.status === 'waiting') knock.seen = seen;
      return Promise.resolve();
    },
    waiting(room) {
      const now = Date.now();
      return Promise.resolve([...(rooms.get(room)?.values() ?? [])].filter((k) => fresh(k, now)).sort(order));
    },
    decide(room, identity, status) {
      const knock = rooms.get(room)?.get(identity);
      if (!knock || !fresh(knock, Date.now())) return Promise.resolve(false);
      knock.status = status;
      return Promise.resolve(true);
    },
    remove(room, identity) {
      rooms.get(room)?.delete(identity);
      return Promise.resolve();
    },
    clear(room) {
      rooms.delete(room);
      return Promise.resolve();
    },
  };
}
