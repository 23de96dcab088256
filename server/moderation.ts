// Hosts and guests: the lobby (knock, wait, admit, deny, cancel), moderation (mute, ask to unmute,
// remove, mute all, lock, end for all, lower a hand) and recording. Every call names its room and
// carries the caller's credential as a bearer — the Confab rejoin ticket the token answer gave
// them, or a LiveKit token — which the server checks (signature, room, role or roomAdmin) before
// it calls LiveKit's server API. A guest who calls a host's route gets 403 and nothing happens.
// Hosts hear about the lobby from LiveKit itself: the server sends a `confab.lobby` packet into the
// room (sender: the server, which no participant can forge), and they ask for the list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataPacket_Kind, TokenVerifier, TrackSource, type RoomServiceClient } from 'livekit-server-sdk';
import type { ServerConfig } from './config.js';
import { signTicket, verifyTicket, type Role } from './invites.js';
import type { Knock, LobbyStore } from './lobby.js';
import type { Entry } from './policies.js';
import type { SharedState } from './state.js';

/** How long one wait request is held before it answers "still waiting" (the widget asks again). */
export const WAIT_MS = 20_000;
const POLL_MS = 300;
/** How often a waiting knock is marked seen (it goes stale after STALE_MS, 45 s). */
const SEEN_MS = 5000;
const HOST_CHECK_MS = 3000;
/** A removed person stays out of the room for this long (a meeting's length, generously). */
export const REMOVED_SECONDS = 12 * 3600;
const LOCK_SECONDS = 24 * 3600;

export const LOBBY_TOPIC = 'confab.lobby';
export const MODERATION_TOPIC = 'confab.moderation';

interface Caller {
  identity: string;
  role: Role;
}

export interface ModerationDeps {
  config: ServerConfig;
  state: SharedState;
  lobby: LobbyStore;
  rooms: RoomServiceClient;
  /** Mints what an admitted guest gets: a LiveKit token and a rejoin ticket. */
  admit(entry: Entry): Promise<Record<string, unknown>>;
  limited(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  cors(request: FastifyRequest, reply: FastifyReply): void;
  refused(reason: string): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const body = (request: FastifyRequest) =>
  (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
const text = (value: unknown, max = 256) => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : null);

export const lockKey = (room: string) => `locked:${room}`;
export const removedKey = (room: string, identity: string) => `removed:${room}:${identity}`;

export function registerModeration(app: FastifyInstance, deps: ModerationDeps): { notify(room: string): Promise<void> } {
  const { config, state, lobby, rooms } = deps;
  const verifier = new TokenVerifier(config.livekitApiKey, config.livekitApiSecret);
  const encoder = new TextEncoder();

  /** Tells the room's widgets that the lobby changed (no names: hosts ask for the list). */
  const notify = async (room: string, topic = LOBBY_TOPIC, payload: object = { type: 'lobby' }, to?: string[]) => {
    try {
      await rooms.sendData(room, encoder.encode(JSON.stringify(payload)), DataPacket_Kind.RELIABLE, {
        topic,
        ...(to ? { destinationIdentities: to } : {}),
      });
    } catch {
      // No room yet (nobody in it): nobody to tell.
    }
  };

  /** Who is calling, from their bearer credential, for this room; null when it does not hold (or a host removed them). */
  const callerOf = async (request: FastifyRequest, room: string): Promise<Caller | null> => {
    const caller = await credentialOf(request, room);
    return caller && !(await state.flagged(removedKey(room, caller.identity))) ? caller : null;
  };
  const credentialOf = async (request: FastifyRequest, room: string): Promise<Caller | null> => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) return null;
    const ticket = await verifyTicket(config.livekitApiSecret, bearer);
    if (ticket) return ticket.room === room ? { identity: ticket.identity, role: ticket.role } : null;
    try {
      const claims = await verifier.verify(bearer);
      if (claims.video?.room !== room || !claims.video.roomJoin || !claims.sub) return null;
      return { identity: claims.sub, role: claims.video.roomAdmin ? 'host' : 'guest' };
    } catch {
      return null;
    }
  };

  /** The room named in the body, and a host of it calling; else the reply is sent and null returned. */
  const asHost = async (request: FastifyRequest, reply: FastifyReply): Promise<{ room: string; caller: Caller } | null> => {
    deps.cors(request, reply);
    reply.header('cache-control', 'no-store');
    if (await deps.limited(request, reply)) return null;
    const room = text(body(request).room ?? (request.query as Record<string, unknown>).room, 128);
    if (!room) {
      void reply.code(400).send({ error: 'invalid-room', message: 'name the room' });
      return null;
    }
    const caller = await callerOf(request, room);
    if (!caller) {
      deps.refused('not-signed-in');
      void reply.code(401).send({ error: 'not-signed-in', message: 'this needs your credential for this room' });
      return null;
    }
    if (caller.role !== 'host') {
      deps.refused('not-allowed');
      void reply.code(403).send({ error: 'not-allowed', message: 'only a host may do this' });
      return null;
    }
    return { room, caller };
  };

