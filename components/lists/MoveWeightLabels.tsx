// "Move weight labels to the weight field" for the issues in view, where the forge has a field (GitLab Premium+, a
// GitHub organisation's number issue field): a preview of what happens to each issue, then one issue at a time through
// the background (which plans again on fresh data, writes the field, reads it back and only then removes the label),
// with progress. The job is kept in local storage after every issue: a reload or a failure half-way is resumed.
import { useEffect, useId, useRef, useState } from 'react';
import type { Issue } from '@/lib/forge/model';
import { describeWeightMove, planWeightMove, type WeightMove } from '@/lib/handbook/weight-move';
import { call, type IssueView } from '@/lib/messaging';
import { loadWeightMoveJob, saveWeightMoveJob, type WeightMoveJob } from '@/lib/settings/weight-move-job';
import { issueKey } from './controller';

export interface MoveWeightLabelsProps {
  views: readonly IssueView[];
  /** The weight label scope (settings.scopes.weight). */
  scope: string;
  /** The connection's base URL of this page. */
  baseUrl: string;
  /** An issue as the forge has it after its move: the badges follow. */
  onIssue(issue: Issue): void;
}

type Phase =
  | { name: 'idle' }
  | { name: 'preview' }
  | { name: 'running' }
  | { name: 'stopped'; message: string }
  | { name: 'finished'; message: string };

const acts = (m: WeightMove) => m.kind === 'move' || m.kind === 'drop-label';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function fieldName(views: readonly IssueView[]): string {
  const named = views.find((v) => v.capabilities.weightField)?.capabilities.weightField;
  return named ? `"${named}" field` : 'weight field';
}

function finishedText(job: WeightMoveJob): string {
  const moved = job.results.filter((r) => r.ok).length;
  const alone = job.results.length - moved;
  return `Moved ${plural(moved, 'weight label')} to the ${job.field}${alone ? `; ${alone} left alone` : ''}.`;
}

export function MoveWeightLabels({ views, scope, baseUrl, onIssue }: MoveWeightLabelsProps) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [job, setJob] = useState<WeightMoveJob | null>(null);
  const running = useRef(false);
  const field = fieldName(views);

  // A job that stopped (a reload, a failure) on this forge is offered again.
  useEffect(() => {
    let live = true;
    void loadWeightMoveJob().then((saved) => {
      if (!live || !saved || saved.baseUrl !== baseUrl) return;
      setJob(saved);
      setPhase({ name: 'stopped', message: `Moving weight labels stopped after ${saved.done.length} of ${saved.refs.length} issues.` });
    });
    return () => {
      live = false;
    };
  }, [baseUrl]);

  const plans = views.flatMap((v) => {
    const move = planWeightMove({ labels: v.issue.labels, weight: v.issue.weight, hasField: v.capabilities.weight }, scope);
    return move.kind === 'none' || !v.capabilities.weight ? [] : [{ view: v, move }];
  });
  const actionable = plans.filter((p) => acts(p.move));

  async function run(start: WeightMoveJob) {
    if (running.current) return;
    running.current = true;
    let current = start;
    setPhase({ name: 'running' });
    try {
      for (const ref of current.refs) {
        const key = issueKey(ref);
        if (current.done.includes(key)) continue;
        const r = await call('moveWeightLabel', { ref });
        if (!r.ok) {
          const wait = r.error.kind === 'rate-limited' && r.error.retryAt ? ` Rate limited until ${new Date(r.error.retryAt).toLocaleTimeString()}.` : '';
          setPhase({ name: 'stopped', message: `Stopped at #${ref.iid} after ${current.done.length} of ${current.refs.length}: ${r.error.message}${wait}` });
          return;
        }
        const text = describeWeightMove(r.data.move, current.field);
        current = { ...current, done: [...current.done, key], results: [...current.results, { key, iid: ref.iid, text, ok: acts(r.data.move) }] };
        await saveWeightMoveJob(current);
        setJob(current);
        onIssue(r.data.issue);
      }
      await saveWeightMoveJob(null);
      setPhase({ name: 'finished', message: finishedText(current) });
    } finally {
      running.current = false;
    }
  }

  function start() {
    const fresh: WeightMoveJob = { baseUrl, field, refs: actionable.map((p) => p.view.issue.ref), done: [], results: [] };
    setJob(fresh);
    void saveWeightMoveJob(fresh).then(() => run(fresh));
  }

  async function discard() {
    await saveWeightMoveJob(null);
    setJob(null);
    setPhase({ name: 'idle' });
  }

  if (phase.name === 'idle') {
    if (actionable.length === 0) return null;
    return (
      <button type="button" className="move-labels" aria-expanded={false} aria-controls={`${id}-preview`} onClick={() => setPhase({ name: 'preview' })}>
        Move {plural(actionable.length, 'weight label')} to the {field}…
      </button>
    );
  }

  const total = job?.refs.length ?? 0;
  const done = job?.done.length ?? 0;
  return (
    <section className="move-labels-panel" id={`${id}-preview`} aria-label="Move weight labels to the weight field">
      {phase.name === 'preview' && (
        <>
          <p>
            What happens to each issue in view (planned again on the forge's data just before writing; a label is removed
            only after the field reads back its value):
          </p>
          <ul aria-label="Preview">
            {plans.map(({ view, move }) => (
              <li key={issueKey(view.issue.ref)}>
                #{view.issue.ref.iid} {view.issue.title}: {describeWeightMove(move, field)}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={start} disabled={actionable.length === 0}>
              Move {plural(actionable.length, 'label')}
            </button>
            <button type="button" onClick={() => setPhase({ name: 'idle' })}>
              Cancel
            </button>
          </div>
        </>
      )}
      {phase.name !== 'preview' && (
        <>
          <progress max={Math.max(total, 1)} value={done} aria-label="Weight labels moved" />
          <p role="status">
            {phase.name === 'running' ? `Moving weight labels: ${done} of ${total}…` : phase.message}
          </p>
          {job && job.results.length > 0 && (
            <details>
              <summary>What was done ({job.results.length})</summary>
              <ul aria-label="Done">
                {job.results.map((r) => (
                  <li key={r.key}>
                    #{r.iid}: {r.text}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {phase.name === 'stopped' && job && (
            <div className="actions">
              <button type="button" onClick={() => void run(job)}>
                Resume
              </button>
              <button type="button" onClick={() => void discard()}>
                Discard
              </button>
            </div>
          )}
          {phase.name === 'finished' && (
            <button type="button" onClick={() => setPhase({ name: 'idle' })}>
              Close
            </button>
          )}
        </>
      )}
    </section>
  );
}

export const moveWeightLabelsStyles = `
.move-labels-panel { display: grid; gap: 4px; padding-top: 4px; white-space: normal; }
.move-labels-panel p, .move-labels-panel ul { margin: 0; }
.move-labels-panel ul { padding-inline-start: 18px; max-height: 12em; overflow: auto; }
.move-labels-panel .actions { display: flex; gap: 6px; }
.move-labels-panel progress { width: 100%; max-width: 320px; }
`;
