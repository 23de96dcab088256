import { ContextProvider } from '@lit/context';
import { adoptStyles, LitElement, html, nothing, type CSSResult, type PropertyValues } from 'lit';
import { OPTIONS, propertyOf, type OptionKey } from '../../src/config/schema.js';
import { meetingContext, type MeetingContext } from '../../src/controllers/context.js';
import { createLayoutRegistry, layoutContext } from '../../src/controllers/layout-context.js';
import { StoreController } from '../../src/controllers/store-controller.js';
import { COMMAND_NAMES, parseArgs, type MeetingCommands } from '../../src/core/commands.js';
import type { Announcement } from '../../src/core/announce.js';
import { TrackAttachController } from '../../src/controllers/track-attach.js';
import type { TokenProvider } from '../../src/core/credentials.js';
import { policyAllows } from '../../src/core/device-errors.js';
import { feedHostEvents } from '../../src/core/host-events.js';
import { HANDLERS } from '../../src/core/command-handlers.js';
import { Meeting } from '../../src/core/meeting.js';
import { inCall } from '../../src/core/phase.js';
import { quietly } from '../../src/core/report.js';
import type { MeetingState, Notice, Panel } from '../../src/core/types.js';
import { VERSION } from '../../src/version.js';
import { loadCall, loadControls, loadEndings, loadSession } from '../../src/wiring.js';
import { CommandQueue } from './command-queue.js';
import { ConfigController } from './config-controller.js';
import { meetingStyles } from './meeting.styles.js';
import { renderPhase, type CallPhases, type PhaseView } from './phases.js';

/** Key of the element method that seeds its store (stories and component tests; not public API). */
export const SEED = Symbol.for('confab.seed');
/** Key of the element method that runs a livekit-client fault scenario (E2E tests; not public API). */
export const SIMULATE = Symbol.for('confab.simulate');
const RUN = Symbol('confab.run');

/** The element's reactive properties: every option of the schema, by its property name, and the JS-only ones. */
export const PROPERTIES = {
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
  encrypted: s.encryption.on,
  recordingNotice: s.recordingNotice,
  lobby: s.lobby,
  unmuteAsked: s.unmuteAsked,
  host: s.permissions.canModerate,
  preview: s.local.camera === 'live',
  controlsDue: controlsDue(s),
});

/**
 * The control bar loads after what the first frame needs: once a remote frame is on screen, or at
 * once when there is no remote video to wait for (alone, cameras off).
 */
function controlsDue(s: MeetingState): boolean {
  if (!inCall(s.phase)) return false;
  if (s.firstFrameAt !== null) return true;
  for (const [identity, m] of s.media) if (identity !== s.localIdentity && (m.camera || m.screenshare)) return false;
  return true;
}

/** However the first frame goes, the controls come this long after the call connects. */
const CONTROLS_AT_LATEST_MS = 1500;

/** An option's property name: `blur` is `backgroundBlur` (a `blur` property would shadow HTMLElement.blur()). */
type PropertyOf<K extends OptionKey> = K extends 'blur' ? 'backgroundBlur' : K;
/**
 * Each option as a property: a raw value, parsed and validated into MeetingConfig on every change
 * (`lang` is HTMLElement's own property, a string, and read as the option too).
 */
type OptionProperties = { [K in Exclude<OptionKey, 'lang'> as PropertyOf<K>]: string | number | boolean | undefined };

