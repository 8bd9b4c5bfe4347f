// REST routes for issue dependencies ("blocked by" / "blocking"), as github.com and GHES 3.19+ have them.
import type { SandboxReply } from '../core';
import { DOCS, ghError, repoAccess } from './auth';
import { isReply, ok, paginate, param, repoFor, type Ctx, type Route } from './context';
import { issueJson } from './json';
import { findIssue, type GhIssue, type GhRepo } from './model';

const DOC = {
  blockedBy: 'https://docs.github.com/rest/issues/issue-dependencies#list-dependencies-an-issue-is-blocked-by',
  blocking: 'https://docs.github.com/rest/issues/issue-dependencies#list-dependencies-an-issue-is-blocking',
};

/** Issues by their global id, with the repository holding them (dependencies may cross repositories). */
function byId(ctx: Ctx, id: number): { repo: GhRepo; issue: GhIssue } | null {
  for (const repo of ctx.state.repos) {
    const issue = repo.issues.find((i) => i.id === id);
    if (issue) return { repo, issue };
  }
  return null;
}

function list(direction: 'blocked_by' | 'blocking') {
  const doc = direction === 'blocked_by' ? DOC.blockedBy : DOC.blocking;
  return (ctx: Ctx, m: string[]): SandboxReply => {
    // An older GitHub Enterprise Server has no such route: its generic 404.
    if (!ctx.state.issueDependencies) return ghError(404, 'Not Found', DOCS);
    const found = repoFor(ctx, param(m, 1), param(m, 2), doc);
    if (isReply(found)) return found;
    const issue = findIssue(found.repo, Number(m[3]));
    if (!issue || issue.pull) return ghError(404, 'Not Found', doc);
    const all = ctx.state.repos.flatMap((repo) => repo.dependencies.map((d) => ({ repo, d })));
    const related =
      direction === 'blocked_by'
        ? all.filter(({ repo, d }) => repo === found.repo && d.issueNumber === issue.number).flatMap(({ d }) => byId(ctx, d.blockingId) ?? [])
        : all.filter(({ d }) => d.blockingId === issue.id).flatMap(({ repo, d }) => {
            const other = findIssue(repo, d.issueNumber);
            return other ? [{ repo, issue: other }] : [];
          });
    // Like GitHub, issues in repositories the caller cannot see are left out.
    const visible = related.filter((x) => repoAccess(ctx.id, x.repo) !== null);
    const { page, headers } = paginate(ctx, visible, `/repositories/${found.repo.id}/issues/${issue.number}/dependencies/${direction}`);
    return ok(
      page.map((x) => issueJson(ctx.state, ctx.b, x.repo, x.issue)),
      headers,
    );
  };
}

const REPO = '/repos/([^/]+)/([^/]+)';
export const dependencyRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/(\\d+)/dependencies/blocked_by$`), doc: DOC.blockedBy, handle: list('blocked_by') },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/(\\d+)/dependencies/blocking$`), doc: DOC.blocking, handle: list('blocking') },
];