  const hostPresent = async (room: string): Promise<boolean> => {
    try {
      return (await rooms.listParticipants(room)).some((p) => p.attributes['confab.role'] === 'host');
    } catch {
      return false;
    }
  };

  // —— The knocker ——

  app.post('/api/lobby/wait', async (request, reply) => {
    deps.cors(request, reply);
    reply.header('cache-control', 'no-store');
    const ticket = await verifyTicket(config.livekitApiSecret, text(body(request).ticket, 4096) ?? '', 'lobby');
    if (!ticket) return reply.code(401).send({ error: 'invite-invalid', message: 'this lobby ticket is not valid or has expired' });
    let gone = false;
    request.raw.on('close', () => (gone = true));
    const until = Date.now() + WAIT_MS;
    // The waiting screen says whether a host is here: a change answers at once (checked every few seconds).
    const shown = body(request).hostPresent === true;
    let present = shown;
    let checked = 0;
    let touched = 0;
    for (;;) {
      const knock = await lobby.get(ticket.room, ticket.identity);
      if (!knock) return reply.code(410).send({ error: 'lobby-closed', message: 'the lobby for this meeting is closed' });
      if (knock.status === 'admitted') {
        await lobby.remove(ticket.room, ticket.identity);
        void notify(ticket.room);
        return reply.send(await deps.admit({ ...ticket, lobby: false }));
      }
      if (knock.status === 'denied') {
        await lobby.remove(ticket.room, ticket.identity);
        deps.refused('denied');
        return reply.code(403).send({ error: 'denied', message: 'a host did not let you in' });
      }
      if (Date.now() - touched >= SEEN_MS) {
        await lobby.touch(ticket.room, ticket.identity, Date.now());
        touched = Date.now();
      }
      if (Date.now() - checked >= HOST_CHECK_MS) {
        present = await hostPresent(ticket.room);
        checked = Date.now();
      }
      if (gone || present !== shown || Date.now() >= until) return reply.send({ waiting: true, hostPresent: present });
      await sleep(POLL_MS);
    }
  });

  app.post('/api/lobby/cancel', async (request, reply) => {
    deps.cors(request, reply);
    const ticket = await verifyTicket(config.livekitApiSecret, text(body(request).ticket, 4096) ?? '', 'lobby');
    if (!ticket) return reply.code(401).send({ error: 'invite-invalid', message: 'this lobby ticket is not valid or has expired' });
    await lobby.remove(ticket.room, ticket.identity);
    void notify(ticket.room);
    return reply.code(204).send();
  });

  // —— Hosts: the lobby ——

  app.get('/api/lobby', async (request, reply) => {
    const ok = await asHost(request, reply);
    if (!ok) return reply;
    const waiting = (await lobby.waiting(ok.room)).map(({ identity, name, since }) => ({ identity, name, since }));
    return reply.send({ waiting, locked: await state.flagged(lockKey(ok.room)) });
  });

  const decide = (status: 'admitted' | 'denied') => async (request: FastifyRequest, reply: FastifyReply) => {
    const ok = await asHost(request, reply);
    if (!ok) return reply;
    const identity = text(body(request).identity);
    if (!identity) return reply.code(400).send({ error: 'bad-argument', message: 'name who' });
    if (!(await lobby.decide(ok.room, identity, status)))
      return reply.code(404).send({ error: 'not-waiting', message: 'they are not waiting' });
    void notify(ok.room);
    return reply.code(204).send();
  };
  app.post('/api/lobby/admit', decide('admitted'));
  app.post('/api/lobby/deny', decide('denied'));
  app.post('/api/lobby/admit-all', async (request, reply) => {
    const ok = await asHost(request, reply);
    if (!ok) return reply;
    const waiting = await lobby.waiting(ok.room);
    await Promise.all(waiting.map((k: Knock) => lobby.decide(ok.room, k.identity, 'admitted')));
    void notify(ok.room);
    return reply.send({ admitted: waiting.length });
  });

  // —— Hosts: moderation ——

