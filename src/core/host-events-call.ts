// The parts of the store diff that only a call has: who comes and goes, hands, reactions, speakers,
// screens, what the server allows, chat. They travel in the in-call chunk (src/in-call.ts), which the
// element hands to its feed before the session connects.
import type { ConfabEventDetails } from '../events.js';
import type { MessageKey } from '../i18n/en.js';
import type { DiffPart } from './host-events.js';
import { inCall } from './phase.js';
import { encryptionState, permissionDetail } from './snapshot.js';
import { localParticipant, NO_MEDIA } from './store.js';
import type { ChatMessage } from './types.js';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** At join, and whenever the server changes what we may do. */
const permissions: DiffPart = (previous, state, { push }) => {
  if (inCall(state.phase) && (state.permissions !== previous.permissions || !inCall(previous.phase)))
    push('confab-permissions', permissionDetail(state.permissions));
};

const people: DiffPart = (previous, state, { push, presence }) => {
  if (!inCall(state.phase) || !inCall(previous.phase) || state.participants === previous.participants) return;
  for (const [id, p] of state.participants) {
    if (!p.local && !previous.participants.has(id)) {
      push('confab-participant-joined', { identity: id, name: p.name });
      presence.push({ kind: 'joined', name: p.name });
    }
  }
  for (const [id, p] of previous.participants) {
    if (!p.local && !state.participants.has(id)) {
      push('confab-participant-left', { identity: id, name: p.name });
      presence.push({ kind: 'left', name: p.name });
    }
  }
  // Hands of people who were here before and still are (one's own included; only others' are announced).
  for (const [id, p] of state.participants) {
    const before = previous.participants.get(id);
    if (!before || !p.handRaisedAt === !before.handRaisedAt) continue;
    push('confab-hand', { identity: id, name: p.name, raised: p.handRaisedAt > 0 });
    if (p.handRaisedAt && !p.local) presence.push({ kind: 'hand', name: p.name });
  }
};

const reactions: DiffPart = (previous, state, { push }) => {
  if (state.reactions === previous.reactions) return;
  const last = previous.reactions.at(-1)?.key ?? 0;
  for (const r of state.reactions)
    if (r.key > last)
      push('confab-reaction', { identity: r.identity, name: state.participants.get(r.identity)?.name ?? '', emoji: r.emoji });
};

const media: DiffPart = (previous, state, { push }) => {
  if (!inCall(state.phase)) return;
  if (!sameList(state.activeSpeakers, previous.activeSpeakers)) push('confab-active-speakers', { identities: [...state.activeSpeakers] });
  if (state.media === previous.media) return;
  for (const [id, m] of state.media) {
    const before = previous.media.get(id) ?? NO_MEDIA;
    if (before.screenshare !== m.screenshare) push('confab-screenshare', { identity: id, active: m.screenshare });
  }
};

/**
 * confab-chat-message once per message: a remote one when it arrives, one's own once it is sent;
 * counts the new remote ones the reader has not seen (the panel is closed).
 */
const chat: DiffPart = (previous, state, out) => {
  if (state.chat.messages === previous.chat.messages) return;
  const shown = (m: ChatMessage) => !m.deleted && (!m.local || m.status === 'sent');
  // Own messages that were not yet sent before: the only older rows whose event may be due now.
  const unsent = new Set<string>();
  for (const m of previous.chat.messages) if (m.local && m.status !== 'sent') unsent.add(m.id);
  for (const m of state.chat.messages) {
    if (!shown(m) || (m.seq <= previous.chat.seq && !unsent.has(m.id))) continue;
    const detail: ConfabEventDetails['confab-chat-message'] = {
      id: m.id,
      identity: m.identity,
      name: m.name,
      text: m.text,
      timestamp: m.timestamp,
      local: m.local,
    };
    out.push('confab-chat-message', m.relayedBy ? { ...detail, relayedBy: m.relayedBy } : detail);
    if (!m.local && !m.earlier && state.panel !== 'chat') out.unread++;
  }
};

/** The user's own microphone or camera changed: announced at once. */
const self: DiffPart = (previous, state, out) => {
  if (state.phase !== 'connected' || previous.phase !== 'connected') return;
  const now = localParticipant(state);
  const before = localParticipant(previous);
  if (!now || !before || now.identity !== before.identity) return;
  let key: MessageKey | null = null;
  if (now.microphone !== before.microphone) key = now.microphone ? 'announce.microphoneOn' : 'announce.microphoneOff';
  else if (now.camera !== before.camera) key = now.camera ? 'announce.cameraOn' : 'announce.cameraOff';
  out.self = key;
};

/** A host's widget: each new knock at the lobby, told and announced once. */
const lobby: DiffPart = (previous, state, { push, presence }) => {
  if (state.lobby.waiting === previous.lobby.waiting) return;
  const before = new Set(previous.lobby.waiting.map((k) => k.identity));
  for (const k of state.lobby.waiting)
    if (!before.has(k.identity)) {
      push('confab-knock', { id: k.identity, name: k.name });
      presence.push({ kind: 'knock', name: k.name });
    }
};

const recording: DiffPart = (previous, state, { push }) => {
  if (inCall(state.phase) && state.recording !== previous.recording) push('confab-recording', { active: state.recording });
};

/** Encryption came on, or whose media cannot be decrypted changed (the list named in `key-mismatch`). */
const encryption: DiffPart = (previous, state, { push }) => {
  const now = state.encryption;
  if (now === previous.encryption || !inCall(state.phase)) return;
  const s = encryptionState(now);
  if (s === encryptionState(previous.encryption) && now.mismatched.join('\n') === previous.encryption.mismatched.join('\n')) return;
  push('confab-encryption', s === 'key-mismatch' ? { state: s, identities: [...now.mismatched] } : { state: s });
};

export const CALL_EVENTS: readonly DiffPart[] = [permissions, people, reactions, media, chat, self, lobby, recording, encryption];
