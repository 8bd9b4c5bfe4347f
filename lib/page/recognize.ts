// What kind of forge page a URL is: an issue, an issue list or a board. URL only; see corroborate.ts for the DOM check.
import type { ForgeKind, IssueRef } from '../forge/model';
import { hostFor, type HostConfig } from './hosts';

export type IssueVariant = 'issue' | 'work-item' | 'legacy' | 'epic' | 'group-work-item';
export type ListVariant = 'issues' | 'work-items' | 'dashboard' | 'search' | 'milestone';

export interface IssuePage {
  type: 'issue';
  forge: ForgeKind;
  baseUrl: string;
  variant: IssueVariant;
  ref: IssueRef;
}

export interface IssueListPage {
  type: 'issue-list';
  forge: ForgeKind;
  baseUrl: string;
  container: 'project' | 'group' | 'global';
  /** Project / group full path or GitHub `owner/repo`; null for global lists. */
  path: string | null;
  variant: ListVariant;
}

export interface BoardPage {
  type: 'board';
  forge: 'gitlab';
  baseUrl: string;
  container: 'project' | 'group';
  path: string;
  boardId: number | null;
}

export type PageRef = IssuePage | IssueListPage | BoardPage;

/** Split a path below the base into decoded segments; one trailing slash is allowed, other empty segments are not. */
function segmentsOf(rest: string): string[] | null {
  const trimmed = rest.replace(/^\//, '').replace(/\/$/, '');
  if (trimmed === '') return [];
  const out: string[] = [];
  for (const raw of trimmed.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // An encoded slash would change the path's structure; refuse rather than guess.
    if (seg === '' || seg.includes('/')) return null;
    out.push(seg);
  }
  return out;
}

/** Positive, safe integer written without sign, leading zeros or decimals. */
function numberOf(seg: string | undefined): number | null {
  if (seg === undefined || !/^[1-9]\d{0,15}$/.test(seg)) return null;
  const n = Number(seg);
  return Number.isSafeInteger(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------------------------
// GitLab

/** Top-level routes GitLab reserves (Gitlab::PathRegex TOP_LEVEL_ROUTES, the ones users meet): never a namespace. */
const GITLAB_RESERVED_TOP = new Set([
  '-', '.well-known', 'admin', 'api', 'assets', 'dashboard', 'explore', 'favicon.ico', 'favicon.png', 'files',
  'groups', 'health_check', 'help', 'import', 'jwt', 'login', 'oauth', 'profile', 'projects', 'public',
  'robots.txt', 's', 'search', 'sitemap', 'snippets', 'unsubscribes', 'uploads', 'users', 'v2',
]);

const GITLAB_SEGMENT = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;

function gitlabNamespace(segs: string[], minLength: number): string | null {
  if (segs.length < minLength) return null;
  if (!segs.every((s) => s !== '-' && s !== '.' && s !== '..' && GITLAB_SEGMENT.test(s))) return null;
  return segs.join('/');
}

function parseGitLab(segs: string[], baseUrl: string, search: URLSearchParams): PageRef | null {
  const issue = (variant: IssueVariant, container: 'project' | 'group', path: string, iid: number): IssuePage => ({
    type: 'issue',
    forge: 'gitlab',
    baseUrl,
    variant,
    ref: { forge: 'gitlab', baseUrl, container, path, iid, kind: container === 'group' ? 'epic' : 'issue' },
  });
  const list = (container: IssueListPage['container'], path: string | null, variant: ListVariant): IssueListPage => ({
    type: 'issue-list',
    forge: 'gitlab',
    baseUrl,
    container,
    path,
    variant,
  });

  const [first, second] = segs;
  if (first === 'dashboard') return second === 'issues' && segs.length === 2 ? list('global', null, 'dashboard') : null;
  if (first === 'search') {
    return segs.length === 1 && search.get('scope') === 'issues' ? list('global', null, 'search') : null;
  }

  const isGroup = first === 'groups';
  const sep = segs.indexOf('-');
  if (sep < 0) {
    // Legacy project issue URL without `/-/` (GitLab < 13 links; later versions redirect them).
    if (isGroup || segs.length < 4 || GITLAB_RESERVED_TOP.has(first!.toLowerCase())) return null;
    if (segs[segs.length - 2] !== 'issues') return null;
    const iid = numberOf(segs[segs.length - 1]);
    const path = gitlabNamespace(segs.slice(0, -2), 2);
    return iid !== null && path !== null ? issue('legacy', 'project', path, iid) : null;
  }

  const path = isGroup ? gitlabNamespace(segs.slice(1, sep), 1) : gitlabNamespace(segs.slice(0, sep), 2);
  if (path === null) return null;
  if (!isGroup && GITLAB_RESERVED_TOP.has(first!.toLowerCase())) return null;
  const container = isGroup ? 'group' : 'project';
  const [resource, id, ...extra] = segs.slice(sep + 1);
  if (extra.length > 0) return null;

  if (resource === 'boards') {
    if (id === undefined) return { type: 'board', forge: 'gitlab', baseUrl, container, path, boardId: null };
    const boardId = numberOf(id);
    return boardId === null ? null : { type: 'board', forge: 'gitlab', baseUrl, container, path, boardId };
  }
  // A milestone's page lists its issues (tabs filled after load): weight badges serve it like a list.
  if (resource === 'milestones' && id !== undefined) return numberOf(id) === null ? null : list(container, path, 'milestone');
  if (resource === 'issues' || resource === 'work_items') {
    const variant: ListVariant = resource === 'issues' ? 'issues' : 'work-items';
    if (id === undefined) return list(container, path, variant);
    const iid = numberOf(id);
    if (iid === null) return null;
    if (isGroup) return resource === 'work_items' ? issue('group-work-item', 'group', path, iid) : null;
    return issue(resource === 'issues' ? 'issue' : 'work-item', 'project', path, iid);
  }
  if (resource === 'epics' && isGroup && id !== undefined) {
    const iid = numberOf(id);
    return iid === null ? null : issue('epic', 'group', path, iid);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub

/** First path segments that are GitHub's own routes, never an owner (a subset of what GitHub reserves). */
const GITHUB_RESERVED_OWNERS = new Set([
  'about', 'account', 'admin', 'api', 'apps', 'blog', 'business', 'codespaces', 'collections', 'contact',
  'copilot', 'customer-stories', 'dashboard', 'enterprise', 'enterprises', 'events', 'explore', 'features',
  'gist', 'gists', 'github-copilot', 'issues', 'login', 'logout', 'marketplace', 'models', 'new', 'notifications',
  'organizations', 'orgs', 'pricing', 'pulls', 'readme', 'repositories', 'resources', 'search', 'security',
  'sessions', 'settings', 'signup', 'site', 'solutions', 'sponsors', 'stars', 'teams', 'topics',
  'trending', 'users', 'watching',
]);

const GITHUB_OWNER = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const GITHUB_REPO = /^[A-Za-z0-9_.-]+$/;

function parseGitHub(segs: string[], baseUrl: string, search: URLSearchParams): PageRef | null {
  const list = (container: IssueListPage['container'], path: string | null, variant: ListVariant): IssueListPage => ({
    type: 'issue-list',
    forge: 'github',
    baseUrl,
    container,
    path,
    variant,
  });
  const [owner, repo, resource, id, ...extra] = segs;
  if (owner === undefined) return null;

  if (owner === 'issues') {
    // The global dashboard: `/issues` and its tabs (`/issues/assigned`, `/issues/mentioned`, …).
    if (segs.length === 1) return list('global', null, 'dashboard');
    return segs.length === 2 && /^[a-z][a-z-]*$/.test(repo!) && repo !== 'new' ? list('global', null, 'dashboard') : null;
  }
  if (owner === 'search') {
    return segs.length === 1 && search.get('type')?.toLowerCase() === 'issues' ? list('global', null, 'search') : null;
  }
  if (GITHUB_RESERVED_OWNERS.has(owner.toLowerCase()) || !GITHUB_OWNER.test(owner)) return null;
  if (repo === undefined || repo === '.' || repo === '..' || !GITHUB_REPO.test(repo)) return null;
  if (resource !== 'issues' || extra.length > 0) return null;
  const path = `${owner}/${repo}`;
  if (id === undefined) return list('project', path, 'issues');
  const iid = numberOf(id);
  if (iid === null) return null;
  return {
    type: 'issue',
    forge: 'github',
    baseUrl,
    variant: 'issue',
    ref: { forge: 'github', baseUrl, container: 'project', path, iid, kind: 'issue' },
  };
}

/** Recognise an issue, issue list or board URL on a configured (or built-in) host; anything else is null. */
export function parsePageUrl(url: string, hosts: readonly HostConfig[]): PageRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const match = hostFor(u, hosts);
  if (!match) return null;
  const segs = segmentsOf(match.rest);
  if (segs === null) return null;
  return match.host.kind === 'gitlab'
    ? parseGitLab(segs, match.baseUrl, u.searchParams)
    : parseGitHub(segs, match.baseUrl, u.searchParams);
}
