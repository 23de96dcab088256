// The elements of a call in progress: a chunk of their own, loaded by define() right after the shell,
// so the pre-join never waits for them (the element shell budget, checked by scripts/check-size.mjs).
import { ConfabControlBar } from '../components/control-bar/control-bar.js';
import { ConfabGrid } from '../components/grid/grid.js';
import { ConfabTile } from '../components/tile/tile.js';
import { enCall } from './i18n/en-call.js';
import { addEnglish } from './i18n/i18n.js';

addEnglish(enCall);

export const IN_CALL_ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['confab-grid', ConfabGrid],
  ['confab-tile', ConfabTile],
  ['confab-control-bar', ConfabControlBar],
];
