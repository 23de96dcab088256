// Side-effect-free entry: the classes and types, nothing registered.
export { ConfabMeeting } from '../components/meeting/meeting.js';
export { ConfabGrid } from '../components/grid/grid.js';
export { ConfabTile } from '../components/tile/tile.js';
export { ConfabControlBar } from '../components/control-bar/control-bar.js';
export { ConfabPrejoin } from '../components/prejoin/prejoin.js';
export { ConfabDeviceSelect } from '../components/device-select/device-select.js';
export { ConfabSettings } from '../components/settings/settings.js';
export { OPTIONS, type MeetingConfig } from './config/schema.js';
export { commandDoc, optionMeaning } from './config/docs.js';
export { CONFAB_EVENTS, type ConfabEventDetails, type ConfabEventName } from './events.js';
export type { MeetingSnapshot, Phase, LeftReason, DeviceErrorReason } from './core/types.js';
export type { Credentials, TokenProvider } from './core/credentials.js';
export { COMMAND_NAMES, type MeetingCommands, type CommandName } from './core/commands.js';
export { VERSION } from './version.js';
