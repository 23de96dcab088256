import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { parseConfig, type ConfigIssue } from '../../src/config/parse.js';
import { OPTIONS, propertyOf, type MeetingConfig } from '../../src/config/schema.js';
import { policyAllows } from '../../src/core/device-errors.js';
import { hasCredentials, Meeting, SEED, type ExplicitChoices, type JoinChoices } from '../../src/core/meeting.js';
import type { MeetingSnapshot, MeetingState, Notice } from '../../src/core/types.js';
import { emitFrom, type Emit } from '../../src/events.js';
import { createTranslator, directionOf, resolveLanguage, type Translate } from '../../src/i18n/i18n.js';
import { meetingContext, type MeetingContext } from '../../src/lit/context.js';
import { Announcer } from '../../src/lit/announcer.js';
import { StoreController } from '../../src/lit/store-controller.js';
import { VERSION } from '../../src/version.js';
import { meetingStyles } from './meeting.styles.js';

const properties = {
  ...Object.fromEntries(OPTIONS.map((o) => [propertyOf(o), { attribute: o.name }])),
  notices: { attribute: false },
  strings: { attribute: false },
  standaloneUrl: { attribute: false },
};

type View = Pick<MeetingState, 'phase' | 'audioBlocked' | 'error' | 'leftReason' | 'deviceErrors' | 'toasts'>;
const selectView = (s: MeetingState): View => ({
  phase: s.phase,
  audioBlocked: s.audioBlocked,
  error: s.error,
  leftReason: s.leftReason,
  deviceErrors: s.deviceErrors,
  toasts: s.toasts,
});

