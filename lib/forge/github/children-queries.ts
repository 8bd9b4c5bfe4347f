// The GraphQL queries of a GitHub parent's children (children.ts): the parent's sub-issues two levels deep, the
// levels below those (by node id), and a tracking issue's task-list links. Only names of GitHub's schema
// (test/sandbox/contract-github-children.test.ts checks them against @octokit/graphql-schema).
import { CHILD_COMMENTS } from '../children-model';
import type { IssueRef } from '../model';
import type { TaskLink } from '../../handbook/plan/task-list';
import type { GraphqlSupport } from './bulk';

export const SUB_ISSUES_PAGE = 100;
export const NESTED_SUB_ISSUES = 10;
/**
 * The levels below the second, read by node id: at most 50 issues, 10 sub-issues each and 5 below each of those.
 * GitHub refuses a query whose connections could return more than 500,000 nodes; with labels (50), issue field values
 * (25) and comments (5) on each issue this is about 250,000.
 */
export const DEEPER_IDS = 50;
export const DEEPER_SUB_ISSUES = 10;
export const DEEPEST_SUB_ISSUES = 5;

/** What children.ts learns this server lacks (GitHub Enterprise Server before sub-issues). */
export interface ChildrenSupport extends GraphqlSupport {
  subIssues?: boolean;
}

export const BLOCKERS = 10;

function childFields(support: GraphqlSupport): string {
  return [
    'id number title state url closedAt updatedAt',
    'repository { nameWithOwner }',
    'labels(first: 50) { nodes { name } }',
    `comments(last: ${CHILD_COMMENTS}) { nodes { body createdAt author { login } } }`,
    ...(support.issueType ? ['issueType { name }'] : []),
    ...(support.issueFields ? ['issueFieldValues(first: 25) { nodes { ... on IssueFieldNumberValue { value field { ... on IssueFieldNumber { name } } } } }'] : []),
    // Open blockers among the first BLOCKERS (a child blocked by more is blocked all the same).
    ...(support.dependencies !== false ? [`blockedBy(first: ${BLOCKERS}) { totalCount nodes { state } }`] : []),
  ].join('\n');
}

const str = (s: string) => JSON.stringify(s);

/** Sub-issues `first` deep, with `then` sub-issues nested in each, and the count of those below them. */
const twoLevels = (fields: string, first: string, then: number) =>
  `subIssues(${first}) { totalCount pageInfo { hasNextPage endCursor }
      nodes { ${fields}
        subIssues(first: ${then}) { totalCount nodes { ${fields} subIssuesSummary { total } } }
      }
    }`;

/** The parent, its labels and fields, and a page of its sub-issues with theirs nested one level. */
export function subIssuesQuery(ref: IssueRef, support: ChildrenSupport, after: string | null): string {
  const [owner, name] = ref.path.split('/') as [string, string];
  const subs = support.subIssues === false ? '' : twoLevels(childFields(support), `first: ${SUB_ISSUES_PAGE}${after ? `, after: ${str(after)}` : ''}`, NESTED_SUB_ISSUES);
  const parent = after ? '' : `body${support.issueFields ? ' issueFieldValues(first: 25) { nodes { ... on IssueFieldNumberValue { value field { ... on IssueFieldNumber { name } } } } }' : ''}`;
  return `query RefineryChildren {
  repository(owner: ${str(owner)}, name: ${str(name)}) {
    issue(number: ${ref.iid}) { number ${parent}
    ${subs}
    }
  }
}`;
}

/** Levels 3 and 4: the sub-issues of second-level issues (by node id), with theirs nested, in one query. */
export function deeperQuery(ids: readonly string[], support: GraphqlSupport): string {
  return `query RefineryChildrenDeeper {
  nodes(ids: [${ids.map(str).join(', ')}]) {
    ... on Issue { id
    ${twoLevels(childFields(support), `first: ${DEEPER_SUB_ISSUES}`, DEEPEST_SUB_ISSUES)}
    }
  }
}`;
}

export interface LinksQuery {
  query: string;
  slots: { alias: string; link: TaskLink }[];
}

/**
 * One query aliasing each linked issue: `r0: repository(…) { i12: issueOrPullRequest(number: 12) {…} }`. A task list
 * links pull requests too; `issue(number:)` would answer NOT_FOUND for them, as for an issue the token cannot read.
 * A pull request's `state` is aliased: GraphQL refuses one name for two types (IssueState, PullRequestState).
 */
export function linkedIssuesQuery(links: readonly TaskLink[], support: GraphqlSupport): LinksQuery {
  const fields = childFields(support);
  const repos = new Map<string, TaskLink[]>();
  for (const l of links) repos.set(l.path.toLowerCase(), [...(repos.get(l.path.toLowerCase()) ?? []), l]);
  const slots: LinksQuery['slots'] = [];
  const parts = [...repos.values()].map((list, k) => {
    const [owner, name] = list[0]!.path.split('/') as [string, string];
    const issues = list.map((l) => {
      slots.push({ alias: `r${k}.i${l.number}`, link: l });
      return `i${l.number}: issueOrPullRequest(number: ${l.number}) { __typename ... on Issue { ${fields} } ... on PullRequest { number url pullRequestState: state } }`;
    });
    return `r${k}: repository(owner: ${str(owner)}, name: ${str(name)}) {\n${issues.join('\n')}\n}`;
  });
  return { query: `query RefineryTrackedIssues {\n${parts.join('\n')}\n}`, slots };
}
