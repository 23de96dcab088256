// The server's checks of what a token request names: the room, the display name (the widget's own
// rule, src/core/text.ts, shared — tests/unit/core/text.test.ts runs one table through both), and
// the identity derived from the name.
import { describe, expect, it } from 'vitest';
import { makeIdentity, validateName, validateRoom } from '../../../server/names.js';

describe('names', () => {
  it('validates names and rooms', () => {
    expect(validateName(' Ada ')).toEqual({ ok: true, value: 'Ada' });
    expect(validateName('a\nb').ok).toBe(false);
    expect(validateName(42).ok).toBe(false);
    expect(validateRoom('r'.repeat(128)).ok).toBe(true);
    expect(validateRoom('r'.repeat(129)).ok).toBe(false);
    expect(validateRoom('a b').ok).toBe(false);
  });

  it('derives a readable, unique identity from any name', () => {
    expect(makeIdentity('Ada Lovelace')).toMatch(/^ada-lovelace-[\w-]{8}$/);
    expect(makeIdentity('محمد')).toMatch(/^guest-[\w-]{8}$/);
    expect(makeIdentity('Ada')).not.toBe(makeIdentity('Ada'));
  });
});
