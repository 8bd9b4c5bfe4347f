import { startContent } from '@/components/app/startContent';

// github.com here; GitHub Enterprise hosts get this same script registered at runtime by the background.
export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContent('github', ctx.signal);
  },
});
