// Build plugin: removes react-dom's raw-HTML path from the production client, so that no build of Refinery can set
// `innerHTML` from a value (store reviewers' linters flag the two assignments, and we never render raw HTML: our own
// code may not use `dangerouslySetInnerHTML`, see eslint.config.js). The two sites are `setProp` and
// `setPropOnCustomElement` in react-dom/cjs/react-dom-client.production.js, both handling `dangerouslySetInnerHTML`:
//
//   (null != prevValue ? prevValue.__html : void 0) !== key &&
//     (domElement.innerHTML = key);
//
// Each becomes a throw. Anything else fails the build: another number of sites (a React upgrade moved or added one),
// or an assignment of a value to innerHTML left over (react-dom's only other one sets a literal `<script>` to create
// a script element, which is kept).
import type { Plugin } from 'vite';

export const RAW_HTML_ERROR = 'Refinery does not render raw HTML (dangerouslySetInnerHTML)';

const SITE = /\(null != prevValue \? prevValue\.__html : void 0\) !== key &&\s*\(domElement\.innerHTML = key\);/g;
const EXPECTED_SITES = 2;
// `.innerHTML =` followed by anything but a string literal.
const VALUE_ASSIGNMENT = /\.innerHTML\s*=(?!=)(?!\s*["'`])/g;

/** The module's source with the raw-HTML sites replaced by a throw; throws unless there are exactly two. */
export function removeRawHtml(code: string): string {
  const sites = code.match(SITE)?.length ?? 0;
  if (sites !== EXPECTED_SITES) {
    throw new Error(`no-raw-html: expected ${EXPECTED_SITES} dangerouslySetInnerHTML sites in react-dom's production client, found ${sites}: check build/no-raw-html.ts against this React version`);
  }
  const out = code.replace(SITE, `throw Error(${JSON.stringify(RAW_HTML_ERROR)});`);
  const left = out.match(VALUE_ASSIGNMENT)?.length ?? 0;
  if (left !== 0) {
    throw new Error(`no-raw-html: ${left} assignment(s) of a value to innerHTML left in react-dom's production client: check build/no-raw-html.ts against this React version`);
  }
  return out;
}

const CLIENT = /[\\/]react-dom[\\/]cjs[\\/]react-dom-client\.production\.js(?:\?|$)/;

/**
 * Applies removeRawHtml to react-dom's production client; fails a build whose output holds that module untransformed.
 * Builds in another mode (`--mode e2e`, `wxt` dev) use react-dom's development client and keep its raw-HTML path.
 */
export function noRawHtml(): Plugin {
  let transformed = false;
  return {
    name: 'refinery:no-raw-html',
    enforce: 'pre',
    buildStart() {
      transformed = false;
    },
    transform: {
      filter: { id: CLIENT },
      handler(code, id) {
        if (!CLIENT.test(id)) return null;
        transformed = true;
        return { code: removeRawHtml(code), map: null };
      },
    },
    generateBundle(_options, bundle) {
      if (transformed) return;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const reactDom = file.moduleIds.find((m) => /react-dom-client\.production/.test(m));
        if (reactDom) this.error(`no-raw-html: ${file.fileName} holds ${reactDom}, which build/no-raw-html.ts did not transform`);
      }
    },
  };
}
