// The page's diagnosis board (lib/diagnostics/board.ts) as the content UI's features see it: one per isolated world,
// set when the UI starts. A feature registers a reporter while it is on the page; none is computed until asked.
import type { DiagnosisBoard, Reporter } from '@/lib/diagnostics/board';

let board: DiagnosisBoard | null = null;

export function setBoard(next: DiagnosisBoard | null): void {
  board = next;
}

export function currentBoard(): DiagnosisBoard | null {
  return board;
}

/** Registers the feature's reporter; returns its removal (a no-op without a board). */
export function reportFeature(feature: string, reporter: Reporter): () => void {
  return board ? board.report(feature, reporter) : () => undefined;
}
