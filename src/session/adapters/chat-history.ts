// `confab.chat.history` RPC: a late joiner asks one participant already in the room for the last
// messages, and answers others who ask. What an answer may claim: the SFU vouches only for who
// answered, so the answerer's own lines are shown as theirs, and anyone else's only as relayed by
// the answerer — marked unverified, never as one's own, never served onward to later joiners.
import type { Room } from 'livekit-client';
import {
  CHAT_KEEP,
  HISTORY_LIMIT,
  HISTORY_METHOD,
  HISTORY_WAIT_MS,
  historyPayload,
  messageKey,
  parseHistory,
  type HistoryEntry,
} from '../../core/chat.js';
import { displayName } from '../../core/text.js';
import type { ChatMessage } from '../../core/types.js';
import type { ChatBook } from './chat-book.js';
import { CATCH_UP_MARGIN_MS, timeout } from './chat-delivery.js';

export interface HistoryOptions {
  history: boolean;
  historyWaitMs?: number;
}

/** How an entry from `from` may be shown: its own line, or someone else's relayed by it. */
export function vouch(book: ChatBook, from: string, e: HistoryEntry): Omit<ChatMessage, 'seq'> {
  const base = { id: e.id, identity: e.identity, text: e.text, timestamp: e.timestamp, local: false, status: 'sent' as const };
  if (e.identity === from) return { ...base, name: book.nameOf(from) };
  return { ...base, name: displayName(e.name) || displayName(e.identity) || '?', relayedBy: from, relayedByName: book.nameOf(from) };
}

export function createHistory(room: Room, book: ChatBook, options: HistoryOptions, disposed: () => boolean) {
  const answered = new Map<string, number>();
  const ask = (peer: string, wait: number) =>
    timeout(
      room.localParticipant.performRpc({
        destinationIdentity: peer,
        method: HISTORY_METHOD,
        payload: JSON.stringify({ limit: HISTORY_LIMIT }),
      }),
      wait,
    );

  /** Earlier messages from `from`'s answer, before everything seen live; false when the answer is not one. */
  const merge = (from: string, payload: string) => {
    const entries = parseHistory(payload);
    if (!entries) return false;
    const fresh = entries
      .filter((e) => !book.has(e.identity, e.id))
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((e) => ({ ...vouch(book, from, e), earlier: true }));
    for (const e of fresh) book.keys.add(messageKey(e.identity, e.id));
    book.write((chat) => ({
      messages: [...fresh.map((e, i) => ({ ...e, seq: chat.seq + 1 + i })), ...chat.messages].slice(-CHAT_KEEP),
      seq: chat.seq + fresh.length,
      // Not unread (they are "earlier"), and what arrived live before them stays unread until seen.
      history: 'loaded',
    }));
    return true;
  };

  return {
    /** One answer per asker per 10 s: a peer cannot make us serialise the history in a loop. */
    answer({ callerIdentity }: { callerIdentity: string }): Promise<string> {
      const last = answered.get(callerIdentity) ?? 0;
      if (Date.now() - last < 10_000) return Promise.resolve('[]');
      answered.set(callerIdentity, Date.now());
      return Promise.resolve(historyPayload(book.store.getState().chat.messages));
    },

    /** A late joiner's question to the earliest peers, one after another, within HISTORY_WAIT_MS in all. */
    async ask(): Promise<void> {
      const peers = [...room.remoteParticipants.values()].sort((a, b) => (a.joinedAt?.getTime() ?? 0) - (b.joinedAt?.getTime() ?? 0));
      if (!peers.length) return book.write(() => ({ history: 'none' }));
      if (!options.history) return book.write(() => ({ history: 'unavailable' }));
      book.write(() => ({ history: 'loading' }));
      const deadline = Date.now() + (options.historyWaitMs ?? HISTORY_WAIT_MS);
      for (const peer of peers.slice(0, 3)) {
        const left = deadline - Date.now();
        if (left <= 0 || disposed()) break;
        try {
          const payload = await ask(peer.identity, left);
          if (!disposed() && merge(peer.identity, payload)) return;
        } catch {
          // Not a Confab client (unsupported method), gone, or too slow: the next one.
        }
      }
      if (!disposed()) book.write(() => ({ history: 'unavailable' }));
    },

    /**
     * After our own reconnect: what the SFU forwarded to us meanwhile may be lost (a full reconnect
     * drops the old subscriber channel). Ask a peer and add what is missing, as late arrivals (not
     * "earlier"); only those since we joined, less a clock margin; never our own.
     */
    async catchUp(startedAt: number): Promise<void> {
      for (const peer of [...room.remoteParticipants.values()].slice(0, 3)) {
        try {
          const entries = parseHistory(await ask(peer.identity, HISTORY_WAIT_MS));
          if (!entries || disposed()) continue;
          const missed = entries.filter(
            (e) => e.identity !== book.me && e.timestamp >= startedAt - CATCH_UP_MARGIN_MS && !book.has(e.identity, e.id),
          );
          for (const e of missed.sort((a, b) => a.timestamp - b.timestamp)) book.add(vouch(book, peer.identity, e));
          return;
        } catch {
          // As for history: the next one.
        }
      }
    },
  };
}
