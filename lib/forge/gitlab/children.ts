// A GitLab parent's children for the Plan section (issue 18): the work-item hierarchy widget of an epic (legacy epics
// are work items with the same iid) or of an issue, children in any project, each with its weight, health status,
// labels and newest comments, and their own children one level down, in one GraphQL request per 100 children (at most
// MAX_PAGES). Children the token cannot read are not listed by GitLab: they are neither counted nor named.
import { CHILD_COMMENTS, MAX_CHILD_COMMENT, MAX_CHILDREN, type ChildrenRead, type PlanChild } from '../children-model';
import { ForgeError } from '../errors';
import { containerPathProblem, type HealthStatus, type IssueRef } from '../model';
import { postGraphql, type GraphqlFeature } from './graphql';

export const MAX_PAGES = 3;
export const CHILDREN_PAGE = 100;
export const NESTED_CHILDREN = 20;

const CHILDREN: GraphqlFeature = {
  unknown: /undefinedField|undefinedType|doesn't exist on type|No such type/i,
  change: 'its children',
  refused: 'the children request',
};

/** A child's own fields: what the roll-up reads. */
export const CHILD_FIELDS = `iid title state closedAt webUrl reference(full: true) workItemType { name }
  widgets {
    ... on WorkItemWidgetWeight { weight }
    ... on WorkItemWidgetHealthStatus { healthStatus }
    ... on WorkItemWidgetLabels { labels(first: 50) { nodes { title } } }
    ... on WorkItemWidgetNotes { notes(last: ${CHILD_COMMENTS}, filter: ONLY_COMMENTS) { nodes { body createdAt system author { username } } } }`;

/**
 * The parent's weight and a page of its children with their own children nested (`nested`); GitLab refuses a query
 * over its complexity or depth limits, and the adapter then asks the lighter one (no nested level, smaller pages).
 */
export function childrenQuery(nested = true, page = CHILDREN_PAGE): string {
  const deeper = nested ? `\n          ... on WorkItemWidgetHierarchy { children(first: ${NESTED_CHILDREN}) { count nodes { ${CHILD_FIELDS} } } } }` : ' }';
  return `query RefineryWorkItemChildren($path: ID!, $iid: String!, $after: String) {
  namespace(fullPath: $path) { workItem(iid: $iid) { id
    widgets {
      ... on WorkItemWidgetWeight { weight rolledUpWeight rolledUpCompletedWeight }
      ... on WorkItemWidgetHierarchy { children(first: ${page}, after: $after) { count pageInfo { hasNextPage endCursor }
        nodes { ${CHILD_FIELDS}${deeper}
        } }
      } }
    }
  } }
}`;
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

function toChild(baseUrl: string, raw: RawChild, depth: number, under: string | null): PlanChild | null {
  const reference = text(raw.reference, 1100);
  const ref = refOfReference(baseUrl, reference);
  if (!ref) return null;
  const children = widget<RawConnection>(raw, 'children');
  const listed = children?.nodes?.length ?? 0;
  const health = widget<unknown>(raw, 'healthStatus');
  return {
    ref,
    reference,
    title: text(raw.title, 1024),
    webUrl: text(raw.webUrl, 2048),
    state: raw.state === 'CLOSED' ? 'closed' : 'opened',
    closedAt: typeof raw.closedAt === 'string' ? raw.closedAt.slice(0, 64) : null,
    labels: (widget<{ nodes?: ({ title?: unknown } | null)[] }>(raw, 'labels')?.nodes ?? []).flatMap((l) => (typeof l?.title === 'string' ? [l.title.slice(0, 255)] : [])).slice(0, 100),
    weight: whole(widget(raw, 'weight')),
    healthStatus: typeof health === 'string' ? (HEALTH[health] ?? null) : null,
    type: text(raw.workItemType?.name, 100).toLowerCase() || 'issue',
    depth,
    under,
    unreadChildren: children ? Math.max(0, (whole(children.count) ?? listed) - listed) : 0,
    comments: (widget<{ nodes?: ({ body?: unknown; createdAt?: unknown; system?: unknown; author?: { username?: unknown } | null } | null)[] }>(raw, 'notes')?.nodes ?? [])
      .flatMap((n) => (n && n.system !== true && typeof n.createdAt === 'string' ? [{ body: text(n.body, MAX_CHILD_COMMENT), createdAt: n.createdAt.slice(0, 64), author: text(n.author?.username, 255) || 'ghost' }] : []))
      .slice(-CHILD_COMMENTS),
  };
}

/** The children of an epic or work item; every failure thrown as postGraphql sorts it. */
export async function readGitlabChildren(baseUrl: string, token: string, ref: IssueRef): Promise<ChildrenRead> {
  const problem = ref.forge === 'gitlab' ? containerPathProblem('gitlab', ref.container, ref.path) : 'not a GitLab reference';
  if (problem) throw new ForgeError('invalid', problem);
  const children: PlanChild[] = [];
  const parent: ChildrenRead['parent'] = { weight: null };
  let requests = 0;
  let after: string | null = null;
  let total = 0;
  let more = false;
  let nested = true;
  for (;;) {
    requests += 1;
    let data: { namespace?: { workItem?: { widgets?: (Widget | null)[] | null } | null } | null } | null;
    try {
      data = (await postGraphql(baseUrl, token, childrenQuery(nested, nested ? CHILDREN_PAGE : CHILDREN_PAGE / 2), { path: ref.path, iid: String(ref.iid), after }, CHILDREN)) as typeof data;
    } catch (e) {
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
    }
    const page = widget<RawConnection>(item, 'children');
    total = whole(page?.count) ?? total;
    for (const node of page?.nodes ?? []) {
      const child = node && children.length < MAX_CHILDREN ? toChild(baseUrl, node, 1, null) : null;
      if (!child) continue;
      children.push(child);
      for (const sub of widget<RawConnection>(node!, 'children')?.nodes ?? []) {
        const grandchild = sub && children.length < MAX_CHILDREN ? toChild(baseUrl, sub, 2, child.reference) : null;
        if (grandchild) children.push(grandchild);
      }
    }
    const end = page?.pageInfo?.endCursor;
    more = page?.pageInfo?.hasNextPage === true && typeof end === 'string';
    after = more ? (end as string) : null;
    if (!more || requests >= MAX_PAGES || children.length >= MAX_CHILDREN) break;
  }
  const direct = children.filter((c) => c.depth === 1).length;
  const deeper = children.reduce((n, c) => n + c.unreadChildren, 0);
  return {
    source: 'hierarchy',
    parent,
    children,
    unreadable: { count: 0, names: [] },
    leftOut: Math.max(0, total - direct) + deeper,
    requests,
  };
}
