// Moving `weight::N` labels into the forge's own weight field (GitLab Premium+, a GitHub organisation's number issue
// field): what happens to one issue. The same plan is shown in the preview and recomputed by the background on the
// issue as the forge has it just before writing, so a preview made minutes earlier can never overwrite newer data.
import { labelsInScope, weightFromLabels } from '../labels';

export type WeightMove =
  /** Set the field to `value`, read it back, then remove `labels`. */
  | { kind: 'move'; value: number; labels: string[] }
  /** The field already holds the label's value: only remove `labels`. */
  | { kind: 'drop-label'; value: number; labels: string[] }
  /** Left for a person: the reason says why (nothing is written). */
  | { kind: 'skip'; reason: string }
  /** No weight label: nothing to do. */
  | { kind: 'none' };

export interface WeightMoveInput {
  labels: readonly string[];
  /** The field's value; null when unset. */
  weight: number | null;
  /** The tier or organisation has a weight field. */
  hasField: boolean;
}

export function planWeightMove(issue: WeightMoveInput, scope: string): WeightMove {
  const reading = weightFromLabels(issue.labels, scope);
  if (reading.status === 'absent') return { kind: 'none' };
  if (!issue.hasField) return { kind: 'skip', reason: 'no weight field here' };
  const labels = labelsInScope(issue.labels, scope);
  if (reading.status === 'conflict') return { kind: 'skip', reason: `several weight labels (${reading.labels.join(', ')})` };
  if (reading.status === 'invalid') return { kind: 'skip', reason: `${reading.label} is not a number` };
  if (issue.weight === null) return { kind: 'move', value: reading.value, labels };
  if (issue.weight === reading.value) return { kind: 'drop-label', value: reading.value, labels };
  return { kind: 'skip', reason: `the field holds ${issue.weight} and the label says ${reading.value}` };
}

/** One line of the preview, e.g. "weight::3 → Weight 3, label removed". */
export function describeWeightMove(move: WeightMove, field: string): string {
  switch (move.kind) {
    case 'move':
      return `${move.labels.join(', ')} → ${field} ${move.value}, label removed`;
    case 'drop-label':
      return `${field} is already ${move.value}: ${move.labels.join(', ')} removed`;
    case 'skip':
      return `left alone: ${move.reason}`;
    case 'none':
      return 'no weight label';
  }
}
