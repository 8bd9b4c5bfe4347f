// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { corroborate, GITHUB_DELETED_ISSUE_TITLE, vetoOf } from './corroborate';
import { PAGE_MARKERS } from './markers';
import { parsePageUrl, type PageRef } from './recognize';
import { recognizePage } from './index';

function page(url: string): PageRef {
  const p = parsePageUrl(url, []);
  if (!p) throw new Error(`fixture URL not recognised: ${url}`);
  return p;
}

function doc(opts: { body?: Record<string, string>; title?: string; routePattern?: string } = {}): Document {
  const d = document.implementation.createHTMLDocument();
  // Set explicitly: happy-dom ignores createHTMLDocument's title argument.
  const title = d.createElement('title');
  title.textContent = opts.title ?? 'Some page';
  d.head.append(title);
  for (const [k, v] of Object.entries(opts.body ?? {})) d.body.setAttribute(k, v);
  if (opts.routePattern !== undefined) {
    const meta = d.createElement('meta');
    meta.setAttribute('name', 'route-pattern');
    meta.setAttribute('content', opts.routePattern);
    d.head.append(meta);
  }
  return d;
}

const ISSUE = page('https://gitlab.com/connect2x/trixnity-messenger/trixnity-messenger/-/issues/686');
const EPIC = page('https://gitlab.com/groups/gitlab-org/-/epics/12');
const GROUP_WI = page('https://gitlab.com/groups/gitlab-org/-/work_items/12');
const PROJECT_LIST = page('https://gitlab.com/gitlab-org/gitlab/-/issues?state=opened');
const GROUP_LIST = page('https://gitlab.com/groups/gitlab-org/-/work_items');
const DASHBOARD = page('https://gitlab.com/dashboard/issues');
const SEARCH = page('https://gitlab.com/search?search=x&scope=issues');
const BOARD = page('https://gitlab.com/gitlab-org/gitlab/-/boards/7');
const GROUP_BOARD = page('https://gitlab.com/groups/gitlab-org/-/boards');
const MILESTONE = page('https://gitlab.com/gitlab-org/gitlab/-/milestones/3');
const GROUP_MILESTONE = page('https://gitlab.com/groups/gitlab-org/-/milestones/3');

