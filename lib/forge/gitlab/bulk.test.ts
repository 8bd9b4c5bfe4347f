// The GitLab adapter's bulk reads against the sandbox: issues by number (one request per project, with one GraphQL query
// for Status and custom fields where the group has them) and capacity reads.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { ForgeError } from '../errors';
import type { IssueRef } from '../model';
import { batchesByProject, projectPathOf } from './bulk';
import { GitlabForge } from './gitlab-forge';
import { listNativeQuery } from './list-native';

const BACKEND = 'acme/platform/backend';
const FRONTEND = 'acme/platform/frontend';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const ref = (path: string, iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sandbox.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token = 'sandbox-gitlab-token') => new GitlabForge({ baseUrl: sandbox.gitlab.url, token });
const gets = () => sandbox.requests.filter((r) => r.method === 'GET').map((r) => decodeURIComponent(r.path));

describe('listIssuesByNumber', () => {
  it('reads the issues a page shows in one request, leaving out numbers that do not exist', async () => {
    const f = forge();
    const issues = await f.listIssuesByNumber([4, 5, 6, 8, 9999].map((n) => ref(BACKEND, n)));
    expect(gets()).toEqual([`/api/v4/projects/${BACKEND}/issues`]);
    const query = new URLSearchParams(sandbox.requests.find((r) => r.path.endsWith('/issues'))!.query);
    expect(query.getAll('iids[]')).toEqual(['4', '5', '6', '8', '9999']);
    expect(query.get('per_page')).toBe('100');
    expect(issues.map((i) => [i.ref.iid, i.weight])).toEqual(
      expect.arrayContaining([
        [4, null],
        [5, 5],
        [6, 3],
        [8, 2],
      ]),
    );
    expect(issues).toHaveLength(4);
    expect(issues.find((i) => i.ref.iid === 8)!.labels).toEqual(expect.arrayContaining(['workflow::in dev', 'workflow::in review']));
    // The tier came with the list: no further request to learn it.
    expect(await f.getCapabilities(ref(BACKEND, 4))).toMatchObject({ weight: true });
    expect(gets()).toHaveLength(1);
  });

  it('reads closed issues too (a list of closed issues gets its badges)', async () => {
    const issues = await forge().listIssuesByNumber([ref(BACKEND, 9)]);
    expect(issues.map((i) => i.state)).toEqual(['closed']);
  });

  it('sends one request per project on a group list, and keeps each issue’s own project', async () => {
    const issues = await forge().listIssuesByNumber([ref(BACKEND, 1), ref(FRONTEND, 1), ref(BACKEND, 2)]);
    expect(gets().sort()).toEqual([`/api/v4/projects/${BACKEND}/issues`, `/api/v4/projects/${FRONTEND}/issues`]);
    expect(issues.map((i) => `${i.ref.path}#${i.ref.iid}`).sort()).toEqual([`${BACKEND}#1`, `${BACKEND}#2`, `${FRONTEND}#1`]);
  });

  it('leaves out the issues of a project the token cannot see, and answers the others', async () => {
    const issues = await forge().listIssuesByNumber([ref('acme/secret', 1), ref(BACKEND, 2)]);
    expect(issues.map((i) => i.ref.iid)).toEqual([2]);
  });

  it('splits more than 100 issues of one project into requests of 100', async () => {
    const refs = Array.from({ length: 120 }, (_, k) => ref(BACKEND, 100 + k));
    const issues = await forge().listIssuesByNumber(refs);
    expect(issues).toHaveLength(120);
    expect(gets()).toHaveLength(2);
  });

  it('reports a rate limit with the time to retry', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/issues', status: 429, headers: { 'retry-after': '30' }, body: { message: 'Retry later' } });
    const e = await forge()
      .listIssuesByNumber([ref(BACKEND, 4)])
      .then(
        () => null,
        (x: unknown) => x,
      );
    expect(e).toBeInstanceOf(ForgeError);
    expect((e as ForgeError).kind).toBe('rate-limited');
    expect((e as ForgeError).retryAt).toBeGreaterThan(Date.now());
  });
});

