// Chat's verbs on the core's side: the checks a command makes before the session's chat port.
import type { ChatActions } from './actions.js';
import { CHAT_MAX_CHARS, tooLong } from './chat-state.js';
import { ConfabError } from './commands.js';
import type { Handlers } from './handlers.js';
import type { SessionPort } from './session-port.js';

export class ChatControl implements ChatActions {
  constructor(
    private readonly deps: { enabled: () => boolean; allowed: () => boolean; session: () => SessionPort | null; alive: () => void },
  ) {}

  /** Resolves with the message id once it is sent; queued while reconnecting. */
  sendChatMessage = async (text: string): Promise<string> => {
    const session = this.#ready();
    if (tooLong(text)) throw new ConfabError('message-too-long', `a message has at most ${CHAT_MAX_CHARS} characters`);
    return (await session.port('chat')).send(text);
  };

  retryChatMessage = async (id: string): Promise<string> => (await this.#ready().port('chat')).retry(id);

  #ready(): SessionPort {
    this.deps.alive();
    if (!this.deps.enabled()) throw new ConfabError('chat-disabled', 'chat is off');
    const session = this.deps.session();
    if (!session) throw new ConfabError('not-connected', 'chat needs a call');
    if (!this.deps.allowed()) throw new ConfabError('not-allowed', 'the token does not allow sending data (canPublishData)');
    return session;
  }
}

export const chatCommands: Handlers<'sendChatMessage'> = {
  sendChatMessage: (t, text) => t.chat.sendChatMessage(text),
};