/**
 * A complete video meeting on LiveKit: pre-join, participant grid, chat, screen share, background
 * blur, people and reactions. Configured by its attributes; driven by its methods (each also a
 * postMessage command of the iframe); tells the page what happens through `confab-*` events.
 *
 * @fires confab-ready - element configured; commands are accepted from now on
 * @fires confab-joined - joined the room
 * @fires confab-left - left the room, with the reason
 * @fires confab-connection-state - connecting, waiting, connected, reconnecting, disconnected
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
 * @fires confab-permissions - what the server allows, at join and when it changes
 * @fires confab-lobby - one's own lobby state: waiting, admitted, denied
 * @fires confab-knock - a host's widget: someone knocked at the lobby
 * @fires confab-recording - the room's recording started or stopped
 * @slot - your own layout of the call (`<confab-grid>`, `<confab-control-bar>`, …); default: grid and control bar
 * @csspart control-bar - the control bar
 * @csspart grid - the participant grid
 * @csspart tile - each participant tile
 * @csspart prejoin - the pre-join form
 * @csspart chat - the chat panel
 * @csspart participants - the participants panel
 * @cssprop --confab-accent - buttons, focus rings, links; the `accent` option wins over it (default #1a5fd6 light, #5b9bff dark)
 * @cssprop --confab-bg - the meeting's background (default #f4f5f7 light, #0f1115 dark)
 * @cssprop --confab-surface - panels, menus, the pre-join card (default #ffffff light, #1c1f26 dark)
 * @cssprop --confab-text - text and icons (default #161a22 light, #f1f3f6 dark)
 * @cssprop --confab-radius - corner radius of tiles, panels and buttons (default 12px)
 * @cssprop --confab-font - the font (default the system's UI font)
 * @tagname confab-meeting
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ConfabMeeting extends LitElement {
  static override styles = meetingStyles;
  static override properties = PROPERTIES;

  /** Messages from the page that embeds the element (e.g. embed.html's refusals), shown as banners. @internal */
  declare notices: Notice[];
  /** Where "Open in a new tab" leads when the embedding page blocks a device (embed.html's). @internal */
  declare standaloneUrl: string | undefined;
  /** Host overrides of any UI string, by message key (see src/i18n/en.ts), e.g. `{ 'prejoin.join': 'Enter' }`. */
  declare strings: Partial<Record<string, string>> | null;
  /** Asked for `{ serverUrl, token }` at join and when a token has expired (contract §2); beats the token endpoint. */
  declare tokenProvider: TokenProvider | undefined;

  /** End-to-end encryption's key (e2ee="on"), as setE2EEKey(); write-only: reading gives nothing back. */
  set e2eeKey(key: unknown) {
    // At once, not queued behind `confab-ready`: a join that starts on its own (prejoin="off") needs it.
    try {
      void this.#meeting.encryption.setKey(...parseArgs('setE2EEKey', [key])).catch(quietly('e2eeKey'));
    } catch (error) {
      quietly('e2eeKey')(error);
    }
  }
  get e2eeKey(): undefined {
    return undefined;
  }

  /** The in-call chunk's screens and host events, once here: the session never connects before. */
  #call: CallPhases | null = null;
  readonly #callReady = loadCall().then((call) => {
    this.#feed.use(call.CALL_EVENTS);
    this.#call = call.renderCallPhase;
    // Panels open only in a call: their code comes with it.
    this.#panels = new call.PanelLoader(this, this.#layout);
    // Remote microphones play from here on (nothing plays before a call).
    new call.AudioSinkController(this, this.#meeting.store, this.#meeting.tracks, () =>
      this.renderRoot.querySelector<HTMLElement>('.audio-sink'),
    );
    this.#callStyles = call.callStyles;
    if (this.renderRoot instanceof ShadowRoot) adoptStyles(this.renderRoot, [...meetingStyles, call.callStyles]);
    this.requestUpdate();
  });
  #callStyles: CSSResult | null = null;
  #endings: CallPhases | null = null;
  #endingsReady: Promise<unknown> | null = null;
  #loadEndings(): Promise<unknown> {
    this.#endingsReady ??= loadEndings().then((m) => {
      this.#endings = m.renderEnding;
      this.requestUpdate();
    });
    return this.#endingsReady;
  }
  readonly #meeting: Meeting = new Meeting({
    keyChanged: () => this.requestUpdate(),
    config: () => this.#options.config,
    explicit: () => this.#options.explicit(),
    tokenProvider: () => (typeof this.tokenProvider === 'function' ? this.tokenProvider : undefined),
    loadSession: () => Promise.all([loadSession(), this.#callReady]).then(([factory]) => factory),
    loadErrors: () => this.#loadEndings(),
    loadEndpoint: () => this.#callReady.then(() => loadCall()),
  });
  readonly #options = new ConfigController(this, {
    store: this.#meeting.store,
    preferences: this.#meeting.preferences,
    changed: () => this.#provide(),
  });
  readonly #feed = feedHostEvents(
    this.#meeting.store,
    () => this.#options.t,
    ({ name, detail }) => this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true })),
  );
  readonly #provider = new ContextProvider(this, { context: meetingContext });
  readonly #layout = createLayoutRegistry(this, () => this.#options.direction);
  readonly #view = new StoreController(this, () => this.#meeting.store, selectView);
  /** The live region's voice: what the call's events say (it comes with the controls, src/call-controls.ts). */
  #announcer: { message: Announcement | null } | null = null;
  readonly #commands = new CommandQueue(this, this.#meeting, HANDLERS, () => this.#disposed);
  #panels: { show(panel: Panel | null, enabled: (panel: Panel) => boolean): void } | null = null;
  /** The control bar's chunk, asked for once the call is connected (after what the first frame needs). */
  #controlsAsked = false;
  #controlsTimer: ReturnType<typeof setTimeout> | undefined;
  #teardownScheduled = false;
  #disposed = false;
  #autoJoined = false;
  /** Devices the embedding page's permissions policy withholds (e.g. an iframe without allow="camera"). */
  #policyBlocked: Array<'camera' | 'microphone'> = [];

  constructor() {
    super();
    // A key set before the element was defined sits on the instance, hiding the setter: applied now.
    if (Object.hasOwn(this, 'e2eeKey')) {
      const key: unknown = this.e2eeKey;
      delete (this as { e2eeKey?: unknown }).e2eeKey;
      this.e2eeKey = key;
    }
    this.notices = [];
    this.strings = {};
    new ContextProvider(this, { context: layoutContext, initialValue: this.#layout });
    // The lobby's waiting screen shows one's own camera: the very track the call will publish.
    new TrackAttachController(this, () => {
      const waiting = this.#view.value?.phase === 'waiting' && this.#view.value.preview;
      // Only the waiting screen has this video: no query on the call's every update.
      return {
        actions: this.#meeting.tracks,
        ref: { identity: null, source: 'camera' },
        key: waiting ? 'waiting' : null,
        video: waiting ? this.renderRoot.querySelector('video.self-view') : null,
      };
    });
    // The side sheet covers the grid in a narrow box: the grid asks where, to pause the video it hides.
    this.#layout.provide('sheet', () => {
      const sheet = this.renderRoot.querySelector<HTMLElement>('.side-panel');
      return sheet && getComputedStyle(sheet).position === 'absolute' ? sheet.getBoundingClientRect() : null;
    });
  }

  /** Runs a command (contract §4): arguments checked, then queued until ready, in call order. */
  [RUN](name: (typeof COMMAND_NAMES)[number], args: readonly unknown[]): Promise<unknown> {
    return this.#commands.run(name, args);
  }

  /** Seeds the store: stories and component tests render every state with no server. Not public API. */
  [SEED](state: Partial<MeetingState>): void {
    this.#meeting.seed(state);
  }

  /** Fault injection for the E2E suite. Not public API. */
  [SIMULATE](scenario: string): Promise<void> {
    return this.#meeting.simulate(scenario);
  }

  #provide() {
    const { config, t, lang } = this.#options;
    this.#provider.setValue({ store: this.#meeting.store, actions: this.#meeting.actions, config, t, lang } satisfies MeetingContext);
  }

  /** The call's styles come with the in-call chunk; a root made after it arrived adopts them at once. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (this.#callStyles && root instanceof ShadowRoot) adoptStyles(root, [...meetingStyles, this.#callStyles]);
    return root;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#teardownScheduled = false;
    this.setAttribute('role', 'region');
    this.#policyBlocked = (['camera', 'microphone'] as const).filter((device) => !policyAllows(device));
    this.dataset.state = this.#meeting.store.getState().phase;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM (or a framework's mount/unmount/mount in one task) is not a removal.
    this.#teardownScheduled = true;
    queueMicrotask(() => {
      if (!this.#teardownScheduled || this.isConnected) return;
      this.#disposed = true;
      clearTimeout(this.#controlsTimer);
      void this.#meeting.dispose();
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    const options = OPTIONS.some((o) => changed.has(propertyOf(o)));
    if (options || changed.has('strings') || changed.has('notices') || !this.hasUpdated) this.#options.apply();
    const view = this.#view.value;
    if (!view) return;
    this.dataset.state = view.phase;
    if (inCall(view.phase) && !this.#controlsTimer) this.#controlsTimer = setTimeout(() => this.#loadControls(), CONTROLS_AT_LATEST_MS);
    if (view.controlsDue) this.#loadControls();
    if (view.panel) this.dataset.panel = view.panel;
    else delete this.dataset.panel;
    this.toggleAttribute('data-recording', view.recording && inCall(view.phase));
    this.toggleAttribute('data-encrypted', view.encrypted && inCall(view.phase));
    const { chat, participants } = this.#options.config;
    this.#panels?.show(view.panel, (panel) => (panel === 'chat' ? chat : panel === 'participants' ? participants : true));
  }

  #loadControls() {
    if (!this.#controlsAsked) {
      this.#controlsAsked = true;
      // Shortcuts act on what the control bar shows: their code comes with it.
      const shortcuts = {
        enabled: () => this.#options.config.shortcuts,
        snapshot: () => this.#meeting.snapshot(),
        media: this.#meeting.media,
      };
      void loadControls().then(
        ({ Shortcuts, Announcer }) => {
          new Shortcuts(this, shortcuts);
          this.#announcer = new Announcer(this, this.#feed);
        },
        (error: unknown) => {
          this.#controlsAsked = false;
          this.#meeting.report({
            code: 'feature-unavailable',
            key: 'error.featureUnavailable',
            params: { feature: 'controls' },
            subject: 'controls',
          });
          console.debug('[confab] the control bar did not load:', error);
        },
      );
    }
  }

  protected override firstUpdated(): void {
    this.dispatchEvent(new CustomEvent('confab-ready', { detail: { version: VERSION }, bubbles: true, composed: true }));
  }

  protected override updated(): void {
    this.#maybeAutoJoin();
  }

  /** Skip the pre-join: prejoin="off", or "auto" once preferences were saved. */
  #skipsPrejoin(): boolean {
    const { prejoin } = this.#options.config;
    return prejoin === 'off' || (prejoin === 'auto' && this.#meeting.preferences.hasSaved());
  }

  /** Joins without the pre-join as soon as the credentials are complete (they may arrive later, e.g. by postMessage). */
  #maybeAutoJoin() {
    if (this.#autoJoined || !this.#skipsPrejoin() || !this.#meeting.canJoin()) return;
    this.#autoJoined = true;
    // A microtask, so that a mount/unmount in the same task (framework StrictMode) never connects.
    queueMicrotask(() => {
      if (this.isConnected && this.#meeting.store.getState().phase === 'prejoin')
        void this.#meeting.join().catch((error: unknown) => console.debug('[confab] join (its screen says why):', error));
      else this.#autoJoined = false;
    });
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) return nothing;
    const { t, lang, direction, config } = this.#options;
    if (!this.#endings && (view.phase === 'waiting' || view.phase === 'left' || view.phase === 'error'))
      // A failed load keeps the spinner; the next try asks again.
      void this.#loadEndings().catch(() => (this.#endingsReady = null));
    return html`<div class="root" lang=${lang} dir=${direction}>
      ${renderPhase(view, {
        t,
        actions: this.#meeting.actions,
        skipsPrejoin: this.#skipsPrejoin(),
        awaitingKey: !this.#meeting.encryption.ready(),
        policyBlocked: this.#policyBlocked,
        standaloneUrl: this.standaloneUrl ?? globalThis.location?.href,
        chat: config.chat,
        participants: config.participants,
        call: this.#call,
        endings: this.#endings,
        rerender: () => this.requestUpdate(),
      })}
      <div class="toasts" role="status" aria-live="polite">
        ${view.toasts.map((toast) => html`<div class="toast" data-toast=${toast.key}>${t(toast.key, toast.params)}</div>`)}
      </div>
      <div class="sr-only" role="status" aria-live="polite" data-announcer>
        ${this.#announcer?.message ? t(this.#announcer.message.key, this.#announcer.message.params) : nothing}
      </div>
      <div class="audio-sink" aria-hidden="true"></div>
    </div>`;
  }
}

// The element's public methods are the command table's entries, and its option properties the
// schema's (contract §2, §4): one source for the element, the iframe bridge, the helper and the docs.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ConfabMeeting extends MeetingCommands, OptionProperties {}
for (const name of COMMAND_NAMES) {
  Object.defineProperty(ConfabMeeting.prototype, name, {
    configurable: true,
    writable: true,
    value(this: ConfabMeeting, ...args: unknown[]) {
      return this[RUN](name, args);
    },
  });
}
