// Moving labels into a native field, one issue per call, shared by "Move weight labels to the weight field" and "Move
// workflow labels to Status": planned on the issue as the forge has it now (never on the list's copy), the field
// written and read back, and only then the labels removed. A call repeated after a reload or a failure finds the work
// done so far and finishes it: write → read back → remove is safe to run again.
import type { Capabilities, Issue, IssueRef } from '../forge/model';
import type { CachedForge } from './cached-forge';

/** What both moves' plans have in common: a move writes the field, then both remove `labels`. */
export type LabelMovePlan =
  | { kind: 'move'; labels: string[] }
  | { kind: 'drop-label'; labels: string[] }
  | { kind: 'skip'; reason: string }
  | { kind: 'none' };

export interface LabelMoveOutcome<M> {
  move: M;
  /** The issue afterwards (unchanged for 'skip' and 'none'). */
  issue: Issue;
}

export async function runLabelMove<M extends LabelMovePlan>(
  forge: CachedForge,
  ref: IssueRef,
  plan: (issue: Issue, capabilities: Capabilities) => M,
  /** Writes the field for a 'move' and answers the issue read back; throws when the forge did not keep the value. */
  write: (move: Extract<M, { kind: 'move' }>) => Promise<Issue>,
): Promise<LabelMoveOutcome<M>> {
  forge.invalidate(ref);
  const [issue, caps] = await Promise.all([forge.getIssue(ref), forge.getCapabilities(ref)]);
  const move = plan(issue, caps);
  if (move.kind === 'skip' || move.kind === 'none') return { move, issue };
  const written = move.kind === 'move' ? await write(move as Extract<M, { kind: 'move' }>) : issue;
  if (!move.labels.length) return { move, issue: written };
  const after = await forge.changeLabels(ref, { add: [], remove: move.labels });
  // GitLab's label write answers the REST issue, without its Status: removing labels leaves the status read back.
  return { move, issue: after.status || !written.status ? after : { ...after, status: written.status } };
}
