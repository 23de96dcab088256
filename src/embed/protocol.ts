// The postMessage protocol between a host page and embed.html (contract §5). Pure and tiny: the host
// helper (confab-frame.js) bundles it, so nothing here may import Lit or livekit-client.
import { COMMAND_NAMES, type CommandName } from '../core/commands.js';
import { CONFAB_EVENTS, type ConfabEventName } from '../events.js';

export const PROTOCOL_VERSION = 1;

/** The iframe-only command with which the host helper hands over a token (never in the URL). */
export const SET_CREDENTIALS = 'setCredentials';
/** Commands a parent may send: the command table's (contract §4), plus `setCredentials`. */
export const FRAME_COMMANDS: readonly string[] = [...COMMAND_NAMES, SET_CREDENTIALS];
export type FrameCommandName = CommandName | typeof SET_CREDENTIALS;

export type MessageId = string | number;

export interface CommandMessage {
  confab: 1;
  kind: 'command';
  id: MessageId;
  /** As sent: an unknown name still gets a result (`unknown-command`), never silence. */
  name: string;
  args: unknown[];
}
export type ResultMessage =
  | { confab: 1; kind: 'result'; id: MessageId; ok: true; value: unknown }
  | { confab: 1; kind: 'result'; id: MessageId; ok: false; error: { code: string; message: string } };
export interface EventMessage {
  confab: 1;
  kind: 'event';
  name: ConfabEventName;
  detail: unknown;
}

/** The frame asks the host helper's tokenProvider for credentials (at join, when a token expired). */
export interface TokenRequestMessage {
  confab: 1;
  kind: 'token-request';
  id: MessageId;
  room: string | undefined;
  name: string | undefined;
  reason: 'join' | 'expired';
}
/** The helper's answer: the provider's `{ serverUrl, token }`, or why it could not give them. */
export type TokenAnswerMessage =
  | { confab: 1; kind: 'token-answer'; id: MessageId; ok: true; value: unknown }
  | { confab: 1; kind: 'token-answer'; id: MessageId; ok: false; error: { code: string; message: string } };

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own property read that never walks a prototype. */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isId(value: unknown): value is MessageId {
  return (
    (typeof value === 'string' && value.length > 0 && value.length <= 64) || (typeof value === 'number' && Number.isSafeInteger(value))
  );
}

/**
 * A well-formed command envelope, or null (ignored silently). The name is checked by the bridge,
 * which answers an unknown one with `unknown-command`, so the caller's promise never hangs.
 */
export function parseCommand(data: unknown): CommandMessage | null {
  if (!isRecord(data) || own(data, 'confab') !== PROTOCOL_VERSION || own(data, 'kind') !== 'command') return null;
  const id = own(data, 'id');
  const name = own(data, 'name');
  const args: unknown = own(data, 'args') ?? [];
  if (!isId(id) || typeof name !== 'string' || name.length === 0 || name.length > 64 || !Array.isArray(args) || args.length > 4)
    return null;
  return { confab: 1, kind: 'command', id, name, args: Array.from(args as unknown[]) };
}

/** A failure's `{ code, message }` as sent (own string fields only), or the fallback's. */
function failureOf(error: unknown, fallback: { code: string; message: string }): { code: string; message: string } {
  const field = (key: 'code' | 'message') => {
    const value = isRecord(error) ? own(error, key) : undefined;
    return typeof value === 'string' ? value : fallback[key];
  };
  return { code: field('code'), message: field('message') };
}

/** The page that frames embed.html, as the frame sees it: a source of messages it can post to. */
export type ParentWindow = MessageEventSource & { postMessage(message: unknown, targetOrigin: string): void };

const optionalText = (value: unknown) => (typeof value === 'string' && value.length <= 256 ? value : undefined);

/** A well-formed result, event or token request from the iframe, or null. */
export function parseFrameMessage(data: unknown): ResultMessage | EventMessage | TokenRequestMessage | null {
  if (!isRecord(data) || own(data, 'confab') !== PROTOCOL_VERSION) return null;
  const kind = own(data, 'kind');
  if (kind === 'token-request') {
    const id = own(data, 'id');
    const reason = own(data, 'reason');
    if (!isId(id) || (reason !== 'join' && reason !== 'expired')) return null;
    return { confab: 1, kind, id, room: optionalText(own(data, 'room')), name: optionalText(own(data, 'name')), reason };
  }
  if (kind === 'event') {
    const name = own(data, 'name');
    if (typeof name !== 'string' || !(CONFAB_EVENTS as readonly string[]).includes(name)) return null;
    return { confab: 1, kind: 'event', name: name as ConfabEventName, detail: own(data, 'detail') };
  }
  if (kind === 'result') {
    const id = own(data, 'id');
    if (!isId(id)) return null;
    if (own(data, 'ok') === true) return { confab: 1, kind: 'result', id, ok: true, value: own(data, 'value') };
    return { confab: 1, kind: 'result', id, ok: false, error: failureOf(own(data, 'error'), { code: 'error', message: 'command failed' }) };
  }
  return null;
}

/** A well-formed answer to the frame's token request, or null. */
export function parseTokenAnswer(data: unknown): TokenAnswerMessage | null {
  if (!isRecord(data) || own(data, 'confab') !== PROTOCOL_VERSION || own(data, 'kind') !== 'token-answer') return null;
  const id = own(data, 'id');
  if (!isId(id)) return null;
  if (own(data, 'ok') === true) return { confab: 1, kind: 'token-answer', id, ok: true, value: own(data, 'value') };
  const error = failureOf(own(data, 'error'), { code: 'token-provider-failed', message: 'no credentials' });
  return { confab: 1, kind: 'token-answer', id, ok: false, error: { code: error.code.slice(0, 64), message: error.message.slice(0, 200) } };
}

/**
 * Whether an origin matches an allow-list entry: an exact origin, or `scheme://host:*` for any port
 * of that host. No other wildcard exists: `*` alone never matches.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  return patterns.some((pattern) => {
    if (typeof pattern !== 'string') return false;
    if (pattern.endsWith(':*')) return `${url.protocol}//${url.hostname}` === pattern.slice(0, -2);
    return pattern === origin;
  });
}
