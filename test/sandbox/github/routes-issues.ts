// REST routes for issues (pull requests included, as on GitHub), their labels, comments and timeline.
import type { SandboxReply } from '../core';
import { ghError, writeRefusal } from './auth';
import { bodyObject, isReply, ok, paginate, param, repoFor, validationFailed, type Ctx, type Route } from './context';
import { commentedEventJson, commentJson, issueJson, issueLabelsJson, timelineEventJson } from './json';
import { addLabels, labelNames, recordEvent, removeLabel, setLabels, touch } from './mutate';
import { findIssue, findUserByLogin, isoNow, newId, orgOf, type GhIssue, type GhRepo } from './model';

const D = 'https://docs.github.com/rest/issues';
const DOC = {
  list: `${D}/issues#list-repository-issues`,
  get: `${D}/issues#get-an-issue`,
  update: `${D}/issues#update-an-issue`,
  labels: `${D}/labels#list-labels-for-an-issue`,
  addLabels: `${D}/labels#add-labels-to-an-issue`,
  setLabels: `${D}/labels#set-labels-for-an-issue`,
  removeLabel: `${D}/labels#remove-a-label-from-an-issue`,
  comments: `${D}/comments#list-issue-comments`,
  createComment: `${D}/comments#create-an-issue-comment`,
  getComment: `${D}/comments#get-an-issue-comment`,
  updateComment: `${D}/comments#update-an-issue-comment`,
  deleteComment: `${D}/comments#delete-an-issue-comment`,
  timeline: `${D}/timeline#list-timeline-events-for-an-issue`,
};

const REPO = '/repos/([^/]+)/([^/]+)';

function issueIn(ctx: Ctx, m: string[], doc: string): { repo: GhRepo; issue: GhIssue } | SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), doc);
  if (isReply(found)) return found;
  const issue = findIssue(found.repo, Number(m[3]));
  if (!issue) return ghError(404, 'Not Found', doc);
  return { repo: found.repo, issue };
}

function actorId(ctx: Ctx): number {
  return ctx.id.kind === 'token' ? ctx.id.user.id : 0;
}

function sortIssues(ctx: Ctx, repo: GhRepo, list: GhIssue[]): GhIssue[] {
  const sort = ctx.req.query.get('sort') ?? 'created';
  const dir = ctx.req.query.get('direction') === 'asc' ? 1 : -1;
  const key = (i: GhIssue): number | string =>
    sort === 'updated' ? i.updatedAt : sort === 'comments' ? repo.comments.filter((c) => c.issueNumber === i.number).length : i.createdAt;
  return [...list].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : a.number - b.number) * dir;
  });
}

function listIssues(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.list);
  if (isReply(found)) return found;
  const { repo } = found;
  const q = ctx.req.query;
  const state = q.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) {
    return validationFailed(DOC.list, [{ resource: 'Issue', field: 'state', code: 'invalid' }]);
  }
  const wanted = (q.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const assignee = q.get('assignee');
  const milestone = q.get('milestone');
  const type = q.get('type');
  const since = q.get('since');
  const list = repo.issues.filter((i) => {
    if (state !== 'all' && i.state !== state) return false;
    if (!wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w))) return false;
    if (assignee === 'none' && i.assigneeIds.length) return false;
    if (assignee === '*' && !i.assigneeIds.length) return false;
    if (assignee && !['none', '*'].includes(assignee)) {
      const u = findUserByLogin(ctx.state, assignee);
      if (!u || !i.assigneeIds.includes(u.id)) return false;
    }
    if (milestone === 'none' && i.milestone !== null) return false;
    if (milestone === '*' && i.milestone === null) return false;
    if (milestone && /^\d+$/.test(milestone) && i.milestone !== Number(milestone)) return false;
    if (type === 'none' && i.type !== null) return false;
    if (type && type !== 'none' && type !== '*' && (i.pull || i.type?.toLowerCase() !== type.toLowerCase())) return false;
    if (since && i.updatedAt < since) return false;
    return true;
  });
  const { page, headers } = paginate(ctx, sortIssues(ctx, repo, list), `/repositories/${repo.id}/issues`);
  return ok(
    page.map((i) => issueJson(ctx.state, ctx.b, repo, i)),
    headers,
  );
}

