// One schema drives attribute parsing, JS properties, URL parsing and the option table in embed.md
// (whose words live in docs.ts, out of the shipped bundle).

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
  { name: 'server-url', key: 'serverUrl', type: 'text', format: 'ws-url', url: 'allowed-list' },
  { name: 'token', key: 'token', type: 'text', format: 'jwt', url: 'fragment' },
  { name: 'token-endpoint', key: 'tokenEndpoint', type: 'text', format: 'http-url', url: 'no' },
  { name: 'invite', key: 'invite', type: 'text', format: 'jwt', url: 'fragment' },
  { name: 'room', key: 'room', type: 'text', format: 'room', url: 'yes' },
  { name: 'name', key: 'name', type: 'text', format: 'name', url: 'yes' },
  { name: 'audio', key: 'audio', type: 'switch', default: true, url: 'yes' },
  { name: 'video', key: 'video', type: 'switch', default: true, url: 'yes' },
  { name: 'prejoin', key: 'prejoin', type: 'enum', values: PREJOIN_VALUES, default: 'on', url: 'yes' },
  // HTMLElement.blur() exists, so the property is `backgroundBlur` (a `blur` property would break focus).
  { name: 'chat', key: 'chat', type: 'switch', default: true, url: 'yes' },
  { name: 'chat-history', key: 'chatHistory', type: 'switch', default: true, url: 'yes' },
  { name: 'blur', key: 'blur', property: 'backgroundBlur', type: 'switch', default: false, url: 'yes' },
  { name: 'screenshare', key: 'screenshare', type: 'switch', default: true, url: 'yes' },
  { name: 'reactions', key: 'reactions', type: 'switch', default: true, url: 'yes' },
  { name: 'participants', key: 'participants', type: 'switch', default: true, url: 'yes' },
  { name: 'layout', key: 'layout', type: 'enum', values: LAYOUTS, default: 'auto', url: 'yes' },
  { name: 'max-tiles', key: 'maxTiles', type: 'int', min: 1, max: 49, default: 16, url: 'yes' },
  { name: 'shortcuts', key: 'shortcuts', type: 'switch', default: false, url: 'yes' },
  { name: 'theme', key: 'theme', type: 'enum', values: THEMES, default: 'auto', url: 'yes' },
  { name: 'accent', key: 'accent', type: 'text', format: 'color', url: 'yes' },
  { name: 'lang', key: 'lang', type: 'text', format: 'lang', url: 'yes' },
  { name: 'assets-base', key: 'assetsBase', type: 'text', format: 'http-url', url: 'no' },
  { name: 'background-image', key: 'backgroundImage', type: 'text', format: 'http-url', url: 'no' },
  { name: 'e2ee', key: 'e2ee', type: 'switch', default: false, url: 'yes' },
  { name: 'parent-origin', key: 'parentOrigin', type: 'text', format: 'origin', url: 'yes' },
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
export type OptionName = Spec['name'];
/** The element's JS property for an option. */
export function propertyOf(spec: OptionSpec): string {
  return spec.property ?? spec.key;
}
