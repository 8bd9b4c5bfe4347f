import path from 'node:path';
import { defineConfig } from 'wxt';
import { noRawHtml } from './build/no-raw-html';

// Chrome MV3 and Firefox (MV3 too, so optional host permissions and scripting.registerContentScripts work the same).
// `--mode e2e` (tests and the demo) differs only in holding loopback as a host permission up front: a headless browser
// cannot answer the permission prompt that a user answers when adding a self-managed host on localhost.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // ASCII output: one non-ASCII character makes the browser keep a whole script's source as UTF-16 (twice the memory).
  vite: () => ({
    // react-dom's dangerouslySetInnerHTML (innerHTML from a value) becomes a throw: we never render raw HTML.
    plugins: [noRawHtml()],
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
    // gitbeaker's dependencies that the background does not need (see the shims): no eval-like code, smaller.
    resolve: {
      alias: {
        qs: path.resolve('lib/forge/gitlab/shims/qs.ts'),
        'rate-limiter-flexible': path.resolve('lib/forge/gitlab/shims/unused.ts'),
        'picomatch-browser': path.resolve('lib/forge/gitlab/shims/unused.ts'),
      },
    },
  }),
  manifestVersion: 3,
  // `npm run zip`: the Chrome and Firefox zips, and for Firefox's reviewers the sources zip, holding exactly what
  // `npm ci && npm run build:firefox` needs to rebuild the Firefox zip's files (WXT leaves out tests, node_modules and
  // the output folder; dot files stay out).
  zip: {
    includeSources: ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'wxt.config.ts', 'build/**', 'entrypoints/**', 'components/**', 'lib/**', 'public/**'],
  },
  // Parallel e2e runs (several developers' builds on one machine) can each build into their own folder.
  outDir: process.env.REFINERY_OUT_DIR ?? '.output',
  manifest: ({ browser, mode }) => ({
    name: 'Refinery',
    description: "The handbook's planning process — refinement, weights, async updates, workflow — in GitLab and GitHub issues.",
    permissions: ['storage', 'scripting'],
    host_permissions: [
      'https://gitlab.com/*',
      'https://github.com/*',
      'https://api.github.com/*',
      ...(mode === 'e2e' ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
    ],
    // Self-managed GitLab / GitHub Enterprise hosts are requested at runtime when the user adds them.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The content UI is an ES module imported by the small content script on the pages it serves, with its chunks.
    // Self-managed hosts are only known at runtime, so every origin may load them (a page can tell the extension is
    // installed; the files hold no data). Chrome's `use_dynamic_url` would hide that, but its modules then resolve
    // their chunks against the static URL, which it refuses.
    web_accessible_resources: [{ resources: ['content-ui.js', 'chunks/*.js'], matches: ['<all_urls>'] }],
    // Firefox: data_collection_permissions 'none' (Refinery sends nothing anywhere but to the user's own forge, with
    // the user's token). Firefox reads that key from 140 on desktop and 142 on Android, the minimums set here.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'refinery@refinery.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The content UI joins the ES module build of the extension pages: it shares their React and schema chunks and
    // can split off what it loads on demand (unlisted scripts are single IIFE files).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'options')) return;
      const options = (config.build!.rollupOptions ??= {});
      options.input = { ...(options.input as Record<string, string>), 'content-ui': path.resolve('components/app/contentUi.ts') };
      // Vite's preloading would add <link rel=modulepreload> tags for our chunks to the forge's own page.
      config.build!.modulePreload = false;
      // React and zod in chunks of their own: they change less often than our code, so their file names (content
      // hashes) and the browser's code cache for them outlast our updates.
      const output = (options.output ??= {}) as Record<string, unknown>;
      output.codeSplitting = {
        groups: [
          { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
        ],
      };
    },
  },
});
