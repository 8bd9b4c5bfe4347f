// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://github.com/o/r/pull/5"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiagnosisBoard } from '../diagnostics/board';
import { bootContent, mayServe, type BootOptions } from './boot';
import { handOverStartUi, startUiOf } from './ui-handle';

afterEach(() => {
  handOverStartUi(undefined);
  document.body.innerHTML = '';
});

/** The board the loader would answer the popup with. */
function capture(): { answer: NonNullable<BootOptions['answer']>; board: () => DiagnosisBoard } {
  let board: DiagnosisBoard | null = null;
  return {
    answer: (b) => {
      board = b;
    },
    board: () => board!,
  };
}

describe('the content-script loader', () => {
  it('serves issue, list and board pages of the built-in hosts, not the rest of them', () => {
    expect(mayServe('https://gitlab.com/g/p/-/issues/1')).toBe(true);
    expect(mayServe('https://gitlab.com/g/p/-/boards/3')).toBe(true);
    expect(mayServe('https://github.com/o/r/issues')).toBe(true);
    expect(mayServe('https://gitlab.com/g/p/-/merge_requests/1')).toBe(false);
    expect(mayServe('https://github.com/o/r/pull/5')).toBe(false);
    expect(mayServe('https://github.com/o/r')).toBe(false);
  });

  it('loads the UI once on a page it serves and starts it for this forge, with the page diagnosis', async () => {
    const startUi = vi.fn();
    const loadUi = vi.fn(async () => handOverStartUi(startUi));
    const signal = new AbortController().signal;
    const c = capture();
    bootContent('gitlab', signal, { loadUi, url: () => 'https://gitlab.com/g/p/-/issues/1', answer: c.answer });
    await vi.waitFor(() => expect(startUi).toHaveBeenCalledWith('gitlab', signal, c.board()));
    expect(loadUi).toHaveBeenCalledTimes(1);
  });

  it('loads nothing on other pages until in-page navigation reaches one it serves, and says so when asked', async () => {
    const startUi = vi.fn();
    const loadUi = vi.fn(async () => handOverStartUi(startUi));
    expect(location.href).toBe('https://github.com/o/r/pull/5');
    const c = capture();
    bootContent('github', new AbortController().signal, { loadUi, answer: c.answer });
    expect(c.board().snapshot()).toMatchObject({ forge: 'github', host: 'built-in', recognition: { status: 'not-served' }, features: [] });
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
    handOverStartUi(startUi);
    const loadUi = vi.fn();
    bootContent('gitlab', new AbortController().signal, { loadUi, url: () => 'https://git.example.com/anything', answer: capture().answer });
    await vi.waitFor(() => expect(startUi).toHaveBeenCalled());
    expect(loadUi).not.toHaveBeenCalled();
  });

  it('cannot be stopped by page elements named like a global (DOM clobbering)', async () => {
    document.body.innerHTML = '<div id="__refineryStartUi"></div><img name="__refineryStartUi"><form name="startUi"></form>';
    const startUi = vi.fn();
    const loadUi = vi.fn(async () => handOverStartUi(startUi));
    bootContent('gitlab', new AbortController().signal, { loadUi, url: () => 'https://gitlab.com/g/p/-/issues/1', answer: capture().answer });
    await vi.waitFor(() => expect(startUi).toHaveBeenCalledTimes(1));
    expect(startUiOf()).toBe(startUi);
  });
});
