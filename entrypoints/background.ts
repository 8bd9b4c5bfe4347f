// Wiring only: the background is the one place that holds tokens and calls forge APIs.
import { browser } from 'wxt/browser';
import { isAllowedSender } from '@/lib/background/guard';
import { loadConnections, watchConnections } from '@/lib/background/connections';
import { createHandlers } from '@/lib/background/handlers';
import { forgeFor } from '@/lib/background/forges';
import { serialSync } from '@/lib/background/registration';
import { toErrorData } from '@/lib/background/errors';
import { serve } from '@/lib/messaging';

export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  serve(
    createHandlers(forgeFor),
    async (sender, method, params) =>
      isAllowedSender({ runtimeId: browser.runtime.id, extensionOrigin, connections: await loadConnections() }, sender, method, params),
    toErrorData,
  );
  const syncOnce = serialSync(loadConnections);
  const sync = () => {
    syncOnce().catch((e: unknown) => console.warn('Refinery: could not register content scripts', e));
  };
  sync();
  watchConnections(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
});
