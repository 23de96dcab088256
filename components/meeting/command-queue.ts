// The element's commands (contract §4): arguments checked, then run through the command table's
// handlers; before confab-ready (and until that queue drains) one after another, in call order.
import type { ReactiveElement } from 'lit';
import { ConfabError, parseArgs, type CommandArgs, type CommandName, type CommandResult } from '../../src/core/commands.js';
import { runCommand, type CommandTarget, type Handlers } from '../../src/core/handlers.js';

export class CommandQueue {
  #queue: Promise<unknown> = Promise.resolve();
  #queued = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly target: CommandTarget,
    private readonly handlers: Handlers,
    private readonly disposed: () => boolean,
  ) {}

  run<N extends CommandName>(name: N, args: readonly unknown[]): Promise<CommandResult<N>> {
    const parsed = parseArgs(name, args);
    if (this.disposed()) return Promise.reject(gone());
    if (this.host.hasUpdated && this.#queued === 0) return this.#execute(name, parsed);
    this.#queued++;
    const run = this.#queue.then(() => this.host.updateComplete).then(() => this.#execute(name, parsed));
    const done = () => {
      this.#queued--;
    };
    this.#queue = run.then(done, done);
    return run;
  }

  #execute<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    if (this.disposed()) return Promise.reject(gone());
    return runCommand(this.handlers, this.target, name, args);
  }
}

const gone = () => new ConfabError('disposed', 'this meeting element was removed from the page');
