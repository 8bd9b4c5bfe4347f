import { defineConfig } from 'wxt';

// Chrome MV3 and Firefox (MV3 too, so optional host permissions and scripting.registerContentScripts work the same).
// `--mode e2e` (tests and the demo) differs only in holding loopback as a host permission up front: a headless browser
// cannot answer the permission prompt that a user answers when adding a self-managed host on localhost.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
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
    // The content UI is imported by the small content script on gitlab.com / github.com issue, list and board pages;
    // self-managed hosts get it registered as a content script instead, so only these two origins can load it.
    web_accessible_resources: [{ resources: ['content-ui.js'], matches: ['https://gitlab.com/*', 'https://github.com/*'] }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'refinery@refinery.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
