// The label check behind "Check the project's labels" (HandbookLabels.tsx loads it on the first click): which of the
// process's labels the project lacks, and creating them. Never blocks the rest of the panel: a failure is a quiet note.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { missingLabels } from '@/lib/handbook/handbookLabels';
import { call, type Response } from '@/lib/messaging';
import { failureText } from './errorText';
import type { WeightPartProps } from './types';

type Level = 'project' | 'group';
type Load = { status: 'loading' } | { status: 'forbidden' } | { status: 'failed'; text: string } | { status: 'ready'; names: string[] };
type Outcome = Response<'createLabels'>;
const BATCH = 100; // the protocol's limit per request

export type HandbookLabelsProps = Pick<WeightPartProps, 'view' | 'settings' | 'writer'>;

/** Starts checking when mounted; its button takes the focus of the one the user pressed to get here. */
export function HandbookLabelsCheck({ view, settings, writer }: HandbookLabelsProps) {
  const { issue, capabilities } = view;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [level, setLevel] = useState<Level>('project');
  const [creating, setCreating] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const button = useRef<HTMLButtonElement>(null);

  // The panel remounts this part for another issue, so an answer always belongs to the issue shown.
  const fetchLabels = async () => {
    const ref = issue.ref;
    const r = await call('listLabels', { ref });
    if (r.ok) setLoad({ status: 'ready', names: r.data.map((l) => l.name) });
    else if (r.error.kind === 'forbidden') setLoad({ status: 'forbidden' });
    else setLoad({ status: 'failed', text: failureText("check the project's labels", r.error, ref.forge) });
  };
  const check = () => {
    if (load.status === 'loading') return;
    setLoad({ status: 'loading' });
    void fetchLabels();
  };
  useEffect(() => {
    button.current?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void fetchLabels();
    // Once, on mount: the first check was asked for by the click that mounted this (its answer sets state later).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const missing = useMemo(
    () => (load.status === 'ready' ? missingLabels(load.names, issue.ref.forge, capabilities, settings) : []),
    [load, issue.ref.forge, capabilities, settings],
  );

  const create = async () => {
    if (writer.busy || missing.length === 0 || load.status !== 'ready') return;
    const labels = missing.map(({ name, color, description }) => ({ name, color, description }));
    setCreating(true);
    setError(null);
    setOutcome(null);
    const result = await writer.run(async () => {
      const total: Outcome = { created: [], existing: [], failed: [] };
      for (let i = 0; i < labels.length; i += BATCH) {
        const r = await call('createLabels', { ref: issue.ref, level, labels: labels.slice(i, i + BATCH) });
        if (!r.ok) return { total, error: r.error };
        total.created.push(...r.data.created);
        total.existing.push(...r.data.existing);
        total.failed.push(...r.data.failed);
      }
      return { total, error: null };
    });
    setCreating(false);
    if (result === null) return;
    const { total } = result;
    setLoad({ status: 'ready', names: [...load.names, ...total.created, ...total.existing] });
    if (total.created.length + total.existing.length + total.failed.length > 0) setOutcome(total);
    if (result.error) {
      const maintainer = result.error.kind === 'forbidden' ? ' Creating labels needs a Maintainer.' : '';
      setError(failureText("create the handbook's labels", result.error, issue.ref.forge) + maintainer);
    }
  };

  const checkButton = (
    <button type="button" ref={button} onClick={check}>
      Check the project&apos;s labels
    </button>
  );
  if (load.status === 'loading' || load.status === 'forbidden' || load.status === 'failed')
    return (
      <section className="handbook-labels" aria-label="Handbook labels">
        {load.status === 'forbidden' ? (
          <p className="hint">
            Your token can&apos;t read this project&apos;s labels: checking and creating the handbook&apos;s labels needs a
            Maintainer.
          </p>
        ) : (
          <div className="row">
            {checkButton}
            <p className="status" role="status">
              {load.status === 'loading' && 'Checking the labels…'}
            </p>
          </div>
        )}
        {load.status === 'failed' && <p className="hint">{load.text}</p>}
      </section>
    );

  return (
    <section className="handbook-labels" aria-label="Handbook labels">
      {missing.length > 0 && (
        <>
          <p>
            This project lacks {missing.length} of the handbook&apos;s labels.
          </p>
          <details>
            <summary>Show the {missing.length} missing labels</summary>
            <ul className="label-list">
              {missing.map((l) => (
                <li key={l.name}>
                  <span className="swatch" style={{ background: l.color }} aria-hidden="true" /> {l.name} — {l.description}
                </li>
              ))}
            </ul>
          </details>
          {issue.ref.forge === 'gitlab' && (
            <fieldset role="radiogroup" aria-labelledby={`${id}-level`}>
              <legend id={`${id}-level`}>Create them at</legend>
              {(['project', 'group'] as const).map((l) => (
                <label key={l}>
                  <input type="radio" name={`${id}-level-choice`} checked={level === l} onChange={() => setLevel(l)} />
                  {l === 'project' ? 'Project' : 'Group'}
                </label>
              ))}
            </fieldset>
          )}
          <button type="button" aria-disabled={writer.busy} onClick={() => void create()}>
            Create the handbook&apos;s labels
          </button>
        </>
      )}
      <p className="status" role="status">
        {creating
          ? 'Creating labels…'
          : outcome
            ? `Created ${outcome.created.length}, ${outcome.existing.length} already existed, ${outcome.failed.length} failed.`
            : missing.length === 0 && !error && "This project has all of the handbook's labels."}
      </p>
      {outcome && outcome.failed.length > 0 && (
        <ul className="label-failures" aria-label="Labels not created">
          {outcome.failed.map((f) => (
            <li key={f.name}>
              {f.name}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
