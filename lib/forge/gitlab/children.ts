// A GitLab parent's children for the Plan section (issue 18): the work-item hierarchy widget of an epic (legacy epics
// are work items with the same iid) or of an issue, children in any project, each with its weight, split weights
// (custom fields), health status, labels and newest comments, and their own children one level down, in one GraphQL
// request per 100 children (at most MAX_PAGES).
// Children the token cannot read: GitLab leaves them out of `children` and its `count` (the resolver authorizes each,
// gitlab-org/gitlab app/graphql/resolvers/work_items/children_resolver.rb), but `rolledUpCountsByType` counts every
// descendant unfiltered (`work_item.descendants`, app/models/work_items/widgets/hierarchy.rb). What those counts hold
// beyond the readable items and their own counts is hidden from the token: counted, never named (GitLab names none).
import { CHILD_COMMENTS, MAX_CHILD_COMMENT, MAX_CHILDREN, type ChildrenRead, type PlanChild } from '../children-model';
import { ForgeError } from '../errors';
import { containerPathProblem, type HealthStatus, type IssueRef } from '../model';
import { CUSTOM_VALUES_WIDGET, SPLIT_FIELD_NAMES } from './custom-fields';
import { GraphqlUnavailable, postGraphql, type GraphqlFeature } from './graphql';

export const MAX_PAGES = 3;
export const CHILDREN_PAGE = 100;
export const NESTED_CHILDREN = 20;

const CHILDREN: GraphqlFeature = {
  unknown: /undefinedField|undefinedType|doesn't exist on type|No such type/i,
  change: 'its children',
  refused: 'the children request',
};

/**
 * What this GitLab's schema has, learnt from its refusals and kept by the adapter: `rolledUpCountsByType` (17.3, an
 * experiment) and custom fields (17.11 behind a flag, 18.0). False: asked without it.
 */
export interface ChildrenSupport {
  counts?: boolean;
  customFields?: boolean;
}

/** Every descendant, by type and state; summed: all of them, readable or not. */
export const DESCENDANT_COUNTS = '... on WorkItemWidgetHierarchy { rolledUpCountsByType { countsByState { all } } }';

/** A child's own fields: what the roll-up reads. */
export function childFields(support: ChildrenSupport = {}): string {
  return `iid title state closedAt webUrl reference(full: true) workItemType { name }
  widgets {
    ... on WorkItemWidgetWeight { weight }
    ... on WorkItemWidgetHealthStatus { healthStatus }
    ... on WorkItemWidgetLabels { labels(first: 50) { nodes { title } } }
    ... on WorkItemWidgetNotes { notes(last: ${CHILD_COMMENTS}, filter: ONLY_COMMENTS) { nodes { body createdAt system author { username } } } }${
      support.customFields === false ? '' : `\n    ${CUSTOM_VALUES_WIDGET}`
    }${support.counts === false ? '' : `\n    ${DESCENDANT_COUNTS}`}`;
}

/** The fields of a child (with every optional part): what the contract test checks against GitLab's reference. */
export const CHILD_FIELDS = childFields();

/**
 * The parent's weight and a page of its children with their own children nested (`nested`); GitLab refuses a query
 * over its complexity or depth limits, and the adapter then asks the lighter one (no nested level, smaller pages).
 */
export function childrenQuery(nested = true, page = CHILDREN_PAGE, support: ChildrenSupport = {}): string {
  const fields = childFields(support);
  const deeper = nested ? `\n          ... on WorkItemWidgetHierarchy { children(first: ${NESTED_CHILDREN}) { count nodes { ${fields} } } } }` : ' }';
  const counts = support.counts === false ? '' : `\n      ${DESCENDANT_COUNTS}`;
  return `query RefineryWorkItemChildren($path: ID!, $iid: String!, $after: String) {
  namespace(fullPath: $path) { workItem(iid: $iid) { id
    widgets {
      ... on WorkItemWidgetWeight { weight rolledUpWeight rolledUpCompletedWeight }${counts}
      ... on WorkItemWidgetHierarchy { children(first: ${page}, after: $after) { count pageInfo { hasNextPage endCursor }
        nodes { ${fields}${deeper}
        } }
      } }
    }
  } }
}`;
}

/** Which optional part a schema refusal names; null: neither (a real failure). */
function refusedPart(message: string, support: ChildrenSupport): keyof ChildrenSupport | null {
  if (support.counts !== false && /rolledUpCountsByType|WorkItemTypeCountsByState|countsByState/.test(message)) return 'counts';
  if (support.customFields !== false && /customField|CustomField|WorkItemNumberFieldValue/.test(message)) return 'customFields';
  return null;
}

/** GitLab's answer to a query over its limits ("Query has complexity of 612, which exceeds max complexity of 300"). */
const TOO_BIG = /complexity|depth/i;

type Widget = Record<string, unknown>;
interface RawChild {
  iid?: unknown;
  title?: unknown;
  state?: unknown;
  closedAt?: unknown;
  webUrl?: unknown;
  reference?: unknown;
  workItemType?: { name?: unknown } | null;
  widgets?: (Widget | null)[] | null;
}
interface RawConnection {
  count?: unknown;
  pageInfo?: { hasNextPage?: unknown; endCursor?: unknown } | null;
  nodes?: (RawChild | null)[] | null;
}

