import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { connected, meeting, participants } from './fixtures.js';

/**
 * `<confab-grid>` and `<confab-tile>`: sizes, pages, speakers, shared screens, long and right-to-left names.
 * From a seeded store: no server, no camera. Each story is also a component test
 * (tests/e2e/stories.spec.ts runs axe and the story's own checks).
 */
const meta: Meta = { title: 'Grid' };
export default meta;
type Story = StoryObj;

export const Grid1: Story = { render: () => meeting(connected(participants(1))) };
export const Grid2: Story = { render: () => meeting(connected(participants(2, { speaking: [1] }))) };
export const Grid6: Story = { render: () => meeting(connected(participants(6, { speaking: [3], muted: [1, 4] }))) };
export const Grid16: Story = { render: () => meeting(connected(participants(16, { speaking: [5], muted: [2, 7, 9] }))) };
export const Paginated: Story = { render: () => meeting(connected(participants(10, { speaking: [7] })), { 'max-tiles': '4' }) };
export const ScreenShared: Story = { render: () => meeting(connected(participants(3, { sharing: [1] }))) };
export const SpeakerLayout: Story = {
  render: () => meeting(connected(participants(6, { speaking: [3] }), { activeSpeakers: ['p3'] }), { layout: 'speaker' }),
};
export const Grid16Dark: Story = {
  render: () => meeting(connected(participants(16, { speaking: [5], muted: [2, 7, 9] })), { theme: 'dark' }),
};
export const LongAndRtlNames: Story = {
  render: () =>
    meeting(
      connected(
        participants(4, {
          names: ['Maximiliane Konstanze von Hohenzollern-Sigmaringen-Wittelsbach', 'محمد عبد الرحمن الخوارزمي', '😀 Smiley Person', 'Jo'],
          cameraOff: [0, 1, 2, 3],
          speaking: [1],
        }),
      ),
    ),
};