function getIssue(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueIn(ctx, m, DOC.get);
  if (isReply(found)) return found;
  return ok(issueJson(ctx.state, ctx.b, found.repo, found.issue, { single: true }));
}

function updateIssue(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueIn(ctx, m, DOC.update);
  if (isReply(found)) return found;
  const { repo, issue } = found;
  const refused = writeRefusal(ctx.id, repo, 'triage', DOC.update);
  if (refused) return refused;
  const body = bodyObject(ctx.req);
  const actor = actorId(ctx);
  if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
    return validationFailed(DOC.update, [{ resource: 'Issue', field: 'state', code: 'invalid' }]);
  }
  if (typeof body.title === 'string' && body.title !== issue.title) {
    if (body.title.trim() === '') return validationFailed(DOC.update, [{ resource: 'Issue', field: 'title', code: 'missing_field' }]);
    recordEvent(ctx.state, repo, issue, actor, { event: 'renamed', from: issue.title, to: body.title });
    issue.title = body.title;
  }
  if (typeof body.body === 'string' || body.body === null) issue.body = body.body as string | null;
  if (body.state && body.state !== issue.state) {
    const closing = body.state === 'closed';
    issue.state = closing ? 'closed' : 'open';
    issue.stateReason = closing ? ((body.state_reason as GhIssue['stateReason']) ?? 'completed') : 'reopened';
    issue.closedAt = closing ? isoNow() : null;
    issue.closedById = closing ? actor : null;
    recordEvent(ctx.state, repo, issue, actor, { event: closing ? 'closed' : 'reopened', stateReason: issue.stateReason });
  }
  if (body.labels !== undefined) {
    const names = labelNames(body.labels);
    if (!names) return validationFailed(DOC.update, [{ resource: 'Issue', field: 'labels', code: 'invalid' }]);
    setLabels(ctx.state, repo, issue, names, actor);
  }
  const logins = Array.isArray(body.assignees) ? body.assignees : typeof body.assignee === 'string' ? [body.assignee] : body.assignee === null ? [] : null;
  if (logins) {
    const ids = logins.map((l) => (typeof l === 'string' ? findUserByLogin(ctx.state, l)?.id : undefined));
    // Only collaborators with push access can be assigned (GET /assignees lists them).
    if (ids.some((x) => x === undefined || (repo.permissions[x] ?? 'pull') === 'pull')) {
      return validationFailed(DOC.update, [{ resource: 'Issue', field: 'assignees', code: 'invalid' }]);
    }
    for (const id of issue.assigneeIds.filter((x) => !ids.includes(x))) recordEvent(ctx.state, repo, issue, actor, { event: 'unassigned', assigneeId: id });
    for (const id of ids.filter((x) => !issue.assigneeIds.includes(x!))) recordEvent(ctx.state, repo, issue, actor, { event: 'assigned', assigneeId: id! });
    issue.assigneeIds = ids as number[];
  }
  if (body.milestone !== undefined) {
    const next = body.milestone === null ? null : repo.milestones.find((x) => x.number === Number(body.milestone));
    if (next === undefined) return validationFailed(DOC.update, [{ resource: 'Issue', field: 'milestone', code: 'invalid' }]);
    const prev = repo.milestones.find((x) => x.number === issue.milestone);
    if (prev && prev !== next) recordEvent(ctx.state, repo, issue, actor, { event: 'demilestoned', milestoneTitle: prev.title });
    if (next && prev !== next) recordEvent(ctx.state, repo, issue, actor, { event: 'milestoned', milestoneTitle: next.title });
    issue.milestone = next ? next.number : null;
  }
  if (body.type !== undefined) {
    const t = body.type === null ? null : orgOf(ctx.state, repo)?.issueTypes.find((x) => x.name.toLowerCase() === String(body.type).toLowerCase());
    if (t === undefined) return validationFailed(DOC.update, [{ resource: 'Issue', field: 'type', code: 'invalid' }]);
    issue.type = t ? t.name : null;
  }
  touch(issue);
  return ok(issueJson(ctx.state, ctx.b, repo, issue, { single: true }));
}

