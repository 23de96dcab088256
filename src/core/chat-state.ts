// The chat slice's rules the element needs before any chat code loads: the length limit, the empty
// slice, unread counting. The wire formats, links and flood control (chat.ts) load with the session.
import type { ChatMessage, ChatView, MeetingState } from './types.js';

/** Text streams topic of @livekit/components-react's chat (and LiveKit Meet, and Agents' text input). */
export const CHAT_TOPIC = 'lk.chat';
/** The deprecated data-packet format (`{id, timestamp, message, ignoreLegacy}` JSON), read only. */
export const LEGACY_CHAT_TOPIC = 'lk-chat-topic';

/** Characters (code points) in one message; longer ones are refused before sending. */
export const CHAT_MAX_CHARS = 4000;

export function emptyChat(): ChatView {
  return { room: null, messages: [], history: 'none', seq: 0, readSeq: 0 };
}

/** Code points, as the limit counts them (an emoji is one or two, never half). */
export function chatLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export function tooLong(text: string): boolean {
  return text.length > CHAT_MAX_CHARS && chatLength(text) > CHAT_MAX_CHARS;
}

/** Messages from others that arrived after the reader last looked (none while the panel is open). */
export function unreadCount(state: Pick<MeetingState, 'chat' | 'panel'>): number {
  if (state.panel === 'chat') return 0;
  const { messages, readSeq } = state.chat;
  let n = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as ChatMessage;
    if (m.seq <= readSeq) break;
    if (!m.local && !m.earlier && !m.deleted) n++;
  }
  return n;
}

/** The chat slice once the reader has seen everything so far (the panel opened or closed). */
export function markRead(state: Pick<MeetingState, 'chat'>): ChatView {
  return state.chat.readSeq === state.chat.seq ? state.chat : { ...state.chat, readSeq: state.chat.seq };
}
