import { describe, expect, it } from 'vitest';
import { classifyMediaError } from '../../../src/core/device-errors.js';

const err = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('media error classification', () => {
  it.each([
    [err('NotAllowedError', 'Permission denied'), true, 'denied'],
    [err('NotAllowedError', 'Permission denied'), false, 'policy-blocked'],
    [err('NotAllowedError', 'Permissions policy violation: camera is not allowed'), true, 'policy-blocked'],
    [err('NotFoundError'), true, 'not-found'],
    [err('OverconstrainedError'), true, 'not-found'],
    [err('NotReadableError', 'Could not start video source'), true, 'in-use'],
    [err('TypeError'), true, 'unknown'],
    ['a string', true, 'unknown'],
    [null, true, 'unknown'],
  ])('%o (policy allows: %s) → %s', (error, allowed, reason) => {
    expect(classifyMediaError(error, allowed)).toBe(reason);
  });
});
