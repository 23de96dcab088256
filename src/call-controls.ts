// The control bar, a chunk of its own: loaded once a call is connected (the first remote frame needs
// only the grid and tiles; src/in-call.ts). The element asks for it; define() leaves it to the element.
import { ConfabControlBar } from '../components/control-bar/control-bar.js';
import { enControls } from './i18n/en-controls.js';
import { addEnglish } from './i18n/i18n.js';
export { Shortcuts } from '../components/meeting/shortcuts.js';
// What a screen reader hears of the call (joins, leaves, one's own mute) comes with its controls.
export { Announcer } from './controllers/announcer.js';

addEnglish(enControls);

export function defineControls(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('confab-control-bar')) registry.define('confab-control-bar', ConfabControlBar);
}
