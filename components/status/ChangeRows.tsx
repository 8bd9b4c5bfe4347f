// One row per merge request (pull request on GitHub) related to the issue, each with its own complete %, confidence %
// and note; rows can be removed, and rows for other changes added.
import { useId } from 'react';
import type { ForgeKind, LinkedChange } from '@/lib/forge/model';
import { sameChange } from '@/lib/handbook/status/status-prefill';
import { newRow, type ChangeRow } from './formState';

export interface ChangeRowsProps {
  forge: ForgeKind;
  rows: ChangeRow[];
  /** The related changes as the forge has them: each row shows its change's own title and links to it. */
  linked: readonly LinkedChange[];
  onChange: (rows: ChangeRow[]) => void;
  /** Field errors by path (`changes.1.complete`). */
  errors: Record<string, string>;
}

/** What a row's controls are called: its reference, or its position while an added row has none yet. */
export function rowName(row: ChangeRow, index: number): string {
  return row.reference.trim() || `Row ${index + 1}`;
}

export function ChangeRows({ forge, rows, linked, onChange, errors }: ChangeRowsProps) {
  const id = useId();
  const kind = forge === 'github' ? 'pull request' : 'merge request';
  const set = (i: number, patch: Partial<ChangeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => onChange(rows.filter((_, j) => j !== i));

  return (
    <fieldset className="change-rows">
      <legend>{forge === 'github' ? 'Pull requests' : 'Merge requests'}</legend>
      {rows.length === 0 && <p className="hint">No related {kind}s. Add a row for each {kind} of this issue.</p>}
      {rows.map((row, i) => {
        const name = rowName(row, i);
        const field = (what: 'complete' | 'confidence' | 'note' | 'title' | 'reference') => `${id}-${row.key}-${what}`;
        const error = (what: string) => errors[`changes.${i}.${what}`] ?? (what === 'reference' ? errors[`changes.${i}`] : undefined);
        const numberInput = (what: 'complete' | 'confidence') => (
          <span className="row-field">
            <label htmlFor={field(what)}>{`${name} ${what}`}</label>
            <span className="percent-number">
              <input
                id={field(what)}
                type="number"
                min={0}
                max={100}
                step={1}
                inputMode="numeric"
                value={row[what]}
                aria-invalid={error(what) ? true : undefined}
                onChange={(e) => set(i, { [what]: e.target.value })}
              />
              <span aria-hidden="true">%</span>
            </span>
          </span>
        );
        return (
          <div className="change-row" key={row.key} role="group" aria-label={`${name} status`}>
            <ChangeTitle row={row} change={linked.find((c) => row.reference.trim() !== '' && sameChange(c.reference, row.reference))} kind={kind} />
            {row.added && (
              <span className="row-field">
                <label htmlFor={field('reference')}>{`Row ${i + 1} reference`}</label>
                <input
                  id={field('reference')}
                  type="text"
                  placeholder={forge === 'github' ? '#123' : '!123'}
                  value={row.reference}
                  aria-invalid={error('reference') ? true : undefined}
                  onChange={(e) => set(i, { reference: e.target.value })}
                />
              </span>
            )}
            <span className="row-field">
              <label htmlFor={field('title')}>{`${name} title`}</label>
              <input id={field('title')} type="text" value={row.title} onChange={(e) => set(i, { title: e.target.value })} />
            </span>
            {numberInput('complete')}
            {numberInput('confidence')}
            <span className="row-field wide">
              <label htmlFor={field('note')}>{`${name} note`}</label>
              <input id={field('note')} type="text" value={row.note} onChange={(e) => set(i, { note: e.target.value })} />
            </span>
            <button type="button" className="remove" onClick={() => remove(i)}>
              {`Remove ${name}`}
            </button>
            {(['reference', 'complete', 'confidence', 'note', 'title'] as const).map((w) =>
              error(w) ? (
                <p className="field-error" key={w}>
                  {error(w)}
                </p>
              ) : null,
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, newRow(rows)])}>
        {`Add a ${kind} row`}
      </button>
    </fieldset>
  );
}

function ChangeTitle({ row, change, kind }: { row: ChangeRow; change: LinkedChange | undefined; kind: string }) {
  // Forge data, but never a script URL in our UI: absolute http(s) links only.
  const href = change && /^https?:\/\//i.test(change.webUrl) ? change.webUrl : null;
  if (!change || href === null) {
    return (
      <p className="change-title">
        <span className="change-ref">{row.reference || `New ${kind}`}</span> {row.title}
      </p>
    );
  }
  return (
    <p className="change-title">
      <a className="change-ref" href={href} target="_blank" rel="noopener noreferrer">
        {change.reference}
      </a>{' '}
      {change.title} <span className="change-state">({change.state})</span>
    </p>
  );
}
