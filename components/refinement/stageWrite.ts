// Moving an issue to a handbook stage: GitLab Status where the namespace has statuses (and the workflow:: label too
// while a team migrates), the workflow:: label everywhere else. Shared by the stepper and "Finish refinement".
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { Capabilities, Issue } from '@/lib/forge/model';
import { normalizeStage, type Settings } from '@/lib/handbook/settings';
import { mapStagesToStatuses } from '@/lib/handbook/workflow/status-mapping';
import { moveTo } from '@/lib/handbook/workflow/workflow';
import { call, type Result } from '@/lib/messaging';

export interface StageWritten {
  issue: Issue;
  /** While migrating: the status is set but the workflow:: label could not be written. */
  labelError: ForgeErrorData | null;
}

const done = (issue: Issue, labelError: ForgeErrorData | null = null): Result<StageWritten> => ({ ok: true, data: { issue, labelError } });

export async function writeStage(
  issue: Issue,
  capabilities: Pick<Capabilities, 'statuses'>,
  stage: string,
  settings: Readonly<Settings>,
  projectLabels: readonly string[],
): Promise<Result<StageWritten>> {
  const labels = async (current: Issue): Promise<Result<Issue> | null> => {
    const change = moveTo(current.labels, stage, settings, projectLabels);
    return change.add.length || change.remove.length ? call('changeLabels', { ref: current.ref, change }) : null;
  };
  if (!capabilities.statuses?.length) {
    const r = await labels(issue);
    return r === null ? done(issue) : r.ok ? done(r.data) : r;
  }
  const mapped = mapStagesToStatuses(capabilities.statuses, settings).find((m) => normalizeStage(m.stage) === normalizeStage(stage));
  if (!mapped?.status) return { ok: false, error: { kind: 'invalid', message: mapped?.reason ?? `"${stage}" is not one of the workflow stages.` } };
  const set = await call('setStatus', { ref: issue.ref, statusId: mapped.status.id });
  if (!set.ok || !settings.nativeStatus.alsoWriteLabels) return set.ok ? done(set.data) : set;
  const l = await labels(set.data);
  return l === null ? done(set.data) : l.ok ? done(l.data) : done(set.data, l.error);
}
