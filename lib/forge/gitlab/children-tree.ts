// A GitLab parent's children as the work-item hierarchy answers them (children.ts asks), turned into the Plan's
// children, any number of levels deep: each child's fields (split weights from custom fields), and what is below each
// item and not read. GitLab's `count` of children holds the readable ones only, `rolledUpCountsByType` every
// descendant: beyond the readable children's own subtrees, the rest is hidden from the token (children.ts's header).
// Forge data: hostile, bounded.
import { CHILD_COMMENTS, MAX_CHILD_COMMENT, MAX_CHILDREN, type PlanChild } from '../children-model';
import { containerPathProblem, type HealthStatus, type IssueRef } from '../model';
import { SPLIT_FIELD_NAMES } from './custom-fields';

export type Widget = Record<string, unknown>;
export interface RawChild {
  iid?: unknown;
  title?: unknown;
  state?: unknown;
  closedAt?: unknown;
  webUrl?: unknown;
  reference?: unknown;
  workItemType?: { name?: unknown } | null;
  widgets?: (Widget | null)[] | null;
}
export interface RawConnection {
  count?: unknown;
  pageInfo?: { hasNextPage?: unknown; endCursor?: unknown } | null;
  nodes?: (RawChild | null)[] | null;
}

const HEALTH: Record<string, HealthStatus> = { onTrack: 'on_track', needsAttention: 'needs_attention', atRisk: 'at_risk' };
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
export const whole = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1_000_000 ? v : null);
export const widget = <T>(c: RawChild | { widgets?: (Widget | null)[] | null }, key: string): T | undefined =>
  (c.widgets ?? []).find((w): w is Widget => !!w && key in w)?.[key] as T | undefined;

