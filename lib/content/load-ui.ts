// Loads the UI module into this content script's isolated world (dynamic import of a web-accessible file; built with
// the extension pages, see wxt.config.ts, so WXT's typed public paths do not list it).
import { browser } from 'wxt/browser';

export const UI_SCRIPT = 'content-ui.js';

export function loadUi(): Promise<unknown> {
  const url = (browser.runtime.getURL as (path: string) => string)(`/${UI_SCRIPT}`);
  return import(/* @vite-ignore */ url);
}
