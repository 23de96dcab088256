import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoreApi } from 'zustand/vanilla';
import { shallow } from 'zustand/vanilla/shallow';

/**
 * Reads a slice of a zustand store and re-renders the host when it changes (shallow-equal).
 * The store comes from a getter because it arrives through context.
 */
export class StoreController<S, T> implements ReactiveController {
  value: T | undefined;
  #store: StoreApi<S> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;
  readonly #host: ReactiveControllerHost;
  readonly #getStore: () => StoreApi<S> | undefined;
  readonly #selector: (state: S) => T;
  readonly #equals: (a: T, b: T) => boolean;

  constructor(
    host: ReactiveControllerHost,
    getStore: () => StoreApi<S> | undefined,
    selector: (state: S) => T,
    equals: (a: T, b: T) => boolean = shallow,
  ) {
    this.#host = host;
    this.#getStore = getStore;
    this.#selector = selector;
    this.#equals = equals;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#bind();
  }

  hostUpdate(): void {
    // A host may still update after it left the page (a promise it awaited settles): subscribing
    // then would keep it, and everything it holds, alive for the rest of the call.
    if (this.#connected && this.#getStore() !== this.#store) this.#bind();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  /** Re-reads the slice now, e.g. after a property the selector uses has changed. */
  refresh(): void {
    if (this.#store) this.value = this.#selector(this.#store.getState());
  }

  #bind() {
    this.#unsubscribe?.();
    this.#store = this.#getStore();
    if (!this.#store) {
      this.#unsubscribe = undefined;
      return;
    }
    this.value = this.#selector(this.#store.getState());
    this.#unsubscribe = this.#store.subscribe((state) => {
      const next = this.#selector(state);
      if (this.value === undefined || !this.#equals(this.value, next)) {
        this.value = next;
        this.#host.requestUpdate();
      }
    });
  }
}
