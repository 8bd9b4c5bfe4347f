// GitHub REST JSON → the forge model. Reads only what it needs, tolerating fields older GHE releases lack.
import type { GhIssueFieldValueJson } from './issue-fields';
import type { Issue, IssueRef, LabelDef, LinkedChange, Note, User } from '../model';

export interface GhUserJson {
  id: number;
  login: string;
  name?: string | null;
  avatar_url?: string | null;
  html_url?: string | null;
}

export interface GhIssueJson {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string | null })[];
  assignees?: GhUserJson[] | null;
  milestone?: { id: number; title: string } | null;
  type?: { name?: string | null } | null;
  html_url: string;
  repository_url?: string;
  updated_at: string;
  pull_request?: { merged_at?: string | null } | null;
  /** Organisation issue fields' values (see issue-fields.ts). */
  issue_field_values?: GhIssueFieldValueJson[] | null;
}

export interface GhCommentJson {
  id: number;
  body?: string | null;
  user: GhUserJson | null;
  created_at: string;
  updated_at: string;
  issue_url?: string;
}

export interface GhLabelJson {
  name: string;
  /** Six hex digits without `#`. */
  color: string;
  description?: string | null;
}

/** GitHub's colour for labels it creates without one. */
const DEFAULT_LABEL_COLOR = 'ededed';

/** GitHub sends `d73a4a`; the model wants `#d73a4a`. An empty description is no description. */
export function mapLabel(l: GhLabelJson): LabelDef {
  const hex = /^[0-9a-f]{6}$/i.test(l.color) ? l.color.toLowerCase() : DEFAULT_LABEL_COLOR;
  return { name: l.name, color: `#${hex}`, description: l.description?.trim() ? l.description : null };
}

export function mapUser(u: GhUserJson | null | undefined): User {
  if (!u) return { id: 0, username: 'ghost', name: 'Deleted user', avatarUrl: null, webUrl: null };
  return { id: u.id, username: u.login, name: u.name || u.login, avatarUrl: u.avatar_url ?? null, webUrl: u.html_url ?? null };
}

export function labelNames(labels: GhIssueJson['labels']): string[] {
  return labels.flatMap((l) => {
    const name = typeof l === 'string' ? l : l.name;
    return name ? [name] : [];
  });
}

export function mapIssue(ref: IssueRef, j: GhIssueJson): Issue {
  return {
    ref,
    title: j.title,
    description: j.body ?? '',
    state: j.state === 'closed' ? 'closed' : 'opened',
    labels: labelNames(j.labels),
    // GitHub has neither a weight nor a health status field: both live in labels.
    weight: null,
    healthStatus: null,
    milestone: j.milestone ? { id: j.milestone.id, title: j.milestone.title } : null,
    assignees: (j.assignees ?? []).map(mapUser),
    type: j.type?.name ? j.type.name.toLowerCase() : 'issue',
    webUrl: j.html_url,
    updatedAt: j.updated_at,
  };
}

export function mapNote(c: GhCommentJson): Note {
  return {
    id: c.id,
    body: c.body ?? '',
    author: mapUser(c.user),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    // GitHub keeps events apart from comments: a comment is always written by someone.
    system: false,
  };
}

/** `owner/repo` of an issue's API URL (`…/repos/owner/repo`), lower-cased for comparison. */
export function repoOfApiUrl(url: string | undefined): string | null {
  const m = url ? /\/repos\/([^/]+)\/([^/?#]+)\/?$/.exec(url) : null;
  return m ? `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}` : null;
}

/** Pull requests that mentioned the issue (timeline `cross-referenced` events), once each, oldest first. */
export function linkedPullRequests(events: unknown[], ownRepo: string): LinkedChange[] {
  const seen = new Set<string>();
  const out: LinkedChange[] = [];
  for (const e of events) {
    if (typeof e !== 'object' || e === null || (e as { event?: unknown }).event !== 'cross-referenced') continue;
    const src = (e as { source?: { issue?: GhIssueJson & { repository?: { full_name?: string } } } }).source?.issue;
    if (!src?.pull_request) continue;
    const repo = src.repository?.full_name ?? repoOfApiUrl(src.repository_url) ?? ownRepo;
    const key = `${repo.toLowerCase()}#${src.number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const same = repo.toLowerCase() === ownRepo.toLowerCase();
    out.push({
      reference: same ? `#${src.number}` : `${repo}#${src.number}`,
      iid: src.number,
      title: src.title,
      state: src.pull_request.merged_at ? 'merged' : src.state === 'closed' ? 'closed' : 'open',
      webUrl: src.html_url,
    });
  }
  return out;
}