describe('listAssignedIssues', () => {
  it('reads each person’s issues in the started milestones, one request each', async () => {
    const work = await forge().listAssignedIssues({ container: { kind: 'project', path: BACKEND }, usernames: ['alice', 'erin'], milestone: null });
    expect(gets()).toEqual([`/api/v4/projects/${BACKEND}/issues`, `/api/v4/projects/${BACKEND}/issues`]);
    const q = new URLSearchParams(sandbox.requests[0]!.query);
    expect(q.get('milestone_id')).toBe('Started');
    expect(q.getAll('assignee_username[]')).toEqual(['alice']);
    expect(q.get('state')).toBe('all');
    const alice = work.people.find((p) => p.username === 'alice')!;
    expect(alice.issues.map((i) => i.ref.iid).sort((a, b) => a - b)).toEqual([1, 2, 3, 6, 7]);
    expect(work.people.find((p) => p.username === 'erin')!.issues.map((i) => i.ref.iid).sort((a, b) => a - b)).toEqual([3, 8]);
    expect(work.milestones).toEqual(['18.11']);
    expect(alice.truncated).toBe(false);
  });

  it('reads across every project when no container is given, naming each issue’s project', async () => {
    const work = await forge().listAssignedIssues({ container: null, usernames: ['alice'], milestone: '18.11' });
    expect(gets()).toEqual(['/api/v4/issues']);
    const paths = new Set(work.people[0]!.issues.map((i) => i.ref.path));
    expect(paths).toEqual(new Set([BACKEND, FRONTEND]));
  });

  it("counts split weights from the group's custom fields: one GraphQL query per project, none where the group has none", async () => {
    const portal = (iid: number) => sandbox.gitlab.state.issues.find((i) => i.projectId === 1010 && i.iid === iid)!;
    const milestone = sandbox.gitlab.state.milestones.find((m) => m.title === '18.11')!.id;
    for (const iid of [1, 2]) Object.assign(portal(iid), { assigneeIds: [1], milestoneId: milestone });
    const f = forge();
    const work = await f.listAssignedIssues({ container: null, usernames: ['alice'], milestone: '18.11' });
    const issues = work.people[0]!.issues;
    // #2's backend 2 + frontend 3 are custom field values (no split labels); #1 has none set.
    expect(issues.filter((i) => i.ref.path === 'initech/portal').map((i) => [i.ref.iid, i.splitWeights]).sort()).toEqual([[1, { backend: null, frontend: null }], [2, { backend: 2, frontend: 3 }]]);
    expect(issues.filter((i) => i.ref.path === BACKEND).every((i) => i.splitWeights === undefined)).toBe(true);
    // One query per top-level group's first project (acme's two projects share the answer), then only initech's.
    const posts = () => sandbox.requests.filter((r) => r.path === '/api/graphql').length;
    const first = posts();
    await f.listAssignedIssues({ container: null, usernames: ['alice'], milestone: '18.11' });
    expect([new Set(issues.map((i) => i.ref.path)).size, first, posts() - first]).toEqual([3, 2, 1]);
  });

  it('keeps going when one person cannot be read, and stops at a rate limit', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/issues', status: 500, times: 1 });
    const work = await forge().listAssignedIssues({ container: { kind: 'project', path: BACKEND }, usernames: ['carol', 'alice'], milestone: null });
    expect(work.people[0]).toMatchObject({ username: 'carol', error: { kind: 'forge' } });
    expect(work.people[1]!.issues.length).toBeGreaterThan(0);

    sandbox.faults.add({ forge: 'gitlab', path: '/issues', status: 429, headers: { 'retry-after': '60' } });
    await expect(forge().listAssignedIssues({ container: null, usernames: ['alice', 'erin'], milestone: null })).rejects.toMatchObject({ kind: 'rate-limited' });
  });
});

describe('pure helpers', () => {
  it('groups refs per project (case-insensitively), once per number, 100 at most per group', () => {
    const many = Array.from({ length: 150 }, (_, k) => ref('g/p', k + 1));
    const batches = batchesByProject([...many, ref('G/P', 1), ref('g/q', 7)]);
    expect(batches.map((b) => [b.path, b.refs.length])).toEqual([
      ['g/p', 100],
      ['g/p', 50],
      ['g/q', 1],
    ]);
  });

  it('finds a listed issue’s project from its reference or its URL', () => {
    expect(projectPathOf({ iid: 3, web_url: 'x', references: { full: 'a/b/c#3' } }, 'https://h')).toBe('a/b/c');
    expect(projectPathOf({ iid: 3, web_url: 'https://h/root/a/b/-/issues/3' }, 'https://h/root')).toBe('a/b');
    expect(projectPathOf({ iid: 3, web_url: 'https://h/a/b/-/work_items/3' }, 'https://h')).toBe('a/b');
    expect(projectPathOf({ iid: 3, web_url: 'https://other/a/b/-/issues/3' }, 'https://h')).toBeNull();
  });
});

const graphql = () => sandbox.requests.filter((r) => r.path === '/api/graphql').map((r) => String((r.body as { query?: string }).query));
const requests = () => sandbox.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);
const byIid = <T extends { ref: { iid: number } }>(issues: T[]) => [...issues].sort((a, b) => a.ref.iid - b.ref.iid);

describe('listNativeQuery', () => {
  it('asks only what is asked', () => {
    const all = listNativeQuery({ groupFields: true, values: true, status: true, allowed: true });
    expect(all).toContain('group(fullPath: $group) { customFields(active: true, fieldType: NUMBER, first: 100)');
    expect(all).toContain('project(fullPath: $project) { workItems(iids: $iids, first: 100) { nodes { iid id widgets { ... on WorkItemWidgetStatus');
    expect(all).toContain('workItemType { widgetDefinitions { ... on WorkItemWidgetDefinitionStatus { type allowedStatuses');
    const status = listNativeQuery({ groupFields: false, values: false, status: true, allowed: false });
    expect([status.includes('$group'), status.includes('customField'), status.includes('allowedStatuses'), status.includes('WorkItemWidgetStatus')]).toEqual([false, false, false, true]);
  });
});