describe('corroborate on GitLab', () => {
  it('accepts the body gitlab.com serves for an issue', () => {
    const d = doc({
      body: {
        'data-page': 'projects:issues:show',
        'data-page-type-id': '686',
        'data-project-id': '47538655',
        'data-project-full-path': 'connect2x/trixnity-messenger/trixnity-messenger',
        'data-group-full-path': 'connect2x/trixnity-messenger',
      },
    });
    expect(corroborate(ISSUE, d)).toBe(true);
  });

  it('accepts GitLab 18.1 serving the work-item view at /-/issues/:iid without data-page-type-id', () => {
    expect(corroborate(ISSUE, doc({ body: { 'data-page': 'projects:work_items:show' } }))).toBe(true);
  });

  it('decides by the URL alone when the page says nothing (or says it blank)', () => {
    expect(corroborate(ISSUE, doc())).toBe(true);
    expect(corroborate(ISSUE, doc({ body: { 'data-page': '', 'data-project-full-path': ' ' } }))).toBe(true);
  });

  it.each(['projects:merge_requests:show', 'projects:show', 'projects:issues:index', 'groups:epics:show'])(
    'rejects an issue URL whose page is %s',
    (dataPage) => expect(corroborate(ISSUE, doc({ body: { 'data-page': dataPage } }))).toBe(false),
  );

  it('rejects another project, ignoring case differences', () => {
    expect(corroborate(ISSUE, doc({ body: { 'data-project-full-path': 'connect2x/other' } }))).toBe(false);
    expect(
      corroborate(ISSUE, doc({ body: { 'data-project-full-path': 'Connect2x/Trixnity-Messenger/trixnity-messenger' } })),
    ).toBe(true);
  });

  it('rejects another issue number, and ignores a non-numeric page type id', () => {
    expect(corroborate(ISSUE, doc({ body: { 'data-page-type-id': '687' } }))).toBe(false);
    expect(corroborate(ISSUE, doc({ body: { 'data-page-type-id': 'new' } }))).toBe(true);
  });

  it('accepts epics and group work items only on group epic / work-item pages of that group', () => {
    expect(corroborate(EPIC, doc({ body: { 'data-page': 'groups:epics:show' } }))).toBe(true);
    expect(corroborate(EPIC, doc({ body: { 'data-page': 'groups:work_items:show' } }))).toBe(true);
    expect(corroborate(GROUP_WI, doc({ body: { 'data-page': 'groups:work_items:show', 'data-page-type-id': '12' } }))).toBe(true);
    expect(corroborate(GROUP_WI, doc({ body: { 'data-page': 'projects:work_items:show' } }))).toBe(false);
    expect(corroborate(EPIC, doc({ body: { 'data-group-full-path': 'gitlab-com' } }))).toBe(false);
    expect(corroborate(EPIC, doc({ body: { 'data-group-full-path': 'GitLab-org' } }))).toBe(true);
  });

  it('accepts lists on the list pages of their container only', () => {
    expect(corroborate(PROJECT_LIST, doc({ body: { 'data-page': 'projects:issues:index' } }))).toBe(true);
    expect(corroborate(PROJECT_LIST, doc({ body: { 'data-page': 'projects:work_items:index' } }))).toBe(true);
    expect(corroborate(PROJECT_LIST, doc({ body: { 'data-page': 'groups:issues:index' } }))).toBe(false);
    expect(corroborate(PROJECT_LIST, doc({ body: { 'data-page': 'projects:issues:show' } }))).toBe(false);
    expect(corroborate(GROUP_LIST, doc({ body: { 'data-page': 'groups:work_items:index' } }))).toBe(true);
    expect(corroborate(GROUP_LIST, doc({ body: { 'data-page': 'groups:issues:index' } }))).toBe(true);
    expect(corroborate(GROUP_LIST, doc({ body: { 'data-page': 'projects:work_items:index' } }))).toBe(false);
    expect(corroborate(DASHBOARD, doc({ body: { 'data-page': 'dashboard:issues' } }))).toBe(true);
    expect(corroborate(DASHBOARD, doc({ body: { 'data-page': 'dashboard:merge_requests' } }))).toBe(false);
    expect(corroborate(SEARCH, doc({ body: { 'data-page': 'search:show' } }))).toBe(true);
  });

  it('accepts milestone pages as lists of their container', () => {
    expect(corroborate(MILESTONE, doc({ body: { 'data-page': 'projects:milestones:show', 'data-page-type-id': '3' } }))).toBe(true);
    expect(corroborate(MILESTONE, doc({ body: { 'data-page': 'groups:milestones:show' } }))).toBe(false);
    expect(corroborate(GROUP_MILESTONE, doc({ body: { 'data-page': 'groups:milestones:show' } }))).toBe(true);
    expect(corroborate(MILESTONE, doc({ body: { 'data-page': 'projects:issues:index' } }))).toBe(false);
  });

  it('accepts boards on board pages and checks the board id', () => {
    expect(corroborate(BOARD, doc({ body: { 'data-page': 'projects:boards:show', 'data-page-type-id': '7' } }))).toBe(true);
    expect(corroborate(BOARD, doc({ body: { 'data-page': 'projects:boards:show', 'data-page-type-id': '8' } }))).toBe(false);
    expect(corroborate(BOARD, doc({ body: { 'data-page': 'groups:boards:show' } }))).toBe(false);
    expect(corroborate(GROUP_BOARD, doc({ body: { 'data-page': 'groups:boards:index' } }))).toBe(true);
  });
});

const GH_ISSUE = page('https://github.com/facebook/react/issues/1');
const GH_LIST = page('https://github.com/facebook/react/issues');
const GH_DASHBOARD = page('https://github.com/issues');
const GH_SEARCH = page('https://github.com/search?q=x&type=issues');

describe('corroborate on GitHub', () => {
  it('accepts issue routes and pages without a route pattern', () => {
    expect(corroborate(GH_ISSUE, doc())).toBe(true);
    expect(corroborate(GH_ISSUE, doc({ routePattern: '/:user_id/:repository/issues/:id(.:format)' }))).toBe(true);
    expect(corroborate(GH_LIST, doc({ routePattern: '/:user_id/:repository/issues(.:format)' }))).toBe(true);
    expect(corroborate(GH_DASHBOARD, doc({ routePattern: '/issues(.:format)' }))).toBe(true);
    expect(corroborate(GH_SEARCH, doc({ routePattern: '/search(.:format)' }))).toBe(true);
  });

  it('tolerates a route pattern lagging one client-side step behind inside the issues app', () => {
    expect(corroborate(GH_ISSUE, doc({ routePattern: '/:user_id/:repository/issues(.:format)' }))).toBe(true);
    expect(corroborate(GH_LIST, doc({ routePattern: '/:user_id/:repository/issues/:id(.:format)' }))).toBe(true);
  });

  it('rejects pages whose route is not an issues route', () => {
    expect(corroborate(GH_ISSUE, doc({ routePattern: '/:user_id/:repository/pull/:id(.:format)' }))).toBe(false);
    expect(corroborate(GH_ISSUE, doc({ routePattern: '/:user_id/:repository(.:format)' }))).toBe(false);
    expect(corroborate(GH_LIST, doc({ routePattern: '/:user_id/:repository/pulls(.:format)' }))).toBe(false);
    expect(corroborate(GH_ISSUE, doc({ routePattern: '/search(.:format)' }))).toBe(false);
  });

  it('rejects a deleted issue (GitHub serves its generic title)', () => {
    expect(corroborate(GH_ISSUE, doc({ title: GITHUB_DELETED_ISSUE_TITLE }))).toBe(false);
    expect(corroborate(GH_ISSUE, doc({ title: 'Bug: crash on start · Issue #1 · facebook/react' }))).toBe(true);
  });
});

