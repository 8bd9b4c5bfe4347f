// A GitLab parent's children for the Plan section (issue 18): the work-item hierarchy widget of an epic (legacy epics
// are work items with the same iid) or of an issue, children in any project, each with its weight, split weights
// (custom fields), health status, labels and newest comments, and their own children one level down, in one GraphQL
// request per 100 children (at most MAX_PAGES), then levels 3 and 4 in one more request where the budget allows.
// Children the token cannot read: GitLab leaves them out of `children` and its `count` (the resolver authorizes each,
// gitlab-org/gitlab app/graphql/resolvers/work_items/children_resolver.rb), but `rolledUpCountsByType` counts every
// descendant unfiltered (`work_item.descendants`, app/models/work_items/widgets/hierarchy.rb). What those counts hold
// beyond the readable items and their own counts is hidden from the token: counted, never named (GitLab names none).
import { CHILD_COMMENTS, MAX_CHILDREN, type ChildrenRead, type PlanChild } from '../children-model';
import { ForgeError } from '../errors';
import { containerPathProblem, type IssueRef } from '../model';
import { descendants, refOfReference, walk, whole, widget, type RawChild, type RawConnection, type Widget } from './children-tree';
import { CUSTOM_VALUES_WIDGET } from './custom-fields';
import { GraphqlUnavailable, postGraphql, type GraphqlFeature } from './graphql';

export { refOfReference } from './children-tree';

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
  /** The linked items widget's `blocked` and `blockedByCount` (16.x). */
  blocked?: boolean;
}

/** Every descendant, by type and state; summed: all of them, readable or not. */
export const DESCENDANT_COUNTS = '... on WorkItemWidgetHierarchy { rolledUpCountsByType { countsByState { all } } }';

/** Blocked by open items, and by how many (the linked items widget). */
export const BLOCKED = '... on WorkItemWidgetLinkedItems { blocked blockedByCount }';

/** A child's own fields: what the roll-up reads. */
export function childFields(support: ChildrenSupport = {}): string {
  return `iid title state closedAt webUrl reference(full: true) workItemType { name }
  widgets {
    ... on WorkItemWidgetWeight { weight }
    ... on WorkItemWidgetHealthStatus { healthStatus }
    ... on WorkItemWidgetLabels { labels(first: 50) { nodes { title } } }
    ... on WorkItemWidgetNotes { notes(last: ${CHILD_COMMENTS}, filter: ONLY_COMMENTS) { nodes { body createdAt system author { username } } } }${
      support.customFields === false ? '' : `\n    ${CUSTOM_VALUES_WIDGET}`
    }${support.counts === false ? '' : `\n    ${DESCENDANT_COUNTS}`}${support.blocked === false ? '' : `\n    ${BLOCKED}`}`;
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
  if (support.blocked !== false && /WorkItemWidgetLinkedItems|blockedByCount|'blocked'/.test(message)) return 'blocked';
  return null;
}

/** GitLab's answer to a query over its limits ("Query has complexity of 612, which exceeds max complexity of 300"). */
const TOO_BIG = /complexity|depth/i;

/**
 * Items whose children the deeper request reads: GitLab's `workItemsByReference` takes at most 10 references
 * (gitlab-org/gitlab app/graphql/resolvers/work_item_references_resolver.rb, REFERENCES_LIMIT).
 */
export const DEEPER_ITEMS = 10;

/**
 * Levels 3 and 4 under items at the frontier of the first read (items whose children were not asked and which GitLab
 * counts descendants for): one `workItemsByReference` (16.7, an experiment) by the items' URLs, with their children
 * and their children's children. One connection, not an alias per item: GitLab's complexity limit counts each alias.
 */
export function deeperQuery(support: ChildrenSupport = {}): string {
  const fields = childFields(support);
  return `query RefineryWorkItemDescendants($path: ID!, $refs: [String!]!) {
  workItemsByReference(contextNamespacePath: $path, refs: $refs) { nodes { reference(full: true) widgets {
    ... on WorkItemWidgetHierarchy { children(first: ${NESTED_CHILDREN}) { count nodes { ${fields}
      ... on WorkItemWidgetHierarchy { children(first: ${NESTED_CHILDREN}) { count nodes { ${fields} } } } } } } }
  } } }
}`;
}

