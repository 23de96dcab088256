// embed.html: the iframe entry. Presentation options from the query, the token from #token= or the
// parent (postMessage), deployment settings from confab.config.json.
import '../define.js';
import { startBridge } from './bridge.js';
import { loadDeployment } from './deployment.js';
import { planEmbed } from './plan.js';

async function main() {
  const url = new URL(location.href);
  // The token must not linger in the address bar, history or a copied link.
  if (url.hash) history.replaceState(null, '', url.pathname + url.search);
  const deployment = await loadDeployment(new URL('confab.config.json', url));
  const setup = planEmbed(url, deployment);

  const element = document.createElement('confab-meeting');
  for (const [name, value] of Object.entries(setup.attributes)) element.setAttribute(name, value);
  if (setup.token) element.token = setup.token;
  element.notices = setup.notices;
  const standalone = new URL(url.pathname + url.search, url);
  standalone.searchParams.delete('parent-origin');
  element.standaloneUrl = standalone.href;

  if (setup.parentOrigin && window.parent !== window) {
    const ready = new Promise<void>((resolve) => element.addEventListener('confab-ready', () => resolve(), { once: true }));
    startBridge({
      target: element,
      parentOrigin: setup.parentOrigin,
      ready,
      setCredentials: (value) => {
        const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
        const token = Object.hasOwn(record, 'token') ? record.token : undefined;
        const serverUrl = Object.hasOwn(record, 'serverUrl') ? record.serverUrl : deployment.serverUrls[0];
        if (typeof token !== 'string') throw new TypeError('setCredentials expects { token, serverUrl? }');
        if (typeof serverUrl !== 'string' || !deployment.serverUrls.includes(serverUrl)) {
          throw new TypeError(`serverUrl is not in this deployment's serverUrls`);
        }
        element.serverUrl = serverUrl;
        element.token = token;
      },
    });
  }
  document.body.append(element);
}

void main();
