// JSON presenters shaped like GitLab's API entities (docs examples + the JSON schemas in shared/reference).
import { isUnder } from './http';
import { textColor } from './seed';
import {
  tierAtLeast,
  type GitlabState,
  type GlEpic,
  type GlGroup,
  type GlIssue,
  type GlLabel,
  type GlMergeRequest,
  type GlMilestone,
  type GlNote,
  type GlProject,
  type GlUser,
} from './state';
import { renderMarkdown } from './markdown';

export interface Ctx {
  state: GitlabState;
  /** Origin + relative URL root, e.g. http://127.0.0.1:1234/gitlab. */
  base: string;
}

export function avatarUrl(ctx: Ctx, u: GlUser): string {
  return `${ctx.base}/uploads/-/system/user/avatar/${u.id}/avatar.png`;
}

/** API::Entities::UserBasic (without `locked`: the issue schema forbids extra keys on assignees). */
export function userBasic(ctx: Ctx, u: GlUser) {
  return { id: u.id, username: u.username, name: u.name, state: u.state, avatar_url: avatarUrl(ctx, u), web_url: `${ctx.base}/${u.username}` };
}

export const userById = (ctx: Ctx, id: number): GlUser => {
  const u = ctx.state.users.find((x) => x.id === id);
  if (!u) throw new Error(`sandbox: unknown user ${id}`);
  return u;
};

export const projectOf = (ctx: Ctx, id: number): GlProject => ctx.state.projects.find((p) => p.id === id)!;
export const groupOf = (ctx: Ctx, id: number): GlGroup => ctx.state.groups.find((g) => g.id === id)!;

export function milestoneEntity(ctx: Ctx, m: GlMilestone) {
  const g = groupOf(ctx, m.groupId);
  return {
    id: m.id,
    iid: m.iid,
    group_id: m.groupId,
    title: m.title,
    description: m.description,
    state: m.state,
    created_at: m.createdAt,
    updated_at: m.createdAt,
    due_date: m.dueDate,
    start_date: m.startDate,
    expired: m.dueDate ? Date.parse(m.dueDate) < Date.now() : false,
    web_url: `${ctx.base}/groups/${g.fullPath}/-/milestones/${m.iid}`,
  };
}

export function issueWebUrl(ctx: Ctx, i: GlIssue): string {
  return `${ctx.base}/${projectOf(ctx, i.projectId).fullPath}/-/issues/${i.iid}`;
}

function taskCounts(description: string) {
  const all = description.match(/^\s*[-*] \[[ xX]\]/gm) ?? [];
  const done = description.match(/^\s*[-*] \[[xX]\]/gm) ?? [];
  return { count: all.length, completed_count: done.length };
}

/**
 * API::Entities::Issue. `weight` only from Premium, `health_status` only on Ultimate: GitLab's EE entity exposes them
 * only when the feature is licensed for the project, which is how clients tell the tiers apart.
 * `fromProjectId` makes references.relative short inside the issue's own project, full elsewhere (as documented).
 */
export function issueEntity(ctx: Ctx, i: GlIssue, opts: { fromProjectId?: number; single?: boolean } = {}) {
  const p = projectOf(ctx, i.projectId);
  const api = `${ctx.base}/api/v4/projects/${p.id}`;
  const assignees = i.assigneeIds.map((id) => userBasic(ctx, userById(ctx, id)));
  const milestone = i.milestoneId ? ctx.state.milestones.find((m) => m.id === i.milestoneId) : undefined;
  const tasks = taskCounts(i.description);
  const mrs = ctx.state.mergeRequests.filter((m) => m.relatesTo.includes(i.id) || m.closes.includes(i.id));
  const userNotes = ctx.state.notes.filter((n) => n.noteableType === 'Issue' && n.noteableId === i.id && !n.system);
  const full = `${p.fullPath}#${i.iid}`;
  const body: Record<string, unknown> = {
    id: i.id,
    iid: i.iid,
    project_id: p.id,
    title: i.title,
    description: i.description,
    state: i.state,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    closed_by: i.closedById ? userBasic(ctx, userById(ctx, i.closedById)) : null,
    labels: [...i.labels],
    milestone: milestone ? milestoneEntity(ctx, milestone) : null,
    assignees,
    author: userBasic(ctx, userById(ctx, i.authorId)),
    type: i.issueType.toUpperCase(),
    assignee: assignees[0] ?? null,
    user_notes_count: userNotes.length,
    merge_requests_count: mrs.length,
    upvotes: i.upvotes,
    downvotes: 0,
    due_date: i.dueDate,
    confidential: i.confidential,
    discussion_locked: null,
    issue_type: i.issueType,
    web_url: issueWebUrl(ctx, i),
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    task_completion_status: tasks,
    has_tasks: tasks.count > 0,
    task_status: tasks.count ? `${tasks.completed_count} of ${tasks.count} checklist items completed` : '',
    _links: {
      self: `${api}/issues/${i.iid}`,
      notes: `${api}/issues/${i.iid}/notes`,
      award_emoji: `${api}/issues/${i.iid}/award_emoji`,
      project: api,
      closed_as_duplicate_of: null,
    },
    references: { short: `#${i.iid}`, relative: opts.fromProjectId === p.id ? `#${i.iid}` : full, full },
    severity: 'UNKNOWN',
    moved_to_id: null,
    imported: false,
    imported_from: 'none',
    service_desk_reply_to: null,
  };
  if (opts.single) body.subscribed = true;
  if (tierAtLeast(p.tier, 'premium')) {
    const epic = i.epicId ? ctx.state.epics.find((e) => e.id === i.epicId) : undefined;
    body.weight = i.weight;
    body.blocking_issues_count = ctx.state.links.filter((l) => l.linkType === 'blocks' && l.sourceId === i.id).length;
    body.epic_iid = epic?.iid ?? null;
    body.epic = epic
      ? { id: epic.id, iid: epic.iid, title: epic.title, url: `/groups/${groupOf(ctx, epic.groupId).fullPath}/-/epics/${epic.iid}`, group_id: epic.groupId, human_readable_end_date: null, human_readable_timestamp: null }
      : null;
    body.iteration = null;
  }
  if (tierAtLeast(p.tier, 'ultimate')) body.health_status = i.healthStatus;
  return body;
}

