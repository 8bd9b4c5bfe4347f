// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '@/lib/handbook/settings';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { useSettings } from './useSettings';

vi.mock('@/lib/settings/store', () => ({ loadSettings: vi.fn(), watchSettings: vi.fn() }));
const load = vi.mocked(loadSettings);
const watch = vi.mocked(watchSettings);

let notify: (s: Settings) => void;
const stop = vi.fn();

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

let renders = 0;
function Show({ initial }: { initial?: Settings }) {
  renders++;
  return <p>{useSettings(initial).scopes.weight}</p>;
}

beforeEach(() => {
  load.mockReset();
  watch.mockReset();
  stop.mockReset();
  watch.mockImplementation((cb) => ((notify = cb), stop));
});
afterEach(cleanup);

const withWeight = (weight: string) => mergeSettings({ scopes: { weight } });

describe('useSettings', () => {
  it('gives the defaults until loaded, then the stored settings', async () => {
    const first = deferred<Settings>();
    load.mockReturnValue(first.promise);
    render(<Show />);
    expect(screen.getByText(DEFAULT_SETTINGS.scopes.weight)).toBeTruthy();
    await act(async () => first.resolve(withWeight('estimate')));
    expect(screen.getByText('estimate')).toBeTruthy();
  });

  it('follows changes saved elsewhere, and a late first read does not undo them', async () => {
    const first = deferred<Settings>();
    load.mockReturnValue(first.promise);
    render(<Show />);
    await act(async () => notify(withWeight('points')));
    expect(screen.getByText('points')).toBeTruthy();
    await act(async () => first.resolve(withWeight('stale')));
    expect(screen.getByText('points')).toBeTruthy();
  });

  it('keeps the defaults when storage fails, and stops watching on unmount', async () => {
    const first = deferred<Settings>();
    load.mockReturnValue(first.promise);
    const { unmount } = render(<Show />);
    await act(async () => first.reject(new Error('storage')));
    expect(screen.getByText('weight')).toBeTruthy();
    unmount();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('starts from settings read before the first render, re-rendering only if storage then holds others', async () => {
    load.mockResolvedValue(withWeight('estimate'));
    renders = 0;
    render(<Show initial={withWeight('estimate')} />);
    expect(screen.getByText('estimate')).toBeTruthy();
    await act(async () => undefined);
    expect(load).toHaveBeenCalledTimes(1);
    expect(renders).toBe(1);
    cleanup();
    load.mockResolvedValue(withWeight('points')); // saved between that read and this render
    render(<Show initial={withWeight('estimate')} />);
    await act(async () => undefined);
    expect(screen.getByText('points')).toBeTruthy();
  });
});