/** `group/sub/project#12` → a project issue; `group/sub&4` → an epic; anything else null. */
export function refOfReference(baseUrl: string, reference: string): IssueRef | null {
  const m = /^([A-Za-z0-9_.][A-Za-z0-9_./-]{0,1023})([#&])(\d{1,15})$/.exec(reference);
  if (!m) return null;
  const iid = Number(m[3]);
  if (!Number.isSafeInteger(iid) || iid < 1) return null;
  const epic = m[2] === '&';
  // The protocol's own rule for paths (GitLab's characters, no `.` or `..`, a project inside a namespace).
  if (containerPathProblem('gitlab', epic ? 'group' : 'project', m[1]!) !== null) return null;
  return { forge: 'gitlab', baseUrl, container: epic ? 'group' : 'project', path: m[1]!, iid, kind: epic ? 'epic' : 'issue' };
}

interface RawCustomValue {
  customField?: { name?: unknown } | null;
  value?: unknown;
}

/** Backend / frontend weight custom fields; undefined where the child's group has neither (labels are read then). */
function splitOf(raw: RawChild): PlanChild['splitWeights'] {
  const values = widget<unknown>(raw, 'customFieldValues');
  if (!Array.isArray(values)) return undefined;
  const side = (name: string) => {
    const hit = (values as (RawCustomValue | null)[]).slice(0, 100).find((v) => typeof v?.customField?.name === 'string' && v.customField.name.trim().toLowerCase() === name.toLowerCase());
    return hit ? whole(hit.value) : undefined;
  };
  const backend = side(SPLIT_FIELD_NAMES.backend);
  const frontend = side(SPLIT_FIELD_NAMES.frontend);
  return backend === undefined && frontend === undefined ? undefined : { backend: backend ?? null, frontend: frontend ?? null };
}

/** All descendants GitLab counts (readable or not); null where the schema or answer has no counts. */
export function descendants(raw: { widgets?: (Widget | null)[] | null }): number | null {
  const byType = widget<unknown>(raw, 'rolledUpCountsByType');
  if (!Array.isArray(byType)) return null;
  let sum = 0;
  for (const t of byType.slice(0, 50) as ({ countsByState?: { all?: unknown } | null } | null)[]) sum += whole(t?.countsByState?.all) ?? 0;
  return Math.min(sum, 1_000_000);
}

function toChild(baseUrl: string, raw: RawChild, depth: number, under: string | null): PlanChild | null {
  const reference = text(raw.reference, 1100);
  const ref = refOfReference(baseUrl, reference);
  if (!ref) return null;
  const health = widget<unknown>(raw, 'healthStatus');
  const split = splitOf(raw);
  const blocked = widget<unknown>(raw, 'blocked');
  return {
    ref,
    reference,
    title: text(raw.title, 1024),
    webUrl: text(raw.webUrl, 2048),
    state: raw.state === 'CLOSED' ? 'closed' : 'opened',
    closedAt: typeof raw.closedAt === 'string' ? raw.closedAt.slice(0, 64) : null,
    labels: (widget<{ nodes?: ({ title?: unknown } | null)[] }>(raw, 'labels')?.nodes ?? []).flatMap((l) => (typeof l?.title === 'string' ? [l.title.slice(0, 255)] : [])).slice(0, 100),
    weight: whole(widget(raw, 'weight')),
    ...(split ? { splitWeights: split } : {}),
    // `blocked` says open items block it; the count holds every blocking link.
    ...(typeof blocked === 'boolean' ? { blockedBy: blocked ? Math.max(1, whole(widget(raw, 'blockedByCount')) ?? 1) : 0 } : {}),
    healthStatus: typeof health === 'string' ? (HEALTH[health] ?? null) : null,
    type: text(raw.workItemType?.name, 100).toLowerCase() || 'issue',
    depth,
    under,
    unreadChildren: 0,
    comments: (widget<{ nodes?: ({ body?: unknown; createdAt?: unknown; system?: unknown; author?: { username?: unknown } | null } | null)[] }>(raw, 'notes')?.nodes ?? [])
      .flatMap((n) => (n && n.system !== true && typeof n.createdAt === 'string' ? [{ body: text(n.body, MAX_CHILD_COMMENT), createdAt: n.createdAt.slice(0, 64), author: text(n.author?.username, 255) || 'ghost' }] : []))
      .slice(-CHILD_COMMENTS),
  };
}

/** What a walk found: the children listed (depth-first), and what it could not list. */
export interface Walked {
  children: PlanChild[];
  /** Items below the parent GitLab counts and hides from the token. */
  hidden: number;
  /** Items below the parent not read: past the pages, the levels asked or MAX_CHILDREN. */
  notRead: number;
  /** False where some item had no descendant counts: what it hides is unknown. */
  counted: boolean;
}

/**
 * The items under `owner` (its `children` connection, GitLab's count of the readable ones, and its descendant count
 * `all`), listed from `depth` down, appended to `out` to MAX_CHILDREN; what each listed child has below it and not
 * listed becomes its `unreadChildren`. Returns what is below `owner` and hidden, and what is not read.
 */
export function walk(baseUrl: string, connection: RawConnection | undefined, all: number | null, depth: number, under: string | null, out: PlanChild[]): Omit<Walked, 'children'> {
  let hidden = 0;
  let notRead = 0;
  let counted = all !== null;
  let subtrees = 0; // Σ (1 + descendants) of the readable children listed
  let listed = 0;
  let skipped = 0; // readable children past MAX_CHILDREN: counted as not read here, with what is below them
  for (const node of (connection?.nodes ?? []).slice(0, 1000)) {
    if (!node) continue;
    const below = descendants(node);
    const child = toChild(baseUrl, node, depth, under);
    if (!child) continue; // not a reference we can link: counted as not read below
    if (out.length >= MAX_CHILDREN || depth > 5) {
      notRead += 1 + (below ?? 0);
      skipped += 1;
      continue;
    }
    out.push(child);
    listed += 1;
    subtrees += 1 + (below ?? 0);
    const inner = widget<RawConnection>(node, 'children');
    if (inner) {
      const r = walk(baseUrl, inner, below, depth + 1, child.reference, out);
      hidden += r.hidden;
      child.unreadChildren = Math.min(r.notRead, 1_000_000);
      if (!r.counted) counted = false;
    } else {
      // Not asked this deep: everything below it is not read (hidden or not, GitLab's count cannot tell).
      child.unreadChildren = below ?? 0;
      if (below === null) counted = false;
    }
  }
  const readable = connection ? (whole(connection.count) ?? listed) : 0;
  if (all !== null && counted && readable === listed) hidden += Math.max(0, all - subtrees);
  else notRead += Math.max(0, readable - listed - skipped);
  return { hidden: Math.min(hidden, 1_000_000), notRead: Math.min(notRead, 1_000_000), counted };
}
