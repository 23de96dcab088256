import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { connected, meeting, participants, prejoin } from './fixtures.js';

/**
 * The primitives in a page's own layout: `<confab-meeting>` provides its meeting to the elements
 * slotted inside it, so `<confab-grid>` and `<confab-control-bar>` can be placed anywhere in it.
 */
const meta: Meta = { title: 'Composed' };
export default meta;
type Story = StoryObj;

export const CustomLayout: Story = {
  render: () =>
    meeting(
      connected(participants(3, { speaking: [1] })),
      {},
      html`<div class="my-call" style="display: flex; flex-direction: column; min-block-size: 0; block-size: 100%">
        <h2 style="margin: 0.5rem 1rem; font: 600 1.1rem system-ui">Team stand-up</h2>
        <confab-control-bar style="order: -1"></confab-control-bar>
        <confab-grid style="flex: 1; min-block-size: 0"></confab-grid>
      </div>`,
    ),
};

// A JWT whose payload is {"name":"Grace Hopper","sub":"grace"} (the signature is the server's business).
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjogIkdyYWNlIEhvcHBlciIsICJzdWIiOiAiZ3JhY2UifQ.c2ln';

export const PrejoinWithToken: Story = {
  render: () => meeting(prejoin(), { token: TOKEN, 'server-url': 'wss://lk.example.com' }),
};