describe('list pages in a group with Status (globex)', () => {
  it("the first read asks what the group has with the page's statuses: issues carry their status, capabilities the statuses", async () => {
    const f = forge();
    const issues = await f.listIssuesByNumber([1, 2, 3, 4].map((n) => ref('globex/app', n)));
    expect(requests().sort()).toEqual(['GET /api/v4/projects/globex/app/issues', 'POST /api/graphql']);
    expect(issues.map((i) => [i.ref.iid, i.status?.name ?? null]).sort()).toEqual([[1, 'Refinement'], [2, 'In progress'], [3, null], [4, 'Done']]);
    const caps = await f.getCapabilities(ref('globex/app', 1));
    expect(caps.statuses?.map((s) => s.name)).toContain('In review');
    expect(requests()).toHaveLength(2); // capabilities from what the list read learnt
    // The next page: one GraphQL query for the issues and their statuses, no REST read (the project's tier is known).
    const again = await f.listIssuesByNumber([1, 2, 3, 4].map((n) => ref('globex/app', n)));
    expect(requests().slice(2)).toEqual(['POST /api/graphql']);
    const second = graphql()[1]!;
    expect([second.includes('customFields('), second.includes('allowedStatuses'), second.includes('WorkItemWidgetStatus'), second.includes('WorkItemWidgetLabels')]).toEqual([false, false, true, true]);
    // The same issues as the REST read made them.
    expect(byIid(again)).toEqual(byIid(issues));
  });

  it('the GraphQL-only read gives what REST gives: labels, weight, health status, assignees, milestone, state (acme made Status-ready)', async () => {
    // acme/platform/backend (Ultimate) has assignees, milestones, health statuses and closed issues: give acme statuses.
    const globex = sandbox.gitlab.state.groups.find((g) => g.fullPath === 'globex')!;
    sandbox.gitlab.state.groups.find((g) => g.fullPath === 'acme')!.statuses = globex.statuses!.map((x) => ({ ...x }));
    const f = forge();
    const refs = Array.from({ length: 40 }, (_, k) => ref(BACKEND, 100 + k));
    const rest = await f.listIssuesByNumber(refs);
    const gql = await f.listIssuesByNumber(refs);
    expect(requests().slice(2)).toEqual(['POST /api/graphql']);
    expect(rest.some((i) => i.assignees.length && i.milestone && i.healthStatus && i.state === 'closed')).toBe(false); // varied, not all at once
    expect([rest.some((i) => i.assignees.length), rest.some((i) => i.milestone), rest.some((i) => i.healthStatus), rest.some((i) => i.state === 'closed')]).toEqual([true, true, true, true]);
    expect(byIid(gql)).toEqual(byIid(rest));
  });

  it('a schema lacking a name of the GraphQL-only read: that page and the later ones are read by REST again', async () => {
    const f = forge();
    await f.listIssuesByNumber([ref('globex/app', 1)]);
    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', status: 200, body: { errors: [{ message: "Field 'milestone' doesn't exist on type 'WorkItemWidgetMilestone'", extensions: { code: 'undefinedField' } }] }, times: 1 });
    const [one] = await f.listIssuesByNumber([ref('globex/app', 1)]);
    expect(one!.status?.name).toBe('Refinement');
    await f.listIssuesByNumber([ref('globex/app', 2)]);
    // After the first read: the failed GraphQL-only query, then twice REST with the statuses beside it.
    expect(requests().slice(2).filter((r) => r.startsWith('GET'))).toEqual(['GET /api/v4/projects/globex/app/issues', 'GET /api/v4/projects/globex/app/issues']);
    expect(graphql().map((q) => q.includes('WorkItemWidgetLabels'))).toEqual([false, true, false, false]);
  });

  it('a schema without Status: the list read fails over to labels once, then asks no more', async () => {
    sandbox.gitlab.state.statusSchema.read = false;
    const f = forge();
    const issues = await f.listIssuesByNumber([1, 2].map((n) => ref('globex/app', n)));
    expect(issues.map((i) => i.status)).toEqual([undefined, undefined]);
    expect((await f.getCapabilities(ref('globex/app', 1))).statuses).toBeUndefined();
    await f.listIssuesByNumber([ref('globex/app', 2)]);
    // The second read asks only the custom fields, which the failed first one could not tell.
    expect(graphql().map((q) => q.includes('WorkItemWidgetStatus'))).toEqual([true, false]);
    await f.listIssuesByNumber([ref('globex/app', 2)]);
    expect(graphql()).toHaveLength(2);
  });

  it('a GraphQL failure leaves the badges on labels and asks again next time', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', status: 502, times: 1 });
    const f = forge();
    const [one] = await f.listIssuesByNumber([ref('globex/app', 1)]);
    expect([one!.title, one!.status]).toEqual(['Export invoices as CSV', undefined]);
    const [again] = await f.listIssuesByNumber([ref('globex/app', 1)]);
    expect(again!.status?.name).toBe('Refinement');
  });
});
