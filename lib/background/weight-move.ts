// "Move weight labels to the weight field", one issue per call (the steps in label-move.ts): the weight field set and
// read back before the label goes.
import { ForgeError } from '../forge/errors';
import type { IssueRef } from '../forge/model';
import { planWeightMove, type WeightMove } from '../handbook/weights/weight-move';
import type { Settings } from '../handbook/settings';
import type { CachedForge } from './cached-forge';
import { runLabelMove, type LabelMoveOutcome } from './label-move';

export type WeightMoveOutcome = LabelMoveOutcome<WeightMove>;

export function moveWeightLabel(forge: CachedForge, ref: IssueRef, settings: Readonly<Settings>): Promise<WeightMoveOutcome> {
  return runLabelMove(
    forge,
    ref,
    (issue, caps) => planWeightMove({ labels: issue.labels, weight: issue.weight, hasField: caps.weight }, settings.scopes.weight),
    async (move) => {
      await forge.setWeight(ref, move.value);
      forge.invalidate(ref);
      const back = await forge.getIssue(ref);
      if (back.weight !== move.value) {
        throw new ForgeError('conflict', `The weight field reads ${back.weight ?? 'unset'} after writing ${move.value}: the label was kept.`);
      }
      return back;
    },
  );
}