/** API::Entities::Note, restricted to the keys of GitLab's notes.json schema. */
export function noteEntity(ctx: Ctx, n: GlNote, commandsChanges: Record<string, unknown> = {}) {
  const iid =
    n.noteableType === 'Issue'
      ? ctx.state.issues.find((i) => i.id === n.noteableId)?.iid
      : n.noteableType === 'MergeRequest'
        ? ctx.state.mergeRequests.find((m) => m.id === n.noteableId)?.iid
        : undefined;
  const body: Record<string, unknown> = {
    id: n.id,
    type: null,
    body: n.body,
    attachment: null,
    author: userBasic(ctx, userById(ctx, n.authorId)),
    created_at: n.createdAt,
    updated_at: n.updatedAt,
    system: n.system,
    noteable_id: n.noteableId,
    noteable_type: n.noteableType,
    resolvable: false,
    confidential: n.internal,
    internal: n.internal,
    commands_changes: commandsChanges,
  };
  if (iid !== undefined) body.noteable_iid = iid;
  return body;
}

/**
 * API::Entities::Label (project endpoints: with `priority` and `is_project_label`) or API::Entities::GroupLabel
 * (group endpoints, `group` set: without them). Counts cover the project, or the group and its subgroups' projects.
 */
export function labelEntity(ctx: Ctx, l: GlLabel, opts: { withCounts?: boolean; projectId?: number; group?: GlGroup } = {}) {
  const body: Record<string, unknown> = {
    id: l.id,
    name: l.name,
    color: l.color,
    text_color: textColor(l.color),
    description: l.description,
    description_html: l.description ? renderMarkdown(l.description, { base: ctx.base }).replace(/^<p[^>]*>|<\/p>$/g, '') : '',
    subscribed: false,
  };
  if (!opts.group) {
    body.priority = l.priority;
    body.is_project_label = l.projectId !== null;
  }
  body.archived = false;
  if (opts.withCounts) {
    const inGroup = (projectId: number) => isUnder(ctx.state, projectOf(ctx, projectId).namespaceId, opts.group!.id);
    const inScope = ctx.state.issues.filter((i) => (opts.projectId ? i.projectId === opts.projectId : opts.group ? inGroup(i.projectId) : true) && i.labels.includes(l.name));
    body.open_issues_count = inScope.filter((i) => i.state === 'opened').length;
    body.closed_issues_count = inScope.filter((i) => i.state === 'closed').length;
    body.open_merge_requests_count = ctx.state.mergeRequests.filter((m) => m.state === 'opened' && m.labels.includes(l.name)).length;
  }
  return body;
}

/** API::Entities::Member as the members/all endpoints present it (one row per user, highest access level). */
export function memberEntity(ctx: Ctx, u: GlUser, accessLevel: number, since: string) {
  return {
    ...userBasic(ctx, u),
    access_level: accessLevel,
    created_at: since,
    created_by: userBasic(ctx, userById(ctx, 3)),
    expires_at: null,
    membership_state: 'active',
  };
}

