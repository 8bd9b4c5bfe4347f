// The content script proper: small and free of React and zod, so pages that aren't issues, lists or boards pay
// almost nothing. On such a page (now, or after in-page navigation) it loads the UI script into this same isolated
// world and hands over. It also keeps the page's diagnosis for the popup, whether or not the UI ever loads.
import { createDiagnosisBoard } from '../diagnostics/board';
import type { ForgeKind } from '../forge/model';
import { BUILT_IN_HOSTS, hostFor } from '../page/hosts';
import { watchNavigation } from '../page/navigation';
import { parsePageUrl } from '../page/recognize';
import { answerDiagnosis } from './answer-diagnosis';
import { startUiOf } from './ui-handle';

export type { StartUi } from './ui-handle';

/** Could this URL be a page the UI serves? Built-in hosts are parsed exactly; others were configured on purpose. */
export function mayServe(url: string): boolean {
  const builtIn = hostFor(url, BUILT_IN_HOSTS);
  return builtIn ? parsePageUrl(url, [builtIn.host]) !== null : true;
}

export interface BootOptions {
  /** Loads the UI script (which hands over its start function, ui-handle.ts). */
  loadUi: () => Promise<unknown>;
  url?: () => string;
  /** Answers the popup's diagnosis requests (off in unit tests without an extension runtime). */
  answer?: typeof answerDiagnosis;
}

export function bootContent(kind: ForgeKind, signal: AbortSignal, opts: BootOptions): void {
  const url = opts.url ?? (() => location.href);
  const builtIn = hostFor(url(), BUILT_IN_HOSTS) !== null;
  const board = createDiagnosisBoard(kind, document, { status: mayServe(url()) ? 'unknown-host' : 'not-served' }, builtIn ? 'built-in' : 'self-managed');
  (opts.answer ?? answerDiagnosis)(board, signal);
  const waiting = new AbortController();
  signal.addEventListener('abort', () => waiting.abort());
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    waiting.abort(); // from here on the UI watches navigation itself
    if (!startUiOf()) {
      await opts.loadUi();
      // Evaluating the UI's code and its first render go in separate tasks: the page may handle input in between.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!signal.aborted) startUiOf()?.(kind, signal, board);
  };
  if (mayServe(url())) {
    void start();
    return;
  }
  watchNavigation((next) => (mayServe(next) ? void start() : board.setRecognition({ status: 'not-served' })), { signal: waiting.signal });
}
