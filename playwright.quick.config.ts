// Local runs of a few specs against servers already running (not used by npm test).
import base from './playwright.config.js';
export default { ...base, webServer: [] };
