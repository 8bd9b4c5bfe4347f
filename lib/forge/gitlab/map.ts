// GitLab REST JSON → the forge model. Defensive: fields differ between GitLab versions and tiers.
import type { Capabilities, HealthStatus, Issue, IssueRef, LabelDef, LinkedChange, Note, User } from '../model';

export interface RawUser {
  id: number;
  username: string;
  name: string;
  avatar_url?: string | null;
  web_url?: string | null;
}

/** A row of `…/members/all`: the user plus their (highest) membership. */
export interface RawMember extends RawUser {
  /** The user account: `active`, `blocked`, `deactivated`… */
  state?: string;
  /** `awaiting` while a membership waits for a free seat or an admin's approval (Premium). */
  membership_state?: string;
}

export interface RawLabel {
  name: string;
  color: string;
  description?: string | null;
  /** GitLab 18.3+: archived labels are kept for old issues but no longer offered. */
  archived?: boolean;
}

export interface RawIssue {
  id: number;
  iid: number;
  project_id?: number;
  title: string;
  description?: string | null;
  state: string;
  labels?: (string | { name: string })[];
  weight?: number | null;
  health_status?: string | null;
  healthStatus?: string | null;
  milestone?: { id: number; title: string } | null;
  assignees?: RawUser[] | null;
  assignee?: RawUser | null;
  issue_type?: string | null;
  type?: string | null;
  web_url: string;
  updated_at: string;
}

export interface RawNote {
  id: number;
  body: string;
  author: RawUser;
  created_at: string;
  updated_at?: string | null;
  system: boolean;
}

export interface RawMergeRequest {
  iid: number;
  project_id: number;
  title: string;
  state: string;
  web_url: string;
  references?: { full?: string };
}

export function toUser(u: RawUser): User {
  return { id: u.id, username: u.username, name: u.name, avatarUrl: u.avatar_url ?? null, webUrl: u.web_url ?? null };
}

const HEALTH: Record<string, HealthStatus> = {
  on_track: 'on_track',
  ontrack: 'on_track',
  needs_attention: 'needs_attention',
  needsattention: 'needs_attention',
  at_risk: 'at_risk',
  atrisk: 'at_risk',
};

/** `on_track`, `onTrack`, `ON_TRACK` (REST, GraphQL, older payloads) → the model's value. */
export function toHealthStatus(v: string | null | undefined): HealthStatus | null {
  return v ? (HEALTH[v.toLowerCase()] ?? HEALTH[v.toLowerCase().replace(/_/g, '')] ?? null) : null;
}

export function toIssue(ref: IssueRef, raw: RawIssue, type?: string): Issue {
  const assignees = raw.assignees ?? (raw.assignee ? [raw.assignee] : []);
  return {
    ref,
    title: raw.title,
    description: raw.description ?? '',
    state: raw.state === 'closed' ? 'closed' : 'opened',
    labels: (raw.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name)),
    weight: typeof raw.weight === 'number' && raw.weight >= 0 ? raw.weight : null,
    healthStatus: toHealthStatus(raw.health_status ?? raw.healthStatus),
    milestone: raw.milestone ? { id: raw.milestone.id, title: raw.milestone.title } : null,
    assignees: assignees.map(toUser),
    type: (type ?? raw.issue_type ?? raw.type ?? 'issue').toLowerCase(),
    webUrl: raw.web_url,
    updatedAt: raw.updated_at,
  };
}

export function toNote(raw: RawNote): Note {
  return {
    id: raw.id,
    body: raw.body,
    author: toUser(raw.author),
    createdAt: raw.created_at,
    updatedAt: raw.updated_at ?? raw.created_at,
    system: raw.system,
  };
}

/**
 * `group/project` of a merge request's web URL: what `^https?:\/\/[^/]+(?:\/.*?)?\/(.+?)\/-\/merge_requests\/\d+` captured,
 * by two searches (that pattern's lazy groups were quadratic on a long URL). Its optional part is tried first: the path
 * starts after the first segment below the host (a relative URL root such as `/gitlab`) when a `/-/merge_requests/N`
 * follows, right after the host otherwise; it ends at the first `/-/merge_requests/N`. All on the URL's first line.
 */
export function projectOfMergeRequestUrl(url: string): string | undefined {
  const host = /^https?:\/\/[^/]+/.exec(url);
  if (!host) return undefined;
  const rest = url.slice(host[0].length).split(/[\n\r\u2028\u2029]/)[0]!;
  if (!rest.startsWith('/')) return undefined;
  const markerFrom = (from: number) => {
    const marker = /\/-\/merge_requests\/\d/g;
    marker.lastIndex = from;
    return marker.exec(rest)?.index ?? -1;
  };
  const root = rest.indexOf('/', 1);
  const afterRoot = root < 0 ? -1 : markerFrom(root + 2);
  if (afterRoot >= 0) return rest.slice(root + 1, afterRoot);
  const afterHost = markerFrom(2);
  return afterHost >= 0 ? rest.slice(1, afterHost) : undefined;
}

/** `!12` inside the issue's project, `group/project!12` from another one. */
export function toLinkedChange(raw: RawMergeRequest, issueProjectId: number | undefined): LinkedChange {
  const sameProject = issueProjectId !== undefined && raw.project_id === issueProjectId;
  const fromUrl = projectOfMergeRequestUrl(raw.web_url);
  const full = raw.references?.full ?? `${fromUrl ?? ''}!${raw.iid}`;
  return { reference: sameProject ? `!${raw.iid}` : full, iid: raw.iid, title: raw.title, state: raw.state, webUrl: raw.web_url };
}

/**
 * What the project's tier stores natively, read from the keys GitLab puts in issue JSON: EE exposes `weight` only where
 * issue weights are licensed (Premium+, which also brings scoped labels and epics) and `health_status` only on Ultimate.
 */
export function capabilitiesOf(raw: object): Capabilities {
  const premium = 'weight' in raw;
  return { weight: premium, healthStatus: 'health_status' in raw || 'healthStatus' in raw, scopedLabels: premium, epics: premium };
}

/** GitLab's scoped-label key: everything before the last `::`. */
export function labelScope(name: string): string | null {
  const at = name.lastIndexOf('::');
  return at > 0 ? name.slice(0, at) : null;
}

/** People who can be mentioned or assigned: active accounts with an active membership, once each. */
export function activeMembers(rows: RawMember[]): User[] {
  const seen = new Set<number>();
  const out: User[] = [];
  for (const m of rows) {
    if ((m.state ?? 'active') !== 'active' || (m.membership_state ?? 'active') !== 'active' || seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(toUser(m));
  }
  return out;
}

/** GitLab's own default label colour (Label::DEFAULT_COLOR), for a colour this client cannot read. */
const DEFAULT_LABEL_COLOR = '#6699cc';
const MAX_DESCRIPTION = 500;

/** `#RRGGBB` and the older `#RGB` → `#rrggbb`. */
export function normalizeColor(color: string): string {
  const hex = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex;
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((d) => d + d).join('')}`;
  return DEFAULT_LABEL_COLOR;
}

export function toLabelDef(raw: RawLabel): LabelDef {
  const description = raw.description?.trim() ? raw.description.slice(0, MAX_DESCRIPTION) : null;
  return { name: raw.name, color: normalizeColor(raw.color), description };
}
