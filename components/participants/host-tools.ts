// A host's tools in the People panel: the actions on someone (each a real button; removal asks once
// more) and the lobby's queue. Plain render functions; the panel owns their state.
import { html, nothing } from 'lit';
import type { ModerationActions } from '../../src/core/actions.js';
import { initials, isolate } from '../../src/core/text.js';
import type { MeetingState, ParticipantView } from '../../src/core/types.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { moreIcon } from '../shared/call-icons.js';

/** Whose actions are open, and whose removal waits for its confirmation. */
export interface HostMenu {
  open: string | null;
  confirming: string | null;
}

/** What the tools need from the panel: its menu state, a runner that shows failures, a re-render. */
export interface HostTools {
  readonly menu: HostMenu;
  act(work: Promise<void>): void;
  changed(): void;
}

const button = (action: string, label: string, run: () => void, options: { cls?: string; name?: string } = {}) =>
  html`<button type="button" class=${options.cls ?? nothing} data-action=${action} aria-label=${options.name ?? nothing} @click=${run}>
    ${label}
  </button>`;

/** The "more" button on someone's row and, when open, their actions. */
export function hostActions(p: ParticipantView, t: Translate, moderation: ModerationActions, tools: HostTools) {
  if (p.local) return nothing;
  const name = isolate(p.name);
  const { menu } = tools;
  const open = menu.open === p.identity;
  const toggle = () => {
    menu.open = open ? null : p.identity;
    menu.confirming = null;
    tools.changed();
  };
  const act = (work: () => Promise<void>) => () => tools.act(work());
  const items = () => [
    p.microphone
      ? button(
          'mute',
          t('moderation.mute'),
          act(() => moderation.muteParticipant(p.identity, 'microphone')),
        )
      : button(
          'ask-unmute',
          t('moderation.askUnmute'),
          act(() => moderation.askToUnmute(p.identity, 'microphone')),
        ),
    p.camera
      ? button(
          'mute-camera',
          t('moderation.muteCamera'),
          act(() => moderation.muteParticipant(p.identity, 'camera')),
        )
      : nothing,
    p.handRaisedAt
      ? button(
          'lower-hand',
          t('moderation.lowerHand'),
          act(() => moderation.lowerHand(p.identity)),
        )
      : nothing,
    menu.confirming === p.identity
      ? button(
          'confirm-remove',
          t('moderation.confirmRemove', { name }),
          act(() => moderation.removeParticipant(p.identity)),
          {
            cls: 'danger',
          },
        )
      : button(
          'remove',
          t('moderation.remove'),
          () => {
            menu.confirming = p.identity;
            tools.changed();
          },
          { cls: 'danger' },
        ),
  ];
  return html`<button
      type="button"
      class="more"
      data-moderate=${p.identity}
      aria-expanded=${String(open)}
      aria-label=${t('moderation.actionsFor', { name })}
      title=${t('moderation.actionsFor', { name })}
      @click=${toggle}
    >
      ${moreIcon}
    </button>
    ${open ? html`<div class="host-actions" role="group" aria-label=${t('moderation.actionsFor', { name })}>${items()}</div>` : nothing}`;
}

/** Who waits in the lobby, first come first, with Admit and Deny each and Admit all. */
export function lobbySection(waiting: MeetingState['lobby']['waiting'], t: Translate, moderation: ModerationActions, tools: HostTools) {
  if (!waiting.length) return nothing;
  return html`<section class="lobby" aria-labelledby="lobby-title" data-lobby-list>
    <header>
      <h3 id="lobby-title">${t('moderation.waiting', { count: waiting.length })}</h3>
      <button type="button" class="text" data-control="admit-all" @click=${() => tools.act(moderation.admitAll())}>
        ${t('moderation.admitAll')}
      </button>
    </header>
    <ul aria-labelledby="lobby-title">
      ${waiting.map((k) => {
        const name = isolate(k.name);
        return html`<li data-knocker=${k.identity}>
          <span class="avatar" aria-hidden="true">${initials(k.name)}</span>
          <span class="name">${name}</span>
          ${button('admit', t('moderation.admit'), () => tools.act(moderation.admit(k.identity)), {
            cls: 'text',
            name: t('moderation.admitName', { name }),
          })}
          ${button('deny', t('moderation.deny'), () => tools.act(moderation.deny(k.identity)), {
            cls: 'text',
            name: t('moderation.denyName', { name }),
          })}
        </li>`;
      })}
    </ul>
  </section>`;
}
