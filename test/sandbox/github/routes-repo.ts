// REST routes for a repository, its labels, assignable users and milestones.
import type { SandboxReply } from '../core';
import { ghError, writeRefusal } from './auth';
import { bodyObject, isReply, ok, paginate, param, repoFor, validationFailed, type Ctx, type Route } from './context';
import { issueTypeJson, labelJson, milestoneJson, repoJson, simpleUser } from './json';
import { findLabel, findUser, newId, orgOf } from './model';

const DOC = {
  repo: 'https://docs.github.com/rest/repos/repos#get-a-repository',
  labels: 'https://docs.github.com/rest/issues/labels#list-labels-for-a-repository',
  createLabel: 'https://docs.github.com/rest/issues/labels#create-a-label',
  getLabel: 'https://docs.github.com/rest/issues/labels#get-a-label',
  assignees: 'https://docs.github.com/rest/issues/assignees#list-assignees',
  milestones: 'https://docs.github.com/rest/issues/milestones#list-milestones',
};

const REPO = '/repos/([^/]+)/([^/]+)';

function getRepo(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.repo);
  if (isReply(found)) return found;
  return ok(repoJson(ctx.state, ctx.b, found.repo, found.perm, true));
}

function listLabels(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.labels);
  if (isReply(found)) return found;
  const { page, headers } = paginate(ctx, found.repo.labels, `/repositories/${found.repo.id}/labels`);
  return ok(
    page.map((l) => labelJson(ctx.b, found.repo, l)),
    headers,
  );
}

function getLabel(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.getLabel);
  if (isReply(found)) return found;
  const label = findLabel(found.repo, param(m, 3));
  return label ? ok(labelJson(ctx.b, found.repo, label)) : ghError(404, 'Not Found', DOC.getLabel);
}

function createLabel(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.createLabel);
  if (isReply(found)) return found;
  const { repo } = found;
  const refused = writeRefusal(ctx.id, repo, 'triage', DOC.createLabel);
  if (refused) return refused;
  const body = bodyObject(ctx.req);
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name) return validationFailed(DOC.createLabel, [{ resource: 'Label', field: 'name', code: 'missing_field' }]);
  if (findLabel(repo, name)) return validationFailed(DOC.createLabel, [{ resource: 'Label', field: 'name', code: 'already_exists' }]);
  const color = typeof body.color === 'string' ? body.color.replace(/^#/, '') : 'ededed';
  if (!/^[0-9a-fA-F]{6}$/.test(color)) return validationFailed(DOC.createLabel, [{ resource: 'Label', field: 'color', code: 'invalid' }]);
  const label = {
    id: newId(ctx.state),
    name,
    color: color.toLowerCase(),
    description: typeof body.description === 'string' ? body.description : null,
    default: false,
  };
  repo.labels.push(label);
  const json = labelJson(ctx.b, repo, label);
  return ok(json, { location: String(json.url) }, 201);
}

/** Users issues can be assigned to: collaborators with push access or more. */
function listAssignees(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.assignees);
  if (isReply(found)) return found;
  const users = Object.entries(found.repo.permissions)
    .filter(([, perm]) => perm !== 'pull')
    .flatMap(([id]) => {
      const u = findUser(ctx.state, Number(id));
      return u ? [u] : [];
    })
    .sort((a, b) => a.login.localeCompare(b.login));
  const { page, headers } = paginate(ctx, users, `/repositories/${found.repo.id}/assignees`);
  return ok(
    page.map((u) => simpleUser(ctx.b, u)),
    headers,
  );
}

/** The organisation's issue types usable in this repository; a personal repository has none (404, like GitHub). */
function listIssueTypes(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), ISSUE_TYPES_DOC);
  if (isReply(found)) return found;
  const org = orgOf(ctx.state, found.repo);
  if (!org) return ghError(404, 'Not Found', ISSUE_TYPES_DOC);
  return ok(org.issueTypes.map((t) => issueTypeJson(ctx.state, found.repo, t.name)));
}
const ISSUE_TYPES_DOC = 'https://docs.github.com/rest/issues/issue-types#list-issue-types-for-a-repository';

function listMilestones(ctx: Ctx, m: string[]): SandboxReply {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.milestones);
  if (isReply(found)) return found;
  const state = ctx.req.query.get('state') ?? 'open';
  const list = found.repo.milestones.filter((x) => state === 'all' || x.state === state);
  const { page, headers } = paginate(ctx, list, `/repositories/${found.repo.id}/milestones`);
  return ok(
    page.map((x) => milestoneJson(ctx.state, ctx.b, found.repo, x)),
    headers,
  );
}

export const repoRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`^${REPO}$`), doc: DOC.repo, handle: getRepo },
  { method: 'GET', pattern: new RegExp(`^${REPO}/labels$`), doc: DOC.labels, handle: listLabels },
  { method: 'POST', pattern: new RegExp(`^${REPO}/labels$`), doc: DOC.createLabel, handle: createLabel },
  { method: 'GET', pattern: new RegExp(`^${REPO}/labels/([^/]+)$`), doc: DOC.getLabel, handle: getLabel },
  { method: 'GET', pattern: new RegExp(`^${REPO}/assignees$`), doc: DOC.assignees, handle: listAssignees },
  { method: 'GET', pattern: new RegExp(`^${REPO}/milestones$`), doc: DOC.milestones, handle: listMilestones },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issue-types$`), doc: ISSUE_TYPES_DOC, handle: listIssueTypes },
];
