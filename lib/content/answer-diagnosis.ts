// Answers the popup's "what did you make of this page?" (tabs.sendMessage from our extension pages only; a content
// script's runtime.onMessage never hears the page itself). The answer is a board's snapshot: names and counts.
// Our GitLab and GitHub content scripts share one isolated world, and on a host matched by both (loopback hosts of
// any port, as in the tests) both run: one listener answers for the world, with the board that knows most.
import { browser } from 'wxt/browser';
import { DIAGNOSE_MESSAGE, type Recognition } from '../diagnostics/model';
import type { DiagnosisBoard } from '../diagnostics/board';

const BOARDS = Symbol.for('refinery.diagnosisBoards');
const RANK: Record<Recognition['status'], number> = { recognised: 3, vetoed: 2, 'not-served': 1, 'unknown-host': 0 };

interface Registry {
  boards: Set<DiagnosisBoard>;
}

export function answerDiagnosis(board: DiagnosisBoard, signal: AbortSignal): void {
  const world = globalThis as unknown as Record<symbol, Registry | undefined>;
  let registry = world[BOARDS];
  if (!registry) {
    const boards = new Set<DiagnosisBoard>();
    registry = world[BOARDS] = { boards };
    const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): false => {
      if (sender.id !== browser.runtime.id) return false;
      if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== DIAGNOSE_MESSAGE) return false;
      const snapshots = [...boards].map((b) => b.snapshot());
      snapshots.sort((a, b) => RANK[b.recognition.status] - RANK[a.recognition.status]);
      if (snapshots[0]) sendResponse(snapshots[0]);
      return false;
    };
    browser.runtime.onMessage.addListener(listener);
  }
  const { boards } = registry;
  boards.add(board);
  signal.addEventListener('abort', () => boards.delete(board));
}
