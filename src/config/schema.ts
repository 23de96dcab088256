// One schema drives attribute parsing, JS properties, URL parsing and the option table in embed.md.

export const ON_OFF = ['on', 'off'] as const;
export const PREJOIN_VALUES = ['on', 'off', 'auto'] as const;
export const LAYOUTS = ['auto', 'grid', 'speaker'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;

export type Layout = (typeof LAYOUTS)[number];
export type Theme = (typeof THEMES)[number];
export type PrejoinMode = (typeof PREJOIN_VALUES)[number];

/** Where a URL (iframe query) may set an option. */
export type UrlPolicy = 'yes' | 'no' | 'fragment' | 'allowed-list';

interface Base<K extends string> {
  /** kebab-case: attribute and URL parameter. */
  name: string;
  /** camelCase: MeetingConfig key, and the element's JS property unless `property` says otherwise. */
  key: K;
  /** The element's JS property when `key` would shadow a built-in HTMLElement member. */
  property?: string;
  url: UrlPolicy;
  description: string;
  /** How the default reads in the docs when it is not a literal value. */
  defaultText?: string;
}
export type OptionSpec<K extends string = string> =
  | (Base<K> & { type: 'enum'; values: readonly string[]; default: string })
  | (Base<K> & { type: 'switch'; default: boolean })
  | (Base<K> & { type: 'int'; min: number; max: number; default: number })
  | (Base<K> & {
      type: 'text';
      format: 'ws-url' | 'http-url' | 'jwt' | 'room' | 'name' | 'color' | 'lang' | 'origin';
      default?: undefined;
    });

export const OPTIONS = [
  { name: 'server-url', key: 'serverUrl', type: 'text', format: 'ws-url', url: 'allowed-list', description: 'LiveKit server (`wss://…` or `ws://…`)' },
  { name: 'token', key: 'token', type: 'text', format: 'jwt', url: 'fragment', description: 'LiveKit access token' },
  { name: 'token-endpoint', key: 'tokenEndpoint', type: 'text', format: 'http-url', url: 'no', defaultText: "deployment's `tokenEndpoint` (iframe)", description: 'GET `?room=&name=` → `{serverUrl, token}`' },
  { name: 'room', key: 'room', type: 'text', format: 'room', url: 'yes', description: 'room to join with a token endpoint (1–128 of `A-Z a-z 0-9 _ -`)' },
  { name: 'name', key: 'name', type: 'text', format: 'name', url: 'yes', defaultText: 'asked in the pre-join', description: 'display name' },
  { name: 'audio', key: 'audio', type: 'switch', default: true, url: 'yes', description: 'start with the microphone on' },
  { name: 'video', key: 'video', type: 'switch', default: true, url: 'yes', description: 'start with the camera on' },
  { name: 'prejoin', key: 'prejoin', type: 'enum', values: PREJOIN_VALUES, default: 'on', url: 'yes', description: 'show the pre-join screen (`auto`: skip when saved preferences exist)' },
  // HTMLElement.blur() exists, so the property is `backgroundBlur` (a `blur` property would break focus).
  { name: 'chat', key: 'chat', type: 'switch', default: true, url: 'yes', description: 'chat: the panel, its button and its transport (`off`: nothing on `lk.chat` is sent or read)' },
  { name: 'chat-history', key: 'chatHistory', type: 'switch', default: true, url: 'yes', description: 'a late joiner asks someone already in the room for the last 100 messages, and answers such requests' },
  { name: 'blur', key: 'blur', property: 'backgroundBlur', type: 'switch', default: false, url: 'yes', description: 'background blur at start (applied before the first frame is published; remembered when the user changes it)' },
  { name: 'screenshare', key: 'screenshare', type: 'switch', default: true, url: 'yes', description: 'screen share button shown (also hidden where the permissions policy withholds display-capture or the browser cannot share)' },
  { name: 'participants', key: 'participants', type: 'switch', default: true, url: 'yes', description: 'participant list visible (reserved until the list lands)' },
  { name: 'layout', key: 'layout', type: 'enum', values: LAYOUTS, default: 'auto', url: 'yes', description: 'tile layout: `speaker` puts one tile (a shared screen, else the active speaker) on a stage above a strip; `auto` does so while someone shares a screen' },
  { name: 'max-tiles', key: 'maxTiles', type: 'int', min: 1, max: 49, default: 16, url: 'yes', description: 'tiles shown in the grid' },
  { name: 'shortcuts', key: 'shortcuts', type: 'switch', default: false, url: 'yes', description: 'keyboard shortcuts while focus is in the widget: Ctrl/⌘+D microphone, Ctrl/⌘+E camera' },
  { name: 'theme', key: 'theme', type: 'enum', values: THEMES, default: 'auto', url: 'yes', description: 'colour scheme' },
  { name: 'accent', key: 'accent', type: 'text', format: 'color', url: 'yes', defaultText: 'blue', description: 'accent colour (the element also reads `--confab-accent`)' },
  { name: 'lang', key: 'lang', type: 'text', format: 'lang', url: 'yes', defaultText: 'browser language, then `en`', description: 'UI language' },
  { name: 'assets-base', key: 'assetsBase', type: 'text', format: 'http-url', url: 'no', defaultText: 'beside `confab.js` (`mediapipe/`)', description: 'where the blur WASM and model load from (the build writes them to `dist/mediapipe/`)' },
  { name: 'background-image', key: 'backgroundImage', type: 'text', format: 'http-url', url: 'no', description: 'virtual background image (replaces the background instead of blurring it); only from this origin or `assets-base`; built-in: `backgrounds/{dawn,ocean,forest}.png` beside `confab.js`' },
  { name: 'parent-origin', key: 'parentOrigin', type: 'text', format: 'origin', url: 'yes', description: "iframe only: the only origin allowed to command it and hear its events; must be in the deployment's `allowedParentOrigins`" },
] as const satisfies readonly OptionSpec[];

type Spec = (typeof OPTIONS)[number];
type ValueOf<S> = S extends { type: 'switch' }
  ? boolean
  : S extends { type: 'int' }
    ? number
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string | undefined;

export type MeetingConfig = { [S in Spec as S['key']]: ValueOf<S> };
export type OptionKey = keyof MeetingConfig;
/** The element's JS property for an option. */
export function propertyOf(spec: OptionSpec): string {
  return spec.property ?? spec.key;
}