const HEALTH: Record<string, HealthStatus> = { onTrack: 'on_track', needsAttention: 'needs_attention', atRisk: 'at_risk' };
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const whole = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1_000_000 ? v : null);
const widget = <T>(c: RawChild | { widgets?: (Widget | null)[] | null }, key: string): T | undefined =>
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
function descendants(raw: { widgets?: (Widget | null)[] | null }): number | null {
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

/**
 * A child read with its own children: what is under it and not read (`unreadChildren`), and what of that GitLab
 * hides from the token (`hidden`, null where it cannot tell).
 */
function withChildren(baseUrl: string, node: RawChild, room: number): { child: PlanChild; nested: PlanChild[]; hidden: number | null; descendants: number | null } | null {
  const child = toChild(baseUrl, node, 1, null);
  if (!child) return null;
  const below = descendants(node);
  const connection = widget<RawConnection>(node, 'children');
  const nested: PlanChild[] = [];
  let belowListed = 0;
  let countsKnown = below !== null;
  for (const sub of connection?.nodes ?? []) {
    const grandchild = sub && nested.length < room ? toChild(baseUrl, sub, 2, child.reference) : null;
    if (!grandchild) continue;
    const under = descendants(sub!);
    if (under === null) countsKnown = false;
    grandchild.unreadChildren = under ?? 0;
    belowListed += 1 + (under ?? 0);
    nested.push(grandchild);
  }
  const readable = connection ? (whole(connection.count) ?? nested.length) : null;
  // Every readable grandchild listed: the rest of GitLab's count is hidden from the token.
  const allListed = readable !== null && readable === nested.length;
  const hidden = countsKnown && allListed ? Math.max(0, below! - belowListed) : null;
  const notRead = below !== null ? Math.max(0, below - belowListed) : Math.max(0, (readable ?? 0) - nested.length);
  child.unreadChildren = hidden !== null ? 0 : notRead;
  return { child, nested, hidden, descendants: below };
}

/** The children of an epic or work item; every failure thrown as postGraphql sorts it. */
export async function readGitlabChildren(baseUrl: string, token: string, ref: IssueRef, support: ChildrenSupport = {}): Promise<ChildrenRead> {
  const problem = ref.forge === 'gitlab' ? containerPathProblem('gitlab', ref.container, ref.path) : 'not a GitLab reference';
  if (problem) throw new ForgeError('invalid', problem);
  const children: PlanChild[] = [];
  const parent: ChildrenRead['parent'] = { weight: null };
  let requests = 0;
  let after: string | null = null;
  let total = 0;
  let more = false;
  let nested = true;
  let parentDescendants: number | null = null;
  let readSubtrees = 0; // Σ (1 + descendants) over the readable children listed
  let hidden = 0;
  let counted = support.counts !== false;
  let attempts = 0;
  for (;;) {
    requests += 1;
    attempts += 1;
    let data: { namespace?: { workItem?: { widgets?: (Widget | null)[] | null } | null } | null } | null;
    try {
      const query = childrenQuery(nested, nested ? CHILDREN_PAGE : CHILDREN_PAGE / 2, support);
      data = (await postGraphql(baseUrl, token, query, { path: ref.path, iid: String(ref.iid), after }, CHILDREN)) as typeof data;
    } catch (e) {
      // A schema without an optional part: asked again without it, once per part (the adapter keeps what it learnt).
      const part = e instanceof GraphqlUnavailable && attempts <= 3 ? refusedPart(e.message, support) : null;
      if (part) {
        support[part] = false;
        if (part === 'counts') counted = false;
        continue;
      }
      if (!nested || !(e instanceof ForgeError) || !TOO_BIG.test(e.message) || requests >= MAX_PAGES) throw e;
      nested = false;
      continue;
    }
    const item = data?.namespace?.workItem;
    if (!item) throw new ForgeError('not-found', `GitLab has no work item ${ref.path}${ref.kind === 'epic' ? '&' : '#'}${ref.iid} for this token.`, 404);
    if (after === null) {
      parent.weight = whole(widget(item, 'weight'));
      parent.rolledUpWeight = whole(widget(item, 'rolledUpWeight'));
      parent.rolledUpCompletedWeight = whole(widget(item, 'rolledUpCompletedWeight'));
      parentDescendants = descendants(item);
      if (parentDescendants === null) counted = false;
    }
    const page = widget<RawConnection>(item, 'children');
    total = whole(page?.count) ?? total;
    for (const node of page?.nodes ?? []) {
      const read = node && children.length < MAX_CHILDREN ? withChildren(baseUrl, node, MAX_CHILDREN - children.length - 1) : null;
      if (!read) continue;
      children.push(read.child, ...read.nested);
      if (read.descendants === null) counted = false;
      readSubtrees += 1 + (read.descendants ?? 0);
      hidden += read.hidden ?? 0; // unknown: what is under it not read is counted as left out

    }
    const end = page?.pageInfo?.endCursor;
    more = page?.pageInfo?.hasNextPage === true && typeof end === 'string';
    after = more ? (end as string) : null;
    if (!more || requests >= MAX_PAGES || children.length >= MAX_CHILDREN) break;
  }
  const direct = children.filter((c) => c.depth === 1).length;
  const deeper = children.reduce((n, c) => n + c.unreadChildren, 0);
  // Every readable child listed: what the parent's count holds beyond their subtrees is hidden from the token.
  const hiddenTop = counted && direct === total && parentDescendants !== null ? Math.max(0, parentDescendants - readSubtrees) : 0;
  return {
    source: 'hierarchy',
    parent,
    children,
    unreadable: { count: Math.min(hiddenTop + hidden, 1_000_000), names: [], counted },
    leftOut: Math.max(0, total - direct) + deeper,
    requests,
  };
}
