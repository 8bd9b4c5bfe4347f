// Runs code in our content script's isolated world of a page (what a compromised or hostile content-script context
// could do), through the DevTools protocol: Playwright evaluates in the page's main world only.
import type { Page } from '@playwright/test';

export async function inContentWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const frameId = ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameId && c.name === 'Refinery');
  if (!world) throw new Error(`No Refinery content-script world in ${page.url()} (worlds: ${contexts.map((c) => c.name).join(', ')})`);
  const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value as T;
}
