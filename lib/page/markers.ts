// Every page marker we know of: the values the forges' own pages carry to say which page they are, each with where it
// was seen. Recognition goes by the URL; these may only veto it when they positively name another page (a merge or
// pull request, a repository home, settings, another list or issue). A value not in this table, or none, never blocks:
// forges rename their pages, and a real github.com page once carried a value our notes did not know (see below).
import type { ForgeKind } from '../forge/model';

/** What a marker says the page is. */
export type MarkedPage =
  | 'issue'
  | 'epic'
  | 'issue-list'
  | 'dashboard'
  | 'search'
  | 'milestone'
  | 'board'
  | 'merge-request'
  | 'pull-request'
  | 'repository'
  | 'settings';

export interface PageMarker {
  forge: ForgeKind;
  /** GitLab: `<body data-page>` (application_helper.rb `body_data`: controller path and action); GitHub: `<meta name="route-pattern">`. */
  attribute: 'data-page' | 'route-pattern';
  value: string;
  page: MarkedPage;
  container?: 'project' | 'group';
  source: string;
}

const BODY_DATA = 'gitlabhq/gitlabhq app/helpers/application_helper.rb (body_data: controller path + action)';

export const PAGE_MARKERS: readonly PageMarker[] = [
  // GitLab
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:issues:show', page: 'issue', container: 'project', source: 'real pages: gitlab-issue-2025-excerpt.html (gitlab.com 18.x), gitlab-issue-9x-self-managed.html' },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:work_items:show', page: 'issue', container: 'project', source: 'olivierdagenais/tampermonkey-copy-url src/parsers/GitLab.spec.ts (self-managed 18.1 at /-/issues/1)' },
  { forge: 'gitlab', attribute: 'data-page', value: 'groups:epics:show', page: 'epic', container: 'group', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'groups:work_items:show', page: 'epic', container: 'group', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:issues:index', page: 'issue-list', container: 'project', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:work_items:index', page: 'issue-list', container: 'project', source: 'clockify/browser-extension gitlab.js' },
  { forge: 'gitlab', attribute: 'data-page', value: 'groups:issues:index', page: 'issue-list', container: 'group', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'groups:work_items:index', page: 'issue-list', container: 'group', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'dashboard:issues', page: 'dashboard', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'search:show', page: 'search', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:milestones:show', page: 'milestone', container: 'project', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'groups:milestones:show', page: 'milestone', container: 'group', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:boards:show', page: 'board', container: 'project', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:boards:index', page: 'board', container: 'project', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'groups:boards:show', page: 'board', container: 'group', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'groups:boards:index', page: 'board', container: 'group', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:merge_requests:show', page: 'merge-request', container: 'project', source: BODY_DATA },
  { forge: 'gitlab', attribute: 'data-page', value: 'projects:show', page: 'repository', container: 'project', source: BODY_DATA },
  // GitHub
  {
    forge: 'github',
    attribute: 'route-pattern',
    value: '/_view_fragments/issues/show/:user_id/:repository/:id/issue_layout(.:format)',
    page: 'issue',
    source: 'real pages: github-issue-2023.html (github.com, loaded directly; also seen in a 2025 capture)',
  },
  { forge: 'github', attribute: 'route-pattern', value: '/:user_id/:repository/issues/:id(.:format)', page: 'issue', source: 'a third-party extension\'s comment only; not seen on a real page' },
  { forge: 'github', attribute: 'route-pattern', value: '/:user_id/:repository/issues(.:format)', page: 'issue-list', source: 'a third-party extension\'s comment only; not seen on a real page' },
  { forge: 'github', attribute: 'route-pattern', value: '/:user_id/:repository/pull/:id(.:format)', page: 'pull-request', source: 'GitHub Rails route naming (pull requests live under /pull/:id)' },
  { forge: 'github', attribute: 'route-pattern', value: '/:user_id/:repository', page: 'repository', source: 'GitHub Rails route naming (repository home)' },
  { forge: 'github', attribute: 'route-pattern', value: '/search(.:format)', page: 'search', source: 'GitHub Rails route naming (search)' },
];

/** GitLab controllers that are never an issue, list or board, whatever the action (a value we have not listed). */
const GITLAB_OTHER_CONTROLLERS: Readonly<Record<string, MarkedPage>> = {
  merge_requests: 'merge-request',
  settings: 'settings',
};

/** What this `data-page` value says the page is, or null when it says nothing we know. */
export function gitlabMarkedPage(value: string): MarkedPage | null {
  const known = PAGE_MARKERS.find((m) => m.forge === 'gitlab' && m.value === value);
  if (known) return known.page;
  for (const part of value.split(':')) {
    const other = GITLAB_OTHER_CONTROLLERS[part];
    if (other) return other;
  }
  return null;
}

/**
 * What this `route-pattern` says the page is, or null when it says nothing we know. Patterns name Rails routes
 * (`:user_id/:repository/…`); only their shape is trusted, so a new fragment route for issues still counts as issues.
 */
export function githubMarkedPage(value: string): MarkedPage | null {
  const known = PAGE_MARKERS.find((m) => m.forge === 'github' && m.value === value);
  if (known) return known.page;
  const path = value.replace(/\(\.:format\)$/, '');
  if (/\/pulls?(?:\/|$)/.test(path)) return 'pull-request';
  if (/\/settings(?:\/|$)/.test(path)) return 'settings';
  if (path === '/:user_id/:repository') return 'repository';
  if (/^\/search(?:\/|$)/.test(path)) return 'search';
  if (/(?:^|\/)issues(?:\/|$)/.test(path)) return /:id(?:\/|$)/.test(path) ? 'issue' : 'issue-list';
  return null;
}
