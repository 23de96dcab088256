// One chat row: text bindings only (no unsafeHTML), links only for http(s), the sender line isolated.
import { html, nothing } from 'lit';
import { linkify, startsGroup } from '../../src/core/chat.js';
import { isolate } from '../../src/core/text.js';
import type { ChatMessage } from '../../src/core/types.js';
import type { Translate } from '../../src/i18n/i18n.js';

export interface RowContext {
  t: Translate;
  time: Intl.DateTimeFormat;
  retry(id: string): void;
}

function body(m: ChatMessage, t: Translate) {
  if (m.deleted) return html`<em>${t('chat.deleted')}</em>`;
  return linkify(m.text).map((s) => (s.href ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>` : s.text));
}

export function renderRow(m: ChatMessage, previous: ChatMessage | undefined, ctx: RowContext) {
  const { t } = ctx;
  const head = startsGroup(m, previous);
  const who = m.local ? t('chat.you', { name: isolate(m.name) }) : isolate(m.name);
  // A stored time that is not a real date (anyone's input, once) renders without one, never throws.
  const when = new Date(m.timestamp);
  const valid = Number.isFinite(when.getTime());
  return html`<div
    class="msg ${head ? 'head' : ''}"
    data-message-id=${m.id}
    data-identity=${m.identity}
    data-status=${m.status}
    ?data-local=${m.local}
    ?data-earlier=${m.earlier}
    data-relayed-by=${m.relayedBy ?? nothing}
  >
    ${m.earlier && !previous?.earlier ? html`<div class="divider" role="separator">${t('chat.earlier')}</div>` : nothing}
    ${
      head
        ? html`<div class="sender">
            <span class="name">${who}</span>${valid ? html`<time datetime=${when.toISOString()}>${ctx.time.format(when)}</time>` : nothing}
          </div>`
        : html`<span class="sr-only">${who}</span>`
    }
    ${m.relayedBy ? html`<p class="relayed">${t('chat.relayed', { name: isolate(m.relayedByName ?? m.relayedBy) })}</p>` : nothing}
    <p class="body" dir="auto">${body(m, t)}${m.edited ? html` <span class="edited">${t('chat.edited')}</span>` : nothing}</p>
    ${m.status === 'sending' ? html`<span class="status" role="status">${t('chat.sending')}</span>` : nothing}
    ${
      m.status === 'failed'
        ? html`<span class="status failed">${t('chat.failed')}</span
            ><button type="button" class="retry" data-control="retry-message" @click=${() => ctx.retry(m.id)}>${t('chat.retry')}</button>`
        : nothing
    }
  </div>`;
}
