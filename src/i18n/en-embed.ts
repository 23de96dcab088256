// The English catalogue's part for embed.html: what the iframe page says when the URL asks for something
// the deployment does not allow. It travels in embed.js (src/embed/embed-page.ts adds it), not in confab.js.
export const enEmbed = {
  'embed.e2eeKeyInQuery':
    "The encryption key was put in the address's query, where servers and browsers record it, so it was ignored: pass it after # (#e2ee-key=…).",
  'embed.tokenInQuery':
    'A token in the page address was refused: addresses end up in history, logs and referrers. Pass it after "#token=" or through confab-frame.js instead.',
  'embed.inviteInQuery':
    'An invite in the page address was refused: addresses end up in history, logs and referrers. Pass it after "#invite=" instead.',
  'embed.credentialsRefused':
    'The page handed this meeting credentials it cannot use ({message}), so it will not join. The page has to send valid ones.',
  'embed.serverNotAllowed': "The server {url} is not in this deployment's allowed servers, so it was ignored.",
  'embed.parentOriginNotAllowed':
    'The parent origin {origin} is not allowed by this deployment, so the embedding page cannot control this meeting.',
  'embed.optionNotFromUrl': 'The option "{option}" cannot be set from the page address; it was ignored.',
} as const;
