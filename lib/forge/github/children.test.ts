// A GitHub parent's children through the adapter, against the sandbox: sub-issues two levels deep (four with one more
// request) and a tracking issue's task list, each in one GraphQL request per page, never one per child.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import type { GhIssue, GhRepo } from '../../../test/sandbox/github/model';
import type { IssueRef } from '../model';
import { childrenRead } from '../children-model';
import { createGithubForge } from './adapter';
import { readGithubChildren } from './children';
import type { GithubOctokit } from './client';
import { linkedIssuesQuery, subIssuesQuery } from './children-queries';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const ref = (iid: number, path = 'acme/plans'): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token = 'sandbox-github-token') => createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token }, { retryBaseMs: 5 });
const graphqlPosts = () => sb.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/graphql'));
const repo = (name: string) => sb.github.state.repos.find((r) => r.name === name)!;
const issue = (r: GhRepo, n: number) => r.issues.find((i) => i.number === n)!;
/** New issues in acme/plans, copies of #4 reopened, numbered from `from`. */
const addIssues = (count: number, from: number, id: number): GhIssue[] => {
  const plans = repo('plans');
  const added = Array.from({ length: count }, (_, k) => ({ ...issue(plans, 4), state: 'open' as const, closedAt: null, id: id + k, number: from + k, subIssueIds: undefined }));
  plans.issues.push(...added);
  return added;
};

