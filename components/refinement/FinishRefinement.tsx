// "Finish refinement": with every checklist item done, moves the issue to `workflow::ready for development` (the other
// workflow labels go), or, where the GitLab namespace has statuses, to the status mapped to that stage. Open items are
// named instead; a weight over 3 first shows the handbook's warning and asks. The checklist is read again first, so a
// box someone unticked a moment ago counts.
import { useEffect, useId, useRef, useState } from 'react';
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { Issue } from '@/lib/forge/model';
import { stageLabel, type Settings } from '@/lib/handbook/settings';
import { labelsWithStatusStage } from '@/lib/handbook/workflow/status-mapping';
import { finishRefinement, weightFacts } from '@/lib/handbook/workflow/workflow';
import type { IssueView } from '@/lib/messaging';
import { failureText } from '@/components/weights/errorText';
import type { Writer } from '@/components/weights/useWriter';
import { displayText, type Evaluated, type Facts } from './model';
import { writeStage } from './stageWrite';

export interface Fresh {
  evaluated: Evaluated;
  facts: Facts;
}

export interface FinishRefinementProps {
  view: IssueView;
  settings: Readonly<Settings>;
  projectLabels: readonly string[];
  writer: Writer;
  onIssue: (issue: Issue) => void;
  /** The checklist and blockers read again, past the background's cache. */
  reload: () => Promise<Fresh | { error: ForgeErrorData }>;
  /** After the label is set: tick the boxes the data now decides; a readable failure, or null. */
  afterFinish: (issue: Issue, facts: Facts) => Promise<string | null>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'blocked'; message: string }
  | { kind: 'confirm'; reason: string }
  | { kind: 'writing' }
  | { kind: 'done'; text: string; note: string | null }
  | { kind: 'failed'; text: string };

export function FinishRefinement({ view, settings, projectLabels, writer, onIssue, reload, afterFinish }: FinishRefinementProps) {
  const { issue, capabilities } = view;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const reasonId = useId();
  const goOn = useRef<HTMLButtonElement>(null);
  const running = phase.kind === 'checking' || phase.kind === 'writing';

  useEffect(() => {
    if (phase.kind === 'confirm') goOn.current?.focus();
  }, [phase.kind]);

  const finish = async (confirmed: boolean) => {
    if (running || writer.busy) return;
    setPhase({ kind: 'checking' });
    const fresh = await reload();
    if ('error' in fresh) {
      setPhase({ kind: 'failed', text: failureText('check the checklist', fresh.error, issue.ref.forge) });
      return;
    }
    const weight = weightFacts(issue, capabilities, settings);
    // With statuses the stage is the status's: the rules see it as its workflow label would read.
    const viaStatus = !!capabilities.statuses?.length;
    const labels = labelsWithStatusStage(issue.labels, issue.status, capabilities.statuses, settings);
    const result = finishRefinement({ items: fresh.evaluated.items, weight, labels, projectLabels }, settings, { confirmed });
    if (result.kind === 'already') {
      setPhase({ kind: 'done', text: `The issue is already at ${result.label}.`, note: null });
      return;
    }
    if (result.kind === 'blocked') {
      setPhase({ kind: 'blocked', message: displayText(result.message) });
      return;
    }
    if (result.kind === 'needsConfirmation') {
      setPhase({ kind: 'confirm', reason: result.reason });
      return;
    }
    setPhase({ kind: 'writing' });
    const ready = settings.workflow.readyForDevelopment;
    const r = await writer.run(() => writeStage(issue, capabilities, ready, settings, projectLabels));
    if (r === null) {
      setPhase({ kind: 'idle' }); // another write was running; nothing was sent
      return;
    }
    if (!r.ok) {
      setPhase({ kind: 'failed', text: failureText(viaStatus ? 'set the ready status' : 'set the ready label', r.error, issue.ref.forge) });
      return;
    }
    const after = r.data.issue;
    onIssue(after);
    const note = await afterFinish(after, fresh.facts);
    const labelNote = r.data.labelError ? failureText('write the workflow label as well', r.data.labelError, issue.ref.forge) : null;
    const now = after.status && viaStatus ? `status ${after.status.name}` : (result.change.add[0] ?? stageLabel(ready, settings));
    setPhase({ kind: 'done', text: `Refinement finished: the issue is now ${now}.`, note: [note, labelNote].filter(Boolean).join(' ') || null });
  };

  return (
    <div className="finish">
      <button type="button" className="primary" aria-disabled={running || writer.busy} onClick={() => void finish(false)}>
        Finish refinement
      </button>
      <p className="status" role="status">
        {phase.kind === 'checking' ? 'Checking the checklist…' : phase.kind === 'writing' ? (capabilities.statuses?.length ? 'Setting the status…' : 'Setting the label…') : phase.kind === 'done' ? phase.text : null}
      </p>
      {phase.kind === 'done' && phase.note && <p className="hint">{phase.note}</p>}
      {phase.kind === 'blocked' && (
        <p className="alert" role="alert">
          Not finished yet. {phase.message}
        </p>
      )}
      {phase.kind === 'failed' && (
        <p className="alert" role="alert">
          {phase.text}
        </p>
      )}
      {phase.kind === 'confirm' && (
        <div className="warning" role="group" aria-label="Confirm finishing refinement">
          <p id={reasonId}>{phase.reason}</p>
          <div className="row">
            <button type="button" ref={goOn} aria-describedby={reasonId} onClick={() => void finish(true)}>
              Finish anyway
            </button>
            <button type="button" onClick={() => setPhase({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