function issueLabels(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueIn(ctx, m, DOC.labels);
  if (isReply(found)) return found;
  const { page, headers } = paginate(ctx, issueLabelsJson(ctx.b, found.repo, found.issue), `/repositories/${found.repo.id}/issues/${found.issue.number}/labels`);
  return ok(page, headers);
}

function changeIssueLabels(mode: 'add' | 'set') {
  const doc = mode === 'add' ? DOC.addLabels : DOC.setLabels;
  return (ctx: Ctx, m: string[]): SandboxReply => {
    const found = issueIn(ctx, m, doc);
    if (isReply(found)) return found;
    const { repo, issue } = found;
    const refused = writeRefusal(ctx.id, repo, 'triage', doc);
    if (refused) return refused;
    const names = labelNames(ctx.req.body);
    if (!names || (mode === 'add' && names.length === 0)) {
      return validationFailed(doc, [{ resource: 'Label', field: 'labels', code: 'invalid' }], 'Invalid request.\n\nNo subschema in "oneOf" matched.');
    }
    if (mode === 'add') addLabels(ctx.state, repo, issue, names, actorId(ctx));
    else setLabels(ctx.state, repo, issue, names, actorId(ctx));
    return ok(issueLabelsJson(ctx.b, repo, issue));
  };
}

function removeIssueLabel(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueIn(ctx, m, DOC.removeLabel);
  if (isReply(found)) return found;
  const { repo, issue } = found;
  const refused = writeRefusal(ctx.id, repo, 'triage', DOC.removeLabel);
  if (refused) return refused;
  if (!removeLabel(ctx.state, repo, issue, param(m, 4), actorId(ctx))) {
    return ghError(404, 'Label does not exist', DOC.removeLabel);
  }
  return ok(issueLabelsJson(ctx.b, repo, issue));
}

function listComments(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueIn(ctx, m, DOC.comments);
  if (isReply(found)) return found;
  const { repo, issue } = found;
  const since = ctx.req.query.get('since');
  const list = repo.comments.filter((c) => c.issueNumber === issue.number && (!since || c.updatedAt >= since));
  const { page, headers } = paginate(ctx, list, `/repositories/${repo.id}/issues/${issue.number}/comments`);
  return ok(
    page.map((c) => commentJson(ctx.state, ctx.b, repo, c)),
    headers,
  );
}

function createComment(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueIn(ctx, m, DOC.createComment);
  if (isReply(found)) return found;
  const { repo, issue } = found;
  const refused = writeRefusal(ctx.id, repo, 'comment', DOC.createComment);
  if (refused) return refused;
  const body = bodyObject(ctx.req).body;
  if (typeof body !== 'string' || body.trim() === '') {
    return validationFailed(DOC.createComment, [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }]);
  }
  const now = isoNow();
  const c = { id: newId(ctx.state), issueNumber: issue.number, authorId: actorId(ctx), body, createdAt: now, updatedAt: now };
  repo.comments.push(c);
  touch(issue);
  const json = commentJson(ctx.state, ctx.b, repo, c);
  return ok(json, { location: String(json.url) }, 201);
}

function commentIn(ctx: Ctx, m: string[], doc: string) {
  const found = repoFor(ctx, param(m, 1), param(m, 2), doc);
  if (isReply(found)) return found;
  const comment = found.repo.comments.find((c) => c.id === Number(m[3]));
  if (!comment) return ghError(404, 'Not Found', doc);
  return { repo: found.repo, comment };
}

