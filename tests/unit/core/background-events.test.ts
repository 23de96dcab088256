import { CALL_EVENTS } from '../../../src/core/host-events-call.js';
import { describe, expect, test } from 'vitest';
import { diff } from '../../../src/core/host-events.js';
import { initialState } from '../../../src/core/store.js';
import type { BackgroundView, MeetingState } from '../../../src/core/types.js';
import { createTranslator } from '../../../src/i18n/i18n.js';

const t = createTranslator('en');
const bg = (view: Partial<BackgroundView>): MeetingState => ({ ...initialState(), background: { ...initialState().background, ...view } });
const names = (a: MeetingState, b: MeetingState) => diff(a, b, t, CALL_EVENTS).events.map((e) => `${e.name} ${JSON.stringify(e.detail)}`);

describe('confab-background comes from the store diff', () => {
  test.each<[string, Partial<BackgroundView>, Partial<BackgroundView>, string[]]>([
    ['asked, still loading: nothing yet', {}, { mode: 'blur', status: 'loading' }, []],
    [
      'running',
      { mode: 'blur', status: 'loading' },
      { mode: 'blur', status: 'ready', active: true },
      ['confab-background {"mode":"blur","active":true}'],
    ],
    [
      'blur to image while running',
      { mode: 'blur', active: true },
      { mode: 'image', active: true },
      ['confab-background {"mode":"image","active":true}'],
    ],
    ['off', { mode: 'blur', active: true }, { mode: 'none', active: false }, ['confab-background {"mode":"none","active":false}']],
    [
      'cannot run under the CSP: inactive, and confab-error says why',
      { mode: 'blur', status: 'loading' },
      { mode: 'blur', status: 'unavailable', reason: 'csp' },
      [
        'confab-background {"mode":"blur","active":false}',
        `confab-error {"code":"background-csp","message":"${t('background.unavailable.csp')}"}`,
      ],
    ],
    ['progress only: nothing', { mode: 'blur', status: 'loading', progress: 0.1 }, { mode: 'blur', status: 'loading', progress: 0.5 }, []],
  ])('%s', (_name, before, after, expected) => {
    expect(names(bg(before), bg(after))).toEqual(expected);
  });
});
