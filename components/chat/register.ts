// Loaded with the chat panel (a chunk of its own, with the virtualizer): registers <confab-chat> once.
// The virtualizer registers <lit-virtualizer>, which the chat renders (here, so that the chat's types name no package of it).
import '@lit-labs/virtualizer';
import { enChat } from '../../src/i18n/en-chat.js';
import { addEnglish } from '../../src/i18n/i18n.js';
import { ConfabChat } from './chat.js';

export function defineChat(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('confab-chat')) registry.define('confab-chat', ConfabChat);
}

addEnglish(enChat);
defineChat();
