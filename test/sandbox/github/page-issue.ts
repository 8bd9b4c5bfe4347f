// The issue page in three variants: GitHub's React issue view (github.com, recent GHE; data-testid anchors as used
// by refined-github and others), the older Rails view (`?variant=rails`, GHE 3.x) and a bare page without anchors.
import { escapeHtml, renderMarkdown } from './markdown';
import { findIssue, findLabel, findRepo, findUser, type GhComment, type GhEvent, type GhIssue, type GhRepo, type GithubState } from './model';
import { labelChip, relativeTime, repoHeader } from './page-shell';

/** What github.com sends on an issue page loaded directly (real captures of 2023 and 2025, ../shared/real-pages). */
export const ISSUE_ROUTE = '/_view_fragments/issues/show/:user_id/:repository/:id/issue_layout(.:format)';

export interface IssueView {
  state: GithubState;
  repo: GhRepo;
  issue: GhIssue;
  /** Query string (with `?`) kept on in-page links. */
  q: string;
}

function login(state: GithubState, id: number): string {
  return findUser(state, id)?.login ?? 'ghost';
}

function md(v: IssueView, text: string | null): string {
  return text ? renderMarkdown(text, { repo: `${v.repo.owner}/${v.repo.name}` }) : '<p><em>No description provided.</em></p>';
}

function labelHref(v: IssueView, name: string): string {
  return `/${v.repo.owner}/${v.repo.name}/issues?q=${encodeURIComponent(`state:open label:"${name}"`)}`;
}

/** The issue's labels the repository has: the API leaves out the others (json.ts issueLabelsJson), so the page does. */
const shownLabels = (v: IssueView) => v.issue.labels.filter((name) => v.repo.labels.some((x) => x.name === name));

function chips(v: IssueView): string {
  return shownLabels(v)
    .map((name) => {
      const l = findLabel(v.repo, name);
      return labelChip(name, l?.color ?? 'ededed', l?.description ?? null, labelHref(v, name));
    })
    .join('');
}