describe('listChildren on GitHub', () => {
  it('reads sub-issues and their sub-issues, labels and newest comments in one GraphQL request', async () => {
    const f = forge();
    await f.getIssue(ref(1)); // the panel has read the issue (and its organisation's fields) already
    sb.requests.length = 0;
    const read = await f.listChildren(ref(1));
    expect(read.source).toBe('sub-issues');
    expect(read.requests).toBe(1);
    expect(graphqlPosts()).toHaveLength(1);
    expect(sb.requests).toHaveLength(1);
    expect(read.children.map((c) => [c.reference, c.depth, c.under, c.state])).toEqual([
      ['acme/widgets#3', 1, null, 'opened'],
      ['acme/plans#2', 1, null, 'opened'],
      ['acme/plans#5', 2, 'acme/plans#2', 'opened'],
      ['acme/plans#3', 1, null, 'opened'],
      ['acme/plans#4', 1, null, 'closed'],
    ]);
    const three = read.children.find((c) => c.reference === 'acme/plans#3')!;
    expect(three.labels).toContain('health::at risk');
    expect(three.comments.map((c) => c.body.split('\n')[0])).toEqual(['Complete: 20%', 'Complete: 30%']);
    expect(three.comments[0]!.author).toBe('alice');
    const widgets3 = sb.github.state.repos.find((r) => r.name === 'widgets')!.comments.filter((c) => c.issueNumber === 3);
    expect(read.children[0]!.comments.map((c) => c.body)).toEqual(widgets3.slice(-5).map((c) => c.body));
    expect(read).toMatchObject({ leftOut: 0, unreadable: { count: 0, names: [] } });
  });

  it("a tracking issue's task list: one query for the parent, one aliasing every linked issue; unreadable ones named", async () => {
    const read = await forge().listChildren(ref(6));
    expect(read.source).toBe('task-list');
    expect(read.requests).toBe(2);
    expect(graphqlPosts()).toHaveLength(2);
    expect(read.children.map((c) => c.reference)).toEqual(['acme/plans#2', 'acme/plans#4', 'acme/widgets#3']);
    expect(read.unreadable).toEqual({ count: 1, names: ['acme/hidden#1'] });
    expect(read.pullRequests).toBeUndefined();
  });

  it('pull requests in the task list are not children: counted apart, not as unreadable; a missing issue still is', async () => {
    const tracking = issue(repo('plans'), 6);
    tracking.body = `${tracking.body}- [ ] acme/widgets#21\n- [x] acme/widgets#22\n- [ ] acme/plans#404\n`;
    const read = await forge().listChildren(ref(6));
    expect(read.children.map((c) => c.reference)).toEqual(['acme/plans#2', 'acme/plans#4', 'acme/widgets#3']);
    expect(read.pullRequests).toBe(2);
    expect(read.unreadable).toEqual({ count: 2, names: ['acme/plans#404', 'acme/hidden#1'] });
    expect(read.requests).toBe(2);
  });

  it("a child in another organisation is weighted from that organisation's fields", async () => {
    const roadmap = repo('roadmap');
    const two = issue(roadmap, 2); // northwind: Weight 3
    two.fieldValues = [...(two.fieldValues ?? []), { fieldId: 813, value: 2 }, { fieldId: 814, value: 1 }];
    issue(repo('plans'), 1).subIssueIds!.push(two.id);
    const read = await forge().listChildren(ref(1));
    expect(read.children.find((c) => c.reference === 'northwind/roadmap#2')).toMatchObject({ weight: 3, splitWeights: { backend: 2, frontend: 1 } });
    // Each organisation's fields are asked once (acme: none of them weights), next to the one GraphQL request.
    expect(sb.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /api/v3/orgs/acme/issue-fields', 'GET /api/v3/orgs/northwind/issue-fields', 'POST /api/graphql']);
  });

  it('a task list linking another organisation reads its fields too', async () => {
    const tracking = issue(repo('plans'), 6);
    tracking.body = '- [ ] northwind/roadmap#2\n';
    const read = await forge().listChildren(ref(6));
    expect(read.children.map((c) => [c.reference, c.weight])).toEqual([['northwind/roadmap#2', 3]]);
  });

  it('levels 3 and 4 in one more request by node id; what lies below is counted as left out', async () => {
    const [three, four, five] = addIssues(3, 200, 9_500_000);
    issue(repo('plans'), 5).subIssueIds = [three!.id]; // #1 > #2 > #5 > #200 > #201 > #202
    three!.subIssueIds = [four!.id];
    four!.subIssueIds = [five!.id];
    const read = await forge().listChildren(ref(1));
    expect(read.requests).toBe(2);
    expect(graphqlPosts().map((r) => /query (\w+)/.exec(JSON.stringify(r.body))![1])).toEqual(['RefineryChildren', 'RefineryChildrenDeeper']);
    expect(read.children.map((c) => [c.reference, c.depth, c.under])).toEqual([
      ['acme/widgets#3', 1, null],
      ['acme/plans#2', 1, null],
      ['acme/plans#5', 2, 'acme/plans#2'],
      ['acme/plans#200', 3, 'acme/plans#5'],
      ['acme/plans#201', 4, 'acme/plans#200'],
      ['acme/plans#3', 1, null],
      ['acme/plans#4', 1, null],
    ]);
    expect(read.children.find((c) => c.reference === 'acme/plans#5')!.unreadChildren).toBe(0);
    expect(read.children.find((c) => c.reference === 'acme/plans#201')!.unreadChildren).toBe(1);
    expect(read.leftOut).toBe(1);
  });

  it('a sub-issue blocked by an open issue says so; a server without dependencies is asked once without them', async () => {
    const plans = repo('plans');
    const parent = issue(plans, 1);
    const holder = sb.github.state.repos.find((r) => r.issues.some((i) => i.id === parent.subIssueIds![0]))!;
    const blocked = holder.issues.find((i) => i.id === parent.subIssueIds![0])!;
    const blocker = addIssues(1, 900, 9_900_000)[0]!;
    const closedBlocker = { ...addIssues(1, 901, 9_900_001)[0]!, state: 'closed' as const };
    plans.issues[plans.issues.length - 1] = closedBlocker;
    holder.dependencies.push({ issueNumber: blocked.number, blockingId: blocker.id }, { issueNumber: blocked.number, blockingId: closedBlocker.id });
    const f = forge();
    const read = await f.listChildren(ref(1));
    const mine = read.children.find((c) => c.ref.iid === blocked.number && c.ref.path === `${holder.owner}/${holder.name}`)!;
    expect(mine.blockedBy).toBe(1); // the closed blocker no longer blocks
    expect(read.children.filter((c) => c !== mine && c.blockedBy !== undefined).every((c) => c.blockedBy === 0)).toBe(true);
    sb.github.state.issueDependencies = false;
    const older = forge();
    sb.requests.length = 0;
    const without = await older.listChildren(ref(1));
    expect(without.children.every((c) => c.blockedBy === undefined)).toBe(true);
    expect(graphqlPosts()).toHaveLength(2);
    sb.requests.length = 0;
    await older.listChildren(ref(1));
    expect(graphqlPosts()).toHaveLength(1);
  });

  it('no further request without second-level sub-issues having their own', async () => {
    const read = await forge().listChildren(ref(1));
    expect(read.requests).toBe(1);
    expect(graphqlPosts()).toHaveLength(1);
  });

  it('300 children at most, first levels first: the rest are counted as left out', async () => {
    const top = addIssues(100, 1000, 9_600_000);
    const nested = addIssues(210, 2000, 9_700_000);
    issue(repo('plans'), 1).subIssueIds = top.map((i) => i.id);
    top.slice(0, 21).forEach((t, k) => (t.subIssueIds = nested.slice(k * 10, k * 10 + 10).map((i) => i.id)));
    nested[0]!.subIssueIds = [issue(repo('plans'), 3).id];
    const read = await forge().listChildren(ref(1));
    expect(read.children).toHaveLength(300);
    expect(read.children.filter((c) => c.depth === 1)).toHaveLength(100);
    // No room for a third level: no second request. Left out: 10 second-level children and #3 below the first.
    expect(read.requests).toBe(1);
    expect(read.leftOut).toBe(11);
    expect(read.unreadable.count).toBe(0);
  });

  it('sub-issues the token cannot see are counted as unreadable', async () => {
    const widgets = sb.github.state.repos.find((r) => r.name === 'widgets')!;
    widgets.permissions = { 101: 'admin' }; // erin loses acme/widgets
    sb.github.state.tokens['sandbox-erin'] = { userId: 105, kind: 'classic', scopes: ['repo'] };
    const read = await forge('sandbox-erin').listChildren(ref(1));
    expect(read.children.map((c) => c.reference)).not.toContain('acme/widgets#3');
    expect(read.unreadable.count).toBe(1);
  });

  it('pages of 100 sub-issues: 250 children cost 3 requests, the rest are left out', async () => {
    const plans = sb.github.state.repos.find((r) => r.name === 'plans')!;
    const parent = plans.issues.find((i) => i.number === 1)!;
    const template = plans.issues.find((i) => i.number === 4)!;
    const extra = Array.from({ length: 350 }, (_, k) => ({ ...template, id: 9_000_000 + k, number: 100 + k, subIssueIds: undefined }));
    plans.issues.push(...extra);
    parent.subIssueIds = extra.map((i) => i.id);
    const read = await forge().listChildren(ref(1));
    expect(read.requests).toBe(3);
    expect(graphqlPosts()).toHaveLength(3);
    expect(read.children).toHaveLength(300);
    expect(read.leftOut).toBe(50);
  });

  it('asks only names of GitHub\'s schema it knows', () => {
    const q = subIssuesQuery(ref(1), { issueType: true, issueFields: false }, null);
    expect(q).toContain('subIssues(first: 100)');
    expect(q).toContain('comments(last: 5)');
    expect(subIssuesQuery(ref(1), { issueType: false, issueFields: false, subIssues: false }, null)).not.toContain('subIssues');
    expect(linkedIssuesQuery([{ path: 'a/b', number: 2, checked: false }], { issueType: false, issueFields: false }).query).toContain('r0: repository(owner: "a", name: "b") {\ni2: issueOrPullRequest(number: 2)');
  });
});

describe('readGithubChildren on a hostile answer', () => {
  /** An issue node nesting `below` more levels of one sub-issue each. */
  const nest = (n: number, below: number): Record<string, unknown> => ({
    number: n,
    title: `#${n}`,
    state: 'OPEN',
    url: `https://github.com/acme/plans/issues/${n}`,
    updatedAt: '2026-12-01T00:00:00Z',
    repository: { nameWithOwner: 'acme/plans' },
    ...(below > 0 ? { subIssues: { totalCount: 1, nodes: [nest(n + 1, below - 1)] } } : {}),
  });

  it('reads four levels however deep the answer nests, and an issue listed twice once', async () => {
    const answer = { data: { repository: { issue: { number: 1, body: '', subIssues: { totalCount: 2, pageInfo: { hasNextPage: false }, nodes: [nest(10, 7), nest(10, 0)] } } } } };
    const octokit = { request: async () => ({ data: answer, headers: {} }) } as unknown as GithubOctokit;
    const read = await readGithubChildren(octokit, 'https://github.com', ref(1), { issueType: false, issueFields: false });
    expect(read.children.map((c) => [c.reference, c.depth])).toEqual([['acme/plans#10', 1], ['acme/plans#11', 2], ['acme/plans#12', 3], ['acme/plans#13', 4]]);
    expect(read.children.at(-1)!.unreadChildren).toBe(1);
    expect(read).toMatchObject({ leftOut: 1, unreadable: { count: 0 } });
    expect(read.requests).toBe(1); // the second level's nodes carry no id: nothing more to ask
    expect(childrenRead.safeParse(read).success).toBe(true);
  });
});
