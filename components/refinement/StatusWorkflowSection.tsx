// "Workflow" where the GitLab namespace has Statuses (18.2+): the handbook's stages as a stepper over the issue's
// status. A move sets the stage's status (and, while a team migrates, the workflow:: label too). A step no status maps
// to is disabled and says why; a step whose status is done or canceled says, before the move, that it closes the issue.
import { useId, useState } from 'react';
import type { WorkItemStatus } from '@/lib/forge/model';
import { statusStepper, type StatusStep } from '@/lib/handbook/workflow/status-mapping';
import { failureText } from '@/components/weights/errorText';
import { writeStage } from './stageWrite';
import type { WorkflowSectionProps } from './WorkflowSection';

/** What a step's button says beyond its name: the reason it is disabled, or that the move closes the issue. */
function stepDescription(step: StatusStep): string | null {
  if (!step.status) return step.reason;
  return step.closes ? `Sets the status ${step.status.name}, which closes the issue.` : `Sets the status ${step.status.name}.`;
}

export function StatusWorkflowSection({ view, settings, projectLabels, writer, onIssue, children }: WorkflowSectionProps) {
  const { issue, capabilities } = view;
  const statuses = capabilities.statuses ?? [];
  const [pending, setPending] = useState<WorkItemStatus | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  const shown = pending ?? issue.status ?? null;
  const stepper = statusStepper(shown, statuses, settings);
  const busy = writer.busy;
  const unmapped = stepper.steps.filter((s) => !s.status);

  const move = async (step: StatusStep) => {
    const status = step.status;
    if (busy || !status || step.state === 'current') return;
    setError(null);
    setSaved(null);
    setPending(status);
    const r = await writer.run(() => writeStage(issue, capabilities, step.stage, settings, projectLabels));
    setPending(null); // from here the issue's own status shows: the new one, or the old one after a failure
    if (r === null) return;
    if (!r.ok) {
      setError(failureText(`set the status ${status.name}`, r.error, 'gitlab'));
      return;
    }
    onIssue(r.data.issue);
    const closed = r.data.issue.state === 'closed' && issue.state !== 'closed' ? ' The issue is closed.' : '';
    setSaved(`Status set to ${status.name}.${closed}`);
    if (r.data.labelError) setError(failureText(`write the ${settings.scopes.workflow}:: label as well`, r.data.labelError, 'gitlab'));
  };

  const describe = (step: StatusStep, i: number) => (stepDescription(step) ? `${ids}-d${i}` : undefined);
  const next = stepper.next;
  const nextIndex = next ? stepper.steps.indexOf(next) : -1;
  return (
    <nav data-refinery="workflow" className="workflow" aria-labelledby={`${ids}-t`} aria-busy={pending !== null}>
      <h3 className="section-title" id={`${ids}-t`}>
        Workflow
      </h3>
      <p className="hint">
        GitLab Status: <strong>{shown ? shown.name : 'none'}</strong>
        {shown && stepper.current === null ? ' (no handbook stage maps to it)' : ''}
        {settings.nativeStatus.alsoWriteLabels ? ` · moves also write ${settings.scopes.workflow}:: labels` : ''}
      </p>
      <ol className="steps">
        {stepper.steps.map((step, i) => (
          <li key={step.stage} data-state={step.state} data-on-path="true">
            <button
              type="button"
              aria-current={step.state === 'current' ? 'step' : undefined}
              aria-disabled={busy || step.state === 'current' || !step.status}
              aria-describedby={describe(step, i)}
              title={step.state === 'current' ? `Current stage: ${step.stage} (${step.status!.name})` : (stepDescription(step) ?? undefined)}
              onClick={() => void move(step)}
            >
              {step.stage}
            </button>
            <span id={`${ids}-d${i}`} hidden>
              {stepDescription(step)}
            </span>
          </li>
        ))}
      </ol>
      {unmapped.length > 0 && (
        <p className="hint">
          No status maps to {unmapped.map((s) => s.stage).join(', ')}: pick one for each in Refinery&apos;s options (GitLab Status mapping).
        </p>
      )}
      {next && (
        <button type="button" className="primary" aria-disabled={busy} aria-describedby={describe(next, nextIndex)} onClick={() => void move(next)}>
          Move to {next.stage}
        </button>
      )}
      <p className="status" role="status">
        {pending ? 'Setting the status…' : saved}
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
