// What parts of the meeting need to know about each other's boxes, provided instead of walked:
// no part reaches into another's shadow root. The meeting provides one registry; the grid tells it
// where the stage video is, the control bar how to focus a control, the meeting where its side
// sheet is. Whoever needs one asks the registry.
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LayoutRegistry {
  /** The <confab-meeting> element (full screen, Picture-in-Picture). */
  readonly host: HTMLElement;
  /** The text direction the meeting renders in. */
  direction(): 'ltr' | 'rtl';
  /** The video on the stage (else the first remote one with a picture), for Picture-in-Picture. */
  stageVideo(): HTMLVideoElement | null;
  /** Moves focus to a control by its `data-control` name; false when no part shows it. */
  focusControl(control: string): boolean;
  /** The side panel's box while it covers the grid as a sheet (a narrow box), else null. */
  sheet(): DOMRect | null;
  /** A host's actions for someone, shown where they live (People); kept until that part is there. */
  moderate(identity: string): void;
  /** The person a host asked for before People was there (taken once). */
  takeModerate(): string | null;
  /** A part offers one of the answers above; the returned function withdraws it. */
  provide<K extends AnswerKey>(key: K, answer: LayoutRegistry[K]): () => void;
}

type AnswerKey = 'stageVideo' | 'focusControl' | 'sheet' | 'moderate';

export const layoutContext = createContext<LayoutRegistry>(Symbol.for('confab.layout'));

/** The registry a meeting provides: each answer comes from the part that knows it. */
export function createLayoutRegistry(host: HTMLElement, direction: () => 'ltr' | 'rtl'): LayoutRegistry {
  const answers: {
    stageVideo: Array<LayoutRegistry['stageVideo']>;
    focusControl: Array<LayoutRegistry['focusControl']>;
    sheet: Array<LayoutRegistry['sheet']>;
    moderate: Array<LayoutRegistry['moderate']>;
  } = { stageVideo: [], focusControl: [], sheet: [], moderate: [] };
  let pending: string | null = null;
  return {
    host,
    direction,
    stageVideo: () => answers.stageVideo.reduce<HTMLVideoElement | null>((found, ask) => found ?? ask(), null),
    focusControl: (control) => answers.focusControl.some((focus) => focus(control)),
    sheet: () => answers.sheet.reduce<DOMRect | null>((found, ask) => found ?? ask(), null),
    moderate(identity) {
      pending = answers.moderate.length ? null : identity;
      answers.moderate.forEach((show) => show(identity));
    },
    takeModerate() {
      const taken = pending;
      pending = null;
      return taken;
    },
    provide(key, answer) {
      const list = answers[key] as Array<typeof answer>;
      list.push(answer);
      return () => {
        const i = list.indexOf(answer);
        if (i >= 0) list.splice(i, 1);
      };
    },
  };
}

/** A part's answer to one of the registry's questions, offered while the part is connected. */
export class LayoutAnswer<K extends AnswerKey> implements ReactiveController {
  #withdraw: (() => void) | null = null;
  #registry: LayoutRegistry | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, key: K, answer: LayoutRegistry[K]) {
    new ContextConsumer(host, {
      context: layoutContext,
      subscribe: true,
      callback: (registry) => {
        this.#withdraw?.();
        this.#registry = registry;
        this.#withdraw = registry.provide(key, answer);
      },
    });
    host.addController(this);
  }

  /** The registry, to ask the other parts' answers. */
  get registry(): LayoutRegistry | undefined {
    return this.#registry;
  }

  hostDisconnected(): void {
    this.#withdraw?.();
    this.#withdraw = null;
  }
}
