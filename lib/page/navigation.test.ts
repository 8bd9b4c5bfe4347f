// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NAVIGATION_API_EVENTS, NAVIGATION_DOCUMENT_EVENTS, watchNavigation } from './navigation';

type WithNavigation = Window & { navigation?: EventTarget };

/** Let MutationObserver callbacks (microtasks) run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setTitle(text: string) {
  let title = document.head.querySelector('title');
  if (!title) {
    title = document.createElement('title');
    document.head.append(title);
  }
  title.textContent = text;
}

describe('watchNavigation', () => {
  let controller: AbortController;
  let seen: string[];
  const record = (url: string) => seen.push(url);

  beforeEach(() => {
    history.replaceState(null, '', '/start');
    controller = new AbortController();
    seen = [];
  });

  afterEach(() => {
    controller.abort();
    delete (window as WithNavigation).navigation;
    vi.restoreAllMocks();
  });

  it('reports a pushState navigation once a forge event follows it (GitHub Turbo)', () => {
    watchNavigation(record, { signal: controller.signal });
    history.pushState(null, '', '/o/r/issues/2');
    document.dispatchEvent(new Event('turbo:load'));
    document.dispatchEvent(new Event('turbo:render'));
    expect(seen).toEqual([`${location.origin}/o/r/issues/2`]);
  });

  it('reports back/forward navigations (popstate)', () => {
    watchNavigation(record, { signal: controller.signal });
    history.pushState(null, '', '/next');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual([`${location.origin}/next`]);
  });

  it('uses the Navigation API where the browser has it', () => {
    const navigation = new EventTarget();
    (window as WithNavigation).navigation = navigation;
    watchNavigation(record, { signal: controller.signal });
    history.pushState(null, '', '/g/p/-/issues/3');
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(seen).toEqual([`${location.origin}/g/p/-/issues/3`]);
  });

  it('falls back to watching <head> when the router fires no event at all', async () => {
    watchNavigation(record, { signal: controller.signal });
    history.pushState(null, '', '/g/p/-/work_items/4');
    setTitle('Work item 4');
    await settle();
    expect(seen).toEqual([`${location.origin}/g/p/-/work_items/4`]);
  });

  it('ignores fragment-only changes and signals without a URL change', () => {
    watchNavigation(record, { signal: controller.signal });
    history.pushState(null, '', '/start#note_1');
    document.dispatchEvent(new Event('turbo:load'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual([]);
  });

  it('reports query changes and a return to an earlier URL', () => {
    watchNavigation(record, { signal: controller.signal });
    history.pushState(null, '', '/o/r/issues?q=is%3Aopen');
    document.dispatchEvent(new Event('turbo:load'));
    history.pushState(null, '', '/start');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual([`${location.origin}/o/r/issues?q=is%3Aopen`, `${location.origin}/start`]);
  });

  it('stops calling back after the signal aborts', async () => {
    const navigation = new EventTarget();
    (window as WithNavigation).navigation = navigation;
    watchNavigation(record, { signal: controller.signal });
    controller.abort();
    history.pushState(null, '', '/after-abort');
    navigation.dispatchEvent(new Event('navigatesuccess'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    for (const type of NAVIGATION_DOCUMENT_EVENTS) document.dispatchEvent(new Event(type));
    setTitle('After abort');
    await settle();
    expect(seen).toEqual([]);
  });

  it('removes every listener it added and disconnects its observer on abort', () => {
    const navigation = new EventTarget();
    (window as WithNavigation).navigation = navigation;
    const targets: EventTarget[] = [window, document, navigation];
    const added: Array<[EventTarget, string, unknown]> = [];
    const removed: Array<[EventTarget, string, unknown]> = [];
    for (const t of targets) {
      const add = t.addEventListener.bind(t);
      const remove = t.removeEventListener.bind(t);
      vi.spyOn(t, 'addEventListener').mockImplementation((type, fn, o) => {
        added.push([t, type, fn]);
        add(type, fn, o);
      });
      vi.spyOn(t, 'removeEventListener').mockImplementation((type, fn, o) => {
        removed.push([t, type, fn]);
        remove(type, fn, o);
      });
    }
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');

    watchNavigation(record, { signal: controller.signal });
    const types = added.map(([, type]) => type);
    expect(types).toEqual(expect.arrayContaining([...NAVIGATION_API_EVENTS, 'popstate', ...NAVIGATION_DOCUMENT_EVENTS]));
    expect(removed).toEqual([]);

    controller.abort();
    expect(removed).toHaveLength(added.length);
    for (const entry of added) expect(removed).toContainEqual(entry);
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('does nothing for an already aborted signal', () => {
    controller.abort();
    const add = vi.spyOn(document, 'addEventListener');
    watchNavigation(record, { signal: controller.signal });
    expect(add).not.toHaveBeenCalled();
  });
});
