// A GitHub parent's children for the Plan section (issue 18), one GraphQL request per page, never one per child:
// - sub-issues: `issue.subIssues` (100 a page) with each sub-issue's own sub-issues (10 each) nested in the same query;
//   each with its labels, weight fields, state and its newest comments; where requests remain and second-level
//   sub-issues have their own, one more query reads levels 3 and 4 by node id (children-queries.ts);
// - a tracking issue without sub-issues: the issues its description's task list links, read in one query aliasing each
//   (as bulk.ts reads a list page), so an issue the token cannot read comes back NOT_FOUND next to the others; pull
//   requests in the list are counted apart (no weight, no update: not children).
// At most MAX_PAGES requests; children beyond them are counted as left out. Weight fields are named per organisation:
// each owner among the children is asked for its field names (the adapter reads them once per owner).
import { MAX_CHILD_COMMENT, MAX_CHILDREN, type ChildrenRead, type PlanChild } from '../children-model';
import { ForgeError } from '../errors';
import { containerPathProblem, type IssueRef } from '../model';
import { taskLinks } from '../../handbook/plan/task-list';
import { mapGqlIssue, NO_FIELD_NAMES, type FieldNames, type GqlError, type GqlIssue, type GraphqlSupport } from './bulk';
import { postSupported } from './bulk-reads';
import type { GithubOctokit } from './client';
import { DEEPER_IDS, deeperQuery, linkedIssuesQuery, subIssuesQuery, type ChildrenSupport } from './children-queries';

export type { ChildrenSupport } from './children-queries';

/** Requests at most per read: 300 sub-issues, or the parent and 200 linked issues. */
export const MAX_PAGES = 3;
const LINKS_PER_QUERY = 100;
/** Owners whose weight fields are asked (one REST request each, the first time): more are read without fields. */
const MAX_OWNERS = 10;
/** The levels the queries ask: anything an answer nests deeper is counted, not read. */
const MAX_DEPTH = 4;

type SubIssues = { totalCount?: number; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; nodes?: (GqlChild | null)[] | null };

interface GqlChild extends Omit<GqlIssue, 'body' | 'assignees' | 'milestone'> {
  __typename?: string;
  id?: string;
  closedAt?: string | null;
  repository?: { nameWithOwner?: string } | null;
  comments?: { nodes?: ({ body?: string | null; createdAt?: string; author?: { login?: string } | null } | null)[] | null } | null;
  subIssues?: SubIssues | null;
  subIssuesSummary?: { total?: number } | null;
  blockedBy?: { totalCount?: number; nodes?: ({ state?: string } | null)[] | null } | null;
}

/** A child's repository path, when it is one the protocol accepts (issueRef); null otherwise. */
function pathOf(node: GqlChild): string | null {
  const path = node.repository?.nameWithOwner;
  return path && containerPathProblem('github', 'project', path) === null ? path : null;
}

const ownerOf = (path: string) => path.split('/')[0]!.toLowerCase();
const whole = (n: unknown) => (typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? Math.min(n, 1_000_000) : 0);

/** The nodes and every node nested in them, to MAX_DEPTH. */
function* allNodes(nodes: readonly (GqlChild | null)[], depth = 1): Generator<GqlChild> {
  for (const n of nodes) {
    if (!n) continue;
    yield n;
    if (depth < MAX_DEPTH) yield* allNodes(n.subIssues?.nodes ?? [], depth + 1);
  }
}

/** At the deepest level read, a node's listed sub-issues are only counted. */
const counted = (node: GqlChild): GqlChild => (node.subIssues ? { ...node, subIssues: null, subIssuesSummary: { total: whole(node.subIssues.totalCount) } } : node);

/** The field names of every owner named (the first MAX_OWNERS), asked at once; others have none. */
async function fieldNamesOf(owners: Iterable<string>, fieldsOf: (owner: string) => Promise<FieldNames>): Promise<(owner: string) => FieldNames> {
  const keys = [...new Set([...owners].map((o) => o.toLowerCase()))].slice(0, MAX_OWNERS);
  const names = new Map(await Promise.all(keys.map(async (o) => [o, await fieldsOf(o)] as const)));
  return (owner) => names.get(owner.toLowerCase()) ?? NO_FIELD_NAMES;
}

