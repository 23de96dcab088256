import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { parseConfig, type ConfigIssue } from '../../src/config/parse.js';
import { OPTIONS, propertyOf, type MeetingConfig } from '../../src/config/schema.js';
import { COMMAND_NAMES, ConfabError, parseArgs, type CommandName, type MeetingCommands } from '../../src/core/commands.js';
import type { TokenProvider } from '../../src/core/credentials.js';
import { policyAllows } from '../../src/core/device-errors.js';
import { feedHostEvents } from '../../src/core/host-events.js';
import { Meeting, type ExplicitChoices } from '../../src/core/meeting.js';
import type { MeetingState, Notice } from '../../src/core/types.js';
import { AudioSinkController } from '../../src/controllers/audio-sink.js';
import { Announcer } from '../../src/controllers/announcer.js';
import { meetingContext, type MeetingContext } from '../../src/controllers/context.js';
import { StoreController } from '../../src/controllers/store-controller.js';
import { addEnglish, createTranslator, directionOf, isLoaded, loadLanguage, resolveLanguage, type Translate } from '../../src/i18n/i18n.js';
import { VERSION } from '../../src/version.js';
import { renderPhase, type PhaseView } from './phases.js';
import { meetingStyles } from './meeting.styles.js';

/** Key of the element method that seeds its store (stories and component tests; not public API). */
export const SEED = Symbol.for('confab.seed');
const RUN = Symbol('confab.run');
/** Key of the element method that runs a livekit-client fault scenario (E2E tests; not public API). */
export const SIMULATE = Symbol.for('confab.simulate');

const properties = {
  ...Object.fromEntries(OPTIONS.map((o) => [propertyOf(o), { attribute: o.name }])),
  notices: { attribute: false },
  strings: { attribute: false },
  standaloneUrl: { attribute: false },
  tokenProvider: { attribute: false },
};

const selectView = (s: MeetingState): PhaseView => ({
  phase: s.phase,
  audioBlocked: s.audioBlocked,
  error: s.error,
  leftReason: s.leftReason,
  deviceErrors: s.deviceErrors,
  toasts: s.toasts,
  notices: s.notices,
  panel: s.panel,
  recording: s.recording,
});