function getComment(ctx: Ctx, m: string[]): SandboxReply {
  const found = commentIn(ctx, m, DOC.getComment);
  if (isReply(found)) return found;
  return ok(commentJson(ctx.state, ctx.b, found.repo, found.comment));
}

function updateComment(ctx: Ctx, m: string[]): SandboxReply {
  const found = commentIn(ctx, m, DOC.updateComment);
  if (isReply(found)) return found;
  const { repo, comment } = found;
  const own = ctx.id.kind === 'token' && ctx.id.user.id === comment.authorId;
  const refused = writeRefusal(ctx.id, repo, own ? 'comment' : 'triage', DOC.updateComment);
  if (refused) return refused;
  const body = bodyObject(ctx.req).body;
  if (typeof body !== 'string') return validationFailed(DOC.updateComment, [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }]);
  comment.body = body;
  comment.updatedAt = isoNow();
  return ok(commentJson(ctx.state, ctx.b, repo, comment));
}

function deleteComment(ctx: Ctx, m: string[]): SandboxReply {
  const found = commentIn(ctx, m, DOC.deleteComment);
  if (isReply(found)) return found;
  const { repo, comment } = found;
  const own = ctx.id.kind === 'token' && ctx.id.user.id === comment.authorId;
  const refused = writeRefusal(ctx.id, repo, own ? 'comment' : 'triage', DOC.deleteComment);
  if (refused) return refused;
  repo.comments.splice(repo.comments.indexOf(comment), 1);
  return { status: 204 };
}

function timeline(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueIn(ctx, m, DOC.timeline);
  if (isReply(found)) return found;
  const { repo, issue } = found;
  const entries = [
    ...repo.events.filter((e) => e.issueNumber === issue.number).map((e) => ({ at: e.createdAt, json: () => timelineEventJson(ctx.state, ctx.b, repo, e) })),
    ...repo.comments.filter((c) => c.issueNumber === issue.number).map((c) => ({ at: c.createdAt, json: () => commentedEventJson(ctx.state, ctx.b, repo, c) })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const { page, headers } = paginate(ctx, entries, `/repositories/${repo.id}/issues/${issue.number}/timeline`);
  return ok(
    page.flatMap((e) => {
      const j = e.json();
      return j ? [j] : [];
    }),
    headers,
  );
}

const N = '(\\d+)';
export const issueRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues$`), doc: DOC.list, handle: listIssues },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/comments/${N}$`), doc: DOC.getComment, handle: getComment },
  { method: 'PATCH', pattern: new RegExp(`^${REPO}/issues/comments/${N}$`), doc: DOC.updateComment, handle: updateComment },
  { method: 'DELETE', pattern: new RegExp(`^${REPO}/issues/comments/${N}$`), doc: DOC.deleteComment, handle: deleteComment },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/${N}$`), doc: DOC.get, handle: getIssue },
  { method: 'PATCH', pattern: new RegExp(`^${REPO}/issues/${N}$`), doc: DOC.update, handle: updateIssue },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/${N}/labels$`), doc: DOC.labels, handle: issueLabels },
  { method: 'POST', pattern: new RegExp(`^${REPO}/issues/${N}/labels$`), doc: DOC.addLabels, handle: changeIssueLabels('add') },
  { method: 'PUT', pattern: new RegExp(`^${REPO}/issues/${N}/labels$`), doc: DOC.setLabels, handle: changeIssueLabels('set') },
  { method: 'DELETE', pattern: new RegExp(`^${REPO}/issues/${N}/labels/([^/]+)$`), doc: DOC.removeLabel, handle: removeIssueLabel },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/${N}/comments$`), doc: DOC.comments, handle: listComments },
  { method: 'POST', pattern: new RegExp(`^${REPO}/issues/${N}/comments$`), doc: DOC.createComment, handle: createComment },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/${N}/timeline$`), doc: DOC.timeline, handle: timeline },
];
