// The screens a call may end on (waiting in a lobby, having left, a failed join) and their words, a
// chunk of their own: a call that goes well loads it only if it ends. The meeting loads it before it
// shows a failed join, so that confab-error's message is in words too.
import { enEndings } from './i18n/en-endings.js';
import { addEnglish } from './i18n/i18n.js';

addEnglish(enEndings);

export { renderEnding } from '../components/meeting/endings.js';
