// Does the page's own data agree with what its URL says? Absent data never refutes: forges change their markup.
import type { PageRef } from './recognize';

const GITLAB_ISSUE_PAGES = ['projects:issues:show', 'projects:work_items:show'];
const GITLAB_EPIC_PAGES = ['groups:epics:show', 'groups:work_items:show'];
const GITLAB_LIST_PAGES = {
  project: ['projects:issues:index', 'projects:work_items:index'],
  group: ['groups:issues:index', 'groups:work_items:index'],
  dashboard: ['dashboard:issues'],
  search: ['search:show'],
  milestone: { project: ['projects:milestones:show'], group: ['groups:milestones:show'] },
} as const;
const GITLAB_BOARD_PAGES = {
  project: ['projects:boards:show', 'projects:boards:index'],
  group: ['groups:boards:show', 'groups:boards:index'],
} as const;

/** `data-page` values (GitLab's `body_data`: controller path + action) that may serve this page. */
export function acceptedGitLabPages(page: PageRef): readonly string[] {
  switch (page.type) {
    case 'issue':
      return page.ref.container === 'group' ? GITLAB_EPIC_PAGES : GITLAB_ISSUE_PAGES;
    case 'issue-list':
      if (page.variant === 'dashboard') return GITLAB_LIST_PAGES.dashboard;
      if (page.variant === 'search') return GITLAB_LIST_PAGES.search;
      if (page.variant === 'milestone') return GITLAB_LIST_PAGES.milestone[page.container === 'group' ? 'group' : 'project'];
      return page.container === 'group' ? GITLAB_LIST_PAGES.group : GITLAB_LIST_PAGES.project;
    case 'board':
      return GITLAB_BOARD_PAGES[page.container];
  }
}

/** A non-empty attribute value, or null when missing or blank (blank says nothing). */
function attr(el: Element | null, name: string): string | null {
  const v = el?.getAttribute(name)?.trim();
  return v ? v : null;
}

function containerOf(page: PageRef): { container: 'project' | 'group' | 'global'; path: string | null } {
  if (page.type === 'issue') return { container: page.ref.container, path: page.ref.path };
  return { container: page.container, path: page.path };
}

function corroborateGitLab(page: PageRef, doc: Document): boolean {
  const body = doc.body;
  const dataPage = attr(body, 'data-page');
  if (dataPage !== null && !acceptedGitLabPages(page).includes(dataPage)) return false;

  const { container, path } = containerOf(page);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const projectPath = attr(body, 'data-project-full-path');
  if (container === 'project' && path !== null && projectPath !== null && !same(projectPath, path)) return false;
  // On group pages `data-group-full-path` is the group itself (on project pages it is the parent namespace).
  const groupPath = attr(body, 'data-group-full-path');
  if (container === 'group' && path !== null && groupPath !== null && !same(groupPath, path)) return false;

  // `data-page-type-id` is params[:id]: the IID on issue pages, the board id on board pages (absent on GitLab 18.1).
  const typeId = attr(body, 'data-page-type-id');
  if (typeId !== null && /^\d+$/.test(typeId)) {
    if (page.type === 'issue' && Number(typeId) !== page.ref.iid) return false;
    if (page.type === 'board' && page.boardId !== null && Number(typeId) !== page.boardId) return false;
  }
  return true;
}

/** GitHub's title for a deleted (or transferred-away) issue: the page is the generic home shell. */
export const GITHUB_DELETED_ISSUE_TITLE = 'GitHub · Where software is built';

// Route families rather than exact routes: GitHub's issues app moves between list and issue on the client and the
// `route-pattern` meta may lag behind, but it never claims a pull request or a repository home for an issue URL.
const REPO_ISSUES_ROUTE = /^\/:[a-z_]+\/:[a-z_]+\/issues(?:[/(]|$)/;
const GLOBAL_ISSUES_ROUTE = /^\/issues(?:[/(]|$)/;
const SEARCH_ROUTE = /^\/search(?:[/(]|$)/;

function corroborateGitHub(page: PageRef, doc: Document): boolean {
  if (page.type === 'issue' && doc.title.trim() === GITHUB_DELETED_ISSUE_TITLE) return false;
  const route = attr(doc.querySelector('meta[name="route-pattern"]'), 'content');
  if (route === null) return true;
  const issuesFamily = REPO_ISSUES_ROUTE.test(route) || GLOBAL_ISSUES_ROUTE.test(route);
  if (page.type === 'issue-list' && page.variant === 'search') return SEARCH_ROUTE.test(route) || issuesFamily;
  return issuesFamily;
}

export interface CorroborateOptions {
  /** The URL is not the one the document was loaded with (history.pushState navigation). */
  navigated?: boolean;
}

/** False when the document's own identity contradicts the URL-derived page (it is not treated as that page). */
export function corroborate(page: PageRef, doc: Document, opts: CorroborateOptions = {}): boolean {
  if (opts.navigated) {
    // After in-page navigation the server-rendered identity still describes the first page: it proves nothing.
    return page.forge === 'github' && page.type === 'issue' ? doc.title.trim() !== GITHUB_DELETED_ISSUE_TITLE : true;
  }
  return page.forge === 'gitlab' ? corroborateGitLab(page, doc) : corroborateGitHub(page, doc);
}
