// Server-side token minting for the dev server. The API secret stays in this Node process.
import { randomBytes } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export const ROOM_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const TOKEN_TTL_SECONDS = 600;

// The same rule as src/core/text.ts nameProblem() (a unit test runs one table against both).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cs}]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const FLAG_SEQUENCE = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,7}\u{E007F}/gu;
const TAG = /[\u{E0000}-\u{E007F}]/u;
const FORMAT = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u;
const JOINER = /^[\u200C\u200D]$/u;
const JOINS_AFTER = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const JOINS_BEFORE = /^[\p{L}\p{M}\p{Extended_Pictographic}]$/u;
const VISIBLE = /[^\p{White_Space}\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** Removes invisible format characters, keeping subdivision flags and ZWJ/ZWNJ inside a word or emoji. */
function stripFormat(/** @type {string} */ text) {
  return text
    .split(/(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,7}\u{E007F})/u)
    .map((part, i) => {
      if (i % 2) return part;
      const cps = [...part];
      return cps
        .filter((c, j) => !FORMAT.test(c) || (JOINER.test(c) && JOINS_AFTER.test(cps[j - 1] ?? '') && JOINS_BEFORE.test(cps[j + 1] ?? '')))
        .join('');
    })
    .join('');
}

/**
 * Validates a display name: 1–64 characters after trimming, something visible, no control,
 * direction-override/isolate, tag (outside a subdivision flag) or other invisible format characters
 * (ZWJ/ZWNJ only inside a word or emoji): they spoof " (you)" and hide names or text.
 * @param {unknown} raw
 * @returns {{ ok: true, value: string } | { ok: false, error: string }}
 */
export function validateName(raw) {
  if (typeof raw !== 'string') return { ok: false, error: 'name is required' };
  const value = raw.normalize('NFC').trim();
  if (!value) return { ok: false, error: 'name is required' };
  if (CONTROL.test(value)) return { ok: false, error: 'name contains control characters' };
  if (BIDI.test(value)) return { ok: false, error: 'name contains direction overrides' };
  if (TAG.test(value.replace(FLAG_SEQUENCE, ''))) return { ok: false, error: 'name contains invisible tag characters' };
  if (stripFormat(value) !== value) return { ok: false, error: 'name contains invisible formatting characters' };
  if (!VISIBLE.test(value)) return { ok: false, error: 'name has no visible character' };
  if ([...value].length > 64) return { ok: false, error: 'name must be at most 64 characters' };
  return { ok: true, value };
}

/**
 * @param {unknown} raw
 * @returns {{ ok: true, value: string } | { ok: false, error: string }}
 */
export function validateRoom(raw) {
  if (typeof raw !== 'string' || raw === '') return { ok: false, error: 'room is required' };
  if (!ROOM_PATTERN.test(raw)) return { ok: false, error: 'room must be 1–128 characters of A–Z, a–z, 0–9, "_" or "-"' };
  return { ok: true, value: raw };
}

/** An identity unique per join, so two tabs named "Ada" are two participants. */
export function makeIdentity(name) {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .toLowerCase();
  return `${slug || 'guest'}-${randomBytes(6).toString('base64url')}`;
}

/**
 * @param {{ apiKey: string, apiSecret: string, serverUrl: string }} deployment
 * @param {URLSearchParams} params
 * @returns {Promise<{ status: number, body: Record<string, unknown> }>}
 */
export async function handleTokenRequest(deployment, params) {
  const room = validateRoom(params.get('room'));
  if (!room.ok) return { status: 400, body: { error: 'invalid-room', message: room.error } };
  const name = validateName(params.get('name'));
  if (!name.ok) return { status: 400, body: { error: 'invalid-name', message: name.error } };
  const identity = makeIdentity(name.value);
  const at = new AccessToken(deployment.apiKey, deployment.apiSecret, {
    identity,
    name: name.value,
    ttl: TOKEN_TTL_SECONDS,
  });
  at.addGrant({ roomJoin: true, room: room.value, canPublish: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: true });
  return { status: 200, body: { serverUrl: deployment.serverUrl, token: await at.toJwt(), identity } };
}
