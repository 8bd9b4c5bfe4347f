import { bootContent } from '@/lib/content/boot';
import { loadUi } from '@/lib/content/load-ui';

// https://gitlab.com; self-managed GitLab hosts get this script (and the UI script) registered at runtime by the background.
export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    bootContent('gitlab', ctx.signal, { loadUi });
  },
});
