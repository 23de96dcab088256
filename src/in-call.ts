// The elements of a call in progress: a chunk of their own, loaded by define() right after the shell,
// so the pre-join never waits for them (the element shell budget, checked by scripts/check-size.mjs).
import { ConfabGrid } from '../components/grid/grid.js';
import { ConfabTile } from '../components/tile/tile.js';
import { enCall } from './i18n/en-call.js';
import { addEnglish } from './i18n/i18n.js';

addEnglish(enCall);

export { CALL_EVENTS } from './core/host-events-call.js';
export { callStyles, renderCallPhase } from '../components/meeting/call-phases.js';
export { PanelLoader } from '../components/meeting/panel-loader.js';
export { AudioSinkController } from './controllers/audio-sink.js';
export { fromEndpoint } from './core/endpoint.js';

export const IN_CALL_ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['confab-grid', ConfabGrid],
  ['confab-tile', ConfabTile],
];
