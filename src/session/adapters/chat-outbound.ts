// Sending chat: `lk.chat` text streams exactly as components-core sends them, plus the legacy
// `lk-chat-topic` copy it also sends (marked ignoreLegacy where the server has data streams, so new
// receivers show each message once while LiveKit apps on components-core 0.9 still read it).
//
// livekit-client resolves a reliable send it could not put on the wire: while its engine is
// reconnecting the packet goes to a replay buffer that only a resume replays (a full reconnect
// drops it), and the Room says Reconnected before a full reconnect's engine is done (it still
// sleeps 2 s), so a send made on Reconnected resolved and was lost. A message is sent only when
// its send began and ended with the engine settled and no reconnect between; else it goes again,
// with its id. What went out in the 30 s before any reconnect goes again silently: SCTP data
// handed over before the outage was noticed is in no replay buffer, and a resume lost it too in
// the freeze E2E. Confab and components-core both dedupe by (sender, id).
import { ConnectionState, type Room } from 'livekit-client';
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC } from '../../core/chat-state.js';
import { ConfabError } from '../../core/commands.js';
import { quietly } from '../../core/report.js';
import type { ChatBook } from './chat-book.js';
import { engineSettled, Recent, timeout } from './chat-delivery.js';

/** A legacy packet larger than this is not sent (LiveKit's data packets stay under ~15 KiB). */
const LEGACY_MAX_BYTES = 15_000;

interface Outgoing {
  identity: string;
  text: string;
  /** Already shown as sent: sent again after a reconnect, its row unchanged. */
  again?: boolean;
  waiters: Array<{ resolve: (id: string) => void; reject: (e: unknown) => void }>;
}

/** Whether the server has data streams (components-core's test: LiveKit Cloud, or a server after 1.8.2). */
export function serverHasStreams(info: { edition?: number; version?: string } | undefined): boolean {
  if (!info) return false;
  if (info.edition === 1) return true;
  const [major = 0, minor = 0, patch = 0] = (info.version ?? '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  return major > 1 || (major === 1 && (minor > 8 || (minor === 8 && patch > 2)));
}

export function createOutbound(room: Room, book: ChatBook, sendTimeout: number, disposed: () => boolean) {
  const outgoing = new Map<string, Outgoing>();
  const queued = new Set<string>();
  let epoch = 0;
  let reconnectedAt = 0;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** Other work that waits for a settled engine (the history catch-up): whether it is due, and running it. */
  let extra: { due(): boolean; run(): void } | null = null;
  const settled = () => engineSettled(room, reconnectedAt);
  /** Messages that went out shortly before now, in case a reconnect loses them in flight. */
  const recent = new Recent();

  const flush = () => {
    flushTimer = null;
    if (disposed() || (!queued.size && !extra?.due())) return;
    if (!settled()) return schedule();
    for (const id of [...queued]) void transmit(id);
    if (extra?.due()) extra.run();
  };
  function schedule() {
    if (!flushTimer && !disposed() && room.state !== ConnectionState.Disconnected) flushTimer = setTimeout(flush, 100);
  }
  const requeue = (id: string) => {
    queued.add(id);
    schedule();
  };

  /** The copy for LiveKit apps that read only the legacy topic; a failure there costs nothing else. */
  const legacyCopy = (id: string, text: string) => {
    const packet = new TextEncoder().encode(
      JSON.stringify({ id, timestamp: Date.now(), message: text, ignoreLegacy: serverHasStreams(room.serverInfo) }),
    );
    if (packet.byteLength > LEGACY_MAX_BYTES) return;
    void Promise.resolve()
      .then(() => room.localParticipant.publishData(packet, { reliable: true, topic: LEGACY_CHAT_TOPIC }))
      .catch(quietly('the legacy chat copy was not sent (old LiveKit clients miss this message)'));
  };

  const transmit = async (id: string) => {
    const entry = outgoing.get(id);
    if (!entry || disposed()) return;
    queued.delete(id);
    const startedIn = epoch;
    try {
      await timeout(
        (async () => {
          const size = new TextEncoder().encode(entry.text).byteLength;
          const writer = await room.localParticipant.streamText({ topic: CHAT_TOPIC, streamId: id, totalSize: size });
          await writer.write(entry.text);
          await writer.close();
        })(),
        sendTimeout,
      );
    } catch (error) {
      // Dropped mid-send: it goes again, with the same id, once the connection is back.
      if ((!settled() || epoch !== startedIn) && !disposed()) return requeue(id);
      outgoing.delete(id);
      book.update(entry.identity, id, { status: 'failed' });
      for (const w of entry.waiters) w.reject(new ConfabError('send-failed', error instanceof Error ? error.message : String(error)));
      return;
    }
    if (disposed()) return;
    // Resolved, but was it on the wire? Only if nothing reconnected meanwhile.
    if (epoch !== startedIn || !settled()) return requeue(id);
    outgoing.delete(id);
    recent.remember(id, entry.identity, entry.text);
    legacyCopy(id, entry.text);
    if (!entry.again) book.update(entry.identity, id, { status: 'sent', timestamp: Date.now() });
    for (const w of entry.waiters) w.resolve(id);
  };

  const enqueue = (identity: string, id: string, text: string) =>
    new Promise<string>((resolve, reject) => {
      outgoing.set(id, { identity, text, waiters: [{ resolve, reject }] });
      if (settled()) void transmit(id);
      else requeue(id);
    });

  return {
    enqueue,
    /** Waits for a message already on its way (a second Retry), or undefined when none is. */
    join(id: string): Promise<string> | undefined {
      const pending = outgoing.get(id);
      return pending ? new Promise((resolve, reject) => pending.waiters.push({ resolve, reject })) : undefined;
    },
    /** Other work run at a flush once the engine has settled (the history catch-up). */
    alsoAtFlush(work: { due(): boolean; run(): void }) {
      extra = work;
    },
    /** A reconnect: what went out just before may never have arrived (not even a resume replays it). */
    reconnecting() {
      epoch += 1;
      for (const [id, r] of recent.take()) {
        if (outgoing.has(id)) continue;
        outgoing.set(id, { identity: r.identity, text: r.text, waiters: [], again: true });
        queued.add(id);
      }
      schedule();
    },
    reconnected() {
      reconnectedAt = Date.now();
      schedule();
    },
    schedule,
    dispose() {
      if (flushTimer) clearTimeout(flushTimer);
      // What never went out is failed, with Retry for the next call.
      for (const [id, entry] of outgoing) {
        if (entry.again) continue;
        book.update(entry.identity, id, { status: 'failed' });
        for (const w of entry.waiters) w.reject(new ConfabError('not-connected', 'the call ended before the message was sent'));
      }
      outgoing.clear();
      queued.clear();
      recent.take();
    },
  };
}
