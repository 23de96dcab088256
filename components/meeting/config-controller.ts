// The element's options, language and theme: raw property values parsed into one MeetingConfig on
// every change, the language resolved and loaded, the theme and accent applied, config problems
// published as notices (each reported once in confab-error by the store diff).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseConfig, type ConfigIssue } from '../../src/config/parse.js';
import { OPTIONS, propertyOf, type MeetingConfig } from '../../src/config/schema.js';
import type { ExplicitChoices, PreferenceStore } from '../../src/core/preferences.js';
import type { MeetingStore } from '../../src/core/store.js';
import type { Notice } from '../../src/core/types.js';
import { createTranslator, directionOf, isLoaded, loadLanguage, resolveLanguage, type Translate } from '../../src/i18n/i18n.js';

/** What the controller reads from its element. */
export interface ConfigHost extends ReactiveControllerHost, HTMLElement {
  notices: Notice[];
  strings: Partial<Record<string, string>> | null;
}

/** The options a host can set explicitly, which beat saved preferences. */
type Explicit = 'audio' | 'video' | 'name' | 'blur' | 'background-image';

export class ConfigController implements ReactiveController {
  config: MeetingConfig = parseConfig(() => undefined).config;
  t: Translate = createTranslator('en');
  lang = 'en';
  #issues: ConfigIssue[] = [];
  #accentSet = false;
  readonly #dark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');

  constructor(
    private readonly host: ConfigHost,
    private readonly deps: { store: MeetingStore; preferences: PreferenceStore; changed: () => void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#dark?.addEventListener('change', this.#applyTheme);
  }

  hostDisconnected(): void {
    this.#dark?.removeEventListener('change', this.#applyTheme);
  }

  get direction(): 'ltr' | 'rtl' {
    return directionOf(this.lang);
  }

  /** Parses the options again (an option, `strings` or `notices` changed). */
  apply(): void {
    const raw = this.host as unknown as Record<string, unknown>;
    const { config, issues } = parseConfig((_name, spec) => {
      const value = raw[propertyOf(spec)];
      if (value === undefined || value === null) return undefined;
      // A JS property may hold any type: primitives are read as text, anything else is invalid.
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : `(${typeof value})`;
    });
    this.config = config;
    this.#issues = issues;
    // An explicit lang beats a saved preference, which beats the browser's languages.
    const lang = resolveLanguage([config.lang, this.deps.preferences.load().lang, ...(globalThis.navigator?.languages ?? [])]);
    this.t = createTranslator(lang, this.host.strings ?? {});
    this.lang = lang;
    // Other languages than English load on first use (a small chunk each); then everything re-renders.
    if (!isLoaded(lang))
      void loadLanguage(lang).then((ok) => {
        if (ok && this.lang === lang) {
          this.apply();
          this.host.requestUpdate();
        }
      });
    this.host.setAttribute('aria-label', this.t('meeting.label'));
    this.#applyTheme();
    this.#applyAccent(config.accent);
    this.#publishNotices();
    this.deps.changed();
  }

  /**
   * Options set explicitly by the host, which beat saved preferences. An invalid value counts as
   * absent (the saved choice, then the default, apply), for every option.
   */
  explicit(): ExplicitChoices {
    const raw = this.host as unknown as Record<string, unknown>;
    const set = (name: Explicit) => {
      const spec = OPTIONS.find((o) => o.name === name);
      const value = spec ? raw[propertyOf(spec)] : undefined;
      return value !== undefined && value !== null && !this.#issues.some((i) => i.option === name);
    };
    const c = this.config;
    return {
      ...(set('blur') ? { blur: c.blur } : {}),
      ...(set('background-image') && c.backgroundImage ? { backgroundImage: c.backgroundImage } : {}),
      ...(set('audio') ? { audio: c.audio } : {}),
      ...(set('video') ? { video: c.video } : {}),
      ...(set('name') && c.name ? { name: c.name } : {}),
    };
  }

  /** theme="auto" follows the system colour scheme, live. */
  readonly #applyTheme = () => {
    const { theme } = this.config;
    this.host.dataset.theme = theme === 'auto' ? (this.#dark?.matches ? 'dark' : 'light') : theme;
  };

  /** Only an accent this element set is cleared: the host's own inline --confab-accent is left alone. */
  #applyAccent(accent: string | undefined) {
    if (accent) {
      this.host.style.setProperty('--confab-accent', accent);
      this.#accentSet = true;
    } else if (this.#accentSet) {
      this.host.style.removeProperty('--confab-accent');
      this.#accentSet = false;
    }
  }

  /** Config issues and the embedder's notices go to the store once each; the host events diff reports new ones. */
  #publishNotices() {
    const { store } = this.deps;
    const before = store.getState().notices;
    const wanted: Notice[] = [
      ...this.#issues.map((issue): Notice => ({
        code: 'invalid-config',
        key: 'error.config',
        params: { ...issue },
        subject: issue.option,
      })),
      ...(Array.isArray(this.host.notices) ? this.host.notices : []),
      // Notices from inside the meeting (a part that could not load) stay until the page reloads.
      ...before.filter((n) => n.code === 'feature-unavailable'),
    ];
    const same = (a: Notice, b: Notice) =>
      a.code === b.code && a.key === b.key && a.subject === b.subject && JSON.stringify(a.params) === JSON.stringify(b.params);
    const notices = wanted.map((n) => before.find((b) => same(b, n)) ?? n);
    if (notices.length !== before.length || notices.some((n, i) => n !== before[i])) store.setState({ notices });
  }
}
