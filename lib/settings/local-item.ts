// One value in the extension's local storage, read and watched through the browser's API directly. The issue page
// reads its two stored values (settings, open panel sections) through this instead of @wxt-dev/storage, whose module
// costs every issue page about 35 kB of heap (README "Performance"); the key layout is the same (`local:settings` in
// @wxt-dev/storage is key `settings` of storage.local), so either side reads what the other wrote.
import { browser } from 'wxt/browser';

export interface LocalItem {
  /** The stored value, or null when there is none. */
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
  /** Called with the new value (null when removed) after every change, from any tab or extension page. */
  watch(cb: (value: unknown) => void): () => void;
}

export function localItem(key: string): LocalItem {
  return {
    async get() {
      const stored: Record<string, unknown> = await browser.storage.local.get(key);
      return stored[key] ?? null;
    },
    set: (value) => browser.storage.local.set({ [key]: value }),
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) cb(changes[key]!.newValue ?? null);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
