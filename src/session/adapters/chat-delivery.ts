// When a chat message has really gone out, and what to send again after a reconnect (decision 0006).
import { ConnectionState, type Room } from 'livekit-client';

/** Sent messages kept for a resend after a reconnect: the last ones, this recent. */
const RESEND_WINDOW_MS = 30_000;
const RESEND_KEEP = 50;
/** Without livekit-client's engine flag: how long after Reconnected its engine may still be reconnecting. */
const SETTLE_FALLBACK_MS = 3000;
/** After a reconnect, missed messages are taken from a peer if sent after we joined, less this (clock skew). */
export const CATCH_UP_MARGIN_MS = 60_000;

export const timeout = <T>(work: Promise<T>, ms: number) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/** The engine behind the Room: internal to livekit-client, so read defensively. */
type Engine = { attemptingReconnect?: unknown; dataChannelForKind?: (kind: number) => RTCDataChannel | undefined };

/**
 * Whether a reliable send now really goes on the wire: the Room is connected, its engine has
 * finished reconnecting (the Room says Reconnected up to 2 s before), and the reliable publisher
 * channel, once it exists, is open (a fresh one is still connecting).
 */
export function engineSettled(room: Room, reconnectedAt: number): boolean {
  if (room.state !== ConnectionState.Connected) return false;
  const engine = (room as unknown as { engine?: Engine }).engine;
  // A livekit-client without that flag: its reconnect is waited out the slow way.
  const busy =
    typeof engine?.attemptingReconnect === 'boolean' ? engine.attemptingReconnect : Date.now() - reconnectedAt < SETTLE_FALLBACK_MS;
  if (busy) return false;
  const dc = engine?.dataChannelForKind?.(0); // DataPacket_Kind.RELIABLE
  return !dc || dc.readyState === 'open';
}

/** The messages sent in the last 30 s (at most 50): a reconnect may have lost them in flight. */
export class Recent {
  readonly #sent = new Map<string, { identity: string; text: string; at: number }>();

  remember(id: string, identity: string, text: string): void {
    const now = Date.now();
    this.#sent.set(id, { identity, text, at: now });
    for (const [key, r] of this.#sent) if (this.#sent.size > RESEND_KEEP || now - r.at > RESEND_WINDOW_MS) this.#sent.delete(key);
  }

  /** Hands them all over (to be sent again) and forgets them. */
  take(): Array<[string, { identity: string; text: string }]> {
    const now = Date.now();
    const out = [...this.#sent].filter(([, r]) => now - r.at <= RESEND_WINDOW_MS);
    this.#sent.clear();
    return out;
  }
}
