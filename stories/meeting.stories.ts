import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { connected, meeting, participants, prejoin } from './fixtures.js';

/**
 * `<confab-meeting>` in every state that matters, from a seeded store: no server, no camera.
 * These stories are also the component tests (tests/e2e/stories.spec.ts runs axe and checks on each).
 */
const meta: Meta = { title: 'Meeting' };
export default meta;
type Story = StoryObj;

export const Prejoin: Story = { render: () => meeting(prejoin()) };
export const PrejoinCameraDenied: Story = { render: () => meeting(prejoin([{ device: 'camera', reason: 'denied' }])) };
export const PrejoinPolicyBlocked: Story = {
  render: () => meeting(prejoin([{ device: 'camera', reason: 'policy-blocked' }, { device: 'microphone', reason: 'policy-blocked' }])),
};
export const PrejoinNoDevices: Story = {
  render: () => meeting(prejoin([{ device: 'camera', reason: 'not-found' }, { device: 'microphone', reason: 'not-found' }])),
};
export const PrejoinCameraInUse: Story = { render: () => meeting(prejoin([{ device: 'camera', reason: 'in-use' }])) };
export const PrejoinMicrophoneUnknownError: Story = { render: () => meeting(prejoin([{ device: 'microphone', reason: 'unknown' }])) };
export const Connecting: Story = { render: () => meeting({ phase: 'connecting' }) };

export const Grid1: Story = { render: () => meeting(connected(participants(1))) };
export const Grid2: Story = { render: () => meeting(connected(participants(2, { speaking: [1] }))) };
export const Grid6: Story = { render: () => meeting(connected(participants(6, { speaking: [3], muted: [1, 4] }))) };
export const Grid16: Story = { render: () => meeting(connected(participants(16, { speaking: [5], muted: [2, 7, 9] }))) };
export const Paginated: Story = { render: () => meeting(connected(participants(10, { speaking: [7] })), { 'max-tiles': '4' }) };
export const ScreenShared: Story = { render: () => meeting(connected(participants(3, { sharing: [1] }))) };
export const SpeakerLayout: Story = { render: () => meeting(connected(participants(6, { speaking: [3] }), { activeSpeakers: ['p3'] }), { layout: 'speaker' }) };
export const Grid16Dark: Story = { render: () => meeting(connected(participants(16, { speaking: [5], muted: [2, 7, 9] })), { theme: 'dark' }) };
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
export const Arabic: Story = { render: () => meeting(connected(participants(3, { names: ['سارة', 'Ada', 'محمد'] })), { lang: 'ar', name: 'سارة' }) };
export const ArabicPrejoin: Story = { render: () => meeting(prejoin([{ device: 'camera', reason: 'denied' }]), { lang: 'ar', name: 'سارة' }) };
export const AudioBlocked: Story = { render: () => meeting(connected(participants(2), { audioBlocked: true })) };
export const DeviceErrorInCall: Story = { render: () => meeting(connected(participants(2), { deviceErrors: [{ device: 'camera', reason: 'in-use', seq: 1 }] })) };
export const Reconnecting: Story = { render: () => meeting(connected(participants(3), { phase: 'reconnecting' })) };
export const Toast: Story = {
  render: () => meeting(connected(participants(2), { toasts: [{ id: 1, key: 'devices.switched', params: { device: 'USB microphone' } }] })),
};
export const LeftByUser: Story = { render: () => meeting({ phase: 'left', leftReason: 'user' }) };
export const LeftKicked: Story = { render: () => meeting({ phase: 'left', leftReason: 'kicked' }) };
export const LeftRoomClosed: Story = { render: () => meeting({ phase: 'left', leftReason: 'room-closed' }, { theme: 'dark' }) };
export const JoinError: Story = {
  render: () => meeting({ phase: 'error', error: { code: 'server-unreachable', key: 'error.serverUnreachable', params: { url: 'wss://lk.example.com' } } }),
};
export const ConfigError: Story = { render: () => meeting(prejoin(), { 'max-tiles': '99', layout: 'mosaic' }) };
export const SettingsOpen: Story = {
  render: () => meeting({ ...prejoin(), ...connected(participants(2)), panel: 'settings' }),
};
