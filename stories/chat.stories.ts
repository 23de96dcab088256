import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { emptyChat } from '../src/core/chat-state.js';
import type { ChatMessage, ChatView, MeetingState } from '../src/core/types.js';
import { connected, meeting, participants } from './fixtures.js';

/**
 * The chat panel in every state, from a seeded store (no server). Rows carry data-message-id,
 * data-identity, data-status and data-local, as the contract says.
 */
const meta: Meta = { title: 'Chat' };
export default meta;
type Story = StoryObj;

const T0 = Date.UTC(2026, 10, 24, 9, 30);
let n = 0;
const m = (identity: string, name: string, text: string, minutes: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${++n}`,
  identity,
  name,
  text,
  timestamp: T0 + minutes * 60_000,
  local: identity === 'p0',
  status: 'sent',
  seq: n,
  ...over,
});

function withChat(messages: ChatMessage[], chat: Partial<ChatView> = {}, extra: Partial<MeetingState> = {}, count = 3) {
  const seq = messages.reduce((max, x) => Math.max(max, x.seq), 0);
  return connected(participants(count), {
    panel: 'chat',
    chat: { ...emptyChat(), room: 'story', messages, seq, readSeq: seq, history: 'loaded', ...chat },
    ...extra,
  });
}

const grouped = () => [
  m('p1', 'Grace Hopper', 'Morning! Agenda is in the doc.', 0),
  m('p1', 'Grace Hopper', 'First item: the release.', 1),
  m('p0', 'Ada Lovelace', 'On it — I will share my screen in a minute.', 2),
  m('p2', 'Alan Turing', 'Sounds good', 3),
  m('p2', 'Alan Turing', 'Can someone post the link?', 3),
];

export const Empty: Story = { render: () => meeting(withChat([], { history: 'none' })) };
export const Grouped: Story = { render: () => meeting(withChat(grouped())) };
export const LongWordsAndLinks: Story = {
  render: () =>
    meeting(
      withChat([
        m('p1', 'Grace Hopper', `https://example.com/${'very-long-path-segment/'.repeat(12)}?q=1`, 0),
        m('p2', 'Alan Turing', 'x'.repeat(300), 1),
        m('p1', 'Grace Hopper', 'javascript:alert(1) and <img src=x onerror=alert(1)> stay text', 2),
      ]),
    ),
};
export const RightToLeft: Story = {
  render: () =>
    meeting(
      withChat([
        m('p1', 'محمد', 'مرحبا بالجميع! الرابط: https://example.com', 0),
        m('p0', 'سارة', 'شكرا', 1),
        m('p1', 'محمد', '\u202Eevil', 2),
      ]),
      { lang: 'ar', name: 'سارة' },
    ),
};
export const FailedAndSending: Story = {
  render: () =>
    meeting(
      withChat([
        ...grouped(),
        m('p0', 'Ada Lovelace', 'This one did not go out', 4, { status: 'failed' }),
        m('p0', 'Ada Lovelace', 'Waiting for the connection', 5, { status: 'sending' }),
      ]),
    ),
};
export const EarlierMessages: Story = {
  render: () => meeting(withChat([...grouped().map((g) => ({ ...g, earlier: true })), m('p1', 'Grace Hopper', 'Welcome!', 10)])),
};
export const HistoryUnavailable: Story = {
  render: () => meeting(withChat([m('p1', 'Grace Hopper', 'Hello', 0)], { history: 'unavailable' })),
};
export const HistoryLoading: Story = { render: () => meeting(withChat([], { history: 'loading' })) };
export const UnreadBadge: Story = {
  render: () => {
    const g = grouped();
    return meeting(withChat(g, { readSeq: g[1]?.seq ?? 0 }, { panel: null }));
  },
};
export const NarrowSheet: Story = {
  render: () => html`<div style="inline-size: 380px">${meeting(withChat(grouped()))}</div>`,
};
export const TenThousand: Story = {
  render: () => {
    const people = ['Grace Hopper', 'Alan Turing', 'Ada Lovelace'];
    const many = Array.from({ length: 10_000 }, (_, i) => m(`p${i % 3}`, people[i % 3] ?? '', `Message ${i + 1}`, i / 10));
    return meeting(withChat(many));
  },
};
