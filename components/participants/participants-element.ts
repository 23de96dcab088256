// Loaded when the participants panel first opens (a chunk of its own). The meeting adds its English
// to the catalogue, then registers <confab-participants> (so the first render already has its words).
import { ConfabParticipants } from './participants.js';

export { enPeople } from '../../src/i18n/en-people.js';

export function defineParticipants(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('confab-participants')) registry.define('confab-participants', ConfabParticipants);
}
