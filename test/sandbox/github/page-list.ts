// The repository issue list (React issues app): 25 rows a page, `q` filtering, list-row data-testids.
import { escapeHtml } from './markdown';
import { findLabel, findUser, type GhRepo, type GithubState } from './model';
import { labelChip, relativeTime, repoHeader } from './page-shell';
import { issueMatches, qualifierOf, searchTerms } from './search';

export const LIST_ROUTE = '/:user_id/:repository/issues(.:format)';
const PER_PAGE = 25;

export function issueList(state: GithubState, repo: GhRepo, query: URLSearchParams, kept: string): string {
  const q = query.get('q') ?? 'is:issue state:open';
  const terms = searchTerms(q);
  const qs = terms.flatMap((t) => qualifierOf(t) ?? []);
  // The issues tab lists issues only, whatever the query says.
  const issues = repo.issues
    .filter((i) => !i.pull && issueMatches(state, repo, i, qs, terms.filter((t) => !qualifierOf(t))))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.number - a.number));
  const pageNo = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const rows = issues.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
  const base = `/${repo.owner}/${repo.name}`;
  const sep = kept ? '&' : '?';
  const item = rows
    .map((i) => {
      const author = findUser(state, i.authorId)?.login ?? 'ghost';
      const comments = repo.comments.filter((c) => c.issueNumber === i.number).length;
      const labels = i.labels
        .map((name) => {
          const l = findLabel(repo, name);
          return labelChip(name, l?.color ?? 'ededed', l?.description ?? null, `${base}/issues?q=${encodeURIComponent(`state:open label:"${name}"`)}`);
        })
        .join('');
      return `<li role="listitem" tabindex="0" data-issue-id="${repo.owner}/${repo.name}#${i.number}">
  <div data-testid="list-row-state-icon"><span class="sr-only">Status: ${i.state === 'open' ? 'Open' : 'Closed (completed)'}.</span></div>
  <div data-listview-item-title-container="true"><h3><a data-testid="issue-pr-title-link" data-sandbox-nav href="${base}/issues/${i.number}${kept}">${escapeHtml(i.title)}</a></h3></div>
  <div data-testid="list-row-labels">${labels}</div>
  <div data-testid="list-row-repo-name-and-number"><span><span>#${i.number}</span></span>
    <span data-testid="created-at">· <a href="/${author}">${author}</a> opened ${relativeTime(i.createdAt)}</span></div>
  <div data-testid="list-row-comments">${comments}<span class="sr-only"> comments</span></div>
</li>`;
    })
    .join('\n');
  const pages = Math.max(1, Math.ceil(issues.length / PER_PAGE));
  const link = (p: number, rel: string, text: string) =>
    // The React issues app pages in place (a soft navigation), without loading a document.
    `<a rel="${rel}" data-sandbox-nav href="${base}/issues${kept}${sep}q=${encodeURIComponent(q)}&page=${p}">${text}</a>`;
  const nav = `<nav aria-label="Pagination" data-testid="pagination">${pageNo > 1 ? link(pageNo - 1, 'prev', 'Previous') : ''} Page ${pageNo} of ${pages} ${
    pageNo < pages ? link(pageNo + 1, 'next', 'Next') : ''
  }</nav>`;
  return `${repoHeader(repo, kept)}
<turbo-frame id="repo-content-turbo-frame" target="_top">
<div id="repo-content-pjax-container" class="repository-content">
<react-app app-name="issues-react" initial-path="${base}/issues" data-ssr="true">
  <div data-target="react-app.reactRoot">
    <form role="search" action="${base}/issues"><input data-testid="issues-search-input" name="q" value="${escapeHtml(q)}" aria-label="Search Issues"></form>
    <div data-testid="issues-list-surface" class="Box">
      <h2 class="sr-only" id="issues-list-heading">Issues</h2>
      <div data-testid="list-view-metadata">${issues.length} results</div>
      <ul role="list" aria-labelledby="issues-list-heading" data-testid="list-view-items">
${item}
      </ul>
    </div>
    ${nav}
  </div>
</react-app>
</div>
</turbo-frame>`;
}
