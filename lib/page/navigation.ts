// In-page navigation without a full load (GitLab's Vue router, GitHub's Turbo/React router). Both use
// history.pushState, which a content script's isolated world cannot hook, so we listen to every signal that follows
// one and compare location.href ourselves. Event-driven only: no timers, no polling.

export interface WatchNavigationOptions {
  /** Aborting removes every listener and observer; no callback runs afterwards. */
  signal: AbortSignal;
  win?: Window;
}

/** Document events the forges fire after a client-side navigation. */
export const NAVIGATION_DOCUMENT_EVENTS = [
  'turbo:load', // GitHub (Turbo)
  'turbo:render', // GitHub (Turbo, also on restoration visits)
  'soft-nav:end', // GitHub soft navigations (React and Turbo)
  'soft-nav:react-done', // GitHub React apps
  'pjax:end', // older GitHub Enterprise Server
] as const;

/** Navigation API events (Chromium; fire for pushState from any world). */
export const NAVIGATION_API_EVENTS = ['navigatesuccess', 'currententrychange'] as const;

function withoutHash(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

/**
 * Calls `onChange(location.href)` each time the URL (ignoring the fragment) differs from the last one reported.
 * Several signals usually follow one navigation; they are folded into one call. Going back to an earlier URL is a
 * change like any other.
 */
export function watchNavigation(onChange: (url: string) => void, opts: WatchNavigationOptions): void {
  const { signal } = opts;
  const win = opts.win ?? window;
  if (signal.aborted) return;
  const doc = win.document;
  let last = withoutHash(win.location.href);

  const check = () => {
    if (signal.aborted) return;
    const href = win.location.href;
    const key = withoutHash(href);
    if (key === last) return;
    last = key;
    onChange(href);
  };

  const cleanups: Array<() => void> = [];
  const listen = (target: EventTarget, type: string) => {
    target.addEventListener(type, check);
    cleanups.push(() => target.removeEventListener(type, check));
  };

  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    for (const type of NAVIGATION_API_EVENTS) listen(navigation, type);
  }
  listen(win, 'popstate');
  for (const type of NAVIGATION_DOCUMENT_EVENTS) listen(doc, type);

  // Last resort (Firefox without the Navigation API, routers that fire nothing): both forges update <title> or
  // <head> metadata on navigation.
  const Observer = (win as Window & { MutationObserver?: typeof MutationObserver }).MutationObserver;
  const root = doc.head ?? doc.documentElement;
  if (Observer && root) {
    const observer = new Observer(check);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    cleanups.push(() => observer.disconnect());
  }

  signal.addEventListener('abort', () => cleanups.splice(0).forEach((fn) => fn()), { once: true });
}
