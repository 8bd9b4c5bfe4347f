import { bootContent } from '@/lib/content/boot';
import { loadUi } from '@/lib/content/load-ui';

// https://github.com; self-managed GitHub hosts get this script (and the UI script) registered at runtime by the background.
export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    bootContent('github', ctx.signal, { loadUi });
  },
});
