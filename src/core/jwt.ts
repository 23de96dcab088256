// The claims of a JWT, read without verifying it: the LiveKit server (or the Confab server) checks
// the signature; the widget only reads what the token says about the user (name, grants, expiry).

/** The payload of a JWT as a plain object, or null when it is not one. */
export function jwtClaims(token: string | undefined): Record<string, unknown> | null {
  const payload = token?.split('.')[1];
  if (!payload || payload.length > 16_384) return null;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An own claim of a given type, or undefined. */
export function claim<T extends 'string' | 'number' | 'object'>(
  claims: Record<string, unknown> | null,
  key: string,
  type: T,
): (T extends 'string' ? string : T extends 'number' ? number : Record<string, unknown>) | undefined {
  const value = claims && Object.hasOwn(claims, key) ? claims[key] : undefined;
  return typeof value === type && value !== null ? (value as never) : undefined;
}

/** Whether a token's `exp` has passed (with a margin, so it does not expire on the way). */
export function tokenExpired(token: string | undefined, now = Date.now(), marginMs = 10_000): boolean {
  const exp = claim(jwtClaims(token), 'exp', 'number');
  return exp !== undefined && exp * 1000 <= now + marginMs;
}
