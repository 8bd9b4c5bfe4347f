// REST v4: issues (lists, single, update), related merge requests, closing merge requests, issue links.
import type { SandboxRequest } from '../core';
import { issueEntity, mergeRequestEntity, type Ctx } from './entities';
import { badRequest, findGroup, findProject, isTrue, isUnder, json, labelList, notFound, paginate, params, Reply, requireWrite } from './http';
import { changeLabels, closeIssue, reopenIssue, setWeight } from './ops';
import type { ApiCtx, Route } from './router';
import { nowIso, tierAtLeast, type GitlabState, type GlIssue, type GlProject } from './state';

export function findIssue(state: GitlabState, p: GlProject, rawIid: string): GlIssue {
  const issue = state.issues.find((i) => i.projectId === p.id && i.iid === Number(rawIid));
  if (!issue) throw new Reply(notFound('Issue'));
  return issue;
}

/** The filters GitLab's IssuesFinder applies for the documented list parameters. */
function filterIssues(state: GitlabState, req: SandboxRequest, issues: GlIssue[], userId: number, defaultScope: string): GlIssue[] {
  const q = params(req);
  const scope = String(q.scope ?? defaultScope);
  let out = issues;
  const iids = q.iids === undefined ? undefined : ([] as unknown[]).concat(q.iids).map(Number);
  if (iids) out = out.filter((i) => iids.includes(i.iid));
  const stateFilter = String(q.state ?? 'all');
  if (stateFilter === 'opened' || stateFilter === 'closed') out = out.filter((i) => i.state === stateFilter);
  const labels = labelList(q.labels);
  if (labels?.length === 1 && /^none$/i.test(labels[0]!)) out = out.filter((i) => i.labels.length === 0);
  else if (labels?.length === 1 && /^any$/i.test(labels[0]!)) out = out.filter((i) => i.labels.length > 0);
  else if (labels) out = out.filter((i) => labels.every((l) => i.labels.includes(l)));
  if (q.milestone !== undefined) {
    const m = String(q.milestone);
    const ms = state.milestones.find((x) => x.title === m);
    out = /^none$/i.test(m) ? out.filter((i) => !i.milestoneId) : /^any$/i.test(m) ? out.filter((i) => i.milestoneId) : out.filter((i) => ms && i.milestoneId === ms.id);
  }
  if (q.milestone_id !== undefined) out = byMilestoneTimebox(state, out, q);
  if (q.assignee_username !== undefined) {
    const names = ([] as unknown[]).concat(q.assignee_username).map(String);
    const ids = state.users.filter((u) => names.includes(u.username)).map((u) => u.id);
    out = ids.length === names.length ? out.filter((i) => ids.every((id) => i.assigneeIds.includes(id))) : [];
  }
  if (q.search) {
    const s = String(q.search).toLowerCase();
    const fields = String(q.in ?? 'title,description').split(',');
    out = out.filter((i) => (fields.includes('title') && i.title.toLowerCase().includes(s)) || (fields.includes('description') && i.description.toLowerCase().includes(s)));
  }
  if (scope === 'created_by_me') out = out.filter((i) => i.authorId === userId);
  if (scope === 'assigned_to_me') out = out.filter((i) => i.assigneeIds.includes(userId));
  const orderBy = String(q.order_by ?? 'created_at');
  const dir = q.sort === 'asc' ? 1 : -1;
  const key = (i: GlIssue): string | number =>
    orderBy === 'updated_at' ? i.updatedAt : orderBy === 'title' ? i.title.toLowerCase() : orderBy === 'weight' ? (i.weight ?? -1) : i.createdAt;
  return [...out].sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : (a.id - b.id) * dir));
}

/**
 * `milestone_id`: None, Any, Upcoming (open milestones due in the future) or Started (open milestones whose start date
 * has passed), REST logic; anything else, or together with `milestone`, is refused like Grape does.
 */
function byMilestoneTimebox(state: GitlabState, issues: GlIssue[], q: Record<string, unknown>): GlIssue[] {
  if (q.milestone !== undefined) throw new Reply(badRequest('milestone, milestone_id are mutually exclusive'));
  const value = String(q.milestone_id).toLowerCase();
  const today = new Date().toISOString().slice(0, 10);
  const of = (i: GlIssue) => state.milestones.find((m) => m.id === i.milestoneId);
  switch (value) {
    case 'none':
      return issues.filter((i) => !i.milestoneId);
    case 'any':
      return issues.filter((i) => i.milestoneId);
    case 'started':
      return issues.filter((i) => {
        const m = of(i);
        return m?.state === 'active' && m.startDate !== null && m.startDate <= today;
      });
    case 'upcoming':
      return issues.filter((i) => {
        const m = of(i);
        return m?.state === 'active' && m.dueDate !== null && m.dueDate > today;
      });
    default:
      throw new Reply(badRequest('milestone_id does not have a valid value'));
  }
}

/** `/issues` defaults to the caller's own issues; project and group lists to all. */
function listReply(c: ApiCtx, issues: GlIssue[], fromProjectId?: number, defaultScope = 'all') {
  const { page, headers } = paginate(c.req, filterIssues(c.state, c.req, issues, c.auth().user.id, defaultScope));
  return json(200, page.map((i) => issueEntity(c, i, { fromProjectId })), headers);
}

/** At least one of these is required by PUT /projects/:id/issues/:iid (API::Helpers::IssuesHelpers + EE). */
const UPDATE_KEYS = [
  'assignee_id', 'assignee_ids', 'confidential', 'created_at', 'description', 'discussion_locked', 'due_date', 'labels',
  'add_labels', 'remove_labels', 'milestone_id', 'state_event', 'title', 'issue_type', 'weight', 'epic_id', 'epic_iid',
];

