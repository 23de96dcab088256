// The Confab server's HTTP side: the widget and embed.html served properly, the deployment config,
// the token endpoint (through the access policy), health, metrics and LiveKit's webhooks. Routes
// are thin: policies (policies.ts) decide, services call LiveKit, shared state is a port (state.ts).
import fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { RoomServiceClient, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { EventEmitter } from 'node:events';
import type { ServerConfig } from './config.js';
import { signInvite, signTicket } from './invites.js';
import { validateName, validateRoom } from './names.js';
import { createMetrics } from './metrics.js';
import { originAllowed } from './origins.js';
import { lobbyStore } from './lobby.js';
import { lobbyTicket, lockKey, registerModeration } from './moderation.js';
import { createPolicy, REFUSALS, type Entry, type TokenRequest } from './policies.js';
import type { SharedState } from './state.js';
import { serveWidget } from './static.js';
import { mintToken } from './tokens.js';

export interface AppDeps {
  config: ServerConfig;
  state: SharedState;
  /** The built widget (dist/). */
  staticDir: string;
  /** Logs as JSON lines (false: silent, for tests). */
  logger?: boolean;
  /** Where the JSON lines go (default: stdout); tests read them. */
  logStream?: { write(line: string): void };
  /** The identity provider's keys (the jwt policy); replaceable in tests. */
  jwks?: Parameters<typeof createPolicy>[0]['jwks'];
}

/** Rate limits: per client address on every API route, per room on token requests. */
export const limitsOf = (config: ServerConfig) => ({
  ip: { points: config.rateLimit, duration: 60 },
  room: { points: config.roomRateLimit, duration: 60 },
});

export interface ConfabApp {
  app: FastifyInstance;
  /** LiveKit's webhook events, verified (the lobby cleans up when a room finishes). */
  webhooks: EventEmitter<{ event: [WebhookEvent] }>;
}

export async function buildApp(deps: AppDeps): Promise<ConfabApp> {
  const { config, state } = deps;
  const app: FastifyInstance = fastify({
    // The client address from X-Forwarded-For, only through as many proxies as configured.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxy,
    bodyLimit: 16 * 1024,
    // One line per request, written by the onResponse hook below (fastify's own pair is off).
    logController: new LogController({ disableRequestLogging: true }),
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            // Tokens travel in bodies and headers, never in URLs; neither is logged.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
  });
  const metrics = createMetrics();
  const policy = createPolicy({ config, state, ...(deps.jwks ? { jwks: deps.jwks } : {}) });
  const rooms = new RoomServiceClient(config.livekitApiUrl, config.livekitApiKey, config.livekitApiSecret);
  const receiver = new WebhookReceiver(config.livekitApiKey, config.livekitApiSecret);
  const webhooks = new EventEmitter<{ event: [WebhookEvent] }>();
  const lobby = lobbyStore(state.redis);

  // One line a request, without the query string (it may carry a name) and without headers.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'static';
    metrics.requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    request.log.info(
      { method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  // Only the names this server is reached by: a page elsewhere that rebinds its DNS to this address
  // (DNS rebinding) cannot make a browser talk to it.
  app.addHook('onRequest', async (request, reply) => {
    if (!hostAllowed(request.headers.host, config.allowedHosts)) {
      metrics.refusals.inc({ reason: 'host' });
      return reply
        .code(421)
        .type('application/json')
        .send({ error: 'misdirected', message: 'this server does not answer for that host name' });
    }
  });

  /** CORS for the API: only the allowed parent origins (a page there may call the token endpoint). */
  const cors = (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (typeof origin === 'string' && originAllowed(origin, config.allowedOrigins)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      reply.header('access-control-allow-headers', 'content-type, authorization');
      reply.header('access-control-allow-methods', 'GET, POST');
    }
  };

  /** Every API route: a limit per client address; 429 with Retry-After past it. */
  const limited = async (request: FastifyRequest, reply: FastifyReply, limit: 'ip' | 'room', key: string) => {
    const result = await state.consume(limit, key);
    if (result.ok) return false;
    metrics.refusals.inc({ reason: 'rate-limited' });
    void reply
      .code(429)
      .header('retry-after', String(result.retryAfterSeconds))
      .send({
        error: 'rate-limited',
        message: `too many requests: try again in ${result.retryAfterSeconds} s`,
        retryAfter: result.retryAfterSeconds,
      });
    return true;
  };

  app.options('/api/*', async (request, reply) => {
    cors(request, reply);
    return reply.code(204).send();
  });

  const token = async (request: FastifyRequest, reply: FastifyReply, input: TokenRequest) => {
    cors(request, reply);
    reply.header('cache-control', 'no-store');
    if (await limited(request, reply, 'ip', request.ip)) return reply;
    const decision = await policy(input);
    if (!decision.ok) {
      metrics.refusals.inc({ reason: decision.code });
      return reply.code(REFUSALS[decision.code]).send({ error: decision.code, message: decision.message });
    }
    const { entry } = decision;
    if (await limited(request, reply, 'room', entry.room)) return reply;
    // A guest waits for a host: where the invite or the room says so, or while the room is locked.
    if (entry.role === 'guest' && !entry.rejoined && (entry.lobby || (await state.flagged(lockKey(entry.room))))) {
      const now = Date.now();
      await lobby.put(entry.room, {
        identity: entry.identity,
        name: entry.name,
        role: entry.role,
        since: now,
        seen: now,
        status: 'waiting',
      });
      void moderation.notify(entry.room);
      metrics.knocks.inc();
      return reply
        .code(202)
        .send({ lobby: true, ticket: await lobbyTicket(config, entry), identity: entry.identity, serverUrl: config.livekitUrl });
    }
    return reply.send(await grant(entry));
  };

  /** What someone let in gets: a LiveKit token and the rejoin ticket that brings them back. */
  const grant = async (entry: Entry) => {
    const [livekitToken, rejoin] = await Promise.all([mintToken(config, entry), signTicket(config.livekitApiSecret, entry)]);
    metrics.tokens.inc({ role: entry.role });
    return { serverUrl: config.livekitUrl, token: livekitToken, identity: entry.identity, role: entry.role, rejoin, lobby: false };
  };

  const bearer = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

  // The open policy (development) keeps the GET of the first rounds: ?room=&name=.
  app.get('/api/token', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    if (config.policy !== 'open') {
      // A page that asks without an invite or sign-in (a bare room link) is told what it lacks.
      cors(request, reply);
      const code = config.policy === 'invite' ? 'invite-required' : config.policy === 'jwt' ? 'login-required' : 'policy-host-tokens';
      metrics.refusals.inc({ reason: code });
      return reply.code(REFUSALS[code]).header('allow', 'POST').send({ error: code, message: 'ask with POST and your invite or sign-in' });
    }
    return token(request, reply, { room: q.room, name: q.name, role: q.role });
  });

  app.post('/api/token', async (request, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const b = bearer(request);
    return token(request, reply, {
      room: body.room,
      name: body.name,
      role: body.role,
      invite: body.invite,
      rejoin: body.rejoin,
      ...(b ? { bearer: b } : {}),
    });
  });

  app.get('/confab.config.json', async (_request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'no-cache')
      .send({
        tokenEndpoint: config.policy === 'host-tokens' ? undefined : '/api/token',
        serverUrls: [config.livekitUrl],
        allowedParentOrigins: config.allowedOrigins,
        policy: config.policy,
        recording: config.egress === 'on',
      }),
  );

  app.get('/healthz', () => ({ ok: true }));

  /** Ready when LiveKit answers with these credentials (and Redis, when configured). */
  app.get('/readyz', async (_request, reply) => {
    const [livekit, store] = await Promise.all([
      Promise.race([rooms.listRooms().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))]).catch(
        () => false,
      ),
      state.ping(),
    ]);
    return reply.code(livekit && store ? 200 : 503).send({ ok: livekit && store, livekit, store });
  });

  app.get('/metrics', async (request, reply) => {
    const allowed = config.metricsToken ? bearer(request) === config.metricsToken : isLoopback(request.ip);
    if (!allowed) return reply.code(403).send({ error: 'forbidden' });
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // LiveKit's webhooks: verified against the API secret (the body's hash is signed), then told on.
  app.addContentTypeParser('application/webhook+json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  // Development under the invite policy: the snippet builder mints a host and a guest invite, as a
  // site's backend would. Never in production (the route does not exist there).
  if (config.environment !== 'production' && config.policy === 'invite' && config.inviteSecret)
    app.post('/api/dev/invite', async (request, reply) => {
      if (await limited(request, reply, 'ip', request.ip)) return reply;
      const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
      const room = validateRoom(body.room);
      if (!room.ok) return reply.code(400).send({ error: 'invalid-room', message: room.error });
      const role = body.role === 'host' ? 'host' : 'guest';
      const name = body.name === undefined ? undefined : validateName(body.name);
      if (name && !name.ok) return reply.code(400).send({ error: 'invalid-name', message: name.error });
      const invite = await signInvite(config.inviteSecret ?? '', {
        room: room.value,
        role,
        ttlSeconds: 3600,
        ...(name?.ok ? { name: name.value } : {}),
      });
      return reply.header('cache-control', 'no-store').send({ invite });
    });

  const moderation = registerModeration(app, {
    config,
    state,
    lobby,
    rooms,
    admit: grant,
    limited: (request, reply) => limited(request, reply, 'ip', request.ip),
    cors,
    refused: (reason) => metrics.refusals.inc({ reason }),
  });
  // A room that finished takes its lobby with it (whoever still waits is told it closed).
  webhooks.on('event', (event) => {
    if (event.event === 'room_finished' && event.room?.name) void lobby.clear(event.room.name);
  });

  app.post('/api/livekit/webhook', async (request, reply) => {
    try {
      const event = await receiver.receive(String(request.body), request.headers.authorization);
      request.log.info({ webhook: event.event, room: event.room?.name, participant: event.participant?.identity }, 'livekit webhook');
      webhooks.emit('event', event);
      return await reply.code(200).send({ ok: true });
    } catch {
      metrics.refusals.inc({ reason: 'webhook' });
      return reply.code(401).send({ error: 'unauthorized', message: 'the webhook signature does not match' });
    }
  });

  await serveWidget(app, { config, dir: deps.staticDir });
  return { app, webhooks };
}

/** A Host header against the allow-list: `host:port`, or `host:*` for any port. */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.endsWith(':*')) return h === p.slice(0, -2) || h.startsWith(p.slice(0, -1));
    return h === p;
  });
}

export function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}
