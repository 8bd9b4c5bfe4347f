// "Move weight labels to the weight field" (GitLab Premium+, a GitHub organisation's number issue field) and "Move
// workflow labels to Status" (GitLab 18.2+ where the top-level group has statuses) for the issues in view: a preview of
// what happens to each issue, then one issue at a time through the background (which plans again on fresh data, writes
// the field, reads it back and only then removes the label), with progress. The job is kept in local storage after
// every issue: a reload or a failure half-way is resumed. One component, a spec per kind of move.
import { useEffect, useId, useRef, useState } from 'react';
import type { Issue } from '@/lib/forge/model';
import { describeStatusMove, planStatusMove, type StatusMove } from '@/lib/handbook/workflow/status-move';
import type { Settings } from '@/lib/handbook/settings';
import { describeWeightMove, planWeightMove, type WeightMove } from '@/lib/handbook/weights/weight-move';
import { call, type IssueView, type Result } from '@/lib/messaging';
import { loadLabelMoveJob, saveLabelMoveJob, type LabelMoveJob, type LabelMoveKind } from '@/lib/settings/label-move-job';
import { issueKey } from './controller';

type Plan = { kind: 'move' | 'drop-label' | 'skip' | 'none' };

/** What differs between the moves: names, the plan and the background method. */
export interface LabelMoveSpec<M extends Plan> {
  kind: LabelMoveKind;
  /** "weight label": counted in the texts. */
  noun: string;
  /** The panel's accessible name. */
  title: string;
  /** Where the labels go, as the texts name it ("\"Weight\" field", "GitLab Status"). */
  field(views: readonly IssueView[]): string;
  /** The move planned on the list's copy; 'none' is not listed. */
  plan(view: IssueView, settings: Readonly<Settings>): M;
  describe(move: M, field: string): string;
  /** "the \"Weight\" field", "GitLab Status": after "to". */
  into(field: string): string;
  /** What the preview says before its list. */
  intro: string;
  send(ref: Issue['ref']): Promise<Result<{ move: M; issue: Issue }>>;
}

export const weightMoveSpec: LabelMoveSpec<WeightMove> = {
  kind: 'weight',
  noun: 'weight label',
  title: 'Move weight labels to the weight field',
  field: (views) => {
    const named = views.find((v) => v.capabilities.weightField)?.capabilities.weightField;
    return named ? `"${named}" field` : 'weight field';
  },
  plan: (v, settings) =>
    v.capabilities.weight ? planWeightMove({ labels: v.issue.labels, weight: v.issue.weight, hasField: true }, settings.scopes.weight) : { kind: 'none' },
  describe: describeWeightMove,
  into: (field) => `the ${field}`,
  intro: "What happens to each issue in view (planned again on the forge's data just before writing; a label is removed only after the field reads back its value):",
  send: (ref) => call('moveWeightLabel', { ref }),
};

export const statusMoveSpec: LabelMoveSpec<StatusMove> = {
  kind: 'workflow',
  noun: 'workflow label',
  title: 'Move workflow labels to Status',
  field: () => 'GitLab Status',
  plan: (v, settings) =>
    v.capabilities.statuses?.length
      ? planStatusMove({ labels: v.issue.labels, state: v.issue.state, status: v.issue.status ?? null, statuses: v.capabilities.statuses }, settings)
      : { kind: 'none' },
  describe: (move) => describeStatusMove(move),
  into: (field) => field,
  intro:
    "What happens to each issue in view (planned again on GitLab's data just before writing; a label is removed only after the status reads back; a done or canceled status closes the issue):",
  send: (ref) => call('moveWorkflowLabel', { ref }),
};

export interface MoveLabelsProps<M extends Plan> {
  spec: LabelMoveSpec<M>;
  views: readonly IssueView[];
  settings: Readonly<Settings>;
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

const acts = (m: Plan) => m.kind === 'move' || m.kind === 'drop-label';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function finishedText(job: LabelMoveJob, spec: Pick<LabelMoveSpec<Plan>, 'noun' | 'into'>): string {
  const moved = job.results.filter((r) => r.ok).length;
  const alone = job.results.length - moved;
  return `Moved ${plural(moved, spec.noun)} to ${spec.into(job.field)}${alone ? `; ${alone} left alone` : ''}.`;
}

export function MoveLabels<M extends Plan>({ spec, views, settings, baseUrl, onIssue }: MoveLabelsProps<M>) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [job, setJob] = useState<LabelMoveJob | null>(null);
  const running = useRef(false);
  const field = spec.field(views);
  const nouns = `${spec.noun}s`;

