// The one contract of a session domain (participants, tracks, connection, permissions, chat,
// reactions; next: captions, encryption, moderation). A domain may contribute Room options, names
// the data it needs held until its code loads, and binds to the Room: `bind(room, context)` returns
// what it offers the core (its port) with `sync` (start from the room as it is now, not only from
// events) and `dispose`. Adding a domain is a file of its own and one line in domains.ts.
import type { Room, RoomOptions } from 'livekit-client';
import type { Credentials } from '../core/credentials.js';
import type { PhaseEvent } from '../core/phase.js';
import type { ConnectOptions, DomainPorts, SessionHooks } from '../core/session-port.js';
import type { MeetingStore } from '../core/store.js';
import type { Notice } from '../core/types.js';
import type { Held, HoldSpec } from './hold.js';

export interface DomainContext {
  store: MeetingStore;
  options: ConnectOptions;
  credentials: Credentials;
  dispatch: (event: PhaseEvent) => void;
  /** Every bound domain starts again from the room as it is (after a reconnect re-created the participants). */
  resync: () => void;
  report: (notice: Notice) => void;
  serverPacket: SessionHooks['serverPacket'];
}

/** What a bound domain gives back. */
export interface Binding {
  /** Reads the room as it is now: at `connected` once, and after every reconnect (`reconnected`). */
  sync?(reason: 'connected' | 'reconnected'): void;
  /** Awaited once connected, before the call counts as joined (encryption: on before anything is published or sent). */
  ready?: Promise<void>;
  dispose(): void;
}

type Port<K> = K extends keyof DomainPorts ? DomainPorts[K] : object;

export interface DomainSpec<K extends string = string> {
  name: K;
  /** Whether this call uses the domain at all (chat="off": no chat handler is ever registered). */
  enabled?(options: ConnectOptions): boolean;
  /** Room options the domain needs (merged into the Room's). */
  roomOptions?(options: ConnectOptions): Partial<RoomOptions>;
  /** What to hold until a lazy domain's code is bound. */
  holds?: HoldSpec;
  /**
   * Eager domains bind before the connection. A lazy one loads its code: `connect` beside the
   * connection, `first-use` with the first held item or the first ask for its port.
   */
  load?: { when: 'connect' | 'first-use'; code(): Promise<Binder<K>> };
  bind?: Binder<K>;
  /**
   * A domain whose Room options need its own code first (encryption: the key provider and its
   * worker): loaded before the Room exists, then bound before the connection like an eager one.
   * Rejects with a JoinError the user reads when the domain cannot run (the call is then refused).
   */
  prepare?(options: ConnectOptions): Promise<{ roomOptions: Partial<RoomOptions>; bind: Binder<K> }>;
}

export type Binder<K extends string = string> = (room: Room, context: DomainContext, held: Held) => Binding & Port<K>;

/** A domain, typed by its name: its binder returns its port. */
export function domain<K extends string>(spec: DomainSpec<K>): DomainSpec<K> {
  return spec;
}
