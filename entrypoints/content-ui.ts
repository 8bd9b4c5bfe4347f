// The content UI (React, the protocol, every page feature), loaded by the small content script only on pages it
// serves. It runs in the content script's isolated world and hands its start function over through a global.
import { startContent } from '@/components/app/startContent';

export default defineUnlistedScript(() => {
  globalThis.__refineryStartUi = startContent;
});
