// How the content UI hands its start function to the small content script in the same isolated world: a property
// of that world's global keyed by a symbol. A string-named global can be shadowed by the page (DOM clobbering: an
// element with id="__refineryStartUi" once stopped the UI); page elements appear on `window` under string keys only.
import type { ForgeKind } from '../forge/model';
import type { DiagnosisBoard } from '../diagnostics/board';

export type StartUi = (kind: ForgeKind, signal: AbortSignal, board: DiagnosisBoard) => void;

const START_UI = Symbol.for('refinery.startUi');

export function handOverStartUi(start: StartUi | undefined): void {
  (globalThis as unknown as Record<symbol, unknown>)[START_UI] = start;
}

export function startUiOf(): StartUi | undefined {
  const start = (globalThis as unknown as Record<symbol, unknown>)[START_UI];
  return typeof start === 'function' ? (start as StartUi) : undefined;
}
