// The frame-time budget: a blurred camera must never become a frozen or 5 fps camera. Over budget for
// long, the effect gets cheaper one level at a time (segment fewer frames, then composite smaller);
// still over at the last level, it gives up and the pipeline turns the effect off and tells the user.
// Pure: unit-tested with sequences of frame times.

export const LEVELS = 3;
export type BudgetVerdict = 'ok' | 'degraded' | 'overloaded';

export class FrameBudget {
  #average = 0;
  #over = 0;
  #under = 0;
  level = 0;

  constructor(
    readonly budgetMs = 40,
    /** How many frames in a row over budget before acting (about two seconds at 30 fps). */
    readonly patience = 60,
  ) {}

  /** Records one frame's processing time; says whether the level changed or the effect must stop. */
  record(ms: number): BudgetVerdict {
    this.#average = this.#average === 0 ? ms : this.#average * 0.9 + ms * 0.1;
    if (this.#average > this.budgetMs) {
      this.#over++;
      this.#under = 0;
    } else {
      this.#over = 0;
      this.#under++;
    }
    if (this.#over >= this.patience) {
      this.#over = 0;
      if (this.level + 1 >= LEVELS) return 'overloaded';
      this.level++;
      this.#average = 0;
      return 'degraded';
    }
    // Well under budget for long: try the better quality again.
    if (this.level > 0 && this.#under >= this.patience * 5 && this.#average < this.budgetMs / 2) {
      this.level--;
      this.#under = 0;
      return 'degraded';
    }
    return 'ok';
  }

  /** Segment this frame (true) or reuse the last mask: every frame at level 0, fewer after. */
  segmentsFrame(index: number): boolean {
    return index % (this.level + 1) === 0;
  }

  /** Compositing scale: full size until the last level. */
  get scale(): number {
    return this.level >= 2 ? 0.5 : 1;
  }
}
