// GET /search/issues: the qualifiers Refinery and the e2e tests use (repo:, is:, type:, state:, label:, -label:,
// no:label, assignee:, author:, milestone:) plus free text over title and body.
import type { SandboxReply } from '../core';
import { ghError, repoAccess } from './auth';
import { ok, paginate, type Ctx, type Route } from './context';
import { issueJson } from './json';
import { findUserByLogin, type GhIssue, type GhRepo, type GithubState } from './model';

const DOC = 'https://docs.github.com/rest/search/search#search-issues-and-pull-requests';

/** Splits a query into terms, keeping `label:"in dev"` and `"free text"` together. */
export function searchTerms(q: string): string[] {
  return [...q.matchAll(/-?[\w.-]+:"[^"]*"|-?[\w.-]+:\S+|"[^"]*"|\S+/g)].map((m) => m[0]);
}

export interface Qualifier {
  key: string;
  value: string;
  negated: boolean;
}

export function qualifierOf(term: string): Qualifier | null {
  const m = /^(-?)([\w.-]+):(.*)$/.exec(term);
  if (!m) return null;
  return { negated: m[1] === '-', key: m[2]!.toLowerCase(), value: m[3]!.replace(/^"(.*)"$/, '$1') };
}

export function issueMatches(state: GithubState, repo: GhRepo, issue: GhIssue, qs: Qualifier[], text: string[]): boolean {
  const lower = (s: string) => s.toLowerCase();
  for (const q of qs) {
    let hit: boolean;
    switch (q.key) {
      case 'repo':
        hit = lower(`${repo.owner}/${repo.name}`) === lower(q.value);
        break;
      case 'is':
      case 'type':
      case 'state':
        if (['issue'].includes(q.value)) hit = issue.pull === null;
        else if (['pr', 'pull-request'].includes(q.value)) hit = issue.pull !== null;
        else if (['open', 'closed'].includes(q.value)) hit = issue.state === q.value;
        else if (q.value === 'merged') hit = issue.pull?.mergedAt != null;
        else hit = q.key === 'type' && lower(issue.type ?? '') === lower(q.value);
        break;
      case 'label':
        hit = q.value.split(',').some((v) => issue.labels.some((l) => lower(l) === lower(v)));
        break;
      case 'no':
        hit = q.value === 'label' ? issue.labels.length === 0 : q.value === 'assignee' ? issue.assigneeIds.length === 0 : true;
        break;
      case 'assignee':
        hit = issue.assigneeIds.includes(findUserByLogin(state, q.value)?.id ?? -1);
        break;
      case 'author':
        hit = issue.authorId === (findUserByLogin(state, q.value)?.id ?? -1);
        break;
      case 'milestone':
        hit = repo.milestones.some((m) => m.number === issue.milestone && lower(m.title) === lower(q.value));
        break;
      default:
        hit = true;
    }
    if (hit === q.negated) return false;
  }
  const haystack = lower(`${issue.title}\n${issue.body ?? ''}`);
  return text.every((t) => haystack.includes(lower(t.replace(/^"(.*)"$/, '$1'))));
}

function searchIssues(ctx: Ctx): SandboxReply {
  const q = ctx.req.query.get('q');
  if (!q || !q.trim()) {
    return ghError(422, 'Validation Failed', DOC, { errors: [{ resource: 'Search', field: 'q', code: 'missing' }] });
  }
  const terms = searchTerms(q);
  const qs = terms.flatMap((t) => qualifierOf(t) ?? []);
  const text = terms.filter((t) => !qualifierOf(t));
  // Since 2025 GitHub refuses issue searches that do not say whether they want issues or pull requests.
  if (!qs.some((x) => ['is', 'type'].includes(x.key) && ['issue', 'pr', 'pull-request'].includes(x.value))) {
    return ghError(422, "Query must include 'is:issue' or 'is:pull-request'", DOC);
  }
  // Naming a user who does not exist fails the whole search, as on GitHub.
  const unknown = qs.filter((x) => ['assignee', 'author'].includes(x.key) && !['none', '@me'].includes(x.value) && !findUserByLogin(ctx.state, x.value));
  if (unknown.length) {
    const message = 'The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.';
    return ghError(422, 'Validation Failed', DOC, { errors: [{ message, resource: 'Search', field: 'q', code: 'invalid' }] });
  }
  const hits: { repo: GhRepo; issue: GhIssue }[] = [];
  for (const repo of ctx.state.repos) {
    if (!repoAccess(ctx.id, repo)) continue;
    for (const issue of repo.issues) if (issueMatches(ctx.state, repo, issue, qs, text)) hits.push({ repo, issue });
  }
  const sort = ctx.req.query.get('sort');
  const asc = ctx.req.query.get('order') === 'asc';
  if (sort === 'created' || sort === 'updated') {
    const key = (h: { issue: GhIssue }) => (sort === 'created' ? h.issue.createdAt : h.issue.updatedAt);
    hits.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (asc ? 1 : -1));
  }
  const { page, headers } = paginate(ctx, hits, '/search/issues');
  return ok(
    {
      total_count: hits.length,
      incomplete_results: false,
      search_type: 'lexical',
      items: page.map((h) => ({ ...issueJson(ctx.state, ctx.b, h.repo, h.issue), score: 1.0 })),
    },
    headers,
  );
}

export const searchRoutes: Route[] = [
  { method: 'GET', pattern: /^\/search\/issues$/, doc: DOC, resource: 'search', handle: (ctx) => searchIssues(ctx) },
];
