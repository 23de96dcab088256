// The Confab server's packets into the room, read: `confab.lobby` (someone knocked or left the queue,
// the room was locked) and `confab.moderation` (a host asks us to turn a device on again). Anything
// malformed or unknown is dropped. Pure (unit-tested); it travels in the moderation chunk.
import type { ServerTopic } from './session-port.js';

export type ServerSignal = { type: 'lobby' } | { type: 'lock'; locked: boolean } | { type: 'ask-unmute'; source: 'microphone' | 'camera' };

/** A server packet as a signal, or null (malformed, unknown, too large). */
export function readSignal(topic: ServerTopic, payload: Uint8Array): ServerSignal | null {
  if (payload.byteLength > 1024) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (topic === 'confab.lobby') {
    if (v.type === 'lobby') return { type: 'lobby' };
    if (v.type === 'lock' && typeof v.locked === 'boolean') return { type: 'lock', locked: v.locked };
    return null;
  }
  if (v.type === 'ask-unmute' && (v.source === 'microphone' || v.source === 'camera')) return { type: 'ask-unmute', source: v.source };
  return null;
}
