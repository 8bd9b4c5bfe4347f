// The handbook's weight table as a radio group. A pick is written at once (optimistically); a failure rolls back.
// Native radios: arrow keys move and pick. Picks made while a write runs are queued and only the latest is sent.
import { useId, useRef, useState, type Ref } from 'react';
import type { WeightValue } from '@/lib/forge/model';
import { effectiveWeight } from '@/lib/handbook/refinement/facts';
import { labelsInScope } from '@/lib/handbook/labels';
import { WEIGHTS, isHandbookWeight } from '@/lib/handbook/weights/weights';
import { call, type WriteResult } from '@/lib/messaging';
import type { ForgeErrorData } from '@/lib/forge/errors';
import { failureText } from './errorText';
import type { WeightPartProps } from './types';
import { WeightNotes } from './WeightNotes';
import { WeightTable } from './WeightTable';

/** undefined: nothing pending; null: clearing. */
type Pending = WeightValue | null | undefined;
type Outcome = { ok: true; result: WriteResult; weight: WeightValue | null } | { ok: false; error: ForgeErrorData };

function savedText({ via }: WriteResult, weight: WeightValue | null, scope: string): string {
  if (weight === null) return via === 'field' ? "Cleared the issue's weight" : `Removed the ${scope}:: label`;
  return via === 'field' ? "Saved as the issue's weight" : `Saved as label ${scope}::${weight}`;
}

export function WeightPicker({
  view,
  settings,
  onIssue,
  writer,
  groupRef,
}: WeightPartProps & { groupRef?: Ref<HTMLFieldSetElement> }) {
  const { issue, capabilities } = view;
  const scope = settings.scopes.weight;
  const current = effectiveWeight(issue, capabilities, settings);
  const [pending, setPending] = useState<Pending>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sending = useRef(false);
  const queued = useRef<Pending>(undefined);
  const id = useId();

  const shown = pending !== undefined ? pending : current.weight;
  const clearable = shown !== null || labelsInScope(issue.labels, scope).length > 0;

  const writeOnce = async (weight: WeightValue | null): Promise<Outcome> => {
    const r = await call('setWeight', { ref: issue.ref, weight });
    if (!r.ok) return r;
    let result = r.data;
    // A tier with the field clears only the field; a weight:: label left from earlier would still read as the weight.
    const leftover = weight === null && result.via === 'field' ? labelsInScope(result.issue.labels, scope) : [];
    if (leftover.length > 0) {
      const cleaned = await call('changeLabels', { ref: issue.ref, change: { add: [], remove: leftover } });
      if (!cleaned.ok) return cleaned;
      result = { ...result, issue: cleaned.data };
    }
    return { ok: true, result, weight };
  };

  const send = async (first: WeightValue | null) => {
    sending.current = true;
    const outcome = await writer.run(async () => {
      let want = first;
      for (;;) {
        const done = await writeOnce(want);
        if (!done.ok) return done;
        onIssue(done.result.issue);
        const next = queued.current;
        queued.current = undefined;
        if (next === undefined || next === want) return done;
        want = next;
      }
    });
    sending.current = false;
    queued.current = undefined;
    setPending(undefined); // from here the issue's own value shows: the new one, or the old one after a failure
    if (outcome === null) return; // another part of the panel was writing; nothing was sent
    if (outcome.ok) setSaved(savedText(outcome.result, outcome.weight, scope));
    else setError(failureText('save the weight', outcome.error, issue.ref.forge));
  };

  const pick = (weight: WeightValue | null) => {
    if (!sending.current && writer.busy) return; // another write is running: the radio snaps back
    setError(null);
    setSaved(null);
    setPending(weight);
    if (sending.current) queued.current = weight;
    else void send(weight);
  };

  const busy = pending !== undefined;
  const where = capabilities.weightField
    ? `Stored in the organization's "${capabilities.weightField}" issue field.`
    : capabilities.weight
    ? "Stored in the issue's weight field."
    : `Stored as a ${scope}:: label: this ${issue.ref.forge === 'github' ? 'forge' : 'tier'} has no weight field.`;

  return (
    <section data-refinery="weight" className="weight-picker" aria-labelledby={`${id}-legend`}>
      <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} aria-busy={busy} ref={groupRef}>
        <legend id={`${id}-legend`}>Weight</legend>
        {WEIGHTS.map((w) => (
          <div className="weight-option" key={w.weight}>
            <input
              type="radio"
              id={`${id}-${w.weight}`}
              name={`${id}-weight`}
              value={w.weight}
              checked={shown === w.weight}
              onChange={() => pick(w.weight)}
              aria-describedby={`${id}-${w.weight}-short ${id}-${w.weight}-full`}
            />
            <label htmlFor={`${id}-${w.weight}`}>
              <span className="weight-num">{w.weight}</span> {w.name}
            </label>
            <span className="weight-short" id={`${id}-${w.weight}-short`}>
              confidence ≥ {w.confidence}%
            </span>
          </div>
        ))}
      </fieldset>
      <p className="hint">{where}</p>
      {current.weight !== null && !isHandbookWeight(current.weight) && pending === undefined && (
        <p className="hint">
          The weight is {current.weight}, which is not in the handbook&apos;s table: pick 1, 2, 3 or 5.
        </p>
      )}
      <WeightTable idFor={(w) => `${id}-${w}-full`} />
      <WeightNotes issue={issue} settings={settings} />
      <div className="row">
        <button
          type="button"
          aria-disabled={!clearable || (writer.busy && !sending.current)}
          onClick={() => clearable && pick(null)}
        >
          Clear weight
        </button>
        <p className="status" role="status">
          {busy ? 'Saving…' : saved}
        </p>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
