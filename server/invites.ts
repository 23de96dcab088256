// Invites (the invite policy): JWTs your backend signs with CONFAB_INVITE_SECRET (HS256), carried in
// the URL fragment (#invite=), never the query. Claims: `room`, `role` (host | guest), `exp`, and
// optionally `name`, `jti` (single use) and `lobby` (wait for a host). And rejoin tickets: what the
// server hands back with a LiveKit token, so the same person can come back after a network loss
// without a single-use invite being spent twice (and a host's removal sticks).
import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ROOM_PATTERN } from './names.js';

export type Role = 'host' | 'guest';

export interface Invite {
  room: string;
  role: Role;
  name?: string;
  /** Seconds since epoch. */
  exp: number;
  /** Single use: refused once redeemed (at any server instance). */
  jti?: string;
  /** Wait in the lobby until a host lets them in. */
  lobby?: boolean;
}

export type InviteProblem = 'invite-expired' | 'invite-invalid';

const key = (secret: string) => new TextEncoder().encode(secret);

/** Parses a duration such as 90s, 30m, 1h, 7d (or plain seconds). */
export function seconds(text: string): number {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: "${text}" (use 90s, 30m, 1h or 7d)`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
}

export async function signInvite(
  secret: string,
  invite: Omit<Invite, 'exp'> & { ttlSeconds: number; singleUse?: boolean },
): Promise<string> {
  const claims: JWTPayload & Record<string, unknown> = { room: invite.room, role: invite.role };
  if (invite.name) claims.name = invite.name;
  if (invite.lobby) claims.lobby = true;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + invite.ttlSeconds);
  if (invite.singleUse || invite.jti) jwt.setJti(invite.jti ?? randomBytes(12).toString('base64url'));
  return jwt.sign(key(secret));
}

/** The invite's claims, or why it cannot be used. Nothing about who may enter is taken on trust. */
export async function verifyInvite(
  secret: string,
  token: string,
): Promise<{ ok: true; invite: Invite } | { ok: false; problem: InviteProblem }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'room', 'role'] });
    const { room, role, name, jti, lobby, exp } = payload as Record<string, unknown>;
    if (typeof room !== 'string' || !ROOM_PATTERN.test(room)) return { ok: false, problem: 'invite-invalid' };
    if (role !== 'host' && role !== 'guest') return { ok: false, problem: 'invite-invalid' };
    if (name !== undefined && typeof name !== 'string') return { ok: false, problem: 'invite-invalid' };
    if (jti !== undefined && (typeof jti !== 'string' || jti.length > 128)) return { ok: false, problem: 'invite-invalid' };
    return {
      ok: true,
      invite: {
        room,
        role,
        exp: exp as number,
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof jti === 'string' ? { jti } : {}),
        ...(lobby === true ? { lobby: true } : {}),
      },
    };
  } catch (error) {
    return { ok: false, problem: error instanceof errors.JWTExpired ? 'invite-expired' : 'invite-invalid' };
  }
}

/** What a rejoin ticket carries: who came in, to which room, as what. */
export interface Ticket {
  room: string;
  identity: string;
  name: string;
  role: Role;
}

/** The server's own key for tickets, derived from the LiveKit secret (never a second secret to manage). */
const ticketKey = (livekitSecret: string) => createHash('sha256').update(`confab-rejoin\0${livekitSecret}`).digest();

export const TICKET_TTL_SECONDS = 4 * 3600;
export const LOBBY_TICKET_TTL_SECONDS = 3600;

/**
 * `rejoin`: comes back after a network loss or on Rejoin, and moderates with it (a host's); `lobby`:
 * waits in the lobby, and nothing else. Each is refused where the other is expected.
 */
export type TicketKind = 'rejoin' | 'lobby';

export function signTicket(livekitSecret: string, ticket: Ticket, kind: TicketKind = 'rejoin'): Promise<string> {
  return new SignJWT({ room: ticket.room, identity: ticket.identity, name: ticket.name, role: ticket.role, typ: `confab-${kind}` })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (kind === 'rejoin' ? TICKET_TTL_SECONDS : LOBBY_TICKET_TTL_SECONDS))
    .sign(ticketKey(livekitSecret));
}

export async function verifyTicket(livekitSecret: string, token: string, kind: TicketKind = 'rejoin'): Promise<Ticket | null> {
  try {
    const { payload } = await jwtVerify(token, ticketKey(livekitSecret), { algorithms: ['HS256'], requiredClaims: ['exp'] });
    const { room, identity, name, role, typ } = payload as Record<string, unknown>;
    if (typ !== `confab-${kind}` || typeof room !== 'string' || typeof identity !== 'string' || typeof name !== 'string') return null;
    if (role !== 'host' && role !== 'guest') return null;
    return { room, identity, name, role };
  } catch {
    return null;
  }
}
