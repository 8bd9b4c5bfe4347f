import { startContent } from '@/components/app/startContent';

// gitlab.com here; self-managed GitLab hosts get this same script registered at runtime by the background.
export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContent('gitlab', ctx.signal);
  },
});
