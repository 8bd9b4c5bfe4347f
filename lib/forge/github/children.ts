// A GitHub parent's children for the Plan section (issue 18), one GraphQL request per page, never one per child:
// - sub-issues: `issue.subIssues` (100 a page) with each sub-issue's own sub-issues (10 each) nested in the same query;
//   each with its labels, weight fields, state and its newest comments;
// - a tracking issue without sub-issues: the issues its description's task list links, read in one query aliasing each
//   (as bulk.ts reads a list page), so an issue the token cannot read comes back NOT_FOUND next to the others.
// At most MAX_PAGES requests; children beyond them are counted as left out.
import { CHILD_COMMENTS, MAX_CHILD_COMMENT, MAX_CHILDREN, type ChildrenRead, type PlanChild } from '../children-model';
import { ForgeError } from '../errors';
import { containerPathProblem, type IssueRef } from '../model';
import { taskLinks, type TaskLink } from '../../handbook/plan/task-list';
import { mapGqlIssue, NO_FIELD_NAMES, type FieldNames, type GqlError, type GqlIssue, type GraphqlSupport } from './bulk';
import { postSupported } from './bulk-reads';
import type { GithubOctokit } from './client';

/** Requests at most per read: 300 sub-issues, or the parent and 200 linked issues. */
export const MAX_PAGES = 3;
export const SUB_ISSUES_PAGE = 100;
export const NESTED_SUB_ISSUES = 10;
const LINKS_PER_QUERY = 100;

/** What children.ts learns this server lacks (GitHub Enterprise Server before sub-issues). */
export interface ChildrenSupport extends GraphqlSupport {
  subIssues?: boolean;
}

function childFields(support: GraphqlSupport): string {
  return [
    'number title state url closedAt updatedAt',
    'repository { nameWithOwner }',
    'labels(first: 50) { nodes { name } }',
    `comments(last: ${CHILD_COMMENTS}) { nodes { body createdAt author { login } } }`,
    ...(support.issueType ? ['issueType { name }'] : []),
    ...(support.issueFields ? ['issueFieldValues(first: 25) { nodes { ... on IssueFieldNumberValue { value field { ... on IssueFieldNumber { name } } } } }'] : []),
  ].join('\n');
}

const str = (s: string) => JSON.stringify(s);

/** The parent, its labels and fields, and a page of its sub-issues with theirs nested one level. */
export function subIssuesQuery(ref: IssueRef, support: ChildrenSupport, after: string | null): string {
  const [owner, name] = ref.path.split('/') as [string, string];
  const fields = childFields(support);
  const subs =
    support.subIssues === false
      ? ''
      : `subIssues(first: ${SUB_ISSUES_PAGE}${after ? `, after: ${str(after)}` : ''}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${fields}
        subIssues(first: ${NESTED_SUB_ISSUES}) { totalCount nodes { ${fields} subIssuesSummary { total } } }
      }
    }`;
  const parent = after ? '' : `body${support.issueFields ? ' issueFieldValues(first: 25) { nodes { ... on IssueFieldNumberValue { value field { ... on IssueFieldNumber { name } } } } }' : ''}`;
  return `query RefineryChildren {
  repository(owner: ${str(owner)}, name: ${str(name)}) {
    issue(number: ${ref.iid}) { number ${parent}
    ${subs}
    }
  }
}`;
}

export interface LinksQuery {
  query: string;
  slots: { alias: string; link: TaskLink }[];
}

/** One query aliasing each linked issue: `r0: repository(…) { i12: issue(number: 12) {…} }`. */
export function linkedIssuesQuery(links: readonly TaskLink[], support: GraphqlSupport): LinksQuery {
  const fields = childFields(support);
  const repos = new Map<string, TaskLink[]>();
  for (const l of links) repos.set(l.path.toLowerCase(), [...(repos.get(l.path.toLowerCase()) ?? []), l]);
  const slots: LinksQuery['slots'] = [];
  const parts = [...repos.values()].map((list, k) => {
    const [owner, name] = list[0]!.path.split('/') as [string, string];
    const issues = list.map((l) => {
      slots.push({ alias: `r${k}.i${l.number}`, link: l });
      return `i${l.number}: issue(number: ${l.number}) { ${fields} }`;
    });
    return `r${k}: repository(owner: ${str(owner)}, name: ${str(name)}) {\n${issues.join('\n')}\n}`;
  });
  return { query: `query RefineryTrackedIssues {\n${parts.join('\n')}\n}`, slots };
}

interface GqlChild extends Omit<GqlIssue, 'body' | 'assignees' | 'milestone'> {
  closedAt?: string | null;
  repository?: { nameWithOwner?: string } | null;
  comments?: { nodes?: ({ body?: string | null; createdAt?: string; author?: { login?: string } | null } | null)[] | null } | null;
  subIssues?: { totalCount?: number; nodes?: (GqlChild | null)[] | null } | null;
  subIssuesSummary?: { total?: number } | null;
}

function toChild(webBase: string, node: GqlChild, depth: number, under: string | null, fieldsOf: (owner: string) => FieldNames): PlanChild | null {
  const path = node.repository?.nameWithOwner;
  // A path the protocol would refuse (issueRef) is not a child we can name or link.
  if (!path || containerPathProblem('github', 'project', path) !== null || !Number.isSafeInteger(node.number) || node.number < 1) return null;
  const ref: IssueRef = { forge: 'github', baseUrl: webBase, container: 'project', path, iid: node.number, kind: 'issue' };
  const issue = mapGqlIssue(ref, { ...node, body: '', assignees: null, milestone: null }, fieldsOf(path.split('/')[0]!.toLowerCase()));
  const nested = node.subIssues?.nodes?.length ?? 0;
  const unread = node.subIssues ? Math.max(0, (node.subIssues.totalCount ?? 0) - nested) : (node.subIssuesSummary?.total ?? 0);
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
    comments: (node.comments?.nodes ?? []).flatMap((c) =>
      c && typeof c.createdAt === 'string' ? [{ body: (c.body ?? '').slice(0, MAX_CHILD_COMMENT), createdAt: c.createdAt.slice(0, 64), author: (c.author?.login ?? 'ghost').slice(0, 255) }] : [],
    ),
  };
}

