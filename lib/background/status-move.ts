// "Move workflow labels to Status" (GitLab 18.2+ where the top-level group has statuses), one issue per call (the steps
// in label-move.ts): the adapter's setStatus reads the status back and fails when GitLab did not keep it, and only
// then are the workflow labels removed (kept while the team migrates: settings.nativeStatus.alsoWriteLabels).
import type { IssueRef } from '../forge/model';
import type { Settings } from '../handbook/settings';
import { planStatusMove, type StatusMove } from '../handbook/workflow/status-move';
import type { CachedForge } from './cached-forge';
import { runLabelMove, type LabelMoveOutcome } from './label-move';

export type StatusMoveOutcome = LabelMoveOutcome<StatusMove>;

export function moveWorkflowLabel(forge: CachedForge, ref: IssueRef, settings: Readonly<Settings>): Promise<StatusMoveOutcome> {
  return runLabelMove(
    forge,
    ref,
    (issue, caps) => planStatusMove({ labels: issue.labels, state: issue.state, status: issue.status ?? null, statuses: caps.statuses }, settings),
    (move) => forge.setStatus(ref, move.status.id),
  );
}
