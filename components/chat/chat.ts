import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import { CHAT_MAX_CHARS, chatLength } from '../../src/core/chat-state.js';
import type { ChatMessage, MeetingState } from '../../src/core/types.js';
import { useMeeting } from '../../src/controllers/context.js';
import { closeIcon, sendIcon } from '../shared/call-icons.js';
import { renderRow, type RowContext } from './chat-row.js';
import { chatStyles } from './chat.styles.js';
import { quietly } from '../../src/core/report.js';

const select = (s: MeetingState) => ({
  messages: s.chat.messages,
  history: s.chat.history,
  open: s.panel === 'chat',
  live: s.phase === 'connected' || s.phase === 'reconnecting',
});

/**
 * The chat panel: a windowed list of messages (only the rows in view are in the DOM) and a composer.
 * Enter sends, Shift+Enter is a new line, Enter while an IME composes never sends. Loaded with the
 * panel, not with the element.
 * @csspart chat - the panel (exported by the meeting)
 * @tagname confab-chat
 */
export class ConfabChat extends LitElement {
  static override styles = chatStyles;

  readonly #meeting = useMeeting(this, select, ['chat', 'panels']);
  #draft = '';
  /** The reader is at the end of the list: new messages keep it there. */
  #atBottom = true;
  #newBelow = false;
  #seen = 0;
  /** When the reader last moved the list (wheel, touch, keys, scrollbar): only they leave the end. */
  #byHandAt = -Infinity;
  /** The virtualizer's layout config: a new object only to pin the end before the layout has loaded. */
  #layout: { pin?: { index: number; block: 'end' } } = {};
  #byHand = { handleEvent: () => void (this.#byHandAt = performance.now()), passive: true };
  #time: { lang: string; format: Intl.DateTimeFormat } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeydown);
  }

  /** Focus goes to the composer, where a keyboard user wants to be. */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#meeting.context.value?.actions.panels.closePanel();
  };

  get #list(): LitVirtualizer | null {
    return this.renderRoot.querySelector('lit-virtualizer');
  }

  #onScroll = () => {
    const el = this.#list;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (!atBottom && this.#atBottom && performance.now() - this.#byHandAt > 1000) {
      // The list moved under the reader (rows measured, sizes settled), not by their hand: stay at the end.
      void this.#toEnd();
      return;
    }
    if (atBottom === this.#atBottom) return;
    this.#atBottom = atBottom;
    if (atBottom) this.#newBelow = false;
    this.requestUpdate();
  };

  /**
   * Keeps the newest message in view. The virtualizer pins an item itself (and lets go when the reader
   * scrolls); until its layout has loaded (a lazy chunk), the pin goes in the layout's config instead.
   */
  async #toEnd(): Promise<void> {
    const el = this.#list;
    const n = this.#meeting.slice.value?.messages.length ?? 0;
    if (!el || !n || !this.#atBottom) return;
    await el.updateComplete;
    try {
      const newest = el.element(n - 1);
      if (newest) return newest.scrollIntoView({ block: 'end' });
    } catch {
      // The layout has not loaded yet.
    }
    this.#layout = { pin: { index: n - 1, block: 'end' } };
    this.requestUpdate();
    // Once the layout has run with it, the pin leaves the config: the virtualizer re-applies its
    // config on every render, and a stale pin would pull a reader who scrolled up back down.
    await this.updateComplete;
    // Only a wait before unpinning: a layout that failed has nothing to wait for.
    await Promise.race([el.layoutComplete?.catch(quietly('chat layout')), new Promise((r) => setTimeout(r, 5000))]);
    this.#layout = {};
    this.requestUpdate();
  }

  #jump = () => {
    this.#atBottom = true;
    this.#newBelow = false;
    void this.#toEnd();
    this.requestUpdate();
  };

  protected override willUpdate(): void {
    const view = this.#meeting.slice.value;
    if (!view) return;
    const count = view.messages.length;
    if (count > this.#seen) {
      const own = view.messages[count - 1]?.local ?? false;
      if (own) this.#atBottom = true;
      else if (!this.#atBottom && this.#seen > 0) this.#newBelow = true;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const count = this.#meeting.slice.value?.messages.length ?? 0;
    if (count !== this.#seen) {
      this.#seen = count;
      if (this.#atBottom) void this.#toEnd();
    }
  }

  #onInput = (event: Event) => {
    this.#draft = (event.target as HTMLTextAreaElement).value;
    this.requestUpdate();
  };

  #onComposerKeydown = (event: KeyboardEvent) => {
    // keyCode 229: the key went to an IME (Safari reports isComposing false on the final Enter).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.#send();
  };

  #onSubmit = (event: Event) => {
    event.preventDefault();
    this.#send();
  };

  #send() {
    const text = this.#draft;
    const actions = this.#meeting.context.value?.actions;
    if (!actions || !text.trim() || chatLength(text) > CHAT_MAX_CHARS) return;
    this.#draft = '';
    const area = this.renderRoot.querySelector('textarea');
    if (area) area.value = '';
    this.#atBottom = true;
    this.requestUpdate();
    // A failure shows on the row itself (failed, with Retry).
    void actions.chat.sendChatMessage(text).catch(quietly('chat send'));
  }

  #format(lang: string): Intl.DateTimeFormat {
    if (this.#time?.lang !== lang) this.#time = { lang, format: new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }) };
    return this.#time.format;
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const view = this.#meeting.slice.value;
    if (!ctx || !view) return nothing;
    const { t, actions } = ctx;
    const rowCtx: RowContext = {
      t,
      time: this.#format(ctx.lang),
      retry: (id) => void actions.chat.retryChatMessage(id).catch(quietly('chat retry')), // the row shows failed again
    };
    const { messages } = view;
    const length = chatLength(this.#draft);
    const tooLong = length > CHAT_MAX_CHARS;
    return html`<header>
        <h2 id="chat-title">${t('chat.title')}</h2>
        <button
          type="button"
          class="icon"
          data-control="close-chat"
          aria-label=${t('chat.close')}
          title=${t('chat.close')}
          @click=${() => actions.panels.closePanel()}
        >
          ${closeIcon}
        </button>
      </header>
      ${view.history === 'loading' ? html`<p class="notice" role="status" data-history="loading">${t('chat.historyLoading')}</p>` : nothing}
      ${view.history === 'unavailable' ? html`<p class="notice" data-history="unavailable">${t('chat.historyUnavailable')}</p>` : nothing}
      <div class="log">
        ${
          messages.length
            ? html`<lit-virtualizer
                scroller
                role="log"
                aria-labelledby="chat-title"
                tabindex="0"
                .items=${messages}
                .layout=${this.#layout}
                .keyFunction=${(m: ChatMessage) => `${m.identity}\u0000${m.id}`}
                .renderItem=${(m: ChatMessage, i: number) => renderRow(m, messages[i - 1], rowCtx)}
                @scroll=${this.#onScroll}
                @wheel=${this.#byHand}
                @touchmove=${this.#byHand}
                @pointerdown=${this.#byHand}
                @keydown=${this.#byHand}
              ></lit-virtualizer>`
            : html`<p class="empty">${t('chat.empty')}</p>`
        }
        ${this.#newBelow ? html`<button type="button" class="jump" data-control="new-messages" @click=${this.#jump}>${t('chat.newMessages')}</button>` : nothing}
      </div>
      <form @submit=${this.#onSubmit}>
        <textarea
          rows="1"
          aria-label=${t('chat.input')}
          placeholder=${t('chat.input')}
          aria-invalid=${String(tooLong)}
          aria-describedby=${tooLong ? 'too-long' : nothing}
          .value=${this.#draft}
          @input=${this.#onInput}
          @keydown=${this.#onComposerKeydown}
        ></textarea>
        <button
          type="submit"
          class="icon send"
          data-control="send"
          aria-label=${t('chat.send')}
          title=${t('chat.send')}
          aria-disabled=${String(tooLong || !view.live)}
        >
          ${sendIcon}
        </button>
      </form>
      ${tooLong ? html`<p id="too-long" class="error" role="alert" data-error="message-too-long">${t('chat.tooLong', { count: length, max: CHAT_MAX_CHARS })}</p>` : nothing}`;
  }
}
