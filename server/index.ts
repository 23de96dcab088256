// confab-server as a library: start it in your own process (tests, a custom launcher).
export { startServer, closeOnSignals, widgetDir, type RunningServer } from './main.js';
export { loadConfig, helpText, SETTINGS, type ServerConfig, type Policy } from './config.js';
export { signInvite, verifyInvite, seconds, type Invite } from './invites.js';
export { buildApp, hostAllowed } from './app.js';