function toChild(webBase: string, node: GqlChild, depth: number, under: string | null, fieldsOf: (owner: string) => FieldNames): PlanChild | null {
  const path = pathOf(node);
  // A path the protocol would refuse (issueRef) is not a child we can name or link.
  if (!path || !Number.isSafeInteger(node.number) || node.number < 1) return null;
  const ref: IssueRef = { forge: 'github', baseUrl: webBase, container: 'project', path, iid: node.number, kind: 'issue' };
  const issue = mapGqlIssue(ref, { ...node, body: '', assignees: null, milestone: null }, fieldsOf(ownerOf(path)));
  const nested = node.subIssues?.nodes?.length ?? 0;
  const unread = node.subIssues ? Math.max(0, whole(node.subIssues.totalCount) - nested) : whole(node.subIssuesSummary?.total);
  return {
    ref,
    reference: `${path}#${node.number}`,
    title: issue.title.slice(0, 1024),
    webUrl: issue.webUrl.slice(0, 2048),
    state: issue.state,
    closedAt: node.closedAt ?? null,
    labels: issue.labels.slice(0, 100).map((l) => l.slice(0, 255)),
    weight: issue.weight,
    ...(issue.splitWeights ? { splitWeights: issue.splitWeights } : {}),
    healthStatus: null,
    type: issue.type.slice(0, 100),
    depth,
    under,
    unreadChildren: Math.min(unread, 1_000_000),
    ...(node.blockedBy ? { blockedBy: Math.min((node.blockedBy.nodes ?? []).slice(0, 100).filter((b) => b?.state === 'OPEN').length, 100) } : {}),
    comments: (node.comments?.nodes ?? []).flatMap((c) =>
      c && typeof c.createdAt === 'string' ? [{ body: (c.body ?? '').slice(0, MAX_CHILD_COMMENT), createdAt: c.createdAt.slice(0, 64), author: (c.author?.login ?? 'ghost').slice(0, 255) }] : [],
    ),
  };
}

/** A node and all below it: those nested (to MAX_DEPTH), and those only counted. */
function subtreeSize(node: GqlChild, depth: number): number {
  const subs = node.subIssues;
  if (!subs || depth >= MAX_DEPTH) return 1 + whole(subs ? subs.totalCount : node.subIssuesSummary?.total);
  const listed = (subs.nodes ?? []).filter((n): n is GqlChild => !!n);
  return Math.min(1_000_000, 1 + listed.reduce((n, s) => n + subtreeSize(s, depth + 1), 0) + Math.max(0, whole(subs.totalCount) - listed.length));
}

/**
 * The children of the sub-issue trees, parents before their children. Up to MAX_CHILDREN, level by level (a first-level
 * child is worth more to the figures than a fourth-level one); `dropped` counts the nodes (and all below them) past it.
 * An issue listed twice is kept once (GitHub gives an issue one parent; the rows and the roll-up key on references).
 */
function childrenOf(webBase: string, roots: readonly GqlChild[], fieldsOf: (owner: string) => FieldNames): { children: PlanChild[]; direct: number; dropped: number } {
  const below = new Map<PlanChild | null, PlanChild[]>();
  let level: { node: GqlChild; parent: PlanChild | null }[] = roots.map((node) => ({ node, parent: null }));
  const taken = new Set<string>();
  let dropped = 0;
  let direct = 0;
  for (let depth = 1; level.length > 0; depth += 1) {
    const next: typeof level = [];
    for (const { node, parent } of level) {
      if (taken.size >= MAX_CHILDREN) {
        dropped += subtreeSize(node, depth);
        if (depth === 1) direct += 1;
        continue;
      }
      const child = toChild(webBase, depth === MAX_DEPTH ? counted(node) : node, depth, parent?.reference ?? null, fieldsOf);
      if (!child) continue;
      if (depth === 1) direct += 1;
      if (taken.has(child.reference.toLowerCase())) continue;
      taken.add(child.reference.toLowerCase());
      below.set(parent, [...(below.get(parent) ?? []), child]);
      if (depth < MAX_DEPTH) for (const sub of node.subIssues?.nodes ?? []) if (sub) next.push({ node: sub, parent: child });
    }
    level = next;
  }
  const ordered = (parent: PlanChild | null): PlanChild[] => (below.get(parent) ?? []).flatMap((c) => [c, ...ordered(c)]);
  return { children: ordered(null), direct, dropped };
}

