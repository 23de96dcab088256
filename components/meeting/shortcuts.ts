// Keyboard shortcuts: off unless shortcuts="on", need Ctrl or ⌘, and only act while focus is inside
// the widget (the listener is on the element), so they never steal the host page's keys.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaActions } from '../../src/core/actions.js';
import type { MeetingSnapshot } from '../../src/core/types.js';

export class Shortcuts implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: { enabled: () => boolean; snapshot: () => MeetingSnapshot; media: MediaActions },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.#onKeydown);
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (!this.deps.enabled() || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const local = this.deps.snapshot();
    if (local.state !== 'connected') return;
    const key = event.key.toLowerCase();
    const quietly = (work: Promise<void>) => void work.catch((e: unknown) => console.debug('[confab] shortcut:', e));
    if (key === 'd') quietly(this.deps.media.setMicrophone(!local.microphone));
    else if (key === 'e') quietly(this.deps.media.setCamera(!local.camera));
    else return;
    event.preventDefault();
  };
}
