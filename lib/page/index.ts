// Page recognition for content scripts: what this page is (URL, then the page's own data), where to mount, theme,
// and in-page navigation. DOM/URL only.
import type { HostConfig } from './hosts';
import { corroborate, type CorroborateOptions } from './corroborate';
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
export { corroborate, acceptedGitLabPages, GITHUB_DELETED_ISSUE_TITLE, type CorroborateOptions } from './corroborate';
export {
  findMountPoint,
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
  const page = parsePageUrl(url, hosts);
  return page && corroborate(page, doc, opts) ? page : null;
}