/** Raw items whose children were not asked and that have descendants, breadth first. */
function frontier(top: RawChild[]): RawChild[] {
  const out: RawChild[] = [];
  let level = top;
  // Bounded however the answer nests: the first read asks two levels.
  for (let depth = 1; level.length > 0 && out.length < DEEPER_ITEMS && depth <= 2; depth++) {
    const next: RawChild[] = [];
    for (const node of level) {
      const inner = widget<RawConnection>(node, 'children');
      if (inner) next.push(...(inner.nodes ?? []).slice(0, 1000).filter((n): n is RawChild => !!n));
      else if ((descendants(node) ?? 0) > 0 && out.length < DEEPER_ITEMS) out.push(node);
    }
    level = next.slice(0, 5000);
  }
  return out;
}

/** The children of an epic or work item; every failure thrown as postGraphql sorts it. */
export async function readGitlabChildren(baseUrl: string, token: string, ref: IssueRef, support: ChildrenSupport = {}): Promise<ChildrenRead> {
  const problem = ref.forge === 'gitlab' ? containerPathProblem('gitlab', ref.container, ref.path) : 'not a GitLab reference';
  if (problem) throw new ForgeError('invalid', problem);
  const parent: ChildrenRead['parent'] = { weight: null };
  const top: RawChild[] = [];
  let requests = 0;
  let after: string | null = null;
  let total = 0;
  let nested = true;
  let parentDescendants: number | null = null;
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
    }
    const page = widget<RawConnection>(item, 'children');
    total = whole(page?.count) ?? total;
    top.push(...(page?.nodes ?? []).filter((n): n is RawChild => !!n).slice(0, CHILDREN_PAGE));
    const end = page?.pageInfo?.endCursor;
    const more = page?.pageInfo?.hasNextPage === true && typeof end === 'string';
    after = more ? (end as string) : null;
    if (!more || requests >= MAX_PAGES || top.length >= MAX_CHILDREN) break;
  }
  if (requests < MAX_PAGES) requests += await readDeeper(baseUrl, token, ref, top, support);
  const children: PlanChild[] = [];
  const walked = walk(baseUrl, { count: total, nodes: top }, parentDescendants, 1, null, children);
  const deeper = children.reduce((n, c) => n + c.unreadChildren, 0);
  return {
    source: 'hierarchy',
    parent,
    children,
    unreadable: { count: walked.hidden, names: [], counted: walked.counted && support.counts !== false },
    leftOut: Math.min(walked.notRead + deeper, 1_000_000),
    requests,
  };
}

/**
 * The deeper request: grafts each frontier item's children (two levels) into the raw tree, where walk() finds them.
 * Returns the requests spent (0 or 1). A refusal (an older schema, a query too big) leaves the frontier as it was:
 * what is below it stays counted as not read.
 */
async function readDeeper(baseUrl: string, token: string, parent: IssueRef, top: RawChild[], support: ChildrenSupport): Promise<number> {
  const items = frontier(top).flatMap((node) => {
    const reference = typeof node.reference === 'string' ? node.reference : '';
    const url = typeof node.webUrl === 'string' ? node.webUrl : '';
    // Its own URL as GitLab gave it, on this GitLab only: a reference never leaves for another host.
    return refOfReference(baseUrl, reference) && url.startsWith(`${baseUrl}/`) && url.length <= 2048 ? [{ node, reference: reference.toLowerCase(), url }] : [];
  });
  if (items.length === 0) return 0;
  type Answer = { workItemsByReference?: { nodes?: ({ reference?: unknown; widgets?: (Widget | null)[] | null } | null)[] | null } | null } | null;
  const data = await (postGraphql(baseUrl, token, deeperQuery(support), { path: parent.path, refs: items.map((i) => i.url) }, CHILDREN) as Promise<Answer>).catch((e: unknown) => {
    if (e instanceof ForgeError && (e.kind === 'network' || e.kind === 'auth')) throw e;
    return null; // an older GitLab, a query over its limits: what is below stays counted as not read
  });
  const answered = new Map<string, RawConnection>();
  for (const item of (data?.workItemsByReference?.nodes ?? []).slice(0, DEEPER_ITEMS)) {
    const connection = item ? widget<RawConnection>(item, 'children') : undefined;
    if (item && typeof item.reference === 'string' && connection) answered.set(item.reference.toLowerCase(), connection);
  }
  for (const { node, reference } of items) {
    const connection = answered.get(reference);
    if (connection) node.widgets = [...(node.widgets ?? []).slice(0, 50), { children: connection }];
  }
  return 1;
}
