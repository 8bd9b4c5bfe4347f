// "Move weight labels to the weight field", one issue per call: planned on the issue as the forge has it now (never on
// the list's copy), the field written and read back, and only then the label removed. A call repeated after a reload
// or a failure finds the work done so far and finishes it: set → read back → remove is safe to run again.
import { ForgeError } from '../forge/errors';
import type { IssueRef } from '../forge/model';
import { planWeightMove, type WeightMove } from '../handbook/weight-move';
import type { Settings } from '../handbook/settings';
import type { CachedForge } from './cached-forge';

export interface WeightMoveOutcome {
  move: WeightMove;
  /** The issue afterwards (unchanged for 'skip' and 'none'). */
  issue: Awaited<ReturnType<CachedForge['getIssue']>>;
}

export async function moveWeightLabel(forge: CachedForge, ref: IssueRef, settings: Readonly<Settings>): Promise<WeightMoveOutcome> {
  forge.invalidate(ref);
  const [issue, caps] = await Promise.all([forge.getIssue(ref), forge.getCapabilities(ref)]);
  const move = planWeightMove({ labels: issue.labels, weight: issue.weight, hasField: caps.weight }, settings.scopes.weight);
  if (move.kind === 'skip' || move.kind === 'none') return { move, issue };
  if (move.kind === 'move') {
    await forge.setWeight(ref, move.value);
    forge.invalidate(ref);
    const back = await forge.getIssue(ref);
    if (back.weight !== move.value) {
      throw new ForgeError('conflict', `The weight field reads ${back.weight ?? 'unset'} after writing ${move.value}: the label was kept.`);
    }
  }
  const after = await forge.changeLabels(ref, { add: [], remove: move.labels });
  return { move, issue: after };
}
