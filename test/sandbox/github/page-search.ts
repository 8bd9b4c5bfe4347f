// The search results page for issues (`/search?q=…&type=issues`): results across repositories in
// `[data-testid="results-list"]`, each title a `.search-title a` link, 25 a page (newest first, or oldest first with
// `sort:created-asc`), pagination in place.
import type { SandboxReply, SandboxRequest } from '../core';
import { escapeHtml } from './markdown';
import type { GithubState } from './model';
import { html, keptQuery, page, themeOf } from './page-shell';
import { issueMatches, qualifierOf, searchTerms } from './search';
import { basesOf } from './urls';

export const SEARCH_ROUTE = '/search(.:format)';
const PER_PAGE = 25;
const VIEWER_ID = 101;

export function searchPage(state: GithubState, req: SandboxRequest): SandboxReply | null {
  if (req.path.replace(/\/$/, '') !== '/search' || req.method !== 'GET') return null;
  const q = req.query.get('q') ?? '';
  const terms = searchTerms(q);
  const qs = terms.flatMap((t) => qualifierOf(t) ?? []);
  const text = terms.filter((t) => !qualifierOf(t));
  const oldestFirst = qs.some((x) => x.key === 'sort' && x.value === 'created-asc');
  const wantIssues = (req.query.get('type') ?? '').toLowerCase() === 'issues';
  const hits = wantIssues
    ? state.repos
        .filter((r) => !r.private || r.permissions[VIEWER_ID])
        .flatMap((repo) => repo.issues.filter((i) => !i.pull && issueMatches(state, repo, i, qs, text)).map((issue) => ({ repo, issue })))
        .sort((a, b) => (a.issue.createdAt < b.issue.createdAt ? 1 : -1) * (oldestFirst ? -1 : 1))
    : [];
  const pageNo = Math.max(1, Number.parseInt(req.query.get('p') ?? '1', 10) || 1);
  const rows = hits.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
  const kept = keptQuery(req.query);
  const href = (p: number) => {
    const next = new URLSearchParams(req.query);
    next.set('p', String(p));
    return `/search?${next.toString()}`;
  };
  const results = rows
    .map(
      ({ repo, issue }) => `<div class="search-result" data-testid="search-result">
  <div class="search-title"><a href="/${repo.owner}/${repo.name}/issues/${issue.number}${kept}">${escapeHtml(issue.title)}</a></div>
  <div class="search-meta"><a href="/${repo.owner}/${repo.name}">${repo.owner}/${repo.name}</a> #${issue.number}</div>
</div>`,
    )
    .join('\n');
  const pages = Math.max(1, Math.ceil(hits.length / PER_PAGE));
  const nav = `<nav aria-label="Pagination">${pageNo > 1 ? `<a rel="prev" data-sandbox-nav href="${href(pageNo - 1)}">Previous</a>` : ''} Page ${pageNo} of ${pages} ${
    pageNo < pages ? `<a rel="next" data-sandbox-nav href="${href(pageNo + 1)}">Next</a>` : ''
  }</nav>`;
  const body = `<turbo-frame id="repo-content-turbo-frame" target="_top"><main id="search-results">
  <h1 class="sr-only">Search results</h1>
  <div data-testid="search-sub-header">${hits.length} results</div>
  <div data-testid="results-list">
${results}
  </div>
  ${nav}
</main></turbo-frame>`;
  return html(200, page({ title: `Issue search results · GitHub`, routePattern: SEARCH_ROUTE, theme: themeOf(req.query), host: new URL(basesOf(req).web).host, body }));
}
