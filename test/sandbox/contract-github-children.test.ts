// The GitHub children reads (issue 18) are valid against GitHub's public GraphQL schema (@octokit/graphql-schema),
// except the extras the adapter drops where a server refuses them (issue types, organisation issue fields, issue
// dependencies' `blockedBy`: newer than that schema), and the sandbox answers them with the schema's shapes.
import { schema } from '@octokit/graphql-schema';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deeperQuery, linkedIssuesQuery, subIssuesQuery } from '../../lib/forge/github/children-queries';
import type { IssueRef } from '../../lib/forge/model';
import { startSandbox, type Sandbox } from './server';

let github: GraphQLSchema;
// The published SDL defines two enterprise fields twice; the rest is what GitHub serves.
const gh = () => (github ??= buildSchema(schema.idl, { assumeValidSDL: true }));
const errors = (query: string) => validate(gh(), parse(query)).map((e) => e.message);
const PLAIN = { issueType: false, issueFields: false, dependencies: false };
const ref: IssueRef = { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'acme/plans', iid: 1, kind: 'issue' };

describe("GitHub's GraphQL schema", () => {
  it('has every name the sub-issues and task-list queries use', () => {
    expect(errors(subIssuesQuery(ref, PLAIN, null))).toEqual([]);
    expect(errors(subIssuesQuery(ref, PLAIN, 'Y3Vyc29yOjEwMA=='))).toEqual([]);
    expect(errors(subIssuesQuery(ref, { ...PLAIN, subIssues: false }, null))).toEqual([]);
    expect(errors(linkedIssuesQuery([{ path: 'acme/plans', number: 2, checked: false }, { path: 'acme/widgets', number: 3, checked: true }], PLAIN).query)).toEqual([]);
    expect(errors(deeperQuery(['I_kwDOAbc', 'I_kwDOAbd'], PLAIN))).toEqual([]);
  });

  it('asks a task-list link as an issue or a pull request, and levels 3 and 4 by node id', () => {
    const links = linkedIssuesQuery([{ path: 'acme/widgets', number: 21, checked: false }], PLAIN).query;
    expect(links).toContain('issueOrPullRequest(number: 21) { __typename ... on Issue {');
    expect(links).toContain('... on PullRequest { number url pullRequestState: state }');
    const deeper = deeperQuery(['I_kwDOAbc'], PLAIN);
    expect(deeper).toContain('nodes(ids: ["I_kwDOAbc"])');
    expect(deeper).toMatch(/\.\.\. on Issue \{ id\s+subIssues\(first: 10\) \{ totalCount[\s\S]*subIssues\(first: 5\) \{ totalCount nodes \{[\s\S]*subIssuesSummary \{ total \}/);
  });

  it('the extras are exactly the ones the adapter drops when refused', () => {
    const ALL = { issueType: true, issueFields: true, dependencies: true };
    for (const query of [subIssuesQuery(ref, ALL, null), deeperQuery(['I_kwDOAbc'], ALL), linkedIssuesQuery([{ path: 'acme/plans', number: 2, checked: false }], ALL).query]) {
      const extra = errors(query);
      expect(new Set(extra.map((m) => /"(\w+)"/.exec(m)![1]))).toEqual(new Set(['issueType', 'issueFieldValues', 'IssueFieldNumberValue', 'IssueFieldNumber', 'blockedBy']));
    }
  });
});

describe('sandbox GitHub children', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('answers sub-issues with totalCount, pageInfo and nodes, and subIssuesSummary', async () => {
    const res = await fetch(`${sandbox.github.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'token sandbox-github-token' },
      body: JSON.stringify({ query: `${subIssuesQuery(ref, PLAIN, null).replace('number body', 'number body subIssuesSummary { total completed percentCompleted }')}` }),
    });
    const body = (await res.json()) as { data: { repository: { issue: { subIssuesSummary: unknown; subIssues: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: { number: number; comments: { nodes: unknown[] } }[] } } } } };
    const issue = body.data.repository.issue;
    expect(issue.subIssuesSummary).toEqual({ total: 4, completed: 1, percentCompleted: 25 });
    expect(issue.subIssues.totalCount).toBe(4);
    expect(issue.subIssues.pageInfo.hasNextPage).toBe(false);
    expect(issue.subIssues.nodes.map((n) => n.number)).toEqual([3, 2, 3, 4]);
    expect(errors(subIssuesQuery(ref, PLAIN, null).replace('number body', 'number body subIssuesSummary { total completed percentCompleted }'))).toEqual([]);
  });

  const ask = async (query: string) => {
    const res = await fetch(`${sandbox.github.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'token sandbox-github-token' },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: { type?: string; path?: unknown[]; message: string }[] };
  };

  it('answers issueOrPullRequest with an Issue, a PullRequest, or null and NOT_FOUND', async () => {
    const links = [2, 404].map((number) => ({ path: 'acme/plans', number, checked: false })).concat([{ path: 'acme/widgets', number: 21, checked: false }]);
    const body = await ask(linkedIssuesQuery(links, PLAIN).query);
    const plans = body.data!.r0 as Record<string, { __typename: string; number: number } | null>;
    const widgets = body.data!.r1 as Record<string, { __typename: string; number: number; url: string; pullRequestState: string }>;
    expect(plans.i2).toMatchObject({ __typename: 'Issue', number: 2, id: expect.any(String) });
    expect(plans.i404).toBeNull();
    expect(widgets.i21).toEqual({ __typename: 'PullRequest', number: 21, url: `${sandbox.github.url}/acme/widgets/pull/21`, pullRequestState: expect.stringMatching(/^(OPEN|CLOSED|MERGED)$/) });
    expect(body.errors).toEqual([{ type: 'NOT_FOUND', path: ['r0', 'i404'], message: 'Could not resolve to an issue or pull request with the number of 404.' }]);
  });

  it('answers nodes(ids:) with the sub-issues nested below each issue, null and NOT_FOUND for an unknown id', async () => {
    const plans = sandbox.github.state.repos.find((r) => r.name === 'plans')!;
    const five = plans.issues.find((i) => i.number === 5)!;
    five.subIssueIds = [plans.issues.find((i) => i.number === 6)!.id];
    plans.issues.find((i) => i.number === 6)!.subIssueIds = [plans.issues.find((i) => i.number === 3)!.id];
    const top = await ask(subIssuesQuery(ref, PLAIN, null));
    const two = (top.data!.repository as { issue: { subIssues: { nodes: { number: number; subIssues: { nodes: { id: string; subIssuesSummary: { total: number } }[] } }[] } } }).issue.subIssues.nodes.find((n) => n.number === 2)!;
    const fiveId = two.subIssues.nodes[0]!.id;
    expect(two.subIssues.nodes[0]!.subIssuesSummary.total).toBe(1);
    const body = await ask(deeperQuery([fiveId, 'MDU6SXNzdWUx'], PLAIN));
    const nodes = body.data!.nodes as ({ id: string; subIssues: { totalCount: number; nodes: { number: number; subIssues: { totalCount: number; nodes: { number: number; subIssuesSummary: { total: number } }[] } }[] } } | null)[];
    expect(nodes[0]!.id).toBe(fiveId);
    expect(nodes[0]!.subIssues.totalCount).toBe(1);
    expect(nodes[0]!.subIssues.nodes[0]!.number).toBe(6);
    expect(nodes[0]!.subIssues.nodes[0]!.subIssues.nodes.map((n) => [n.number, n.subIssuesSummary.total])).toEqual([[3, 0]]);
    expect(nodes[1]).toBeNull();
    expect(body.errors).toEqual([{ type: 'NOT_FOUND', path: ['nodes', 1], message: "Could not resolve to a node with the global id of 'MDU6SXNzdWUx'" }]);
  });
});
