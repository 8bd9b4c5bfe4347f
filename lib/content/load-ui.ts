// Loads the UI script into this content script's isolated world (dynamic import of a web-accessible file).
import { browser } from 'wxt/browser';

export const UI_SCRIPT = 'content-ui.js';

export function loadUi(): Promise<unknown> {
  return import(/* @vite-ignore */ browser.runtime.getURL(`/${UI_SCRIPT}`));
}
