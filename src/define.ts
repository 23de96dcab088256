// The only module with side effects: registers every Confab element, once.
import { ConfabControlBar, ConfabDeviceSelect, ConfabGrid, ConfabMeeting, ConfabPrejoin, ConfabSettings, ConfabTile, VERSION } from './index.js';

const ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['confab-meeting', ConfabMeeting],
  ['confab-grid', ConfabGrid],
  ['confab-tile', ConfabTile],
  ['confab-control-bar', ConfabControlBar],
  ['confab-prejoin', ConfabPrejoin],
  ['confab-device-select', ConfabDeviceSelect],
  ['confab-settings', ConfabSettings],
];

const VERSION_KEY = Symbol.for('confab.version');

/** Registers the elements; a tag already defined (a second copy or version) is skipped, never thrown. */
export function define(registry: CustomElementRegistry = customElements): void {
  const g = globalThis as typeof globalThis & { [VERSION_KEY]?: string };
  const existing = g[VERSION_KEY];
  if (existing && existing !== VERSION) {
    console.warn(`[confab] version ${VERSION} loaded, but ${existing} is already registered; keeping ${existing}.`);
  }
  for (const [tag, ctor] of ELEMENTS) {
    if (!registry.get(tag)) registry.define(tag, ctor);
  }
  g[VERSION_KEY] ??= VERSION;
}

if (typeof customElements !== 'undefined') define();

declare global {
  interface HTMLElementTagNameMap {
    'confab-meeting': ConfabMeeting;
    'confab-grid': ConfabGrid;
    'confab-tile': ConfabTile;
    'confab-control-bar': ConfabControlBar;
    'confab-prejoin': ConfabPrejoin;
    'confab-device-select': ConfabDeviceSelect;
    'confab-settings': ConfabSettings;
  }
}