/** The parent's weight field (GitHub issue field), null where it has none. */
function weightOf(node: GqlIssue | undefined, ref: IssueRef, fields: FieldNames): number | null {
  if (!node) return null;
  const issue = mapGqlIssue(ref, { ...node, body: node.body ?? '', title: '', state: 'OPEN', url: '', updatedAt: '', labels: null, assignees: null, milestone: null }, fields);
  return issue.weight; // labels: the panel reads the parent's own weight from the issue it shows, with the team's scopes
}

const refused = (errors: readonly GqlError[] | undefined, name: RegExp) =>
  (errors ?? []).some((e) => name.test(e.extensions?.fieldName ?? '') || name.test(e.message ?? ''));

/** The children of a GitHub issue: its sub-issues, else the issues its task list links. */
export async function readGithubChildren(
  octokit: GithubOctokit,
  webBase: string,
  ref: IssueRef,
  support: ChildrenSupport,
  fieldsOf: (owner: string) => FieldNames = () => NO_FIELD_NAMES,
): Promise<ChildrenRead> {
  let requests = 0;
  const children: PlanChild[] = [];
  let after: string | null = null;
  let total = 0;
  let body = '';
  let parentWeight: number | null = null;
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
    const issue = (answer.data as { repository?: { issue?: (GqlIssue & { subIssues?: { totalCount?: number; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; nodes?: (GqlChild | null)[] } }) | null } | null } | null)?.repository?.issue;
    if (!issue) {
      const why = answer.errors?.[0]?.message ?? 'no data';
      throw new ForgeError(answer.errors?.some((e) => e.type === 'NOT_FOUND') ? 'not-found' : 'forge', `GitHub could not read ${ref.path}#${ref.iid}: ${why}.`);
    }
    if (after === null) {
      body = issue.body ?? '';
      parentWeight = weightOf(issue, ref, fieldsOf(ref.path.split('/')[0]!.toLowerCase()));
    }
    const page = issue.subIssues;
    total = page?.totalCount ?? 0;
    for (const node of page?.nodes ?? []) {
      if (!node || children.length >= MAX_CHILDREN) continue;
      const child = toChild(webBase, node, 1, null, fieldsOf);
      if (!child) continue;
      children.push(child);
      for (const sub of node.subIssues?.nodes ?? []) {
        const grandchild = sub && children.length < MAX_CHILDREN ? toChild(webBase, sub, 2, child.reference, fieldsOf) : null;
        if (grandchild) children.push(grandchild);
      }
    }
    hasNext = !!page?.pageInfo?.hasNextPage && !!page.pageInfo.endCursor;
    after = page?.pageInfo?.endCursor ?? null;
  } while (hasNext && requests < MAX_PAGES && children.length < MAX_CHILDREN);

  if (total > 0) {
    const direct = children.filter((c) => c.depth === 1).length;
    const deeper = children.reduce((n, c) => n + c.unreadChildren, 0);
    // Every page read and still fewer than the total: the others are sub-issues the token cannot see (GitHub leaves
    // them out of the nodes and counts them); otherwise they are pages not read.
    const missing = Math.max(0, total - direct);
    const unreadable = hasNext ? 0 : missing;
    return { source: 'sub-issues', parent: { weight: parentWeight }, children, unreadable: { count: unreadable, names: [] }, leftOut: missing - unreadable + deeper, requests };
  }
  return readTaskList(octokit, webBase, ref, support, body, parentWeight, requests, fieldsOf);
}

async function readTaskList(
  octokit: GithubOctokit,
  webBase: string,
  ref: IssueRef,
  support: GraphqlSupport,
  body: string,
  parentWeight: number | null,
  requests: number,
  fieldsOf: (owner: string) => FieldNames,
): Promise<ChildrenRead> {
  const host = new URL(webBase).host;
  const { links, more } = taskLinks(body, ref.path, host, LINKS_PER_QUERY * (MAX_PAGES - requests));
  const children: PlanChild[] = [];
  const names: string[] = [];
  for (let at = 0; at < links.length; at += LINKS_PER_QUERY) {
    const batch = links.slice(at, at + LINKS_PER_QUERY);
    requests += 1;
    const { q, answer } = await postSupported(octokit, webBase, support, () => linkedIssuesQuery(batch, support));
    if (!answer.data) throw new ForgeError('forge', `GitHub refused the query: ${answer.errors?.[0]?.message ?? 'no data'}.`);
    const data = answer.data as Record<string, Record<string, GqlChild | null> | null>;
    for (const { alias, link } of q.slots) {
      const [repo, issue] = alias.split('.') as [string, string];
      const node = data[repo]?.[issue];
      const child = node ? toChild(webBase, { ...node, repository: node.repository ?? { nameWithOwner: link.path } }, 1, null, fieldsOf) : null;
      if (child) children.push(child);
      else names.push(`${link.path}#${link.number}`);
    }
  }
  return {
    source: 'task-list',
    parent: { weight: parentWeight },
    children,
    unreadable: { count: names.length, names: names.slice(0, 100) },
    leftOut: more,
    requests,
  };
}