/** The parent's weight field (GitHub issue field), null where it has none. */
function weightOf(node: GqlIssue | undefined, ref: IssueRef, fields: FieldNames): number | null {
  if (!node) return null;
  const issue = mapGqlIssue(ref, { ...node, body: node.body ?? '', title: '', state: 'OPEN', url: '', updatedAt: '', labels: null, assignees: null, milestone: null }, fields);
  return issue.weight; // labels: the panel reads the parent's own weight from the issue it shows, with the team's scopes
}

const refused = (errors: readonly GqlError[] | undefined, name: RegExp) =>
  (errors ?? []).some((e) => name.test(e.extensions?.fieldName ?? '') || name.test(e.message ?? ''));

/** GitHub's global node ids are short base64-like text; anything else is not sent back to it. */
const NODE_ID = /^[A-Za-z0-9_=+/-]{1,100}$/;

/**
 * Levels 3 and 4 in one request: the sub-issues of the second-level nodes that have some (GitHub counts them in
 * `subIssuesSummary`), attached to those nodes in place. Returns whether a request was sent.
 */
async function readDeeper(octokit: GithubOctokit, webBase: string, support: GraphqlSupport, roots: readonly GqlChild[]): Promise<boolean> {
  const second = roots.flatMap((r) => (r.subIssues?.nodes ?? []).filter((n): n is GqlChild => !!n));
  const room = MAX_CHILDREN - roots.length - second.length;
  const parents = second.filter((n) => whole(n.subIssuesSummary?.total) > 0 && typeof n.id === 'string' && NODE_ID.test(n.id)).slice(0, DEEPER_IDS);
  if (room <= 0 || parents.length === 0) return false;
  const ids = [...new Set(parents.map((n) => n.id!))];
  const { answer } = await postSupported(octokit, webBase, support, () => ({ query: deeperQuery(ids, support) }));
  // Refused: those levels stay counted as not read, the levels read are still worth showing.
  const found = (answer.data as { nodes?: unknown } | null | undefined)?.nodes;
  if (!Array.isArray(found)) return true;
  const byId = new Map<string, SubIssues>();
  for (const n of found as (GqlChild | null)[]) if (n && typeof n.id === 'string' && ids.includes(n.id) && n.subIssues) byId.set(n.id, n.subIssues);
  for (const n of parents) {
    const subs = byId.get(n.id!);
    if (subs && (subs.nodes == null || Array.isArray(subs.nodes))) n.subIssues = subs;
  }
  return true;
}

