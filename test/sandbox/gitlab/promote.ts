// Promoting an issue to an epic (EE Epics::IssuePromoteService): a new epic in the project's own group with the issue's
// title, description, labels and notes; the issue is closed and both sides get a system note.
import { addNote, closeIssue } from './ops';
import { tierAtLeast, type GitlabState, type GlEpic, type GlGroup, type GlIssue, type GlProject } from './state';

/**
 * The group that would receive the epic, or null where `/promote` is not offered: the project must sit directly in a
 * group with epics (Premium+), the issue must not have been promoted already. Closed issues can be promoted.
 */
export function promotionGroup(state: GitlabState, p: GlProject, issue: GlIssue): GlGroup | null {
  const group = state.groups.find((g) => g.id === p.namespaceId);
  if (!group || !tierAtLeast(group.tier, 'premium') || issue.promotedToEpicId !== null) return null;
  return group;
}

export function promoteToEpic(state: GitlabState, p: GlProject, group: GlGroup, issue: GlIssue, actorId: number): GlEpic {
  const now = new Date().toISOString();
  const epic: GlEpic = {
    id: state.seq.epic++,
    workItemId: state.seq.workItem++,
    groupId: group.id,
    iid: Math.max(0, ...state.epics.filter((e) => e.groupId === group.id).map((e) => e.iid)) + 1,
    title: issue.title,
    description: issue.description,
    state: 'opened',
    authorId: actorId,
    labels: [...issue.labels],
    createdAt: now,
    updatedAt: now,
  };
  state.epics.push(epic);
  // The epic keeps the issue's discussion: its notes are copied over.
  for (const n of state.notes.filter((x) => x.noteableType === 'Issue' && x.noteableId === issue.id)) {
    state.notes.push({ ...n, id: state.seq.note++, noteableType: 'Epic', noteableId: epic.id });
  }
  if (issue.state === 'opened') closeIssue(issue, actorId);
  issue.promotedToEpicId = epic.id;
  issue.updatedAt = now;
  // References as GitLab writes them: `&N` seen from a project of the epic's group, `project#N` seen from the group.
  addNote(state, { noteableType: 'Epic', noteableId: epic.id, authorId: actorId, system: true, body: `promoted from issue ${p.fullPath.split('/').pop()}#${issue.iid}` });
  addNote(state, { noteableType: 'Issue', noteableId: issue.id, authorId: actorId, system: true, body: `promoted to epic &${epic.iid}` });
  return epic;
}
