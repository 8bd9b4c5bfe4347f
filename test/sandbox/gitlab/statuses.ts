// GitLab Status (18.2+): statuses live on the top-level group; setting one of category done or canceled closes the
// issue, any other reopens a closed one; every change leaves a system note, as GitLab's do.
import { addNote, closeIssue, reopenIssue } from './ops';
import type { GitlabState, GlIssue, GlProject, GlStatus } from './state';

/** The top-level group's statuses for a project, or undefined where Status is off (labels only). */
export function statusesFor(state: GitlabState, p: GlProject): GlStatus[] | undefined {
  let group = state.groups.find((g) => g.id === p.namespaceId);
  while (group && group.parentId !== null) group = state.groups.find((g) => g.id === group!.parentId);
  return group?.statuses?.length ? group.statuses : undefined;
}

/** GitLab's global id: system-defined and custom statuses are different classes. */
export const statusGid = (s: GlStatus): string =>
  `gid://gitlab/WorkItems::Statuses::${s.systemDefined ? 'SystemDefined' : 'Custom'}::Status/${s.id}`;

export const workItemGid = (issue: GlIssue): string => `gid://gitlab/WorkItem/${issue.id}`;

/** WorkItemStatusCategoryEnum values are upper case in GraphQL. */
export const statusJson = (s: GlStatus) => ({
  id: statusGid(s),
  name: s.name,
  category: s.category.toUpperCase(),
  color: s.color,
  iconName: s.iconName,
  position: 0,
});

export function setIssueStatus(state: GitlabState, issue: GlIssue, status: GlStatus, actorId: number): void {
  if (issue.statusId === status.id) return;
  issue.statusId = status.id;
  issue.updatedAt = new Date().toISOString();
  addNote(state, { noteableType: 'Issue', noteableId: issue.id, authorId: actorId, system: true, body: `set status to **${status.name}**` });
  const closes = status.category === 'done' || status.category === 'canceled';
  if (closes && issue.state === 'opened') closeIssue(issue, actorId);
  if (!closes && issue.state === 'closed') reopenIssue(issue);
}

/** `"In progress"`, `In progress`, `in PROGRESS` → the status of that name. */
export function statusByName(statuses: readonly GlStatus[], arg: string): GlStatus | undefined {
  const name = arg.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
  return statuses.find((s) => s.name.toLowerCase() === name);
}
