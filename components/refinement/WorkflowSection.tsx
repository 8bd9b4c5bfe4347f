// "Workflow": the issue's stage from its workflow:: label as a stepper — the handbook's stages in order, the project's
// other workflow labels around them — with one-click moves. A move adds the stage's label and removes every other
// label of the scope, on every forge and tier (GitLab Free and GitHub do not keep scoped labels exclusive).
import { useId, useState, type ReactNode } from 'react';
import type { Issue, LabelChange } from '@/lib/forge/model';
import type { Settings } from '@/lib/handbook/settings';
import { moveTo, workflowStepper, type WorkflowStep } from '@/lib/handbook/workflow/workflow';
import { call, type IssueView } from '@/lib/messaging';
import { failureText } from '@/components/weights/errorText';
import type { Writer } from '@/components/weights/useWriter';

export interface WorkflowSectionProps {
  view: IssueView;
  settings: Readonly<Settings>;
  /** Label names the project has, for its other workflow labels and their spelling. */
  projectLabels: readonly string[];
  writer: Writer;
  onIssue: (issue: Issue) => void;
  /** "Finish refinement", shown under the stepper. */
  children?: ReactNode;
}

/** The labels as they will be once `change` is written: what the stepper shows while the write runs. */
function applied(labels: readonly string[], change: LabelChange): string[] {
  const removed = new Set(change.remove);
  return [...labels.filter((l) => !removed.has(l)), ...change.add.filter((a) => !labels.includes(a))];
}

export function WorkflowSection({ view, settings, projectLabels, writer, onIssue, children }: WorkflowSectionProps) {
  const { issue } = view;
  const [pending, setPending] = useState<LabelChange | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const labels = pending ? applied(issue.labels, pending) : issue.labels;
  const stepper = workflowStepper(labels, projectLabels, settings);
  const busy = writer.busy;

  const move = async (step: WorkflowStep) => {
    if (busy || step.state === 'current') return;
    const change = moveTo(issue.labels, step.stage, settings, projectLabels);
    if (change.add.length === 0 && change.remove.length === 0) return;
    setError(null);
    setSaved(null);
    setPending(change);
    const r = await writer.run(() => call('changeLabels', { ref: issue.ref, change }));
    setPending(null); // from here the issue's own labels show: the new ones, or the old ones after a failure
    if (r === null) return;
    if (r.ok) {
      onIssue(r.data);
      setSaved(`Moved to ${step.label}.`);
    } else setError(failureText(`move the issue to ${step.label}`, r.error, issue.ref.forge));
  };

  const current = stepper.current;
  const scope = settings.scopes.workflow;
  return (
    <nav data-refinery="workflow" className="workflow" aria-labelledby={titleId} aria-busy={pending !== null}>
      <h3 className="section-title" id={titleId}>
        Workflow
      </h3>
      {current.kind === 'conflict' && (
        <p className="conflict" role="note">
          {current.labels.length} workflow labels: {current.labels.join(', ')}. Pick the stage the issue is in; the others are removed.
        </p>
      )}
      {current.kind === 'none' && <p className="hint">No {scope}:: label yet: pick the issue&apos;s stage.</p>}
      <ol className="steps">
        {stepper.steps.map((step) => (
          <li key={step.label} data-state={step.state} data-on-path={step.onPath}>
            <button
              type="button"
              aria-current={step.state === 'current' ? 'step' : undefined}
              aria-disabled={busy || step.state === 'current'}
              title={step.state === 'current' ? `Current stage: ${step.label}` : `Move to ${step.label}`}
              onClick={() => void move(step)}
            >
              {step.stage}
            </button>
          </li>
        ))}
      </ol>
      {stepper.next && (
        <button type="button" className="primary" aria-disabled={busy} onClick={() => void move(stepper.next!)}>
          Move to {stepper.next.stage}
        </button>
      )}
      <p className="status" role="status">
        {pending ? 'Moving…' : saved}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {children}
    </nav>
  );
}