/**
 * A complete video meeting on LiveKit. Its methods are the commands of src/core/commands.ts.
 *
 * @fires confab-ready - element configured; commands are accepted from now on
 * @fires confab-joined - joined the room
 * @fires confab-left - left the room, with the reason
 * @fires confab-connection-state - connecting, connected, reconnecting, disconnected
 * @fires confab-participant-joined - a participant is in the room
 * @fires confab-participant-left - a participant left
 * @fires confab-active-speakers - who is speaking
 * @fires confab-screenshare - someone started or stopped sharing a screen
 * @fires confab-chat-message - a chat message, anyone's (one's own once sent)
 * @fires confab-device-error - a camera or microphone failed, with the reason
 * @fires confab-error - bad config, bad token, server unreachable
 * @fires confab-hand - anyone raised or lowered a hand
 * @fires confab-reaction - anyone sent a reaction (you included)
 * @fires confab-background - background effect on, off or unavailable
 * @slot - your own layout of the call (`<confab-grid>`, `<confab-control-bar>`, …); default: grid and control bar
 * @csspart control-bar - the control bar
 * @csspart grid - the participant grid
 * @csspart tile - each participant tile
 * @csspart prejoin - the pre-join form
 * @csspart chat - the chat panel
 * @tagname confab-meeting
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ConfabMeeting extends LitElement {
  static override styles = meetingStyles;
  static override properties = properties;

  // Options (contract §2): raw values; parsed and validated into MeetingConfig on every change.
  declare serverUrl: string | undefined;
  declare token: string | undefined;
  declare tokenEndpoint: string | undefined;
  declare room: string | undefined;
  declare name: string | undefined;
  declare audio: string | boolean | undefined;
  declare video: string | boolean | undefined;
  declare prejoin: string | undefined;
  declare backgroundBlur: string | boolean | undefined;
  declare chat: string | boolean | undefined;
  declare screenshare: string | boolean | undefined;
  declare participants: string | boolean | undefined;
  declare layout: string | undefined;
  declare maxTiles: string | number | undefined;
  declare theme: string | undefined;
  declare shortcuts: string | boolean | undefined;
  declare accent: string | undefined;
  declare assetsBase: string | undefined;
  declare backgroundImage: string | undefined;
  declare parentOrigin: string | undefined;
  /** Messages from the page that embeds the element (e.g. embed.html's refusals), shown as banners. */
  declare notices: Notice[];
  /** Where "Open in a new tab" leads when the embedding page blocks a device. */
  declare standaloneUrl: string | undefined;
  /** Host overrides of any UI string, by message key (see src/i18n/en.ts), e.g. `{ 'prejoin.join': 'Enter' }`. */
  declare strings: Partial<Record<string, string>> | null;
  /** Asked for `{ serverUrl, token }` at join (contract §2); beats the token endpoint. */
  declare tokenProvider: TokenProvider | undefined;

  #config: MeetingConfig;
  #t: Translate = createTranslator('en');
  #lang = 'en';
  readonly #meeting = new Meeting({
    config: () => this.#config,
    explicit: () => this.#explicit(),
    tokenProvider: () => (typeof this.tokenProvider === 'function' ? this.tokenProvider : undefined),
  });
  readonly #feed = feedHostEvents(
    this.#meeting.store,
    () => this.#t,
    ({ name, detail }) => this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true })),
  );
  readonly #provider = new ContextProvider(this, { context: meetingContext });
  readonly #view = new StoreController(this, () => this.#meeting.store, selectView);
  readonly #announcer = new Announcer(this, this.#feed);
  readonly #darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  #issues: ConfigIssue[] = [];
  #queue: Promise<void> = Promise.resolve();
  #queued = 0;
  #teardownScheduled = false;
  #disposed = false;
  #autoJoined = false;
  #accentSet = false;
  /** Devices the embedding page's permissions policy withholds (e.g. an iframe without allow="camera"). */
  #policyBlocked: Array<'camera' | 'microphone'> = [];

  constructor() {
    super();
    this.#config = parseConfig(() => undefined).config;
    this.notices = [];
    this.strings = {};
    new AudioSinkController(this, this.#meeting.store, this.#meeting, () => this.renderRoot.querySelector<HTMLElement>('.audio-sink'));
  }

  /** Runs a command (contract §4): arguments checked, then queued until ready, in call order. */
  async [RUN](name: CommandName, args: readonly unknown[]): Promise<unknown> {
    const parsed = parseArgs(name, args);
    if (this.#disposed) throw new ConfabError('disposed', 'this meeting element was removed from the page');
    if (this.hasUpdated && this.#queued === 0) return this.#execute(name, parsed);
    // Before confab-ready (and until that queue drains): one after another, in call order.
    this.#queued++;
    const run = this.#queue.then(() => this.updateComplete).then(() => this.#execute(name, parsed));
    const done = () => {
      this.#queued--;
    };
    this.#queue = run.then(done, done);
    return run;
  }

  #execute(name: CommandName, parsed: unknown): Promise<unknown> {
    if (this.#disposed) return Promise.reject(new ConfabError('disposed', 'this meeting element was removed from the page'));
    if (name === 'getState') return Promise.resolve(this.#meeting.snapshot());
    const meeting = this.#meeting as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    return meeting[name]?.(...(parsed as unknown[])) ?? Promise.resolve();
  }

  /** Seeds the store: stories and component tests render every state with no server. Not public API. */
  [SEED](state: Partial<MeetingState>): void {
    this.#meeting.seed(state);
  }

  /** Fault injection for the E2E suite. Not public API. */
  [SIMULATE](scenario: string): Promise<void> {
    return this.#meeting.simulate(scenario);
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#darkQuery?.addEventListener('change', this.#applyTheme);
    this.addEventListener('keydown', this.#onKeydown);
    this.#teardownScheduled = false;
    this.setAttribute('role', 'region');
    this.#policyBlocked = (['camera', 'microphone'] as const).filter((device) => !policyAllows(device));
    this.dataset.state = this.#meeting.store.getState().phase;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#darkQuery?.removeEventListener('change', this.#applyTheme);
    this.removeEventListener('keydown', this.#onKeydown);
    // A move in the DOM (or a framework's mount/unmount/mount in one task) is not a removal.
    this.#teardownScheduled = true;
    queueMicrotask(() => {
      if (!this.#teardownScheduled || this.isConnected) return;
      this.#disposed = true;
      void this.#meeting.dispose();
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (OPTIONS.some((o) => changed.has(propertyOf(o))) || changed.has('strings') || changed.has('notices') || !this.hasUpdated)
      this.#applyConfig();
    const view = this.#view.value;
    if (!view) return;
    this.dataset.state = view.phase;
    if (view.panel) this.dataset.panel = view.panel;
    else delete this.dataset.panel;
    // The chat (with its virtualizer), the participants panel and the settings dialog are chunks of
    // their own, loaded with the panel; their element upgrades (and opens) once the chunk is here.
    if (view.panel === 'chat' && this.#config.chat) void import('../chat/register.js').then(() => this.#focusPanel());
    else if (view.panel === 'participants' && this.#config.participants)
      void import('../participants/participants-element.js').then((m) => {
        addEnglish(m.enPeople);
        m.defineParticipants();
        this.#focusPanel();
      });
    else this.#focusPanel();
    if (view.panel === 'settings')
      void import('../settings/settings-element.js').then((m) => {
        addEnglish(m.enSettings);
        m.defineSettings();
      });
  }

  protected override firstUpdated(): void {
    this.dispatchEvent(new CustomEvent('confab-ready', { detail: { version: VERSION }, bubbles: true, composed: true }));
  }

  protected override updated(): void {
    this.#maybeAutoJoin();
  }

  /**
   * Shortcuts are off unless shortcuts="on", need Ctrl or ⌘, and only act while focus is inside the
   * widget (the listener is on the element), so they never steal the host page's keys.
   */
  #onKeydown = (event: KeyboardEvent) => {
    if (!this.#config.shortcuts || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const local = this.#meeting.snapshot();
    if (local.state !== 'connected') return;
    const key = event.key.toLowerCase();
    if (key === 'd') void this.#meeting.setMicrophone(!local.microphone).catch(() => undefined);
    else if (key === 'e') void this.#meeting.setCamera(!local.camera).catch(() => undefined);
    else return;
    event.preventDefault();
  };

  /** The side panel open now ('chat' or 'participants'), as last seen. */
  #sideOpened: string | null = null;
  /** Focus moves into a side panel when it opens, and back to its button when it closes. */
  #focusPanel() {
    const panel = this.#view.value?.panel;
    const open = panel === 'chat' || panel === 'participants' ? panel : null;
    if (open === this.#sideOpened) return;
    const was = this.#sideOpened;
    this.#sideOpened = open;
    const closedFromInside = was && this.renderRoot.querySelector(`confab-${was}`)?.matches(':focus-within');
    void this.updateComplete.then(() => {
      if (open) this.renderRoot.querySelector<HTMLElement>(`confab-${open}`)?.focus();
      else if (closedFromInside) {
        // Back to the panel's button, or to "More" when that button is in the bar's menu.
        const bar = this.renderRoot.querySelector('confab-control-bar')?.shadowRoot;
        const button = bar?.querySelector<HTMLElement>(`[data-control="${was}"]`);
        (button?.closest('.menu') ? bar?.querySelector<HTMLElement>('[data-control="more"]') : button)?.focus();
      }
    });
  }

  /** theme="auto" follows the system colour scheme, live. */
  #applyTheme = () => {
    const { theme } = this.#config;
    this.dataset.theme = theme === 'auto' ? (this.#darkQuery?.matches ? 'dark' : 'light') : theme;
  };

  /** Options set explicitly by the host, which beat saved preferences. */
  #explicit(): ExplicitChoices {
    const set = (key: 'audio' | 'video' | 'name' | 'backgroundBlur' | 'backgroundImage') =>
      this[key] !== undefined && this[key] !== null && !this.#issues.some((i) => i.option === key);
    return {
      ...(set('backgroundBlur') ? { blur: this.#config.blur } : {}),
      ...(set('backgroundImage') && this.#config.backgroundImage ? { backgroundImage: this.#config.backgroundImage } : {}),
      ...(set('audio') ? { audio: this.#config.audio } : {}),
      ...(set('video') ? { video: this.#config.video } : {}),
      ...(set('name') && this.#config.name ? { name: this.#config.name } : {}),
    };
  }

  /** Skip the pre-join: prejoin="off", or "auto" once preferences were saved. */
  #skipsPrejoin(): boolean {
    const { prejoin } = this.#config;
    return prejoin === 'off' || (prejoin === 'auto' && this.#meeting.preferences.hasSaved());
  }

  /** Joins without the pre-join as soon as the credentials are complete (they may arrive later, e.g. by postMessage). */
  #maybeAutoJoin() {
    if (this.#autoJoined || !this.#skipsPrejoin() || !this.#meeting.canJoin()) return;
    this.#autoJoined = true;
    // A microtask, so that a mount/unmount in the same task (framework StrictMode) never connects.
    queueMicrotask(() => {
      if (this.isConnected && this.#meeting.store.getState().phase === 'prejoin') void this.#meeting.join().catch(() => undefined);
      else this.#autoJoined = false;
    });
  }

  #applyConfig() {
    const raw = this as unknown as Record<string, unknown>;
    const { config, issues } = parseConfig((_name, spec) => {
      const value = raw[propertyOf(spec)];
      if (value === undefined || value === null) return undefined;
      // A JS property may hold any type: primitives are read as text, anything else is invalid.
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : `(${typeof value})`;
    });
    this.#config = config;
    this.#issues = issues;
    // An explicit lang beats a saved preference, which beats the browser's languages.
    const lang = resolveLanguage([config.lang, this.#meeting.preferences.load().lang, ...(globalThis.navigator?.languages ?? [])]);
    this.#t = createTranslator(lang, this.strings ?? {});
    this.#lang = lang;
    // Other languages than English load on first use (a small chunk each); then everything re-renders.
    if (!isLoaded(lang)) {
      void loadLanguage(lang).then((ok) => {
        if (ok && this.#lang === lang) {
          this.#applyConfig();
          this.requestUpdate();
        }
      });
    }
    this.setAttribute('aria-label', this.#t('meeting.label'));
    this.#applyTheme();
    // Only an accent this element set is cleared: the host's own inline --confab-accent is left alone.
    if (config.accent) {
      this.style.setProperty('--confab-accent', config.accent);
      this.#accentSet = true;
    } else if (this.#accentSet) {
      this.style.removeProperty('--confab-accent');
      this.#accentSet = false;
    }
    this.#provider.setValue({ store: this.#meeting.store, actions: this.#meeting, config, t: this.#t, lang } satisfies MeetingContext);
    this.#publishNotices();
  }

  /** Config issues and the embedder's notices go to the store once each; the host events diff reports new ones. */
  #publishNotices() {
    const before = this.#meeting.store.getState().notices;
    const wanted: Notice[] = [
      ...this.#issues.map((issue): Notice => ({
        code: 'invalid-config',
        key: 'error.config',
        params: { ...issue },
        subject: issue.option,
      })),
      ...(Array.isArray(this.notices) ? this.notices : []),
    ];
    const same = (a: Notice, b: Notice) =>
      a.code === b.code && a.key === b.key && a.subject === b.subject && JSON.stringify(a.params) === JSON.stringify(b.params);
    const notices = wanted.map((n) => before.find((b) => same(b, n)) ?? n);
    if (notices.length !== before.length || notices.some((n, i) => n !== before[i])) this.#meeting.store.setState({ notices });
  }

  // --- rendering ---------------------------------------------------------------------------------

  protected override render() {
    const view = this.#view.value;
    if (!view) return nothing;
    const t = this.#t;
    return html`<div class="root" lang=${this.#lang} dir=${directionOf(this.#lang)}>
      ${renderPhase(view, {
        t,
        actions: this.#meeting,
        skipsPrejoin: this.#skipsPrejoin(),
        policyBlocked: this.#policyBlocked,
        standaloneUrl: this.standaloneUrl ?? globalThis.location?.href,
        chat: this.#config.chat,
        participants: this.#config.participants,
      })}
      <div class="toasts" role="status" aria-live="polite">
        ${view.toasts.map((toast) => html`<div class="toast" data-toast=${toast.key}>${t(toast.key, toast.params)}</div>`)}
      </div>
      <div class="sr-only" role="status" aria-live="polite" data-announcer>
        ${this.#announcer.message ? t(this.#announcer.message.key, this.#announcer.message.params) : nothing}
      </div>
      <div class="audio-sink" aria-hidden="true"></div>
    </div>`;
  }
}

// The element's public methods are the command table's entries (contract §4): one source for the
// element, the iframe bridge, the host helper and the docs.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface ConfabMeeting extends MeetingCommands {}
for (const name of COMMAND_NAMES) {
  Object.defineProperty(ConfabMeeting.prototype, name, {
    configurable: true,
    writable: true,
    value(this: ConfabMeeting, ...args: unknown[]) {
      return this[RUN](name, args);
    },
  });
}
