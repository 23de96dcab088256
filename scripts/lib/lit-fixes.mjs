// Two upstream leaks that a long chat runs into, fixed in our builds until Lit releases carry them
// (issue 30: the chat's DOM grew by one node per message; tests/e2e/chat-soak.spec.ts holds it flat
// and goes red without these):
// 1. lit-html 3.3.1–3.3.3: removePart() removes a part's start marker but not its end marker
//    (lit/lit#5298, fix proposed in lit/lit#5299). `repeat` calls it for every item that leaves a
//    list, so the chat's virtualizer, scrolling as messages arrive, left one empty comment per message.
// 2. @lit-labs/virtualizer 2.1.1 observes every row it renders with a ResizeObserver and never
//    unobserves one (lit/lit#5363), so every row ever shown stays alive, detached.

const PRODUCTION = /(\w+)=(\w+)=>\{\2\._\$AR\(\),\2\._\$AA\.remove\(\)\}/;
const DEVELOPMENT = /(export const removePart = \(part\) => \{\s*part\._\$clear\(\);\s*part\._\$startNode\.remove\(\);)/;
const FIXED = /_\$AB\?\.remove\(\)|_\$endNode\?\.remove\(\)/;

/**
 * The fixed source of lit-html's directive-helpers.js, or null when it needs no fix.
 * @param {string} code
 * @returns {string | null}
 */
export function fixRemovePart(code) {
  if (FIXED.test(code)) return null;
  if (PRODUCTION.test(code))
    return code.replace(PRODUCTION, (_m, name, part) => `${name}=${part}=>{${part}._$AR(),${part}._$AA.remove(),${part}._$AB?.remove()}`);
  if (DEVELOPMENT.test(code)) return code.replace(DEVELOPMENT, '$1\n    part._$endNode?.remove();');
  throw new Error('lit-html directive-helpers.js changed shape: check whether lit/lit#5298 is fixed and drop this fix');
}

const OBSERVE =
  /(_finishDOMUpdate\(\) \{\s*if \(this\._connected\) \{\s*(?:\/\/[^\n]*\n\s*)*)this\._children\.forEach\(\(child\) => this\._childrenRO\.observe\(child\)\);/;
const UNOBSERVED = /__confabObserved/;

/**
 * The fixed source of the virtualizer's Virtualizer.js, or null when it needs no fix.
 * @param {string} code
 * @returns {string | null}
 */
export function fixVirtualizer(code) {
  if (UNOBSERVED.test(code) || /unobserve\(/.test(code)) return null;
  if (!OBSERVE.test(code))
    throw new Error('@lit-labs/virtualizer Virtualizer.js changed shape: check whether lit/lit#5363 is fixed and drop this fix');
  return code.replace(
    OBSERVE,
    `$1const children = new Set(this._children);
            for (const child of this.__confabObserved ?? []) if (!children.has(child)) this._childrenRO.unobserve(child);
            this.__confabObserved = children;
            children.forEach((child) => this._childrenRO.observe(child));`,
  );
}

export const HELPERS = /[\\/]lit-html[\\/](development[\\/])?directive-helpers\.js$/;
export const VIRTUALIZER = /[\\/]@lit-labs[\\/]virtualizer[\\/]Virtualizer\.js$/;

/**
 * The fix for a module, by its path, or null.
 * @param {string} code
 * @param {string} id
 * @returns {string | null}
 */
export function fixLit(code, id) {
  if (HELPERS.test(id)) return fixRemovePart(code);
  if (VIRTUALIZER.test(id)) return fixVirtualizer(code);
  return null;
}