function updateIssue(c: ApiCtx, m: string[]) {
  const p = findProject(c.state, m[1]!);
  const a = c.auth();
  const issue = findIssue(c.state, p, m[2]!);
  requireWrite(a, p);
  const q = params(c.req);
  if (!UPDATE_KEYS.some((k) => k in q)) return badRequest(`${UPDATE_KEYS.join(', ')} are missing, at least one parameter must be provided`);
  // Grape coerces first: a bad weight is refused before anything changes.
  let weight: number | null | undefined;
  if ('weight' in q) {
    weight = q.weight === null || q.weight === '' ? null : Number(q.weight);
    if (weight !== null && !Number.isInteger(weight)) return badRequest('weight is invalid');
    if (weight !== null && weight < 0 && tierAtLeast(p.tier, 'premium')) return badRequest({ weight: ['must be greater than or equal to 0'] });
  }
  if (typeof q.title === 'string') {
    if (!q.title.trim()) return badRequest({ title: ["can't be blank"] });
    issue.title = q.title;
  }
  if (typeof q.description === 'string' && q.description !== issue.description) {
    issue.description = q.description;
  }
  const set = q.labels === undefined ? undefined : (labelList(q.labels) ?? []);
  const add = labelList(q.add_labels);
  const remove = labelList(q.remove_labels);
  if (set || add || remove) changeLabels(c.state, issue, { set, add, remove });
  // EE on a tier without weights drops the parameter silently (EE::IssuableBaseService#filter_params).
  if (weight !== undefined && tierAtLeast(p.tier, 'premium')) setWeight(issue, weight);
  if (q.state_event === 'close' && issue.state === 'opened') closeIssue(issue, a.user.id);
  if (q.state_event === 'reopen' && issue.state === 'closed') reopenIssue(issue);
  if (q.confidential !== undefined) issue.confidential = isTrue(q.confidential);
  if (q.assignee_ids !== undefined) issue.assigneeIds = ([] as unknown[]).concat(q.assignee_ids).map(Number).filter((id) => c.state.users.some((u) => u.id === id));
  if (q.milestone_id !== undefined) issue.milestoneId = Number(q.milestone_id) || null;
  if ('due_date' in q) issue.dueDate = q.due_date ? String(q.due_date) : null;
  issue.updatedAt = nowIso();
  return json(200, issueEntity(c, issue, { fromProjectId: p.id, single: true }));
}

function links(c: ApiCtx, m: string[]) {
  const p = findProject(c.state, m[1]!);
  c.auth();
  const issue = findIssue(c.state, p, m[2]!);
  const out = c.state.links
    .filter((l) => l.sourceId === issue.id || l.targetId === issue.id)
    .map((l) => {
      const outgoing = l.sourceId === issue.id;
      const other = c.state.issues.find((i) => i.id === (outgoing ? l.targetId : l.sourceId))!;
      const linkType = l.linkType === 'relates_to' ? 'relates_to' : outgoing ? 'blocks' : 'is_blocked_by';
      return { ...issueEntity(c, other, { fromProjectId: p.id }), issue_link_id: l.id, link_type: linkType, link_created_at: l.createdAt, link_updated_at: l.createdAt };
    });
  return json(200, out);
}

function mergeRequestsOf(c: ApiCtx, m: string[], which: 'relatesTo' | 'closes') {
  const p = findProject(c.state, m[1]!);
  c.auth();
  const issue = findIssue(c.state, p, m[2]!);
  const mrs = c.state.mergeRequests.filter((mr) => mr[which].includes(issue.id) || (which === 'relatesTo' && mr.closes.includes(issue.id)));
  const { page, headers } = paginate(c.req, mrs);
  return json(200, page.map((mr) => mergeRequestEntity(c, mr, p.id)), headers);
}

export const issueRoutes: Route[] = [
  ['GET', /^\/issues$/, (c) => listReply(c, c.state.issues.filter((i) => c.state.projects.some((p) => p.id === i.projectId && p.members[c.auth().user.id])), undefined, 'created_by_me')],
  [
    'GET',
    /^\/groups\/([^/]+)\/issues$/,
    (c, m) => {
      const g = findGroup(c.state, m[1]!);
      const ids = c.state.projects.filter((p) => isUnder(c.state, p.namespaceId, g.id)).map((p) => p.id);
      return listReply(c, c.state.issues.filter((i) => ids.includes(i.projectId)));
    },
  ],
  [
    'GET',
    /^\/projects\/([^/]+)\/issues$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      return listReply(c, c.state.issues.filter((i) => i.projectId === p.id), p.id);
    },
  ],
  [
    'GET',
    /^\/projects\/([^/]+)\/issues\/(\d+)$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      c.auth();
      return json(200, issueEntity(c as Ctx, findIssue(c.state, p, m[2]!), { fromProjectId: p.id, single: true }));
    },
  ],
  ['PUT', /^\/projects\/([^/]+)\/issues\/(\d+)$/, updateIssue],
  ['GET', /^\/projects\/([^/]+)\/issues\/(\d+)\/links$/, links],
  ['GET', /^\/projects\/([^/]+)\/issues\/(\d+)\/related_merge_requests$/, (c, m) => mergeRequestsOf(c, m, 'relatesTo')],
  ['GET', /^\/projects\/([^/]+)\/issues\/(\d+)\/closed_by$/, (c, m) => mergeRequestsOf(c, m, 'closes')],
];
