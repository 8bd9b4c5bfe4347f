// GitHub-like HTML pages at real GitHub paths. The viewer is alice (signed in); pages carry only relative links.
import type { SandboxReply, SandboxRequest } from '../core';
import { escapeHtml, renderMarkdown } from './markdown';
import { findIssue, findRepo, findUser, isoNow, newId, type GhIssue, type GhRepo, type GithubState } from './model';
import { bareIssue, ISSUE_ROUTE, railsIssue, reactIssue } from './page-issue';
import { issueList, LIST_ROUTE } from './page-list';
import { searchPage } from './page-search';
import { html, keptQuery, notFoundPage, page, repoHeader, themeOf } from './page-shell';
import { touch } from './mutate';
import { basesOf } from './urls';

const PULL_ROUTE = '/:user_id/:repository/pull/:id(.:format)';
const REPO_ROUTE = '/:user_id/:repository';
const VIEWER_ID = 101;

function pullPage(state: GithubState, repo: GhRepo, pr: GhIssue, q: string): string {
  const status = pr.pull?.mergedAt ? 'Merged' : pr.state === 'open' ? 'Open' : 'Closed';
  const body = pr.body ? renderMarkdown(pr.body, { repo: `${repo.owner}/${repo.name}` }) : '';
  return `${repoHeader(repo, q)}
<turbo-frame id="repo-content-turbo-frame" target="_top">
<div id="repo-content-pjax-container" class="repository-content">
  <div id="partial-discussion-header" class="gh-header">
    <h1 class="gh-header-title"><bdi class="js-issue-title markdown-title">${escapeHtml(pr.title)}</bdi> <span class="gh-header-number">#${pr.number}</span></h1>
    <span class="State">${status}</span>
  </div>
  <div class="js-discussion"><div class="timeline-comment comment"><div class="comment-body markdown-body">${body}</div></div></div>
  <div id="partial-discussion-sidebar"><h3>Labels</h3>${pr.labels.map(escapeHtml).join(', ') || 'None yet'}</div>
</div>
</turbo-frame>`;
}

function avatar(id: string): SandboxReply {
  const hue = (Number(id) * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="hsl(${hue} 60% 55%)"/></svg>`;
  return { status: 200, body: svg, headers: { 'content-type': 'image/svg+xml' } };
}

/** The web composer posts here (form-encoded `comment[body]`), as alice; redirects back like GitHub. */
function postComment(state: GithubState, repo: GhRepo, issue: GhIssue, req: SandboxRequest, q: string): SandboxReply {
  const form = (req.body ?? {}) as Record<string, unknown>;
  const body = typeof form['comment[body]'] === 'string' ? form['comment[body]'] : '';
  const back = `/${repo.owner}/${repo.name}/issues/${issue.number}${q}`;
  if (body.trim() === '') return { status: 302, headers: { location: back } };
  const now = isoNow();
  const id = newId(state);
  repo.comments.push({ id, issueNumber: issue.number, authorId: VIEWER_ID, body, createdAt: now, updatedAt: now });
  touch(issue);
  return { status: 302, headers: { location: `${back}#issuecomment-${id}` } };
}

export function githubPages(state: GithubState, req: SandboxRequest): SandboxReply | null {
  const host = new URL(basesOf(req).web).host;
  const avatarMatch = /^\/avatars\/u\/(\d+)$/.exec(req.path);
  if (avatarMatch && req.method === 'GET') return avatar(avatarMatch[1]!);
  const search = searchPage(state, req);
  if (search) return search;
  const m = /^\/([^/]+)\/([^/]+)(?:\/(issues|pull)(?:\/(\d+)(\/comments)?)?)?\/?$/.exec(req.path);
  if (!m) return null;
  const repo = findRepo(state, decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
  if (!repo) return notFoundPage(host);
  const [, , , kind, num, comments] = m;
  const theme = themeOf(req.query);
  const q = keptQuery(req.query);
  const variant = req.query.get('variant');
  const nwo = `${repo.owner}/${repo.name}`;

  if (!kind) {
    return html(200, page({ title: `${nwo}: ${repo.description ?? ''}`, routePattern: REPO_ROUTE, repo, theme, host, body: `${repoHeader(repo, q)}<div class="repository-content">${escapeHtml(repo.description ?? '')}</div>` }));
  }
  if (kind === 'issues' && !num) {
    return html(200, page({ title: `Issues · ${nwo}`, routePattern: LIST_ROUTE, repo, theme, host, body: issueList(state, repo, req.query, q) }));
  }
  const issue = findIssue(repo, Number(num));
  if (!issue) return notFoundPage(host);
  // GitHub redirects /issues/N to /pull/N for pull requests and back.
  if (kind === 'issues' && issue.pull && !comments) return { status: 302, headers: { location: `/${nwo}/pull/${issue.number}${q}` } };
  if (kind === 'pull' && !issue.pull) return { status: 302, headers: { location: `/${nwo}/issues/${issue.number}${q}` } };
  if (comments) {
    return req.method === 'POST' && kind === 'issues' ? postComment(state, repo, issue, req, q) : null;
  }
  if (req.method !== 'GET') return null;
  if (kind === 'pull') {
    return html(200, page({ title: `${issue.title} by ${findUser(state, issue.authorId)?.login ?? 'ghost'} · Pull Request #${issue.number} · ${nwo}`, routePattern: PULL_ROUTE, repo, theme, host, body: pullPage(state, repo, issue, q) }));
  }
  const view = { state, repo, issue, q };
  const title = `${issue.title} · Issue #${issue.number} · ${nwo}`;
  if (variant === 'bare') return html(200, page({ title, theme, host, bare: true, body: bareIssue(view) }));
  const body = variant === 'rails' ? railsIssue(view) : reactIssue(view);
  return html(200, page({ title, routePattern: ISSUE_ROUTE, repo, theme, host, body }));
}

