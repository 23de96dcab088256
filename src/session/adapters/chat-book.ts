// The chat's message book: the only writer of `chat.messages`, each message once per (sender, id).
import type { Participant, Room } from 'livekit-client';
import { CHAT_KEEP, messageKey } from '../../core/chat.js';
import type { MeetingStore } from '../../core/store.js';
import { displayName } from '../../core/text.js';
import type { ChatMessage, ChatView } from '../../core/types.js';

export class ChatBook {
  readonly keys: Set<string>;

  constructor(
    readonly room: Room,
    readonly store: MeetingStore,
  ) {
    this.keys = new Set(store.getState().chat.messages.map((m) => messageKey(m.identity, m.id)));
  }

  get me(): string {
    return this.room.localParticipant.identity;
  }

  write(fn: (chat: ChatView) => Partial<ChatView>): void {
    this.store.setState((s) => ({ chat: { ...s.chat, ...fn(s.chat) } }));
  }

  has(identity: string, id: string): boolean {
    return this.keys.has(messageKey(identity, id));
  }

  find(identity: string, id: string): ChatMessage | undefined {
    return this.store.getState().chat.messages.findLast((m) => m.id === id && m.identity === identity);
  }

  /** The name to show for an identity: the SFU's participant, the store's, else the given one (cleaned). */
  nameOf(identity: string, fallback = ''): string {
    const p: Participant | undefined = identity === this.me ? this.room.localParticipant : this.room.remoteParticipants.get(identity);
    return (
      displayName(p?.name ?? '') ||
      this.store.getState().participants.get(identity)?.name ||
      displayName(fallback) ||
      displayName(identity) ||
      '?'
    );
  }

  /** Adds a message unless one with its (sender, id) is here; the oldest go past CHAT_KEEP. */
  add(message: Omit<ChatMessage, 'seq'>): boolean {
    const key = messageKey(message.identity, message.id);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.write((chat) => {
      let messages = [...chat.messages, { ...message, seq: chat.seq + 1 }];
      if (messages.length > CHAT_KEEP) {
        for (const gone of messages.slice(0, messages.length - CHAT_KEEP)) this.keys.delete(messageKey(gone.identity, gone.id));
        messages = messages.slice(-CHAT_KEEP);
      }
      return { messages, seq: chat.seq + 1 };
    });
    return true;
  }

  /** A message from someone else, as the SFU names them. */
  remote(identity: string, id: string, text: string, timestamp: number, extra: Partial<ChatMessage> = {}): boolean {
    return this.add({ id, identity, name: this.nameOf(identity), text, timestamp, local: false, status: 'sent', ...extra });
  }

  update(identity: string, id: string, patch: Partial<ChatMessage>): void {
    this.write((chat) => {
      const i = chat.messages.findLastIndex((m) => m.id === id && m.identity === identity);
      if (i < 0) return {};
      const messages = [...chat.messages];
      messages[i] = { ...(messages[i] as ChatMessage), ...patch };
      return { messages };
    });
  }
}