  // A job that stopped (a reload, a failure) on this forge is offered again.
  useEffect(() => {
    let live = true;
    void loadLabelMoveJob(spec.kind).then((saved) => {
      if (!live || !saved || saved.baseUrl !== baseUrl) return;
      setJob(saved);
      setPhase({ name: 'stopped', message: `Moving ${nouns} stopped after ${saved.done.length} of ${saved.refs.length} issues.` });
    });
    return () => {
      live = false;
    };
  }, [baseUrl, spec.kind, nouns]);

  const plans = views.flatMap((v) => {
    const move = spec.plan(v, settings);
    return move.kind === 'none' ? [] : [{ view: v, move }];
  });
  const actionable = plans.filter((p) => acts(p.move));

  async function run(start: LabelMoveJob) {
    if (running.current) return;
    running.current = true;
    let current = start;
    setPhase({ name: 'running' });
    try {
      for (const ref of current.refs) {
        const key = issueKey(ref);
        if (current.done.includes(key)) continue;
        const r = await spec.send(ref);
        if (!r.ok) {
          const wait = r.error.kind === 'rate-limited' && r.error.retryAt ? ` Rate limited until ${new Date(r.error.retryAt).toLocaleTimeString()}.` : '';
          setPhase({ name: 'stopped', message: `Stopped at #${ref.iid} after ${current.done.length} of ${current.refs.length}: ${r.error.message}${wait}` });
          return;
        }
        const text = spec.describe(r.data.move, current.field);
        current = { ...current, done: [...current.done, key], results: [...current.results, { key, iid: ref.iid, text, ok: acts(r.data.move) }] };
        await saveLabelMoveJob(spec.kind, current);
        setJob(current);
        onIssue(r.data.issue);
      }
      await saveLabelMoveJob(spec.kind, null);
      setPhase({ name: 'finished', message: finishedText(current, spec) });
    } finally {
      running.current = false;
    }
  }

  function start() {
    const fresh: LabelMoveJob = { baseUrl, field, refs: actionable.map((p) => p.view.issue.ref), done: [], results: [] };
    setJob(fresh);
    void saveLabelMoveJob(spec.kind, fresh).then(() => run(fresh));
  }

  async function discard() {
    await saveLabelMoveJob(spec.kind, null);
    setJob(null);
    setPhase({ name: 'idle' });
  }

  if (phase.name === 'idle') {
    if (actionable.length === 0) return null;
    return (
      <button type="button" className="move-labels" aria-expanded={false} aria-controls={`${id}-preview`} onClick={() => setPhase({ name: 'preview' })}>
        Move {plural(actionable.length, spec.noun)} to {spec.into(field)}…
      </button>
    );
  }

  const total = job?.refs.length ?? 0;
  const done = job?.done.length ?? 0;
  return (
    <section className="move-labels-panel" id={`${id}-preview`} aria-label={spec.title}>
      {phase.name === 'preview' && (
        <>
          <p>{spec.intro}</p>
          {/* Scrolls when long: focusable so a keyboard can scroll it (WCAG 2.1.1; axe scrollable-region-focusable). */}
          <ul aria-label="Preview" tabIndex={0}>
            {plans.map(({ view, move }) => (
              <li key={issueKey(view.issue.ref)}>
                #{view.issue.ref.iid} {view.issue.title}: {spec.describe(move, field)}
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
          <progress max={Math.max(total, 1)} value={done} aria-label={`${capital(nouns)} moved`} />
          <p role="status">
            {phase.name === 'running' ? `Moving ${nouns}: ${done} of ${total}…` : phase.message}
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

export const moveLabelsStyles = `
.move-labels-panel { display: grid; gap: 4px; padding-top: 4px; white-space: normal; }
.move-labels-panel p, .move-labels-panel ul { margin: 0; }
.move-labels-panel ul { padding-inline-start: 18px; max-height: 12em; overflow: auto; }
.move-labels-panel .actions { display: flex; gap: 6px; }
.move-labels-panel progress { width: 100%; max-width: 320px; }
`;
