import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { meeting, prejoin } from './fixtures.js';

/**
 * `<confab-prejoin>` inside a seeded meeting: preview, meter, devices, and every device failure named.
 * From a seeded store: no server, no camera. Each story is also a component test
 * (tests/e2e/stories.spec.ts runs axe and the story's own checks).
 */
const meta: Meta = { title: 'Prejoin' };
export default meta;
type Story = StoryObj;

export const Prejoin: Story = { render: () => meeting(prejoin()) };
export const PrejoinCameraDenied: Story = { render: () => meeting(prejoin([{ device: 'camera', reason: 'denied' }])) };
export const PrejoinPolicyBlocked: Story = {
  render: () =>
    meeting(
      prejoin([
        { device: 'camera', reason: 'policy-blocked' },
        { device: 'microphone', reason: 'policy-blocked' },
      ]),
    ),
};
export const PrejoinNoDevices: Story = {
  render: () =>
    meeting(
      prejoin([
        { device: 'camera', reason: 'not-found' },
        { device: 'microphone', reason: 'not-found' },
      ]),
    ),
};
export const PrejoinCameraInUse: Story = { render: () => meeting(prejoin([{ device: 'camera', reason: 'in-use' }])) };
export const PrejoinMicrophoneUnknownError: Story = { render: () => meeting(prejoin([{ device: 'microphone', reason: 'unknown' }])) };
export const ArabicPrejoin: Story = {
  render: () => meeting(prejoin([{ device: 'camera', reason: 'denied' }]), { lang: 'ar', name: 'سارة' }),
};
