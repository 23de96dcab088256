import type { DeviceErrorReason } from './types.js';

/**
 * Names a getUserMedia / getDisplayMedia failure. `policyAllows` says whether the document's
 * permissions policy allows the feature: a NotAllowedError under a blocking policy is the embedding
 * page's fault, not the user's.
 */
export function classifyMediaError(error: unknown, policyAllows = true): DeviceErrorReason {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      if (!policyAllows || /permissions policy|feature policy/i.test(message)) return 'policy-blocked';
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'unknown';
  }
}

/** Whether the permissions policy lets this document use a feature (true where the API is missing). */
export function policyAllows(feature: 'camera' | 'microphone' | 'display-capture'): boolean {
  const doc = globalThis.document as (Document & { featurePolicy?: { allowsFeature(f: string): boolean } }) | undefined;
  const policy = doc?.featurePolicy;
  return policy ? policy.allowsFeature(feature) : true;
}
