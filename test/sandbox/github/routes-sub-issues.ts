// REST routes for creating issues and for sub-issues (github.com, GHES 3.18+; see @octokit/openapi):
// POST /repos/{o}/{r}/issues, GET/POST …/issues/{n}/sub_issues. A sub-issue belongs to the same owner as its parent,
// has one parent (unless `replace_parent`), and a parent holds at most 100.
import type { SandboxReply } from '../core';
import { ghError, writeRefusal } from './auth';
import { bodyObject, isReply, ok, paginate, param, repoFor, validationFailed, type Ctx, type Route } from './context';
import { issueJson } from './json';
import { addLabels, labelNames } from './mutate';
import { findIssue, isoNow, newId, orgOf, type GhIssue, type GhRepo } from './model';

const DOC = {
  create: 'https://docs.github.com/rest/issues/issues#create-an-issue',
  subIssues: 'https://docs.github.com/rest/issues/sub-issues',
};
const MAX_SUB_ISSUES = 100;

function createIssue(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.create);
  if (isReply(found)) return found;
  const refused = writeRefusal(ctx.id, found.repo, 'comment', DOC.create);
  if (refused) return refused;
  const body = bodyObject(ctx.req);
  if (typeof body.title !== 'string' || body.title.trim() === '') return validationFailed(DOC.create, [{ resource: 'Issue', field: 'title', code: 'missing_field' }]);
  const repo = found.repo;
  const actor = ctx.id.kind === 'token' ? ctx.id.user.id : 0;
  const now = isoNow();
  const issue: GhIssue = {
    id: newId(ctx.state),
    number: Math.max(0, ...repo.issues.map((i) => i.number)) + 1,
    title: body.title,
    body: typeof body.body === 'string' ? body.body : null,
    state: 'open',
    stateReason: null,
    authorId: actor,
    labels: [],
    assigneeIds: [],
    milestone: null,
    type: null,
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedById: null,
    pull: null,
  };
  repo.issues.push(issue);
  // Labels, assignees, milestone and type need push access; GitHub drops them silently otherwise.
  const push = found.perm !== 'pull';
  const names = body.labels === undefined ? [] : labelNames(body.labels);
  if (names === null) return validationFailed(DOC.create, [{ resource: 'Issue', field: 'labels', code: 'invalid' }]);
  if (push && names.length) addLabels(ctx.state, repo, issue, names, actor);
  if (push && typeof body.type === 'string') issue.type = orgOf(ctx.state, repo)?.issueTypes.find((t) => t.name.toLowerCase() === String(body.type).toLowerCase())?.name ?? null;
  return ok(issueJson(ctx.state, ctx.b, repo, issue, { single: true }), { location: `${ctx.b.api}/repos/${repo.owner}/${repo.name}/issues/${issue.number}` }, 201);
}

function parentOf(ctx: Ctx, m: string[]) {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.subIssues);
  if (isReply(found)) return found;
  const issue = findIssue(found.repo, Number(m[3]));
  if (!issue || issue.pull) return ghError(404, 'Not Found', DOC.subIssues);
  return { repo: found.repo, issue };
}

function byId(ctx: Ctx, id: number): { repo: GhRepo; issue: GhIssue } | null {
  for (const repo of ctx.state.repos) {
    const issue = repo.issues.find((i) => i.id === id && !i.pull);
    if (issue) return { repo, issue };
  }
  return null;
}

function listSubIssues(ctx: Ctx, m: string[]): SandboxReply {
  const found = parentOf(ctx, m);
  if (isReply(found)) return found;
  const subs = (found.issue.subIssueIds ?? []).flatMap((id) => byId(ctx, id) ?? []);
  const { page, headers } = paginate(ctx, subs, `/repositories/${found.repo.id}/issues/${found.issue.number}/sub_issues`);
  return ok(page.map((s) => issueJson(ctx.state, ctx.b, s.repo, s.issue)), headers);
}

function addSubIssue(ctx: Ctx, m: string[]): SandboxReply {
  const found = parentOf(ctx, m);
  if (isReply(found)) return found;
  const refused = writeRefusal(ctx.id, found.repo, 'triage', DOC.subIssues);
  if (refused) return refused;
  const body = bodyObject(ctx.req);
  const child = typeof body.sub_issue_id === 'number' ? byId(ctx, body.sub_issue_id) : null;
  if (!child) return validationFailed(DOC.subIssues, [{ resource: 'SubIssue', field: 'sub_issue_id', code: 'invalid' }]);
  if (child.repo.owner.toLowerCase() !== found.repo.owner.toLowerCase() || child.issue.id === found.issue.id) {
    return validationFailed(DOC.subIssues, [{ resource: 'SubIssue', field: 'sub_issue_id', code: 'invalid', message: 'The sub-issue must belong to the same repository owner as the parent issue' }]);
  }
  const subs = found.issue.subIssueIds ?? [];
  if (subs.includes(child.issue.id)) return validationFailed(DOC.subIssues, [{ resource: 'SubIssue', code: 'custom', message: 'Issue is already a sub-issue of this issue' }]);
  const other = ctx.state.repos.flatMap((r) => r.issues).find((i) => i.subIssueIds?.includes(child.issue.id));
  if (other && body.replace_parent !== true) return validationFailed(DOC.subIssues, [{ resource: 'SubIssue', code: 'custom', message: 'Issue may not contain duplicate sub-issues and can only have one parent' }]);
  if (subs.length >= MAX_SUB_ISSUES) return validationFailed(DOC.subIssues, [{ resource: 'SubIssue', code: 'custom', message: `Parent cannot have more than ${MAX_SUB_ISSUES} sub-issues` }]);
  if (other) other.subIssueIds = other.subIssueIds!.filter((id) => id !== child.issue.id);
  found.issue.subIssueIds = [...subs, child.issue.id];
  return ok(issueJson(ctx.state, ctx.b, found.repo, found.issue), {}, 201);
}

const REPO = '^/repos/([^/]+)/([^/]+)';
export const subIssueRoutes: Route[] = [
  { method: 'POST', pattern: new RegExp(`${REPO}/issues$`), doc: DOC.create, handle: createIssue },
  { method: 'GET', pattern: new RegExp(`${REPO}/issues/(\\d+)/sub_issues$`), doc: DOC.subIssues, handle: listSubIssues },
  { method: 'POST', pattern: new RegExp(`${REPO}/issues/(\\d+)/sub_issues$`), doc: DOC.subIssues, handle: addSubIssue },
];
