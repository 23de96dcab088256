// Every command's handler, from the module of its domain (src/core/handlers.ts: a missing one does
// not compile). The element, the iframe bridge and the helper's commands all run through these.
import { backgroundCommands } from './background-lazy.js';
import { chatCommands } from './chat-control.js';
import { encryptionCommands } from './encryption.js';
import type { Handlers } from './handlers.js';
import { layoutCommands } from './layout.js';
import { mediaCommands } from './media-control.js';
import { moderationCommands } from './moderation-lazy.js';
import { panelCommands } from './panels.js';
import { presenceCommands } from './presence-lazy.js';

export const HANDLERS: Handlers = {
  join: (t) => t.call.join(),
  leave: (t) => t.call.leave(),
  getState: (t) => t.snapshot(),
  ...mediaCommands,
  ...backgroundCommands,
  ...chatCommands,
  ...presenceCommands,
  ...moderationCommands,
  ...layoutCommands,
  ...encryptionCommands,
  ...panelCommands,
};
