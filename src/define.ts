// The only module with side effects: registers every Confab element, once.
import { ConfabDeviceSelect } from '../components/device-select/device-select.js';
import { ConfabMeeting } from '../components/meeting/meeting.js';
import { ConfabPrejoin } from '../components/prejoin/prejoin.js';
import type { ConfabChat } from '../components/chat/chat.js';
import type { ConfabControlBar } from '../components/control-bar/control-bar.js';
import type { ConfabParticipants } from '../components/participants/participants.js';
import type { ConfabSettings } from '../components/settings/settings.js';
import type { ConfabGrid } from '../components/grid/grid.js';
import type { ConfabTile } from '../components/tile/tile.js';
import { VERSION } from './version.js';

/** What the pre-join needs; the rest (src/in-call.ts) follows as a chunk of its own. */
const SHELL_ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['confab-meeting', ConfabMeeting],
  ['confab-prejoin', ConfabPrejoin],
  ['confab-device-select', ConfabDeviceSelect],
];

const VERSION_KEY = Symbol.for('confab.version');

/**
 * Registers the elements; a tag already defined (a second copy or version) is skipped, never thrown.
 * The pre-join's elements are defined at once; the promise settles when the in-call ones are too
 * (elements already in the page upgrade then, as custom elements do).
 */
export function define(registry: CustomElementRegistry = customElements): Promise<void> {
  const g = globalThis as typeof globalThis & { [VERSION_KEY]?: string };
  const existing = g[VERSION_KEY];
  if (existing && existing !== VERSION) {
    console.warn(`[confab] version ${VERSION} loaded, but ${existing} is already registered; keeping ${existing}.`);
  }
  const register = (elements: ReadonlyArray<[string, CustomElementConstructor]>) => {
    for (const [tag, ctor] of elements) if (!registry.get(tag)) registry.define(tag, ctor);
  };
  register(SHELL_ELEMENTS);
  g[VERSION_KEY] ??= VERSION;
  return import('./in-call.js').then(({ IN_CALL_ELEMENTS }) => register(IN_CALL_ELEMENTS));
}

if (typeof customElements !== 'undefined') void define();

declare global {
  interface HTMLElementTagNameMap {
    'confab-meeting': ConfabMeeting;
    'confab-grid': ConfabGrid;
    'confab-tile': ConfabTile;
    'confab-control-bar': ConfabControlBar;
    'confab-prejoin': ConfabPrejoin;
    'confab-device-select': ConfabDeviceSelect;
    // Registered with their panels (lazy chunks).
    'confab-chat': ConfabChat;
    'confab-participants': ConfabParticipants;
    'confab-settings': ConfabSettings;
  }
}
