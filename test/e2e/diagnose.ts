// What the content script in a tab made of its page (lib/content/answer-diagnosis.ts), asked from the extension's
// service worker as the popup asks it. A test that must show Refinery stayed away waits for this answer: the content
// script has then run and decided, which no fixed wait can tell.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { PageDiagnosis } from '../../lib/diagnostics/model';
import { expect } from './fixtures';

export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
}

/** The diagnosis of the tab showing `url`, once its content script answers with one that satisfies `ready`. */
export async function diagnose(worker: Worker, url: string, ready: (d: PageDiagnosis) => boolean = () => true): Promise<PageDiagnosis> {
  let last: PageDiagnosis | null = null;
  await expect
    .poll(async () => {
      const tabId = await tabIdOf(worker, url);
      last = await worker.evaluate(
        (id) => chrome.tabs.sendMessage(id, { type: 'refinery:diagnose' }).catch(() => null) as Promise<PageDiagnosis | null>,
        tabId,
      );
      return last !== null && ready(last);
    })
    .toBe(true);
  return last!;
}

/** The toolbar popup, opened as a page about the tab that shows `url` (the popup reads `?tab=`). */
export async function popupFor(context: BrowserContext, worker: Worker, extensionId: string, url: string): Promise<Page> {
  const tabId = await tabIdOf(worker, url);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
