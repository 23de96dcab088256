// Reactions over the wire: reliable data packets on the topic `confab.reaction` carrying
// `{"emoji":"👍"}`. Also read: La Suite Meet's `{"type":"reactionReceived","data":{"emoji":…}}` sent
// with no topic. Only the offered emoji are shown, each remote sender at most 5 per 3 seconds, and
// the sender is always the SFU's participant, never a name from the payload. Each shows for
// REACTION_MS, then leaves the store. A chunk of its own: the session loads it with the first
// packet that may be a reaction, or the first one sent.
import { isReaction, RateLimit, REACTION_MS, REACTION_TOPIC, type Reaction } from '../../core/reactions.js';
import type { MeetingStore } from '../../core/store.js';
import { RoomEvent, type Room } from 'livekit-client';
import type { DomainContext } from '../domain.js';
import type { Held } from '../hold.js';
import { listen } from '../listen.js';

/** Packets larger than this are not reactions (never parsed). */
const MAX_BYTES = 256;

/** The emoji in a packet, or undefined when it is not a reaction we show. */
export function reactionIn(payload: Uint8Array, topic: string | undefined): Reaction | undefined {
  if (payload.byteLength > MAX_BYTES || (topic && topic !== REACTION_TOPIC)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as { emoji?: unknown; type?: unknown; data?: { emoji?: unknown } };
  const emoji = topic === REACTION_TOPIC ? record.emoji : record.type === 'reactionReceived' ? record.data?.emoji : undefined;
  return isReaction(emoji) ? emoji : undefined;
}

let nextKey = 0;

/** What shows reactions: the packets the room hands over, and one's own once sent. */
export function createReactions(store: MeetingStore) {
  const limit = new RateLimit();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const show = (identity: string, emoji: Reaction) => {
    const key = ++nextKey;
    store.setState((s) => ({ reactions: [...s.reactions, { key, identity, emoji }] }));
    const timer = setTimeout(() => {
      timers.delete(timer);
      store.setState((s) => ({ reactions: s.reactions.filter((r) => r.key !== key) }));
    }, REACTION_MS);
    timers.add(timer);
  };
  return {
    show,
    receive(payload: Uint8Array, identity: string, topic: string | undefined) {
      const emoji = reactionIn(payload, topic);
      if (emoji && limit.allow(identity)) show(identity, emoji);
    },
    /** The packet one's own reaction travels in. */
    packet: (emoji: Reaction) => new TextEncoder().encode(JSON.stringify({ emoji })),
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      store.setState({ reactions: [] });
    },
  };
}

/** The reactions domain: loaded with the first packet that may be a reaction, or the first one sent. */
export const reactions = (room: Room, { store }: DomainContext, held: Held) => {
  const shown = createReactions(store);
  const onData = (payload: Uint8Array, participant?: { identity: string }, _kind?: unknown, topic?: string) => {
    if (participant && (!topic || topic === REACTION_TOPIC)) shown.receive(payload, participant.identity, topic);
  };
  const unlisten = listen(room, { [RoomEvent.DataReceived]: onData });
  for (const replay of held) replay({ data: onData });
  return {
    async send(emoji: Reaction) {
      await room.localParticipant.publishData(shown.packet(emoji), { reliable: true, topic: REACTION_TOPIC });
      shown.show(room.localParticipant.identity, emoji);
    },
    dispose() {
      unlisten();
      shown.dispose();
    },
  };
};
