// Chat's pure rules: limits, what an inbound payload must look like, links, grouping and unread.
// Everything that arrives here is remote input: parsed strictly, bounded, never trusted for who sent it.
import { CHAT_MAX_CHARS, tooLong } from './chat-state.js';
import type { ChatMessage } from './types.js';

/** RPC method a late joiner calls on one participant already in the room. */
export const HISTORY_METHOD = 'confab.chat.history';

/** Inbound bytes per message (4 bytes per code point at worst); anything larger is dropped unread. */
export const CHAT_MAX_BYTES = CHAT_MAX_CHARS * 4;
/** Messages kept in memory: the oldest go first. */
export const CHAT_KEEP = 10_000;
/** Messages a late joiner asks for and a peer hands out. */
export const HISTORY_LIMIT = 100;
/** How long a late joiner waits for someone to answer before saying earlier messages are not available. */
export const HISTORY_WAIT_MS = 5000;
const ID_MAX = 128;
/** Consecutive messages of one sender within this time share one sender line. */
const GROUP_MS = 5 * 60_000;

/** Bidi embeddings, overrides and isolates: a message could otherwise reorder what is around it. */
const BIDI_ALL = /[\u202A-\u202E\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/gu;
const VISIBLE = /[^\p{White_Space}\p{Z}\p{Cc}\p{Cf}\p{M}]/u;

/** A message body made safe to show (it is rendered as text in its own isolate), or null when nothing is left. */
export function cleanBody(raw: string): string | null {
  const text = raw.replace(BIDI_ALL, '').replace(CONTROL_ALL, '').replace(/\r\n?/g, '\n');
  if (!VISIBLE.test(text) || tooLong(text)) return null;
  return text;
}

export function validId(id: unknown): id is string {
  // eslint-disable-next-line no-control-regex
  return typeof id === 'string' && id.length > 0 && id.length <= ID_MAX && !/[\s\u0000-\u001f]/.test(id);
}

/** How far ahead of our clock a sender's timestamp may be (clock skew); later ones are not believed. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The time to show for a message: the sender's timestamp when it is a real time not in the future
 * (beyond clock skew), else when it arrived here. Every inbound path goes through this, so no stored
 * time can break a render (a timestamp past year 275760 makes Date throw).
 */
export function arrivalTime(t: unknown, now = Date.now()): number {
  return typeof t === 'number' && Number.isFinite(t) && t > 0 && t <= now + MAX_CLOCK_SKEW_MS ? t : now;
}

const validTime = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t) && t > 0;

/** What a legacy `lk-chat-topic` packet carries, or null (malformed, oversized, or a copy the sender marked to ignore). */
export function parseLegacy(
  payload: Uint8Array,
): { id: string; text: string; timestamp: number; editTimestamp?: number; deleted?: boolean } | null {
  if (payload.byteLength > CHAT_MAX_BYTES + 512) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (v.ignoreLegacy === true || !validId(v.id) || typeof v.message !== 'string') return null;
  const deleted = v.deleted === true;
  const text = deleted ? '' : cleanBody(v.message);
  if (text === null) return null;
  return {
    id: v.id,
    text,
    timestamp: arrivalTime(v.timestamp),
    ...(validTime(v.editTimestamp) ? { editTimestamp: v.editTimestamp } : {}),
    ...(deleted ? { deleted } : {}),
  };
}

export interface HistoryEntry {
  id: string;
  identity: string;
  name: string;
  text: string;
  timestamp: number;
}

/** A peer's answer to a history request: at most HISTORY_LIMIT well-formed entries, the rest dropped. */
export function parseHistory(payload: string): HistoryEntry[] | null {
  if (payload.length > HISTORY_LIMIT * (CHAT_MAX_BYTES + 1024)) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const out: HistoryEntry[] = [];
  for (const item of value.slice(-HISTORY_LIMIT) as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const e = item as Record<string, unknown>;
    if (!validId(e.id) || !validId(e.identity) || typeof e.name !== 'string' || typeof e.text !== 'string' || !validTime(e.timestamp))
      continue;
    const text = cleanBody(e.text);
    if (text !== null) out.push({ id: e.id, identity: e.identity, name: e.name.slice(0, 256), text, timestamp: arrivalTime(e.timestamp) });
  }
  return out;
}

/**
 * The answer a peer gives: the last messages that really went out (not failed or unsent ones), and
 * only those it can vouch for — never a line another peer relayed to it.
 */
export function historyPayload(messages: readonly ChatMessage[]): string {
  const out: HistoryEntry[] = [];
  for (let i = messages.length - 1; i >= 0 && out.length < HISTORY_LIMIT; i--) {
    const m = messages[i] as ChatMessage;
    if (m.status === 'sent' && !m.deleted && !m.relayedBy)
      out.push({ id: m.id, identity: m.identity, name: m.name, text: m.text, timestamp: m.timestamp });
  }
  return JSON.stringify(out.reverse());
}

/** Flood control per sender: a burst of `burst`, then `perSecond`. Returns whether this message may pass. */
export class FloodGate {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly burst = 20,
    readonly perSecond = 5,
    readonly now: () => number = Date.now,
  ) {}

  allow(sender: string): boolean {
    const t = this.now();
    const b = this.#buckets.get(sender) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    this.#buckets.set(sender, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

export type Segment = { text: string; href?: undefined } | { text: string; href: string };

const URL_LIKE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

/** Splits text into plain runs and http(s) links. Nothing else becomes a link (no javascript:, data:, …). */
export function linkify(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    let raw = match[0];
    // A closing bracket or full stop after a link is usually the sentence's, unless the link opened it.
    const trail = TRAILING.exec(raw)?.[0] ?? '';
    if (trail && !(trail.startsWith(')') && raw.includes('('))) raw = raw.slice(0, raw.length - trail.length);
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    const start = match.index;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Whether a message shows its own sender line (not when it follows the same sender's shortly). */
export function startsGroup(message: ChatMessage, previous: ChatMessage | undefined): boolean {
  return (
    !previous ||
    previous.identity !== message.identity ||
    previous.relayedBy !== message.relayedBy ||
    !!previous.earlier !== !!message.earlier ||
    message.timestamp - previous.timestamp > GROUP_MS
  );
}

/** The key that makes a message unique: a sender cannot collide with, or suppress, another's ids. */
export const messageKey = (identity: string, id: string) => `${identity}\u0000${id}`;