function eventText(v: IssueView, e: GhEvent): string | null {
  const who = `<a href="/${login(v.state, e.actorId)}">${login(v.state, e.actorId)}</a>`;
  switch (e.event) {
    case 'labeled':
      return `${who} added the ${escapeHtml(e.label.name)} label`;
    case 'unlabeled':
      return `${who} removed the ${escapeHtml(e.label.name)} label`;
    case 'assigned':
      return `${who} assigned ${login(v.state, e.assigneeId)}`;
    case 'unassigned':
      return `${who} unassigned ${login(v.state, e.assigneeId)}`;
    case 'milestoned':
      return `${who} added this to the ${escapeHtml(e.milestoneTitle)} milestone`;
    case 'demilestoned':
      return `${who} removed this from the ${escapeHtml(e.milestoneTitle)} milestone`;
    case 'closed':
      return `${who} closed this as ${e.stateReason === 'not_planned' ? 'not planned' : 'completed'}`;
    case 'reopened':
      return `${who} reopened this`;
    case 'renamed':
      return `${who} changed the title <del>${escapeHtml(e.from)}</del> <ins>${escapeHtml(e.to)}</ins>`;
    case 'cross-referenced': {
      const [owner = '', name = ''] = e.source.repo.split('/');
      const src = findRepo(v.state, owner, name);
      const issue = src ? findIssue(src, e.source.number) : undefined;
      if (!src || !issue) return null;
      const same = src === v.repo;
      const ref = `${same ? '' : e.source.repo}#${issue.number}`;
      const href = `/${e.source.repo}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
      return `${who} mentioned this ${issue.pull ? 'in a pull request' : 'in an issue'} <a href="${href}">${escapeHtml(issue.title)} ${escapeHtml(ref)}</a>`;
    }
  }
}

type Entry = { at: string; html: string };

function reactTimeline(v: IssueView): string {
  const entries: Entry[] = [];
  for (const c of v.repo.comments.filter((x) => x.issueNumber === v.issue.number)) {
    entries.push({ at: c.createdAt, html: reactComment(v, c) });
  }
  for (const e of v.repo.events.filter((x) => x.issueNumber === v.issue.number)) {
    const text = eventText(v, e);
    if (text) entries.push({ at: e.createdAt, html: `<div class="timeline-event" data-testid="timeline-row-border-${e.event}">${text} ${relativeTime(e.createdAt)}</div>` });
  }
  return entries
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((x) => x.html)
    .join('\n');
}

function reactComment(v: IssueView, c: GhComment): string {
  const who = login(v.state, c.authorId);
  const href = `/${v.repo.owner}/${v.repo.name}/issues/${v.issue.number}#issuecomment-${c.id}`;
  return `<div class="react-issue-comment comment" id="issuecomment-${c.id}" data-testid="comment-viewer-outer-box-IC_${c.id}">
  <div class="comment-header" data-testid="comment-header"><a data-testid="avatar-link" href="/${who}">${who}</a> commented <a href="${href}">${relativeTime(c.createdAt)}</a></div>
  <div data-testid="markdown-body" class="markdown-body">${md(v, c.body)}</div>
</div>`;
}

function linkedPulls(v: IssueView): GhIssue[] {
  const seen = new Set<number>();
  return v.repo.events
    .filter((e): e is Extract<GhEvent, { event: 'cross-referenced' }> => e.issueNumber === v.issue.number && e.event === 'cross-referenced')
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .flatMap((e) => {
      const [owner = '', name = ''] = e.source.repo.split('/');
      const src = findRepo(v.state, owner, name);
      const pr = src && src === v.repo ? findIssue(src, e.source.number) : undefined;
      if (!pr?.pull || seen.has(pr.number)) return [];
      seen.add(pr.number);
      return [pr];
    });
}

function sidebar(v: IssueView): string {
  const { state, repo, issue } = v;
  const assignees = issue.assigneeIds.map((id) => `<a href="/${login(state, id)}" data-hovercard-type="user">${login(state, id)}</a>`).join(', ');
  const milestone = repo.milestones.find((m) => m.number === issue.milestone);
  const pulls = linkedPulls(v)
    .map((pr) => `<a href="/${repo.owner}/${repo.name}/pull/${pr.number}">${escapeHtml(pr.title)} #${pr.number}</a>`)
    .join('<br>');
  // The real React view's sidebar: `[data-testid="sidebar-section"]` blocks (shared/reference/dom-anchors.md); the
  // inner testids are the ones refined-github reads (`sidebar-assignees-section`, …).
  const section = (testid: string, title: string, inner: string) =>
    `<div class="sidebar-section" data-testid="sidebar-section"><h3>${title}</h3><div data-testid="${testid}">${inner}</div></div>`;
  return `<div data-testid="issue-viewer-metadata-container">
  <div data-testid="issue-viewer-metadata-pane"><h2 class="sr-only">Metadata</h2>
    ${section('sidebar-assignees-section', 'Assignees', `<div data-testid="issue-assignees">${assignees || 'No one assigned'}</div>`)}
    ${section('sidebar-labels-section', 'Labels', `<div data-testid="issue-labels">${chips(v) || 'No labels'}</div>`)}
    ${section('sidebar-types-section', 'Type', `<div data-testid="issue-type-container">${issue.type ? `<a href="/${repo.owner}/${repo.name}/issues?q=type:&quot;${escapeHtml(issue.type)}&quot;"><span>${escapeHtml(issue.type)}</span></a>` : 'No type'}</div>`)}
    ${section('sidebar-projects-section', 'Projects', 'No projects')}
    ${section('sidebar-milestones-section', 'Milestone', `<div data-testid="issue-milestone-container">${milestone ? `<a href="/${repo.owner}/${repo.name}/milestone/${milestone.number}">${escapeHtml(milestone.title)}</a>` : 'No milestone'}</div>`)}
    ${section('sidebar-relationships-section', 'Relationships', 'None yet')}
    ${section('sidebar-development-section', 'Development', `<div data-testid="issue-viewer-linked-pr-container">${pulls || 'No branches or pull requests'}</div>`)}
  </div>
</div>`;
}

function nextIssueLink(v: IssueView): string {
  const next = v.repo.issues.filter((i) => !i.pull && i.number > v.issue.number).sort((a, b) => a.number - b.number)[0];
  return next
    ? `<a data-sandbox-nav href="/${v.repo.owner}/${v.repo.name}/issues/${next.number}${v.q}">Next issue #${next.number}</a>`
    : '';
}

function composer(v: IssueView, rails: boolean): string {
  const action = `/${v.repo.owner}/${v.repo.name}/issues/${v.issue.number}/comments${v.q}`;
  if (rails) {
    return `<form class="js-new-comment-form" method="post" action="${action}">
  <textarea id="new_comment_field" name="comment[body]" class="js-comment-field" placeholder="Leave a comment"></textarea>
  <button type="submit" class="btn btn-primary">Comment</button>
</form>`;
  }
  return `<div data-testid="comment-composer">
  <h2 id="comment-composer-heading" class="sr-only">Add a comment</h2>
  <form method="post" action="${action}">
    <textarea name="comment[body]" aria-labelledby="comment-composer-heading" placeholder="Use Markdown to format your comment"></textarea>
    <input type="hidden" data-sandbox-model value="">
    <button type="submit" data-testid="comment-composer-submit">Comment</button>
  </form>
  <script>${CONTROLLED_COMPOSER_SCRIPT}</script>
</div>`;
}

/**
 * GitHub's composer is a React controlled textarea: the app's state changes only through input events, and posting
 * sends the state. The script keeps that state (mirrored into the hidden [data-sandbox-model] for tests) and posts it,
 * so a change made without the events a framework listens to is lost here as it would be on github.com.
 */
const CONTROLLED_COMPOSER_SCRIPT = `
(() => {
  if (window.__sandboxControlledComposer) return;
  window.__sandboxControlledComposer = true;
  const parts = (el) => {
    const box = el instanceof Element ? el.closest('[data-testid="comment-composer"]') : null;
    return box ? { field: box.querySelector('textarea'), model: box.querySelector('[data-sandbox-model]') } : null;
  };
  document.addEventListener('input', (e) => {
    const p = parts(e.target);
    if (p && p.model && e.target === p.field) p.model.value = p.field.value;
  }, true);
  document.addEventListener('submit', (e) => {
    const p = parts(e.target);
    if (p && p.field && p.model) p.field.value = p.model.value;
  }, true);
})();
`;

/** React issue view (`react-app[app-name="issues-react"]`). */
export function reactIssue(v: IssueView): string {
  const { state, repo, issue } = v;
  const author = login(state, issue.authorId);
  const open = issue.state === 'open';
  const embedded = JSON.stringify({ payload: { preloaded_records: {}, structured_data: null, issue_search_type: 'lexical' }, appPayload: { current_user: { login: 'alice' } } });
  return `${repoHeader(repo, v.q)}
<turbo-frame id="repo-content-turbo-frame" target="_top">
<div id="repo-content-pjax-container" class="repository-content">
<react-app app-name="issues-react" initial-path="/${repo.owner}/${repo.name}/issues/${issue.number}" data-ssr="true" data-lazy="false" data-alternate="false">
  <script type="application/json" data-target="react-app.embeddedData">${embedded.replace(/</g, '\\u003c')}</script>
  <div data-target="react-app.reactRoot">
  <div data-testid="issue-viewer-container">
    <div data-testid="issue-header" role="region" aria-label="Header">
      <div data-component="TitleArea" data-size-variant="medium">
        <h1 data-component="PH_Title" data-hidden="false"><bdi class="markdown-title" data-testid="issue-title">${escapeHtml(issue.title)}</bdi> <span>#${issue.number}</span></h1>
      </div>
      <div data-component="PH_Actions"><a href="/${repo.owner}/${repo.name}/issues/new">New issue</a> ${nextIssueLink(v)}</div>
      <span data-testid="header-state" class="State ${open ? '' : 'State--closed'}">${open ? 'Open' : 'Closed'}</span>
    </div>
    <div class="layout">
      <div data-testid="issue-viewer-issue-container">
        <div data-testid="issue-body" class="react-issue-body comment" id="issue-${issue.number}">
          <div class="comment-header"><a data-testid="issue-body-header-author" href="/${author}">${author}</a> opened <a data-testid="issue-body-header-link" href="/${repo.owner}/${repo.name}/issues/${issue.number}#issue-${issue.number}">${relativeTime(issue.createdAt)}</a></div>
          <div data-testid="issue-body-viewer"><div data-testid="markdown-body" class="markdown-body">${md(v, issue.body)}</div></div>
        </div>
        <div id="issue-timeline" data-testid="issue-timeline">
${reactTimeline(v)}
        </div>
        ${composer(v, false)}
      </div>
      ${sidebar(v)}
    </div>
  </div>
  </div>
</react-app>
</div>
</turbo-frame>`;
}

/** The Rails issue view of older GitHub Enterprise Server releases. */
export function railsIssue(v: IssueView): string {
  const { state, repo, issue } = v;
  const open = issue.state === 'open';
  const comments = v.repo.comments
    .filter((c) => c.issueNumber === issue.number)
    .map(
      (c) => `<div class="timeline-comment js-comment comment" id="issuecomment-${c.id}">
  <div class="timeline-comment-header comment-header"><a class="author" href="/${login(state, c.authorId)}">${login(state, c.authorId)}</a> commented ${relativeTime(c.createdAt)}</div>
  <div class="comment-body markdown-body js-comment-body">${md(v, c.body)}</div>
</div>`,
    )
    .join('\n');
  return `${repoHeader(repo, v.q)}
<turbo-frame id="repo-content-turbo-frame" target="_top">
<div id="repo-content-pjax-container" class="repository-content">
  <div id="partial-discussion-header" class="gh-header js-details-container">
    <h1 class="gh-header-title"><span class="js-issue-title markdown-title">${escapeHtml(issue.title)}</span> <span class="gh-header-number">#${issue.number}</span></h1>
    <span class="State ${open ? 'State--open' : 'State--closed'}">${open ? 'Open' : 'Closed'}</span> ${nextIssueLink(v)}
  </div>
  <div class="layout">
    <div class="js-discussion">
      <div class="timeline-comment js-comment comment" id="issue-${issue.number}">
        <div class="timeline-comment-header comment-header"><a class="author" href="/${login(state, issue.authorId)}">${login(state, issue.authorId)}</a> opened ${relativeTime(issue.createdAt)}</div>
        <div class="comment-body markdown-body js-comment-body">${md(v, issue.body)}</div>
      </div>
      ${comments}
      ${composer(v, true)}
    </div>
    <div id="partial-discussion-sidebar" class="Layout-sidebar">
      <div class="discussion-sidebar-item sidebar-assignee"><h3>Assignees</h3>${issue.assigneeIds.map((id) => login(state, id)).join(', ') || 'No one assigned'}</div>
      <div class="discussion-sidebar-item sidebar-labels"><h3>Labels</h3><div class="js-issue-labels labels">${chips(v) || 'None yet'}</div></div>
    </div>
  </div>
</div>
</turbo-frame>`;
}

/** No GitHub anchors: no route-pattern, no data-testids, no repository frame. */
export function bareIssue(v: IssueView): string {
  return `<main><h1>${escapeHtml(v.issue.title)} #${v.issue.number}</h1>
<div>${md(v, v.issue.body)}</div>
<p>Labels: ${shownLabels(v).map(escapeHtml).join(', ') || 'none'}</p></main>`;
}
