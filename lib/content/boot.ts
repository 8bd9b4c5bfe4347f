// The content script proper: small and free of React and zod, so pages that aren't issues, lists or boards pay
// almost nothing. On such a page (now, or after in-page navigation) it loads the UI script into this same isolated
// world and hands over.
import type { ForgeKind } from '../forge/model';
import { BUILT_IN_HOSTS, hostFor } from '../page/hosts';
import { watchNavigation } from '../page/navigation';
import { parsePageUrl } from '../page/recognize';

export type StartUi = (kind: ForgeKind, signal: AbortSignal) => void;

declare global {
  var __refineryStartUi: StartUi | undefined;
}

/** Could this URL be a page the UI serves? Built-in hosts are parsed exactly; others were configured on purpose. */
export function mayServe(url: string): boolean {
  const builtIn = hostFor(url, BUILT_IN_HOSTS);
  return builtIn ? parsePageUrl(url, [builtIn.host]) !== null : true;
}

export interface BootOptions {
  /** Loads the UI script (which sets globalThis.__refineryStartUi). */
  loadUi: () => Promise<unknown>;
  url?: () => string;
}

export function bootContent(kind: ForgeKind, signal: AbortSignal, opts: BootOptions): void {
  const url = opts.url ?? (() => location.href);
  const waiting = new AbortController();
  signal.addEventListener('abort', () => waiting.abort());
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    waiting.abort(); // from here on the UI watches navigation itself
    if (!globalThis.__refineryStartUi) {
      await opts.loadUi();
      // Evaluating the UI's code and its first render go in separate tasks: the page may handle input in between.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!signal.aborted) globalThis.__refineryStartUi?.(kind, signal);
  };
  if (mayServe(url())) {
    void start();
    return;
  }
  watchNavigation((next) => mayServe(next) && void start(), { signal: waiting.signal });
}
