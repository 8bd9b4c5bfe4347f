// What the status form says about a post: where the health status went, and what failed and what to do. Pure.
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { Capabilities, ForgeKind, HealthStatus, IssueRef } from '@/lib/forge/model';
import { HEALTH_TEXT } from '@/lib/handbook/status/status-format';
import { healthLabel } from '@/lib/handbook/labels';
import type { PostedUpdate } from '@/lib/messaging';
import { errorContent } from '@/components/panel/errorContent';

/** Before posting: where the chosen health status will be written. */
export function healthHint(ref: IssueRef, capabilities: Capabilities, health: HealthStatus | null, scope: string): string {
  const field = ref.forge === 'gitlab' && capabilities.healthStatus;
  if (field) return "Sets the issue's health status field (GitLab Ultimate), in the same comment.";
  const why = ref.forge === 'github' ? 'GitHub has no health status field' : 'this GitLab tier has no health status field';
  const label = health === null ? `a ${scope}:: label` : `the label ${healthLabel(health, scope)}`;
  return `Sets ${label} (${why}); other ${scope}:: labels are removed.`;
}

/** After posting: what happened, in one sentence. */
export function postedText(result: PostedUpdate, health: HealthStatus | null, scope: string): string {
  const posted =
    result.outcome === 'existing'
      ? 'This update had already been posted (from another tab or an earlier try); it was not posted again.'
      : 'Update posted.';
  if (health === null || result.healthError !== null) return posted;
  if (result.healthVia === 'field') return `${posted} Health status “${HEALTH_TEXT[health]}” set on the issue's health status field.`;
  if (result.healthVia === 'label') return `${posted} Health status set as label ${healthLabel(health, scope)}.`;
  return posted;
}

/** A failed post: what went wrong and that nothing is lost. */
export function failedText(error: ForgeErrorData, forge: ForgeKind): string {
  const { title, help } = errorContent(error, forge);
  const detail = error.message && error.message !== title && error.message !== help ? ` ${error.message}` : '';
  const kept = error.kind === 'invalid' ? '' : ' Your update is kept as a draft.';
  const what =
    error.kind === 'auth'
      ? ' Fix the token in Refinery’s options, then post again.'
      : error.kind === 'forbidden'
        ? ' Your token (or your role in this project) does not allow commenting here.'
        : '';
  return `Could not post the update. ${title}.${what}${detail}${kept}`.replace(/\.\./g, '.');
}
