import { permissionsOf } from '../src/core/grants.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { connected, meeting, participants, prejoin } from './fixtures.js';

/**
 * `<confab-meeting>`'s own states: connecting, left, errors, banners, toasts, settings.
 * From a seeded store: no server, no camera. Each story is also a component test
 * (tests/e2e/stories.spec.ts runs axe and the story's own checks).
 */
const meta: Meta = { title: 'Meeting' };
export default meta;
type Story = StoryObj;

export const Connecting: Story = { render: () => meeting({ phase: 'connecting' }) };

export const Arabic: Story = {
  render: () => meeting(connected(participants(3, { names: ['سارة', 'Ada', 'محمد'] })), { lang: 'ar', name: 'سارة' }),
};
export const AudioBlocked: Story = { render: () => meeting(connected(participants(2), { audioBlocked: true })) };
export const DeviceErrorInCall: Story = {
  render: () => meeting(connected(participants(2), { deviceErrors: [{ device: 'camera', reason: 'in-use', seq: 1 }] })),
};
export const HandsRaised: Story = {
  render: () => meeting(connected(participants(4, { hands: [2, 0] }), { permissions: permissionsOf({ canUpdateOwnMetadata: true }) })),
};
export const HandNotAllowed: Story = {
  render: () => meeting(connected(participants(2), { permissions: permissionsOf({ canUpdateOwnMetadata: false }) })),
};
export const Reconnecting: Story = { render: () => meeting(connected(participants(3), { phase: 'reconnecting' })) };
export const Toast: Story = {
  render: () => meeting(connected(participants(2), { toasts: [{ id: 1, key: 'devices.switched', params: { device: 'USB microphone' } }] })),
};
export const LeftByUser: Story = { render: () => meeting({ phase: 'left', leftReason: 'user' }) };
export const LeftKicked: Story = { render: () => meeting({ phase: 'left', leftReason: 'kicked' }) };
export const LeftRoomClosed: Story = { render: () => meeting({ phase: 'left', leftReason: 'room-closed' }, { theme: 'dark' }) };
export const JoinError: Story = {
  render: () =>
    meeting({
      phase: 'error',
      error: { code: 'server-unreachable', key: 'error.serverUnreachable', params: { url: 'wss://lk.example.com' } },
    }),
};
export const ConfigError: Story = { render: () => meeting(prejoin(), { 'max-tiles': '99', layout: 'mosaic' }) };
export const SettingsOpen: Story = {
  render: () => meeting({ ...prejoin(), ...connected(participants(2)), panel: 'settings' }),
};

/** The participants panel in a room of 14: hands first, a search field, every state of a row. */
export const ParticipantsPanel: Story = {
  render: () =>
    meeting(
      connected(participants(14, { hands: [5, 2], speaking: [3], muted: [1, 3], sharing: [4], poor: [6], reconnecting: [7] }), {
        panel: 'participants',
      }),
    ),
};

/** Someone pinned: the speaker layout with them on the stage, whoever speaks. */
export const Pinned: Story = {
  render: () => meeting(connected(participants(5, { speaking: [3] }), { pinned: 'p2' })),
};

/** The background picker with a built-in image chosen. */
export const SettingsBackgroundImage: Story = {
  render: () =>
    meeting({
      ...prejoin(),
      ...connected(participants(2)),
      panel: 'settings',
      background: {
        mode: 'image',
        image: new URL('/mediapipe/backgrounds/lagoon.jpg', location.href).href,
        strength: 0.6,
        active: true,
        status: 'ready',
        progress: 1,
        reason: null,
      },
    }),
};

/** A host image from a third party is not offered (nor its thumbnail fetched): backgrounds come from this origin or assets-base. */
export const SettingsForeignBackground: Story = {
  render: () =>
    meeting({ ...prejoin(), ...connected(participants(2)), panel: 'settings' }, { 'background-image': 'https://elsewhere.example/bg.jpg' }),
};

/** Where the page's policy refuses WebAssembly: every effect disabled, the reason said. */
export const SettingsBackgroundUnavailable: Story = {
  render: () =>
    meeting({
      ...prejoin(),
      ...connected(participants(2)),
      panel: 'settings',
      background: { mode: 'blur', image: null, strength: 0.6, active: false, status: 'unavailable', progress: 0, reason: 'csp' },
    }),
};

/** The room is being recorded: everyone in it sees a badge. */
export const Recording: Story = { render: () => meeting(connected(participants(3), { recording: true })) };

/** Recording has just started: everyone is told, once, until they dismiss it. */
export const RecordingStarted: Story = {
  render: () => meeting(connected(participants(3), { recording: true, recordingNotice: true })),
};

/** A narrow box: microphone, camera, chat and Leave stay in the bar; the rest is under "More". */
export const NarrowBox: Story = {
  render: () =>
    html`<div class="narrow-box">${meeting(connected(participants(3)))}</div>
      <style>
        .narrow-box {
          inline-size: 300px;
        }
      </style>`,
};

const host = { permissions: permissionsOf({ roomAdmin: true, canUpdateOwnMetadata: true }) };
const knockers = (...names: string[]) => names.map((name, i) => ({ identity: `k${i}`, name, since: i }));

/** A guest in the lobby: their own screen, whether a host is here, and Cancel. */
export const LobbyWaiting: Story = {
  render: () => meeting({ phase: 'waiting', lobby: { waiting: [], locked: false, hostPresent: true } }),
};

/** A host in a call while two people knock: a notice with Admit and Deny for the first. */
export const LobbyKnock: Story = {
  render: () =>
    meeting(connected(participants(3), { ...host, lobby: { waiting: knockers('Gus', 'Mia'), locked: false, hostPresent: true } })),
};

/** A host's People panel: who waits (Admit all, each with Admit and Deny), and host actions per row. */
export const LobbyInPeople: Story = {
  render: () =>
    meeting(
      connected(participants(4, { hands: [2] }), {
        ...host,
        panel: 'participants',
        lobby: { waiting: knockers('Gus', 'سارة', 'Mia'), locked: true, hostPresent: true },
      }),
    ),
};

/** A host asked this guest to turn their microphone on: they choose. */
export const UnmuteAsked: Story = { render: () => meeting(connected(participants(3), { unmuteAsked: 'microphone' })) };
