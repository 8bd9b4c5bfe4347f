// A GitLab list page's Status and custom fields: one GraphQL query per project beside the REST read, against the sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import type { IssueRef } from '../model';
import { GitlabForge } from './gitlab-forge';
import { listNativeQuery } from './list-native';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const ref = (path: string, iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sandbox.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const forge = () => new GitlabForge({ baseUrl: sandbox.gitlab.url, token: 'sandbox-gitlab-token' });
const graphql = () => sandbox.requests.filter((r) => r.path === '/api/graphql').map((r) => String((r.body as { query?: string }).query));
const requests = () => sandbox.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

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
    // The next page: the statuses only (the group's fields and statuses are known).
    await f.listIssuesByNumber([ref('globex/app', 2)]);
    expect(requests()).toHaveLength(4);
    const second = graphql()[1]!;
    expect([second.includes('customFields('), second.includes('allowedStatuses'), second.includes('WorkItemWidgetStatus')]).toEqual([false, false, true]);
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
