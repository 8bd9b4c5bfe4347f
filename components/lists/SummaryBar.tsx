// The summary bar above a list or board: the total weight of the issues shown, how many are unweighted, over 3 or ready
// without weight (each a toggle that shows only those rows), and one line saying what could not be checked. Its height
// never changes by itself (one line of figures, one line of status), so the rows below do not move.
import type { ReactNode } from 'react';
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { IssueRef } from '@/lib/forge/model';
import type { ListFilter } from '@/lib/handbook/plan/list-figures';
import type { ListState } from './controller';

export interface SummaryBarProps {
  state: ListState | null;
  /** Links to issues outside any row the badges found (counted when no row was found): the page's markup changed. */
  unplaced?: number;
  onFilter(filter: ListFilter | null): void;
  onRetry(): void;
  /** "Move weight labels to the weight field" and "Move workflow labels to Status" (MoveLabels): inline in the status line until opened. */
  move?: ReactNode;
}

const FILTERS: { id: ListFilter; count: (s: ListState) => number; text: (n: number) => string; name: (n: number) => string }[] = [
  { id: 'unweighted', count: (s) => s.figures.unweighted, text: (n) => `${n} unweighted`, name: (n) => `Show only the ${n} unweighted issues` },
  { id: 'oversized', count: (s) => s.figures.oversized, text: (n) => `${n} over 3`, name: (n) => `Show only the ${n} issues weighted over 3` },
  {
    id: 'ready-without-weight',
    count: (s) => s.figures.readyWithoutWeight,
    text: (n) => `${n} ready without weight`,
    name: (n) => `Show only the ${n} issues ready for development without a weight`,
  },
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function reference(ref: IssueRef, withProject: boolean): string {
  return withProject ? `${ref.path}#${ref.iid}` : `#${ref.iid}`;
}

function failureText(count: number, error: ForgeErrorData): string {
  const what = plural(count, 'issue');
  if (error.kind === 'rate-limited') {
    const when = error.retryAt ? ` Refinery tries again after ${new Date(error.retryAt).toLocaleTimeString()}.` : '';
    return `Rate limited by the forge: ${what} not checked yet.${when}`;
  }
  return `Could not check ${what}: ${error.message}`;
}

export function SummaryBar({ state, unplaced = 0, onFilter, onRetry, move }: SummaryBarProps) {
  const s = state;
  const lost = s !== null && !s.failed && s.issues === 0 && unplaced > 0;
  const status = lost
    ? `Refinery could not find this page's issue rows (it links to ${plural(unplaced, 'issue')}): no badges here. The toolbar popup says what it looked for.`
    : !s
    ? 'Looking for issues…'
    : s.failed
      ? failureText(s.failed.count, s.failed.error)
      : s.pending > 0
        ? `Checking ${plural(s.pending, 'issue')}…`
        : s.issues === 0
          ? 'No issues on this page.'
          : `${plural(s.figures.count, 'issue')} checked${s.filter ? `, ${s.shown} shown` : ''}.`;
  return (
    <section className="summary" aria-label="Refinery weight check">
      <div className="figures">
        <span className="total">
          Total weight <strong>{s?.figures.totalWeight ?? 0}</strong>
        </span>
        <div role="group" aria-label="Show only" className="filters">
          {FILTERS.map((f) => {
            const n = s ? f.count(s) : 0;
            const pressed = s?.filter === f.id;
            return (
              <button
                key={f.id}
                type="button"
                aria-pressed={pressed}
                aria-label={f.name(n)}
                aria-disabled={n === 0 && !pressed}
                data-filter={f.id}
                onClick={() => (n > 0 || pressed) && onFilter(pressed ? null : f.id)}
              >
                {f.text(n)}
              </button>
            );
          })}
          <button type="button" aria-disabled={!s?.filter} onClick={() => s?.filter && onFilter(null)}>
            Show all
          </button>
        </div>
      </div>
      <div className="status-line">
        <p role="status" className={s?.failed || lost ? 'problem' : undefined} title={status}>
          {status}
        </p>
        {s?.failed && (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
        {s && s.missing.length > 0 && (
          <details className="missing">
            <summary>{plural(s.missing.length, 'issue')} not readable</summary>
            <p>
              Your token cannot read {s.missing.length === 1 ? 'this issue' : 'these issues'}, or {s.missing.length === 1 ? 'it no longer exists' : 'they no longer exist'}:{' '}
              {s.missing.slice(0, 20).map((r) => reference(r, s.spansProjects)).join(', ')}
              {s.missing.length > 20 ? ` and ${s.missing.length - 20} more` : ''}.
            </p>
          </details>
        )}
        {move}
      </div>
    </section>
  );
}

export const summaryStyles = `
.summary { display: grid; gap: 2px; padding: 6px 10px; margin: 6px 0; border: 1px solid var(--r-border); border-radius: 4px; background: var(--r-bg-subtle); font-size: 0.875rem; }
.figures, .status-line { display: flex; gap: 8px; align-items: center; min-height: 1.6em; white-space: nowrap; overflow: hidden; }
.filters { display: flex; gap: 4px; }
.summary button { font: inherit; font-size: 0.8rem; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--r-border); background: var(--r-bg); color: var(--r-fg); cursor: pointer; }
.summary button[aria-pressed="true"] { background: var(--r-accent); border-color: var(--r-accent); color: var(--r-bg); }
.summary button[aria-disabled="true"] { opacity: 0.55; cursor: default; }
.summary button:focus-visible, .summary summary:focus-visible, .summary ul[tabindex]:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 1px; }
.status-line p { margin: 0; color: var(--r-muted); overflow: hidden; text-overflow: ellipsis; }
.status-line p.problem { color: var(--r-warn-fg); }
.missing summary { cursor: pointer; color: var(--r-accent); }
.status-line:has(.missing[open]) { flex-wrap: wrap; white-space: normal; }
.missing p { margin: 2px 0 0; }
.status-line:has(.move-labels-panel) { flex-wrap: wrap; white-space: normal; }
.move-labels-panel { flex-basis: 100%; }
.move-labels { flex: none; }
`;