describe('the page may veto, never be required to agree', () => {
  it.each(['projects:issues:show_v2', 'projects:work_items:new_detail', 'issues:show', 'x'])(
    'a data-page value we have never seen (%s) does not block an issue',
    (dataPage) => expect(vetoOf(ISSUE, doc({ body: { 'data-page': dataPage } }))).toBeNull(),
  );

  it.each(['projects:merge_requests:diffs', 'projects:settings:ci_cd:show', 'groups:settings:integrations:index'])(
    'an unlisted value that names a merge request or settings (%s) still vetoes',
    (dataPage) => expect(vetoOf(ISSUE, doc({ body: { 'data-page': dataPage } }))).toMatch(/names a (merge request|settings page)/),
  );

  it('accepts the route-pattern github.com sends for an issue page loaded directly (real captures 2023, 2025)', () => {
    const route = '/_view_fragments/issues/show/:user_id/:repository/:id/issue_layout(.:format)';
    expect(vetoOf(GH_ISSUE, doc({ routePattern: route }))).toBeNull();
  });

  it.each(['/_view_fragments/something_new/:user_id/:repository(.:format)', '/:user_id/:repository/issues/:id/timeline(.:format)', '/sessions/new'])(
    'a route-pattern we do not know (%s) does not block',
    (route) => {
      expect(vetoOf(GH_ISSUE, doc({ routePattern: route }))).toBeNull();
      expect(vetoOf(GH_LIST, doc({ routePattern: route }))).toBeNull();
    },
  );

  it('says why, naming the marker and never a path or title', () => {
    expect(vetoOf(GH_ISSUE, doc({ routePattern: '/:user_id/:repository/pull/:id/files(.:format)' }))).toBe(
      'route-pattern "/:user_id/:repository/pull/:id/files(.:format)" names a pull request',
    );
    expect(vetoOf(ISSUE, doc({ body: { 'data-page': 'projects:merge_requests:show' } }))).toBe('data-page "projects:merge_requests:show" names a merge request');
    const other = vetoOf(ISSUE, doc({ body: { 'data-project-full-path': 'someone/private-thing' } }));
    expect(other).toBe('data-project-full-path names another project');
    expect(vetoOf(GH_ISSUE, doc({ title: GITHUB_DELETED_ISSUE_TITLE }))).toMatch(/deleted or transferred/);
  });

  it('every marker in the table says where it was seen', () => {
    for (const m of PAGE_MARKERS) expect(m.source.length, m.value).toBeGreaterThan(10);
  });
});

describe('recognizePage', () => {
  it('is the URL answer when the document agrees, null when it contradicts', () => {
    const url = 'https://gitlab.com/gitlab-org/gitlab/-/issues/5';
    expect(recognizePage(url, doc({ body: { 'data-page': 'projects:issues:show' } }), [])?.type).toBe('issue');
    expect(recognizePage(url, doc({ body: { 'data-page': 'projects:merge_requests:show' } }), [])).toBeNull();
    expect(recognizePage('https://gitlab.com/gitlab-org/gitlab/-/merge_requests/5', doc(), [])).toBeNull();
  });
});

describe('after in-page navigation', () => {
  it("does not let the first page's server-rendered ids veto the new URL", () => {
    document.body.setAttribute('data-page', 'projects:issues:show');
    document.body.setAttribute('data-page-type-id', '2');
    document.body.setAttribute('data-project-full-path', 'acme/platform/backend');
    const page = parsePageUrl('https://gitlab.com/acme/platform/backend/-/issues/1', [])!;
    expect(corroborate(page, document)).toBe(false);
    expect(corroborate(page, document, { navigated: true })).toBe(true);
  });
});
