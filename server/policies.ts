// Who may enter, and as what: one function per access policy, each turning a token request into an
// entry (room, identity, name, role, lobby) or a refusal with a reason the widget can show. Plain
// TypeScript: nothing here trusts the browser, and the tests drive it with a table.
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { ServerConfig } from './config.js';
import { verifyInvite, verifyTicket, type Role } from './invites.js';
import { makeIdentity, validateName, validateRoom } from './names.js';
import type { SharedState } from './state.js';

export interface Entry {
  room: string;
  identity: string;
  name: string;
  role: Role;
  /** Wait in the lobby until a host lets them in. */
  lobby: boolean;
  /** Back with the rejoin ticket of an earlier entry (a network loss, Rejoin): never sent to the lobby again. */
  rejoined?: boolean;
}

/** Why a request was refused: each has a screen of its own in the widget. */
export const REFUSALS = {
  'invalid-room': 400,
  'invalid-name': 400,
  'invite-required': 401,
  'invite-invalid': 401,
  'invite-expired': 401,
  'invite-used': 403,
  'wrong-room': 403,
  'login-required': 401,
  'login-invalid': 401,
  'not-allowed': 403,
  removed: 403,
  'room-locked': 403,
  'policy-host-tokens': 404,
} as const;
export type RefusalCode = keyof typeof REFUSALS;

export type Decision = { ok: true; entry: Entry } | { ok: false; code: RefusalCode; message: string };

/** What a token request carries (query for GET, JSON body for POST, the Authorization header). */
export interface TokenRequest {
  room?: unknown;
  name?: unknown;
  role?: unknown;
  invite?: unknown;
  rejoin?: unknown;
  bearer?: string;
}

const refuse = (code: RefusalCode, message: string): Decision => ({ ok: false, code, message });

export interface PolicyDeps {
  config: ServerConfig;
  state: SharedState;
  /** The identity provider's keys (the jwt policy); replaceable in tests. */
  jwks?: JWTVerifyGetKey;
}

export function createPolicy(deps: PolicyDeps): (request: TokenRequest) => Promise<Decision> {
  const { config, state } = deps;
  const jwks = config.policy === 'jwt' && config.jwksUrl ? (deps.jwks ?? createRemoteJWKSet(new URL(config.jwksUrl))) : deps.jwks;

  /** The name: the one the credential carries, else the one asked for (checked as the widget checks it). */
  const nameFor = (given: unknown, carried: string | undefined): Decision | string => {
    const raw = carried ?? given;
    const name = validateName(raw);
    return name.ok ? name.value : refuse('invalid-name', name.error);
  };

  /** A person a host removed stays out for the rest of the meeting, whatever they come back with. */
  const removed = (room: string, identity: string) => state.flagged(`removed:${room}:${identity}`);

  const fromTicket = async (ticket: string): Promise<Decision> => {
    const t = await verifyTicket(config.livekitApiSecret, ticket);
    if (!t) return refuse('invite-invalid', 'this rejoin ticket is not valid or has expired');
    if (await removed(t.room, t.identity)) return refuse('removed', 'a host removed you from this meeting');
    return { ok: true, entry: { room: t.room, identity: t.identity, name: t.name, role: t.role, lobby: false, rejoined: true } };
  };

  const open = (r: TokenRequest): Promise<Decision> => Promise.resolve(openDecision(r));
  const openDecision = (r: TokenRequest): Decision => {
    const room = validateRoom(r.room);
    if (!room.ok) return refuse('invalid-room', room.error);
    const name = nameFor(r.name, undefined);
    if (typeof name !== 'string') return name;
    // Development only: anyone may be anything (a host to try moderation).
    const role: Role = r.role === 'host' ? 'host' : 'guest';
    return {
      ok: true,
      entry: { room: room.value, identity: makeIdentity(name), name, role, lobby: config.lobby === 'on' && role === 'guest' },
    };
  };

  const invite = async (r: TokenRequest): Promise<Decision> => {
    if (typeof r.invite !== 'string' || !r.invite) return refuse('invite-required', 'this meeting needs an invite link');
    const checked = await verifyInvite(config.inviteSecret ?? '', r.invite);
    if (!checked.ok)
      return refuse(checked.problem, checked.problem === 'invite-expired' ? 'this invite has expired' : 'this invite is not valid');
    const inv = checked.invite;
    if (r.room !== undefined && r.room !== inv.room) return refuse('wrong-room', `this invite is for another room`);
    const name = nameFor(r.name, inv.name);
    if (typeof name !== 'string') return name;
    // Single use: spent at the first entry, at whichever instance; the expiry bounds what is remembered.
    if (inv.jti && !(await state.useOnce(`invite:${inv.jti}`, Math.max(1, inv.exp - Math.floor(Date.now() / 1000)))))
      return refuse('invite-used', 'this invite has already been used');
    const lobby = inv.role === 'guest' && (inv.lobby ?? config.lobby === 'on');
    return { ok: true, entry: { room: inv.room, identity: makeIdentity(name), name, role: inv.role, lobby } };
  };

  const jwt = async (r: TokenRequest): Promise<Decision> => {
    const token = r.bearer ?? (typeof r.invite === 'string' ? r.invite : undefined);
    if (!token) return refuse('login-required', 'sign in to join this meeting');
    if (!jwks) return refuse('login-invalid', 'no identity provider is configured');
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, jwks, {
        issuer: config.jwtIssuer,
        ...(config.jwtAudience ? { audience: config.jwtAudience } : {}),
      });
      claims = verified.payload;
    } catch {
      return refuse('login-invalid', 'your sign-in is not valid or has expired');
    }
    const room = validateRoom(r.room);
    if (!room.ok) return refuse('invalid-room', room.error);
    const allowed = claims[config.jwtRoomClaim];
    const rooms =
      typeof allowed === 'string' ? [allowed] : Array.isArray(allowed) ? allowed.filter((x): x is string => typeof x === 'string') : null;
    if (rooms && !rooms.includes(room.value)) return refuse('wrong-room', 'your sign-in does not include this room');
    const carried = claims[config.jwtNameClaim];
    const name = nameFor(r.name, typeof carried === 'string' ? carried : undefined);
    if (typeof name !== 'string') return name;
    const roleClaim = claims[config.jwtRoleClaim];
    const roles = typeof roleClaim === 'string' ? [roleClaim] : Array.isArray(roleClaim) ? roleClaim : [];
    const role: Role = roles.some((x) => typeof x === 'string' && config.jwtHostRoles.includes(x)) ? 'host' : 'guest';
    const sub = typeof claims.sub === 'string' ? claims.sub : name;
    return {
      ok: true,
      entry: { room: room.value, identity: makeIdentity(sub), name, role, lobby: role === 'guest' && config.lobby === 'on' },
    };
  };

  const policies = {
    open,
    invite,
    jwt,
    'host-tokens': () => Promise.resolve(refuse('policy-host-tokens', 'this server does not hand out tokens')),
  };

  return async (r) => {
    const decision = typeof r.rejoin === 'string' && r.rejoin ? await fromTicket(r.rejoin) : await policies[config.policy](r);
    if (!decision.ok) return decision;
    if (await removed(decision.entry.room, decision.entry.identity)) return refuse('removed', 'a host removed you from this meeting');
    return decision;
  };
}
