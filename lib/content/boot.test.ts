// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://github.com/o/r/pull/5"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootContent, mayServe } from './boot';

afterEach(() => {
  globalThis.__refineryStartUi = undefined;
});

describe('the content-script loader', () => {
  it('serves issue, list and board pages of the built-in hosts, not the rest of them', () => {
    expect(mayServe('https://gitlab.com/g/p/-/issues/1')).toBe(true);
    expect(mayServe('https://gitlab.com/g/p/-/boards/3')).toBe(true);
    expect(mayServe('https://github.com/o/r/issues')).toBe(true);
    expect(mayServe('https://gitlab.com/g/p/-/merge_requests/1')).toBe(false);
    expect(mayServe('https://github.com/o/r/pull/5')).toBe(false);
    expect(mayServe('https://github.com/o/r')).toBe(false);
  });

  it('loads the UI once on a page it serves and starts it for this forge', async () => {
    const startUi = vi.fn();
    const loadUi = vi.fn(async () => {
      globalThis.__refineryStartUi = startUi;
    });
    const signal = new AbortController().signal;
    bootContent('gitlab', signal, { loadUi, url: () => 'https://gitlab.com/g/p/-/issues/1' });
    await vi.waitFor(() => expect(startUi).toHaveBeenCalledWith('gitlab', signal));
    expect(loadUi).toHaveBeenCalledTimes(1);
  });

  it('loads nothing on other pages until in-page navigation reaches one it serves', async () => {
    const startUi = vi.fn();
    const loadUi = vi.fn(async () => {
      globalThis.__refineryStartUi = startUi;
    });
    expect(location.href).toBe('https://github.com/o/r/pull/5');
    bootContent('github', new AbortController().signal, { loadUi });
    history.pushState({}, '', '/o/r/pulls');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((r) => setTimeout(r, 10));
    expect(loadUi).not.toHaveBeenCalled();
    history.pushState({}, '', '/o/r/issues/7');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(startUi).toHaveBeenCalledTimes(1));
  });

  it('uses a UI already loaded in this world instead of loading it again', async () => {
    const startUi = vi.fn();
    globalThis.__refineryStartUi = startUi;
    const loadUi = vi.fn();
    bootContent('gitlab', new AbortController().signal, { loadUi, url: () => 'https://git.example.com/anything' });
    await vi.waitFor(() => expect(startUi).toHaveBeenCalled());
    expect(loadUi).not.toHaveBeenCalled();
  });
});
