// Whether an issue gets the weekly epic update instead of the async status update. Kept apart from the status history
// so the panel can title its closed section without loading the status feature.
import type { Issue } from '@/lib/forge/model';
import type { Settings } from '@/lib/handbook/settings';

/** GitLab epics, and GitHub issues carrying the team's epic label (GitHub has no epics). */
export function isEpicTarget(issue: Pick<Issue, 'ref' | 'labels'>, settings: Readonly<Settings>): boolean {
  if (issue.ref.kind === 'epic') return true;
  const label = settings.statusUpdates.epicLabel.trim().toLowerCase();
  return issue.ref.forge === 'github' && issue.labels.some((l) => l.trim().toLowerCase() === label);
}
