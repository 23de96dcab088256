// The side panels and the settings dialog: one open at a time; opening or closing marks chat read.
import type { PanelActions } from './actions.js';
import { markRead } from './chat-state.js';
import { ConfabError } from './commands.js';
import type { Handlers } from './handlers.js';
import type { MeetingStore } from './store.js';
import type { Panel } from './types.js';

export interface PanelDeps {
  store: MeetingStore;
  config: () => { chat: boolean; participants: boolean };
  /** Fresh device lists before the settings show. */
  prepareSettings: () => Promise<void>;
  /** The chat's code starts loading as its panel opens (and asks for earlier messages). */
  warmChat: () => void;
  alive: () => void;
}

export class Panels implements PanelActions {
  constructor(private readonly deps: PanelDeps) {}

  openPanel = async (panel: Panel): Promise<void> => {
    this.deps.alive();
    const config = this.deps.config();
    if (panel === 'chat' && !config.chat) throw new ConfabError('chat-disabled', 'chat is off');
    if (panel === 'participants' && !config.participants) throw new ConfabError('participants-disabled', 'the participants panel is off');
    if (panel === 'settings') await this.deps.prepareSettings();
    if (panel === 'chat') this.deps.warmChat();
    this.deps.store.setState((s) => ({ panel, chat: markRead(s) }));
  };

  closePanel = (): void => {
    this.deps.store.setState((s) => ({ panel: null, chat: markRead(s) }));
  };
}

export const panelCommands: Handlers<'openPanel' | 'closePanel'> = {
  openPanel: (t, panel) => t.panels.openPanel(panel),
  closePanel: (t) => t.panels.closePanel(),
};
