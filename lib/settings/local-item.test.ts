import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { mergeSettings } from '../handbook/settings';
import { localItem } from './local-item';
import { loadSettings, saveSettings, watchSettings } from './store';

beforeEach(() => fakeBrowser.reset());

describe('localItem', () => {
  it('reads null until a value is stored, then the value', async () => {
    const item = localItem('panel-sections');
    expect(await item.get()).toBeNull();
    await item.set({ status: true });
    expect(await item.get()).toEqual({ status: true });
  });

  it('shares its keys with @wxt-dev/storage, both ways', async () => {
    await storage.setItem('local:settings', { a: 1 });
    expect(await localItem('settings').get()).toEqual({ a: 1 });
    await localItem('settings').set({ b: 2 });
    expect(await storage.getItem('local:settings')).toEqual({ b: 2 });
  });

  it('tells its watcher of changes to its own key only, null when removed, and stops when asked', async () => {
    const seen = vi.fn();
    const stop = localItem('settings').watch(seen);
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.set({ settings: { x: 1 } });
    await fakeBrowser.storage.local.remove('settings');
    expect(seen.mock.calls).toEqual([[{ x: 1 }], [null]]);
    stop();
    await fakeBrowser.storage.local.set({ settings: { x: 2 } });
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

describe('the settings store', () => {
  it("gives the handbook's defaults when nothing is stored, and what the options saved", async () => {
    expect(await loadSettings()).toEqual(mergeSettings());
    await saveSettings(mergeSettings({ scopes: { weight: 'estimate' } }));
    expect((await loadSettings()).scopes.weight).toBe('estimate');
  });

  it('follows saves from other pages', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await saveSettings(mergeSettings({ scopes: { weight: 'points' } }));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]![0].scopes.weight).toBe('points');
    stop();
  });
});
