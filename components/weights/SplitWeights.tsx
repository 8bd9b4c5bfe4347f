// Backend and frontend weights as scoped labels (Source Code BE "Backend and Frontend issues"): an issue has one
// weight, so when both sides have work of different size the handbook records each part as its own label.
// Most issues have one weight: the two pickers stay behind a disclosure until the issue has a split label or the user
// opens it (the summary above shows both parts either way).
import { useId, useState } from 'react';
import { useOpenedOnce } from '@/components/app/useOpenedOnce';
import { labelsInScope, splitWeights, type LabelReading } from '@/lib/handbook/labels';
import { WEIGHTS } from '@/lib/handbook/weights';
import { call } from '@/lib/messaging';
import { failureText } from './errorText';
import type { WeightPartProps } from './types';

type Choice = number | 'none';

interface PartProps extends WeightPartProps {
  name: 'Backend weight' | 'Frontend weight';
  scope: string;
  reading: LabelReading<number>;
}

function choiceOf(reading: LabelReading<number>): Choice | null {
  if (reading.status === 'absent') return 'none';
  return reading.status === 'set' ? reading.value : null; // conflicting or unreadable labels: nothing is checked
}

function SplitPart({ view, onIssue, writer, name, scope, reading }: PartProps) {
  const [pending, setPending] = useState<Choice | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const { issue } = view;
  const shown = pending ?? choiceOf(reading);

  const pick = async (choice: Choice) => {
    if (writer.busy) return;
    const remove = labelsInScope(issue.labels, scope);
    if (choice === 'none' && remove.length === 0) return;
    // Adding one label of a scope: the adapters drop the scope's other labels (GitLab Free and GitHub included).
    const change = choice === 'none' ? { add: [], remove } : { add: [`${scope}::${choice}`], remove: [] };
    setPending(choice);
    setError(null);
    setSaved(null);
    const r = await writer.run(() => call('changeLabels', { ref: issue.ref, change }));
    setPending(null);
    if (r === null) return;
    if (!r.ok) return setError(failureText(`save the ${name.toLowerCase()}`, r.error, issue.ref.forge));
    onIssue(r.data);
    setSaved(choice === 'none' ? `Removed ${remove.join(', ')}` : `Saved as label ${scope}::${choice}`);
  };

  const choices: Choice[] = [...WEIGHTS.map((w) => w.weight), 'none'];
  return (
    <div className="split-part">
      <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} aria-busy={pending !== null}>
        <legend id={`${id}-legend`}>{name}</legend>
        {choices.map((c) => (
          <label key={c} className="split-option">
            <input type="radio" name={`${id}-split`} checked={shown === c} onChange={() => void pick(c)} />
            {c === 'none' ? 'None' : c}
          </label>
        ))}
      </fieldset>
      <p className="status" role="status">
        {pending !== null ? 'Saving…' : saved}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SplitWeights(props: WeightPartProps) {
  const { backendWeight, frontendWeight } = props.settings.scopes;
  const split = splitWeights(props.view.issue.labels, { backend: backendWeight, frontend: frontendWeight });
  const inUse = split.backend.status !== 'absent' || split.frontend.status !== 'absent';
  const [open, setOpen] = useState(inUse);
  // Split labels that arrive later (a write, a fix) open the disclosure too.
  const [wasInUse, setWasInUse] = useState(inUse);
  if (inUse !== wasInUse) {
    setWasInUse(inUse);
    if (inUse) setOpen(true);
  }
  // Once shown, the pickers stay mounted when closed: a save under way keeps its status line.
  const mounted = useOpenedOnce(open);
  return (
    <details className="split-weights" open={open} onToggle={(e) => e.currentTarget.open !== open && setOpen(e.currentTarget.open)}>
      <summary>Split weight: backend / frontend</summary>
      {mounted && (
        <section aria-label="Backend and frontend weights">
          <p className="hint">
            An issue can only have a single weight, so when both backend and frontend have work of different sizes the
            handbook uses {backendWeight}:: and {frontendWeight}:: labels instead.
          </p>
          <SplitPart {...props} name="Backend weight" scope={backendWeight} reading={split.backend} />
          <SplitPart {...props} name="Frontend weight" scope={frontendWeight} reading={split.frontend} />
        </section>
      )}
    </details>
  );
}
