// Backend and frontend weights (Source Code BE "Backend and Frontend issues"): an issue has one weight, so when both
// sides have work of different size the handbook records each part on its own — in the native field where the
// organisation (GitHub issue field) or group (GitLab custom field) has one, else as a scoped label.
// Most issues have one weight: the two pickers stay behind a disclosure until the issue has a split weight or the user
// opens it (the summary above shows both parts either way).
import { useId, useState } from 'react';
import { useOpenedOnce } from '@/components/app/useOpenedOnce';
import type { SplitSide } from '@/lib/forge/model';
import { issueSplitWeights, labelsInScope, splitWeights, type LabelReading } from '@/lib/handbook/labels';
import { WEIGHTS } from '@/lib/handbook/weights/weights';
import { call } from '@/lib/messaging';
import { failureText } from './errorText';
import type { WeightPartProps } from './types';

type Choice = number | 'none';

interface PartProps extends WeightPartProps {
  name: 'Backend weight' | 'Frontend weight';
  side: SplitSide;
  scope: string;
  reading: LabelReading<number>;
  /** The native field holding this part, by name; undefined where it is a label. */
  field: string | undefined;
}

/** Where a native part lives, as the panel says it under the picker. */
function fieldPlace(forge: 'gitlab' | 'github', field: string): string {
  return forge === 'github' ? `the organization's "${field}" issue field` : `the group's "${field}" custom field`;
}

function choiceOf(reading: LabelReading<number>): Choice | null {
  if (reading.status === 'absent') return 'none';
  return reading.status === 'set' ? reading.value : null; // conflicting or unreadable labels: nothing is checked
}

function SplitPart({ view, onIssue, writer, name, side, scope, reading, field }: PartProps) {
  const [pending, setPending] = useState<Choice | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const { issue } = view;
  const shown = pending ?? choiceOf(reading);

  const pick = (choice: Choice) => (field === undefined ? pickLabel(choice) : pickField(field, choice));

  const pickField = async (field: string, choice: Choice) => {
    if (writer.busy || choice === shown) return;
    setPending(choice);
    setError(null);
    setSaved(null);
    const weight = choice === 'none' ? null : (choice as 1 | 2 | 3 | 5);
    const r = await writer.run(() => call('setSplitWeight', { ref: issue.ref, side, weight }));
    setPending(null);
    if (r === null) return;
    if (!r.ok) return setError(failureText(`save the ${name.toLowerCase()}`, r.error, issue.ref.forge));
    onIssue(r.data.issue);
    const where = fieldPlace(issue.ref.forge, field);
    if (r.data.via === 'label') return setSaved(choice === 'none' ? `Removed the ${scope}:: label` : `Saved as label ${scope}::${choice}`);
    setSaved(choice === 'none' ? `Cleared ${where}` : `Saved in ${where}`);
  };

  const pickLabel = async (choice: Choice) => {
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
      {field !== undefined && <p className="hint">Stored in {fieldPlace(issue.ref.forge, field)}.</p>}
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

/**
 * A native part reads its field only (an old label beside it is not what the picker writes); `unknown` when the forge
 * has the field but its value could not be read.
 */
function nativeReading(value: number | null | undefined): LabelReading<number> {
  if (value === undefined) return { status: 'conflict', labels: [] }; // nothing checked
  return value === null ? { status: 'absent' } : { status: 'set', value, label: String(value) };
}

export function SplitWeights(props: WeightPartProps) {
  const { backendWeight, frontendWeight } = props.settings.scopes;
  const { issue, capabilities } = props.view;
  const scopes = { backend: backendWeight, frontend: frontendWeight };
  const fields = capabilities.splitWeightFields ?? {};
  const labels = splitWeights(issue.labels, scopes);
  const reading = (side: SplitSide) => (fields[side] !== undefined ? nativeReading(issue.splitWeights?.[side]) : labels[side]);
  // Open when the issue has a split weight anywhere: in a field or in a label.
  const split = issueSplitWeights(issue, scopes);
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
            {fields.backend !== undefined && fields.frontend !== undefined
              ? 'An issue can only have a single weight, so when both backend and frontend have work of different sizes the handbook records each part on its own.'
              : `An issue can only have a single weight, so when both backend and frontend have work of different sizes the handbook uses ${backendWeight}:: and ${frontendWeight}:: labels instead.`}
          </p>
          <SplitPart {...props} name="Backend weight" side="backend" scope={backendWeight} reading={reading('backend')} field={fields.backend} />
          <SplitPart {...props} name="Frontend weight" side="frontend" scope={frontendWeight} reading={reading('frontend')} field={fields.frontend} />
        </section>
      )}
    </details>
  );
}
