// Answers the popup's "what did you make of this page?" (tabs.sendMessage from our extension pages only; a content
// script's runtime.onMessage never hears the page itself). The answer is the board's snapshot: names and counts.
import { browser } from 'wxt/browser';
import { DIAGNOSE_MESSAGE } from '../diagnostics/model';
import type { DiagnosisBoard } from '../diagnostics/board';

export function answerDiagnosis(board: DiagnosisBoard, signal: AbortSignal): void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): false => {
    if (sender.id !== browser.runtime.id) return false;
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== DIAGNOSE_MESSAGE) return false;
    sendResponse(board.snapshot());
    return false;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