  const target = async (request: FastifyRequest, reply: FastifyReply) => {
    const ok = await asHost(request, reply);
    if (!ok) return null;
    const identity = text(body(request).identity);
    if (!identity) {
      void reply.code(400).send({ error: 'bad-argument', message: 'name who' });
      return null;
    }
    try {
      return { ...ok, identity, participant: await rooms.getParticipant(ok.room, identity) };
    } catch {
      void reply.code(404).send({ error: 'not-in-room', message: 'they are not in this meeting' });
      return null;
    }
  };

  const SOURCES: Record<string, TrackSource> = {
    microphone: TrackSource.MICROPHONE,
    camera: TrackSource.CAMERA,
    screen: TrackSource.SCREEN_SHARE,
    'screen-audio': TrackSource.SCREEN_SHARE_AUDIO,
  };

  app.post('/api/moderation/mute', async (request, reply) => {
    const t = await target(request, reply);
    if (!t) return reply;
    const source = SOURCES[text(body(request).source, 32) ?? 'microphone'];
    if (source === undefined)
      return reply.code(400).send({ error: 'bad-argument', message: 'source: microphone, camera, screen or screen-audio' });
    const tracks = t.participant.tracks.filter((track) => track.source === source && !track.muted);
    await Promise.all(tracks.map((track) => rooms.mutePublishedTrack(t.room, t.identity, track.sid, true)));
    return reply.send({ muted: tracks.length });
  });

  // LiveKit cannot unmute someone: the server asks them (they see a request, and choose).
  app.post('/api/moderation/ask-unmute', async (request, reply) => {
    const t = await target(request, reply);
    if (!t) return reply;
    const source = text(body(request).source, 32) ?? 'microphone';
    if (!(source in SOURCES)) return reply.code(400).send({ error: 'bad-argument', message: 'source: microphone or camera' });
    await notify(t.room, MODERATION_TOPIC, { type: 'ask-unmute', source, by: t.caller.identity }, [t.identity]);
    return reply.code(204).send();
  });

  app.post('/api/moderation/remove', async (request, reply) => {
    const t = await target(request, reply);
    if (!t) return reply;
    // Out, and out for the meeting: neither their ticket nor a spent invite brings them back.
    await state.flag(removedKey(t.room, t.identity), REMOVED_SECONDS);
    await rooms.removeParticipant(t.room, t.identity);
    return reply.code(204).send();
  });

  app.post('/api/moderation/lower-hand', async (request, reply) => {
    const t = await target(request, reply);
    if (!t) return reply;
    await rooms.updateParticipant(t.room, t.identity, { attributes: { handRaisedAt: '' } });
    return reply.code(204).send();
  });

  app.post('/api/moderation/mute-all', async (request, reply) => {
    const ok = await asHost(request, reply);
    if (!ok) return reply;
    const people = await rooms.listParticipants(ok.room);
    let muted = 0;
    for (const p of people) {
      if (p.identity === ok.caller.identity || p.attributes['confab.role'] === 'host') continue;
      for (const track of p.tracks)
        if (track.source === TrackSource.MICROPHONE && !track.muted) {
          await rooms.mutePublishedTrack(ok.room, p.identity, track.sid, true);
          muted++;
        }
    }
    return reply.send({ muted });
  });

  app.post('/api/moderation/lock', async (request, reply) => {
    const ok = await asHost(request, reply);
    if (!ok) return reply;
    const on = body(request).on;
    if (typeof on !== 'boolean') return reply.code(400).send({ error: 'bad-argument', message: 'on: true or false' });
    if (on) await state.flag(lockKey(ok.room), LOCK_SECONDS);
    else await state.unflag(lockKey(ok.room));
    void notify(ok.room, LOBBY_TOPIC, { type: 'lock', locked: on });
    return reply.send({ locked: on });
  });

  app.post('/api/moderation/end', async (request, reply) => {
    const ok = await asHost(request, reply);
    if (!ok) return reply;
    await lobby.clear(ok.room);
    await state.unflag(lockKey(ok.room));
    try {
      await rooms.deleteRoom(ok.room);
    } catch {
      // Already gone.
    }
    return reply.code(204).send();
  });

  // —— Recording: only where an Egress service runs beside LiveKit ——

  const recording = async (request: FastifyRequest, reply: FastifyReply) => {
    const ok = await asHost(request, reply);
    if (!ok) return reply;
    return reply.code(501).send({ error: 'recording-not-configured', message: 'this server has no recording service (CONFAB_EGRESS=off)' });
  };
  app.post('/api/recording/start', recording);
  app.post('/api/recording/stop', recording);

  return { notify: (room) => notify(room) };
}

/** The lobby's ticket for someone who must wait: it can wait or cancel, nothing else. */
export const lobbyTicket = (config: ServerConfig, entry: Entry) => signTicket(config.livekitApiSecret, entry, 'lobby');
