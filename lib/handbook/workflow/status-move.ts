// Moving `workflow::` labels into GitLab Status (18.2+, where the top-level group has statuses): what happens to one
// issue. As with the weight move, the same plan is shown in the preview and recomputed by the background on the issue
// as the forge has it just before writing. The target is the status the label's stage maps to (status-mapping.ts).
// A migration never moves an issue back: a status further along than the label, or a closed issue the move would
// reopen, is left for a person. While a team migrates (settings.nativeStatus.alsoWriteLabels), the label is kept.
import type { StatusCategory, WorkItemStatus } from '@/lib/forge/model';
import { labelsInScope, workflowStage } from '../labels';
import { normalizeStage, stageIndex, type Settings } from '../settings';
import { closesIssue, mapStagesToStatuses, stageOfStatus } from './status-mapping';

/** The status a move sets, as the preview and the job's log name it. */
export interface TargetStatus {
  id: string;
  name: string;
  category: StatusCategory;
}

export type StatusMove =
  /** Set the status, read it back, then remove `labels` (none while the team migrates). */
  | { kind: 'move'; label: string; stage: string; status: TargetStatus; labels: string[]; closes: boolean }
  /** The issue already has the label's status: only remove `labels`. */
  | { kind: 'drop-label'; label: string; stage: string; status: TargetStatus; labels: string[] }
  /** Left for a person: the reason says why (nothing is written). */
  | { kind: 'skip'; reason: string }
  /** No workflow label, or nothing left to do: not listed. */
  | { kind: 'none' };

export interface StatusMoveInput {
  labels: readonly string[];
  state: 'opened' | 'closed';
  /** The issue's status; null when it has none. */
  status: Pick<WorkItemStatus, 'id' | 'name' | 'category'> | null;
  /** The namespace's statuses; absent or empty where the workflow is labels. */
  statuses: readonly WorkItemStatus[] | undefined;
}

const target = (s: WorkItemStatus): TargetStatus => ({ id: s.id, name: s.name, category: s.category });
/** Categories in the order work goes through them: a status of a later category is further along. */
const CATEGORY_ORDER: readonly StatusCategory[] = ['triage', 'to_do', 'in_progress', 'done', 'canceled'];

export function planStatusMove(issue: StatusMoveInput, settings: Readonly<Settings>): StatusMove {
  const scope = settings.scopes.workflow;
  const reading = workflowStage(issue.labels, scope);
  if (reading.status === 'absent') return { kind: 'none' };
  if (!issue.statuses?.length) return { kind: 'skip', reason: 'no GitLab Status here' };
  const labels = labelsInScope(issue.labels, scope);
  if (reading.status === 'conflict') return { kind: 'skip', reason: `several workflow labels (${reading.labels.join(', ')})` };
  if (reading.status === 'invalid') return { kind: 'skip', reason: `${reading.label} is not a workflow stage` };
  const mapped = mapStagesToStatuses(issue.statuses, settings);
  const entry = mapped.find((m) => normalizeStage(m.stage) === normalizeStage(reading.value));
  if (!entry) return { kind: 'skip', reason: `"${reading.value}" is not one of the workflow stages` };
  if (!entry.status) return { kind: 'skip', reason: `no status maps to "${entry.stage}"` };
  const keep = settings.nativeStatus.alsoWriteLabels;
  const removed = keep ? [] : labels;
  const current = issue.status;
  if (current?.id === entry.status.id) return keep ? { kind: 'none' } : { kind: 'drop-label', label: reading.label, stage: entry.stage, status: target(entry.status), labels };
  const move: StatusMove = { kind: 'move', label: reading.label, stage: entry.stage, status: target(entry.status), labels: removed, closes: closesIssue(entry.status) };
  if (!current) return issue.state === 'closed' && !move.closes ? { kind: 'skip', reason: `the issue is closed and "${entry.status.name}" would reopen it` } : move;
  if (closesIssue(current) || issue.state === 'closed') return { kind: 'skip', reason: `the status is ${current.name} (closed); "${entry.status.name}" would reopen it` };
  // Further along: a stage after the label's, or (a status no stage maps to) a later category.
  const stages = settings.workflow.stages;
  const at = stageOfStatus(current, mapped);
  const ahead =
    at !== null
      ? stageIndex(at, stages) > stageIndex(entry.stage, stages)
      : CATEGORY_ORDER.indexOf(current.category) > CATEGORY_ORDER.indexOf(entry.status.category);
  if (ahead) return { kind: 'skip', reason: `the status ${current.name} is further along than ${reading.label}` };
  return move;
}

const labelText = (labels: readonly string[]) => (labels.length ? `, ${labels.join(', ')} removed` : ', label kept (also writing workflow labels)');

/** One line of the preview, e.g. "workflow::in dev → status In progress, label removed". */
export function describeStatusMove(move: StatusMove): string {
  switch (move.kind) {
    case 'move':
      return `${move.label} → status ${move.status.name}${move.closes ? ' (closes the issue)' : ''}${labelText(move.labels)}`;
    case 'drop-label':
      return `status is already ${move.status.name}: ${move.labels.join(', ')} removed`;
    case 'skip':
      return `left alone: ${move.reason}`;
    case 'none':
      return 'nothing to move';
  }
}
