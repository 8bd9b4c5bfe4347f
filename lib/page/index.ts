// Page recognition for content scripts: what this page is (URL, then the page's own data), where to mount, theme,
// and in-page navigation. DOM/URL only.
import type { HostConfig } from './hosts';
import { vetoOf, type CorroborateOptions } from './corroborate';
import { parsePageUrl, type PageRef } from './recognize';

export { BUILT_IN_HOSTS, hostFor, normalizeBaseUrl, type HostConfig, type HostMatch } from './hosts';
export {
  parsePageUrl,
  type PageRef,
  type IssuePage,
  type IssueListPage,
  type BoardPage,
  type IssueVariant,
  type ListVariant,
} from './recognize';
export { corroborate, vetoOf, acceptedGitLabPages, GITHUB_DELETED_ISSUE_TITLE, type CorroborateOptions } from './corroborate';
export {
  anchorChecks,
  findMountPoint,
  findSidebarPoint,
  SIDEBAR_CANDIDATES,
  firstMountPoint,
  EPIC_CHILDREN_CANDIDATES,
  MOUNT_CANDIDATES,
  OWN_ELEMENT_SELECTOR,
  OVERLAY_SELECTOR,
  type MountCandidate,
  type MountPoint,
  type MountPosition,
} from './mount';
export { detectHostTheme, type HostTheme } from './theme';
export { watchNavigation, NAVIGATION_API_EVENTS, NAVIGATION_DOCUMENT_EVENTS, type WatchNavigationOptions } from './navigation';

/** The page this URL shows, unless the document itself says otherwise. */
export function recognizePage(
  url: string,
  doc: Document,
  hosts: readonly HostConfig[],
  opts: CorroborateOptions = {},
): PageRef | null {
  return identifyPage(url, doc, hosts, opts).page;
}

export interface Identified {
  /** The page to serve; null when the URL is none we serve or the page vetoed it. */
  page: PageRef | null;
  /** What the URL alone says. */
  byUrl: PageRef | null;
  /** Why the page refused the URL's answer. */
  veto: string | null;
}

/** Like recognizePage, and says why a page is not served (for diagnostics). */
export function identifyPage(url: string, doc: Document, hosts: readonly HostConfig[], opts: CorroborateOptions = {}): Identified {
  const byUrl = parsePageUrl(url, hosts);
  const veto = byUrl ? vetoOf(byUrl, doc, opts) : null;
  return { page: byUrl && veto === null ? byUrl : null, byUrl, veto };
}

/** "issue (work-item)", "issue-list (project, issues)", "board (group)": for diagnostics; names no path. */
export function describePage(page: PageRef): string {
  switch (page.type) {
    case 'issue':
      return `${page.ref.kind === 'epic' ? 'epic' : 'issue'} (${page.variant})`;
    case 'issue-list':
      return `issue list (${page.container}, ${page.variant})`;
    case 'board':
      return `board (${page.container})`;
  }
}
