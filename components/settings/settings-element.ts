// Loaded when the settings dialog first opens (a chunk of its own, with the background picker). The
// meeting adds its English to the catalogue, then registers <confab-settings> (so the first render
// already has its words).
import { ConfabSettings } from './settings.js';

export { enSettings } from '../../src/i18n/en-settings.js';

export function defineSettings(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('confab-settings')) registry.define('confab-settings', ConfabSettings);
}
