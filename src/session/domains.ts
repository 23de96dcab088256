// Every session domain, in one list. Eager ones bind before the connection; lazy ones load their
// chunk on first use (chat, reactions), what arrives for them held until then.
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC } from '../core/chat-state.js';
import { REACTION_TOPIC } from '../core/reactions.js';
import { connection } from './adapters/connection.js';
import { participants, presence } from './adapters/participants.js';
import { permissions } from './adapters/permissions.js';
import { signals } from './adapters/signals.js';
import { tracks } from './adapters/tracks.js';
import { domain, type DomainSpec } from './domain.js';

export const DOMAINS: readonly DomainSpec[] = [
  connection,
  permissions,
  participants,
  tracks,
  presence,
  signals,
  domain({
    name: 'encryption',
    enabled: ({ config }) => config.e2ee,
    // Its code (and livekit-client's worker) only in encrypted calls.
    prepare: (options) => import('./adapters/encryption.js').then((m) => m.prepareEncryption(options)),
  }),
  domain({
    name: 'chat',
    // chat="off": no handler at all, so nothing on lk.chat reaches this widget.
    enabled: ({ config }) => config.chat,
    holds: { streams: [CHAT_TOPIC], data: [LEGACY_CHAT_TOPIC], sdkChat: true },
    // Loaded with the first message that arrives, the first one sent, or the panel opening (which
    // then asks a peer for earlier messages): a call nobody chats in never downloads it.
    load: { when: 'first-use', code: () => import('./adapters/chat.js').then((m) => m.chat) },
  }),
  domain({
    name: 'reactions',
    enabled: ({ config }) => config.reactions,
    // La Suite Meet's reactions travel with no topic: only those are held, not every topic-less packet.
    holds: { data: [REACTION_TOPIC, null], accept: (payload, topic) => topic === REACTION_TOPIC || laSuiteReaction(payload) },
    load: { when: 'first-use', code: () => import('./adapters/reactions.js').then((m) => m.reactions) },
  }),
];

/** A topic-less packet that looks like La Suite Meet's reaction (checked in full when it is read). */
function laSuiteReaction(payload: Uint8Array): boolean {
  return payload.byteLength <= 256 && new TextDecoder().decode(payload).includes('"reactionReceived"');
}