/**
 * A complete video meeting on LiveKit.
 *
 * @fires confab-ready - element configured; commands are accepted from now on
 * @fires confab-joined - joined the room
 * @fires confab-left - left the room, with the reason
 * @fires confab-connection-state - connecting, connected, reconnecting, disconnected
 * @fires confab-participant-joined - a participant is in the room
 * @fires confab-participant-left - a participant left
 * @fires confab-active-speakers - who is speaking
 * @fires confab-device-error - a camera or microphone failed, with the reason
 * @fires confab-error - bad config, bad token, server unreachable
 * @csspart control-bar - the control bar
 * @csspart grid - the participant grid
 * @csspart tile - each participant tile
 * @csspart prejoin - the pre-join form
 * @tagname confab-meeting
 */
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
  declare parentOrigin: string | undefined;
  /** Messages from the page that embeds the element (e.g. embed.html's refusals), shown as banners. */
  declare notices: Notice[];
  /** Where "Open in a new tab" leads when the embedding page blocks a device. */
  declare standaloneUrl: string | undefined;
  /** Host overrides of any UI string, by message key (see src/i18n/en.ts), e.g. `{ 'prejoin.join': 'Enter' }`. */
  declare strings: Partial<Record<string, string>>;

  readonly #emit: Emit = emitFrom(this);
  #config: MeetingConfig;
  #issues: ConfigIssue[] = [];
  #reportedIssues = new Set<string>();
  #t: Translate = createTranslator('en');
  readonly #meeting = new Meeting({ emit: this.#emit, config: () => this.#config, t: () => this.#t, explicit: () => this.#explicit() });
  readonly #provider = new ContextProvider(this, { context: meetingContext });
  readonly #view = new StoreController(this, () => this.#meeting.store, selectView);
  readonly #announcer = new Announcer(this, this.#meeting.store);
  readonly #darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  #teardownScheduled = false;
  #autoJoined = false;
  #lang = 'en';
  /** Devices the embedding page's permissions policy withholds (e.g. an iframe without allow="camera"). */
  #policyBlocked: Array<'camera' | 'microphone'> = [];
  #reportedNotices = new Set<Notice>();

  constructor() {
    super();
    this.#config = parseConfig(() => undefined).config;
    this.notices = [];
    this.strings = {};
  }

  // --- public API (contract §4) -------------------------------------------------------------------

  /** Joins the meeting with the configured credentials. */
  join(choices?: JoinChoices): Promise<void> {
    return this.#whenReady().then(() => this.#meeting.join(choices));
  }

  /** Leaves the meeting and stops every local track. */
  leave(): Promise<void> {
    return this.#whenReady().then(() => this.#meeting.leave());
  }

  /** Turns the microphone on or off; rejects anything but a boolean. */
  setMicrophone(on: boolean): Promise<void> {
    return this.#toggle('setMicrophone', on, (value) => this.#meeting.setMicrophone(value));
  }

  /** Turns the camera on or off; rejects anything but a boolean. */
  setCamera(on: boolean): Promise<void> {
    return this.#toggle('setCamera', on, (value) => this.#meeting.setCamera(value));
  }

  /** Starts or stops sharing the screen; rejects anything but a boolean. */
  setScreenShare(on: boolean): Promise<void> {
    return this.#toggle('setScreenShare', on, (value) => this.#meeting.setScreenShare(value));
  }

  /** Methods come from untyped JS (and postMessage): check the argument, then wait until ready. */
  async #toggle(method: string, on: unknown, act: (on: boolean) => Promise<void>): Promise<void> {
    if (typeof on !== 'boolean') throw new TypeError(`${method} expects true or false`);
    await this.#whenReady();
    await act(on);
  }

  /** A plain snapshot of the meeting (contract §4). */
  getState(): Promise<MeetingSnapshot> {
    return this.#whenReady().then(() => this.#meeting.snapshot());
  }

  /**
   * Methods called before the element is configured (before confab-ready: not yet in the page, or
   * in the same task as its creation) wait for it and then run in call order; none is dropped.
   */
  #whenReady(): Promise<void> {
    return this.updateComplete.then(() => undefined);
  }

  /** Seeds the store: stories and component tests render every state with no server. Not public API. */
  [SEED](state: Partial<MeetingState>): void {
    this.#meeting.seed(state);
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
      if (this.#teardownScheduled && !this.isConnected) void this.#meeting.dispose();
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (OPTIONS.some((o) => changed.has(propertyOf(o))) || changed.has('strings') || !this.hasUpdated) this.#applyConfig();
    if (changed.has('notices')) this.#reportNotices();
    const view = this.#view.value;
    if (view) this.dataset.state = view.phase;
  }

  protected override firstUpdated(): void {
    this.#meeting.setAudioSink(this.renderRoot.querySelector<HTMLElement>('.audio-sink'));
    this.#emit('confab-ready', { version: VERSION });
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
    if (key === 'd') void this.#meeting.setMicrophone(!local.microphone);
    else if (key === 'e') void this.#meeting.setCamera(!local.camera);
    else return;
    event.preventDefault();
  };

  /** theme="auto" follows the system colour scheme, live. */
  #applyTheme = () => {
    const { theme } = this.#config;
    this.dataset.theme = theme === 'auto' ? (this.#darkQuery?.matches ? 'dark' : 'light') : theme;
  };

  /** Options set explicitly by the host, which beat saved preferences. */
  #explicit(): ExplicitChoices {
    const set = (key: 'audio' | 'video' | 'name') => this[key] !== undefined && this[key] !== null && !this.#issues.some((i) => i.option === key);
    return {
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
    if (this.#autoJoined || !this.#skipsPrejoin()) return;
    if (!hasCredentials({ ...this.#config, name: this.#meeting.startState().name })) return;
    this.#autoJoined = true;
    // A microtask, so that a mount/unmount in the same task (framework StrictMode) never connects.
    queueMicrotask(() => {
      if (this.isConnected && this.#meeting.store.getState().phase === 'prejoin') void this.#meeting.join();
      else this.#autoJoined = false;
    });
  }

  #reportNotices() {
    for (const notice of this.notices) {
      if (this.#reportedNotices.has(notice)) continue;
      this.#reportedNotices.add(notice);
      this.#emit('confab-error', { code: notice.code, message: this.#t(notice.key, notice.params) });
    }
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
    this.#t = createTranslator(lang, this.strings);
    this.#lang = lang;
    this.setAttribute('aria-label', this.#t('meeting.label'));
    this.#applyTheme();
    if (config.accent && globalThis.CSS?.supports('color', config.accent)) this.style.setProperty('--confab-accent', config.accent);
    this.#provider.setValue({ meeting: this.#meeting, config, t: this.#t } satisfies MeetingContext);
    for (const issue of issues) {
      const key = `${issue.option}=${issue.value}`;
      if (this.#reportedIssues.has(key)) continue;
      this.#reportedIssues.add(key);
      this.#emit('confab-error', { code: 'invalid-config', message: this.#t('error.config', { ...issue }) });
    }
  }

  // --- rendering ---------------------------------------------------------------------------------

  protected override render() {
    const view = this.#view.value;
    if (!view) return nothing;
    return html`<div class="root" lang=${this.#lang} dir=${directionOf(this.#lang)}>
      ${this.#renderPhase(view.phase, view)}
      <div class="toasts" role="status" aria-live="polite">
        ${view.toasts.map((toast) => html`<div class="toast" data-toast=${toast.key}>${this.#t(toast.key, toast.params)}</div>`)}
      </div>
      <div class="sr-only" role="status" aria-live="polite" data-announcer>
        ${this.#announcer.message ? this.#t(this.#announcer.message.key, this.#announcer.message.params) : nothing}
      </div>
      <div class="audio-sink" aria-hidden="true"></div>
    </div>`;
  }

  #renderPhase(phase: MeetingState['phase'], view: View) {
    const t = this.#t;
    switch (phase) {
      case 'prejoin':
        if (this.#skipsPrejoin()) return html`<div class="center" role="status"><div class="spinner" aria-hidden="true"></div></div>`;
        return html`<div class="layout">
          <div class="banners">
            ${this.#renderIssues()}
            ${this.#policyBlocked.map(
              (device) => html`<div class="banner warn" role="alert" data-policy-blocked=${device}>
                <span>${t(`device.${device}.policy-blocked`)}</span>${this.#renderOpenInNewTab()}
              </div>`,
            )}
          </div>
          <confab-prejoin exportparts="prejoin"></confab-prejoin><span></span>
        </div>`;
      case 'connecting':
        return html`<div class="center" role="status">
          <div class="spinner" aria-hidden="true"></div>
          <h2>${t('connecting.title')}</h2>
        </div>`;
      case 'left':
        return html`<div class="center">
          <h2>${t('left.title')}</h2>
          <p role="status">${t(`left.reason.${view.leftReason ?? 'user'}`)}</p>
          <button type="button" class="action" data-control="rejoin" @click=${() => void this.#meeting.join()}>${t('left.rejoin')}</button>
        </div>`;
      case 'error':
        return html`<div class="center">
          <h2>${t('error.title')}</h2>
          <p role="alert">${view.error?.message ?? ''}</p>
          <button type="button" class="action" data-control="retry" @click=${() => void this.#meeting.join()}>${t('error.retry')}</button>
        </div>`;
      case 'connected':
      case 'reconnecting':
        return html`<div class="layout">
          <div class="banners">
            ${this.#renderIssues()}
            ${view.audioBlocked
              ? html`<div class="banner" role="alert">
                  <span>${t('audio.blocked')}</span>
                  <button type="button" class="action" data-control="enable-audio" @click=${() => void this.#meeting.startAudio()}>${t('audio.enable')}</button>
                </div>`
              : nothing}
            ${view.deviceErrors.map(
              (e) => html`<div class="banner warn" role="alert" data-device-error=${e.device} data-reason=${e.reason}>
                <span>${t(`device.${e.device}.${e.reason}`)}</span>
                ${e.reason === 'policy-blocked' ? this.#renderOpenInNewTab() : nothing}
                <button type="button" class="action secondary" @click=${() => this.#meeting.devices.clearError(e.device)}>${t('device.dismiss')}</button>
              </div>`,
            )}
          </div>
          <confab-grid exportparts="grid, tile"></confab-grid>
          <confab-control-bar part="control-bar"></confab-control-bar>
          <confab-settings></confab-settings>
          ${phase === 'reconnecting'
            ? html`<div class="reconnecting" role="status"><div class="spinner" aria-hidden="true"></div>${t('reconnecting.title')}</div>`
            : nothing}
        </div>`;
    }
  }

  /** In a frame whose page withholds a device, the same meeting works in a tab of its own. */
  #renderOpenInNewTab() {
    const url = this.standaloneUrl ?? globalThis.location?.href;
    if (!url || window.top === window) return nothing;
    return html`<button type="button" class="action secondary" data-control="open-in-new-tab" @click=${() => window.open(url, '_blank', 'noopener,noreferrer')}>
      ${this.#t('device.openInNewTab')}
    </button>`;
  }

  #renderIssues() {
    return html`${this.#issues.map(
      (issue) => html`<div class="banner warn" role="alert" data-config-issue=${issue.option}>${this.#t('error.config', { ...issue })}</div>`,
    )}${this.notices.map((n) => html`<div class="banner warn" role="alert" data-notice=${n.key}>${this.#t(n.key, n.params)}</div>`)}`;
  }
}
