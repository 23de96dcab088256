// Loaded with the chat panel (a chunk of its own, with the virtualizer): registers <confab-chat> once.
import { ConfabChat } from './chat.js';

export function defineChat(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('confab-chat')) registry.define('confab-chat', ConfabChat);
}

defineChat();

declare global {
  interface HTMLElementTagNameMap {
    'confab-chat': ConfabChat;
  }
}
