// embed.html: the iframe entry. Presentation options from the query, the token from #token= or the
// parent (postMessage), deployment settings from confab.config.json.
import '../define.js';
import { enEmbed } from '../i18n/en-embed.js';
import { addEnglish } from '../i18n/i18n.js';
import { holdEarlyCommands } from './backlog.js';
import { startBridge } from './bridge.js';
import { credentialsFrom, loadDeployment } from './deployment.js';
import { askParentForCredentials } from './parent-provider.js';
import { planEmbed } from './plan.js';

// Commands may arrive before the deployment config (and so the allowed parent origin) is known:
// the parent's are kept, in order and bounded (backlog.ts), and judged by the bridge once it starts.
const early = holdEarlyCommands(window, window.parent === window ? null : window.parent);

addEnglish(enEmbed);

async function main() {
  const url = new URL(location.href);
  // A token, invite or encryption key must not linger in the address bar, history or a copied link.
  if (url.hash) history.replaceState(null, '', url.pathname + url.search);
  const deployment = await loadDeployment(new URL('confab.config.json', url));
  const setup = planEmbed(url, deployment);

  const element = document.createElement('confab-meeting');
  for (const [name, value] of Object.entries(setup.attributes)) element.setAttribute(name, value);
  if (setup.token) element.token = setup.token;
  if (setup.invite) element.invite = setup.invite;
  if (setup.e2eeKey) element.e2eeKey = setup.e2eeKey;
  element.notices = setup.notices;
  const standalone = new URL(url.pathname + url.search, url);
  standalone.searchParams.delete('parent-origin');
  element.standaloneUrl = standalone.href;

  const backlog = early.stop();
  if (setup.askParent) {
    const { parentOrigin } = setup;
    // No parent to ask (opened alone, or a parent origin the deployment refuses): the join says so.
    element.tokenProvider =
      parentOrigin && window.parent !== window
        ? askParentForCredentials({
            self: window,
            parent: window.parent,
            parentOrigin,
            check: (value) => credentialsFrom(value, deployment),
          })
        : () => Promise.reject(new Error('no page to ask for credentials'));
  }
  if (setup.parentOrigin && window.parent !== window) {
    const ready = new Promise<void>((resolve) => element.addEventListener('confab-ready', () => resolve(), { once: true }));
    startBridge({
      target: element,
      parentOrigin: setup.parentOrigin,
      ready,
      backlog: backlog.kept,
      overflow: backlog.overflow,
      setCredentials: (value) => {
        let credentials: { token: string; serverUrl: string };
        try {
          credentials = credentialsFrom(value, deployment);
        } catch (error) {
          // The page meant these credentials: never join as someone else through the token endpoint.
          element.removeAttribute('token-endpoint');
          element.removeAttribute('invite');
          element.token = undefined;
          const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
          element.notices = [...element.notices, { code: 'bad-credentials', key: 'embed.credentialsRefused', params: { message } }];
          throw error;
        }
        element.serverUrl = credentials.serverUrl;
        element.token = credentials.token;
      },
    });
  }
  document.body.append(element);
}

void main();
