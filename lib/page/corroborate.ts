// Does the page's own data contradict what its URL says? The page may veto, never be required to agree: a marker
// vetoes only when it positively names another page (markers.ts); a value we have never seen, or none, never blocks.
import { githubMarkedPage, gitlabMarkedPage, PAGE_MARKERS, type MarkedPage } from './markers';
import type { PageRef } from './recognize';

/** The page kind and container a URL-derived page expects its markers to name. */
function expected(page: PageRef): { kind: MarkedPage; container: 'project' | 'group' | 'global' } {
  switch (page.type) {
    case 'issue':
      return page.ref.container === 'group' ? { kind: 'epic', container: 'group' } : { kind: 'issue', container: 'project' };
    case 'issue-list': {
      const kind: MarkedPage = page.variant === 'dashboard' || page.variant === 'search' || page.variant === 'milestone' ? page.variant : 'issue-list';
      return { kind, container: page.container };
    }
    case 'board':
      return { kind: 'board', container: page.container };
  }
}

/** `data-page` values (GitLab's `body_data`: controller path + action) known to serve this page. */
export function acceptedGitLabPages(page: PageRef): readonly string[] {
  const want = expected(page);
  return PAGE_MARKERS.filter((m) => m.forge === 'gitlab' && m.page === want.kind && (m.container === undefined || m.container === want.container)).map((m) => m.value);
}

/** A non-empty attribute value, or null when missing or blank (blank says nothing). */
function attr(el: Element | null, name: string): string | null {
  const v = el?.getAttribute(name)?.trim();
  return v ? v : null;
}

const LABEL: Record<MarkedPage, string> = {
  issue: 'an issue',
  epic: 'an epic',
  'issue-list': 'an issue list',
  dashboard: 'the issues dashboard',
  search: 'a search',
  milestone: 'a milestone',
  board: 'a board',
  'merge-request': 'a merge request',
  'pull-request': 'a pull request',
  repository: 'a repository home',
  settings: 'a settings page',
};

/** Why the page's own data refuses the URL's answer; null when nothing contradicts it. Never holds paths or titles. */
export type Veto = string | null;

function vetoGitLab(page: PageRef, doc: Document): Veto {
  const body = doc.body;
  const want = expected(page);
  const dataPage = attr(body, 'data-page');
  if (dataPage !== null) {
    const marked = gitlabMarkedPage(dataPage);
    const known = PAGE_MARKERS.find((m) => m.forge === 'gitlab' && m.value === dataPage);
    if (marked !== null && marked !== want.kind) return `data-page "${dataPage}" names ${LABEL[marked]}`;
    if (known?.container && known.container !== want.container) return `data-page "${dataPage}" names a ${known.container} page`;
  }

  const path = page.type === 'issue' ? page.ref.path : page.path;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const projectPath = attr(body, 'data-project-full-path');
  if (want.container === 'project' && path !== null && projectPath !== null && !same(projectPath, path)) {
    return 'data-project-full-path names another project';
  }
  // On group pages `data-group-full-path` is the group itself (on project pages it is the parent namespace).
  const groupPath = attr(body, 'data-group-full-path');
  if (want.container === 'group' && path !== null && groupPath !== null && !same(groupPath, path)) {
    return 'data-group-full-path names another group';
  }

  // `data-page-type-id` is params[:id]: the IID on issue pages, the board id on board pages (absent on GitLab 18.1).
  const typeId = attr(body, 'data-page-type-id');
  if (typeId !== null && /^\d+$/.test(typeId)) {
    if (page.type === 'issue' && Number(typeId) !== page.ref.iid) return 'data-page-type-id names another issue';
    if (page.type === 'board' && page.boardId !== null && Number(typeId) !== page.boardId) return 'data-page-type-id names another board';
  }
  return null;
}

/** GitHub's title for a deleted (or transferred-away) issue: the page is the generic home shell. */
export const GITHUB_DELETED_ISSUE_TITLE = 'GitHub · Where software is built';
const DELETED = 'the page has the title GitHub gives a deleted or transferred issue';

function vetoGitHub(page: PageRef, doc: Document): Veto {
  if (page.type === 'issue' && doc.title.trim() === GITHUB_DELETED_ISSUE_TITLE) return DELETED;
  const route = attr(doc.querySelector('meta[name="route-pattern"]'), 'content');
  if (route === null) return null;
  const marked = githubMarkedPage(route);
  if (marked === null) return null;
  // GitHub's issues app moves between list and issue on the client and the pattern may lag one step behind: inside
  // the issues family both are fine; a search of issues may show either too.
  const fine: readonly MarkedPage[] = page.type === 'issue-list' && page.variant === 'search' ? ['issue', 'issue-list', 'search'] : ['issue', 'issue-list'];
  return fine.includes(marked) ? null : `route-pattern "${route}" names ${LABEL[marked]}`;
}

export interface CorroborateOptions {
  /** The URL is not the one the document was loaded with (history.pushState navigation). */
  navigated?: boolean;
}

/** Why the document's own identity refuses the URL-derived page, or null when it does not. */
export function vetoOf(page: PageRef, doc: Document, opts: CorroborateOptions = {}): Veto {
  if (opts.navigated) {
    // After in-page navigation the server-rendered identity still describes the first page: it proves nothing.
    return page.forge === 'github' && page.type === 'issue' && doc.title.trim() === GITHUB_DELETED_ISSUE_TITLE ? DELETED : null;
  }
  return page.forge === 'gitlab' ? vetoGitLab(page, doc) : vetoGitHub(page, doc);
}

/** False when the document's own identity contradicts the URL-derived page (it is not treated as that page). */
export function corroborate(page: PageRef, doc: Document, opts: CorroborateOptions = {}): boolean {
  return vetoOf(page, doc, opts) === null;
}