export function mergeRequestEntity(ctx: Ctx, m: GlMergeRequest, fromProjectId?: number) {
  const p = projectOf(ctx, m.projectId);
  const author = userBasic(ctx, userById(ctx, m.authorId));
  const assignees = m.assigneeIds.map((id) => userBasic(ctx, userById(ctx, id)));
  const full = `${p.fullPath}!${m.iid}`;
  return {
    id: m.id,
    iid: m.iid,
    project_id: p.id,
    title: m.title,
    description: m.description,
    state: m.state,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    merged_by: m.state === 'merged' ? author : null,
    merged_at: m.mergedAt,
    closed_by: null,
    closed_at: null,
    target_branch: m.targetBranch,
    source_branch: m.sourceBranch,
    user_notes_count: ctx.state.notes.filter((n) => n.noteableType === 'MergeRequest' && n.noteableId === m.id).length,
    upvotes: 0,
    downvotes: 0,
    author,
    assignees,
    assignee: assignees[0] ?? null,
    reviewers: [],
    source_project_id: p.id,
    target_project_id: p.id,
    labels: [...m.labels],
    draft: m.draft,
    work_in_progress: m.draft,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: 'can_be_merged',
    detailed_merge_status: m.draft ? 'draft_status' : 'mergeable',
    sha: (m.id * 7919).toString(16).padStart(40, 'a').slice(0, 40),
    merge_commit_sha: null,
    squash_commit_sha: null,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: true,
    reference: fromProjectId === p.id ? `!${m.iid}` : full,
    references: { short: `!${m.iid}`, relative: fromProjectId === p.id ? `!${m.iid}` : full, full },
    web_url: `${ctx.base}/${p.fullPath}/-/merge_requests/${m.iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    squash: false,
    task_completion_status: { count: 0, completed_count: 0 },
    has_conflicts: false,
    blocking_discussions_resolved: true,
  };
}

export function epicEntity(ctx: Ctx, e: GlEpic, single = false) {
  const g = groupOf(ctx, e.groupId);
  const api = `${ctx.base}/api/v4/groups/${g.id}/epics/${e.iid}`;
  const body: Record<string, unknown> = {
    id: e.id,
    work_item_id: e.workItemId,
    iid: e.iid,
    group_id: g.id,
    parent_id: null,
    parent_iid: null,
    title: e.title,
    description: e.description,
    state: e.state,
    confidential: false,
    web_url: `${ctx.base}/groups/${g.fullPath}/-/epics/${e.iid}`,
    reference: `&${e.iid}`,
    references: { short: `&${e.iid}`, relative: `&${e.iid}`, full: `${g.fullPath}&${e.iid}` },
    author: userBasic(ctx, userById(ctx, e.authorId)),
    start_date: null,
    start_date_is_fixed: false,
    start_date_fixed: null,
    start_date_from_milestones: null,
    start_date_from_inherited_source: null,
    end_date: null,
    due_date: null,
    due_date_is_fixed: false,
    due_date_fixed: null,
    due_date_from_milestones: null,
    due_date_from_inherited_source: null,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    closed_at: null,
    imported: false,
    imported_from: 'none',
    labels: [...e.labels],
    upvotes: 0,
    downvotes: 0,
    color: '#1068bf',
    _links: { self: api, epic_issues: `${api}/issues`, group: `${ctx.base}/api/v4/groups/${g.id}`, parent: null },
  };
  if (single) body.subscribed = true;
  return body;
}

export function projectEntity(ctx: Ctx, p: GlProject, userId: number) {
  const g = groupOf(ctx, p.namespaceId);
  const path = p.fullPath.split('/').pop()!;
  const web = `${ctx.base}/${p.fullPath}`;
  const api = `${ctx.base}/api/v4/projects/${p.id}`;
  const host = new URL(ctx.base).host;
  return {
    id: p.id,
    description: p.description,
    name: p.name,
    name_with_namespace: `${g.fullPath.split('/').map((s) => s[0]!.toUpperCase() + s.slice(1)).join(' / ')} / ${p.name}`,
    path,
    path_with_namespace: p.fullPath,
    created_at: p.createdAt,
    default_branch: 'master',
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${host.split(':')[0]}:${p.fullPath}.git`,
    http_url_to_repo: `${web}.git`,
    web_url: web,
    readme_url: `${web}/-/blob/master/README.md`,
    avatar_url: null,
    forks_count: 0,
    star_count: 3,
    last_activity_at: p.createdAt,
    namespace: {
      id: g.id,
      name: g.name,
      path: g.fullPath.split('/').pop(),
      kind: 'group',
      full_path: g.fullPath,
      parent_id: g.parentId,
      avatar_url: null,
      web_url: `${ctx.base}/groups/${g.fullPath}`,
    },
    _links: { self: api, issues: `${api}/issues`, merge_requests: `${api}/merge_requests`, labels: `${api}/labels`, members: `${api}/members` },
    visibility: 'internal',
    issues_enabled: true,
    open_issues_count: ctx.state.issues.filter((i) => i.projectId === p.id && i.state === 'opened').length,
    permissions: { project_access: { access_level: p.members[userId] ?? 0, notification_level: 3 }, group_access: null },
  };
}