/** The children of a GitHub issue: its sub-issues, else the issues its task list links. */
export async function readGithubChildren(
  octokit: GithubOctokit,
  webBase: string,
  ref: IssueRef,
  support: ChildrenSupport,
  fieldsOf: (owner: string) => Promise<FieldNames> = async () => NO_FIELD_NAMES,
): Promise<ChildrenRead> {
  let requests = 0;
  const roots: GqlChild[] = [];
  let after: string | null = null;
  let total = 0;
  let parent: (GqlIssue & { subIssues?: SubIssues | null }) | undefined;
  let hasNext = false;
  do {
    let answer;
    for (;;) {
      requests += 1;
      ({ answer } = await postSupported(octokit, webBase, support, () => ({ query: subIssuesQuery(ref, support, after) })));
      if (!answer.data && support.subIssues !== false && refused(answer.errors, /subIssues/)) {
        support.subIssues = false; // an older GitHub Enterprise Server: task lists only
        continue;
      }
      break;
    }
    const issue = (answer.data as { repository?: { issue?: (GqlIssue & { subIssues?: SubIssues | null }) | null } | null } | null)?.repository?.issue;
    if (!issue) {
      const why = answer.errors?.[0]?.message ?? 'no data';
      throw new ForgeError(answer.errors?.some((e) => e.type === 'NOT_FOUND') ? 'not-found' : 'forge', `GitHub could not read ${ref.path}#${ref.iid}: ${why}.`);
    }
    parent ??= issue;
    const page = issue.subIssues;
    total = whole(page?.totalCount);
    for (const node of page?.nodes ?? []) if (node && roots.length < MAX_CHILDREN) roots.push(node);
    hasNext = !!page?.pageInfo?.hasNextPage && !!page.pageInfo.endCursor;
    after = page?.pageInfo?.endCursor ?? null;
  } while (hasNext && requests < MAX_PAGES && roots.length < MAX_CHILDREN);

  const parentOwner = ownerOf(ref.path);
  if (total > 0) {
    if (requests < MAX_PAGES && (await readDeeper(octokit, webBase, support, roots))) requests += 1;
    const paths = [...allNodes(roots)].flatMap((n) => pathOf(n) ?? []);
    const names = await fieldNamesOf([parentOwner, ...paths.map(ownerOf)], fieldsOf);
    const { children, direct, dropped } = childrenOf(webBase, roots, names);
    const deeper = children.reduce((n, c) => n + c.unreadChildren, 0);
    // Every page read and still fewer than the total: the others are sub-issues the token cannot see (GitHub leaves
    // them out of the nodes and counts them); otherwise they are pages not read.
    const missing = Math.max(0, total - direct);
    const unreadable = hasNext ? 0 : missing;
    const leftOut = Math.min(1_000_000, missing - unreadable + deeper + dropped);
    return { source: 'sub-issues', parent: { weight: weightOf(parent, ref, names(parentOwner)) }, children, unreadable: { count: unreadable, names: [] }, leftOut, requests };
  }
  return readTaskList(octokit, webBase, ref, support, parent, requests, fieldsOf);
}

async function readTaskList(
  octokit: GithubOctokit,
  webBase: string,
  ref: IssueRef,
  support: GraphqlSupport,
  parent: GqlIssue | undefined,
  requests: number,
  fieldsOf: (owner: string) => Promise<FieldNames>,
): Promise<ChildrenRead> {
  const host = new URL(webBase).host;
  const { links, more } = taskLinks(parent?.body ?? '', ref.path, host, LINKS_PER_QUERY * (MAX_PAGES - requests));
  const batches: (typeof links)[] = [];
  for (let at = 0; at < links.length; at += LINKS_PER_QUERY) batches.push(links.slice(at, at + LINKS_PER_QUERY));
  // The owners are known from the links: their field names are read while the issues are.
  const [names, ...answers] = await Promise.all([
    fieldNamesOf([ownerOf(ref.path), ...links.map((l) => ownerOf(l.path))], fieldsOf),
    ...batches.map((batch) => postSupported(octokit, webBase, support, () => linkedIssuesQuery(batch, support))),
  ]);
  const children: PlanChild[] = [];
  const unreadable: string[] = [];
  let pullRequests = 0;
  for (const { q, answer } of answers) {
    requests += 1;
    if (!answer.data) throw new ForgeError('forge', `GitHub refused the query: ${answer.errors?.[0]?.message ?? 'no data'}.`);
    const data = answer.data as Record<string, Record<string, GqlChild | null> | null>;
    for (const { alias, link } of q.slots) {
      const [repo, issue] = alias.split('.') as [string, string];
      const node = data[repo]?.[issue];
      if (node?.__typename === 'PullRequest') {
        pullRequests += 1;
        continue;
      }
      const child = node?.__typename === 'Issue' ? toChild(webBase, { ...node, repository: node.repository ?? { nameWithOwner: link.path } }, 1, null, names) : null;
      if (child) children.push(child);
      else unreadable.push(`${link.path}#${link.number}`);
    }
  }
  return {
    source: 'task-list',
    parent: { weight: weightOf(parent, ref, names(ownerOf(ref.path))) },
    children,
    unreadable: { count: unreadable.length, names: unreadable.slice(0, 100) },
    leftOut: more,
    requests,
    ...(pullRequests > 0 ? { pullRequests } : {}),
  };
}
