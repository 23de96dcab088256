// Rooms, names and identities, checked with the widget's own rules (one name rule for both).
import { randomBytes } from 'node:crypto';
import { nameProblem } from '../src/core/text.js';

export const ROOM_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const NAME_PROBLEMS: Record<NonNullable<ReturnType<typeof nameProblem>>, string> = {
  empty: 'name is required',
  control: 'name contains control characters',
  bidi: 'name contains direction overrides',
  tag: 'name contains invisible tag characters',
  format: 'name contains invisible formatting characters',
  invisible: 'name has no visible character',
  'too-long': 'name must be at most 64 characters',
};

export function validateName(raw: unknown): { ok: true; value: string } | { ok: false; error: string } {
  if (typeof raw !== 'string') return { ok: false, error: NAME_PROBLEMS.empty };
  const value = raw.normalize('NFC').trim();
  const problem = nameProblem(value);
  return problem ? { ok: false, error: NAME_PROBLEMS[problem] } : { ok: true, value };
}

export function validateRoom(raw: unknown): { ok: true; value: string } | { ok: false; error: string } {
  if (typeof raw !== 'string' || raw === '') return { ok: false, error: 'room is required' };
  if (!ROOM_PATTERN.test(raw)) return { ok: false, error: 'room must be 1–128 characters of A–Z, a–z, 0–9, "_" or "-"' };
  return { ok: true, value: raw };
}

/** An identity unique per join, so two tabs named "Ada" are two participants. */
export function makeIdentity(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .toLowerCase();
  return `${slug || 'guest'}-${randomBytes(6).toString('base64url')}`;
}
