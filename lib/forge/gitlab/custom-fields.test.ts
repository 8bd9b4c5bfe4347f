// Split weights in a GitLab group's custom fields, against the sandbox: initech has "Backend weight" / "Frontend
// weight" number fields, acme none; an instance without custom fields falls back to labels.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { writeSplitWeight } from '../../background/writes';
import { DEFAULT_SETTINGS } from '../../handbook/settings';
import { ForgeError } from '../errors';
import { issue as issueSchema, type IssueRef } from '../model';
import { GitlabForge } from './gitlab-forge';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const ref = (path: string, iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sandbox.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token = 'sandbox-gitlab-token') => new GitlabForge({ baseUrl: sandbox.gitlab.url, token });
/** Whether the group has GitLab Status is asked alongside (status.test.ts counts that): left out here. */
const isStatusRead = (r: { body?: unknown }) => JSON.stringify(r.body ?? '').includes('RefineryWorkItemStatus');
const calls = () => sandbox.requests.filter((r) => !isStatusRead(r)).map((r) => (r.path === '/api/graphql' ? `graphql ${/(query|mutation) (\w+)/.exec(JSON.stringify(r.body ?? ''))?.[2]}` : `${r.method} ${decodeURIComponent(r.path)}`));
const portal = (iid: number) => sandbox.gitlab.state.issues.find((i) => i.projectId === 1010 && i.iid === iid)!;
const values = (iid: number) => sandbox.gitlab.state.customFieldValues.filter((v) => v.issueId === portal(iid).id).map((v) => [v.fieldId, v.value]);
const BOTH = { backend: 'Backend weight', frontend: 'Frontend weight' };

describe('a group with Backend/Frontend weight custom fields', () => {
  it('reads the values with the issue: two requests on a first view (Status asked in the same query), two on the next', async () => {
    const f = forge();
    const two = await f.getIssue(ref('initech/portal', 2));
    expect(issueSchema.parse(two)).toEqual(two);
    expect(two.splitWeights).toEqual({ backend: 2, frontend: 3 });
    // Both at once, in either order.
    expect(calls().sort()).toEqual(['GET /api/v4/projects/initech/portal/issues/2', 'graphql RefineryWorkItemNative']);
    expect((await f.getCapabilities(ref('initech/portal', 2))).splitWeightFields).toEqual(BOTH);
    expect((await f.getIssue(ref('initech/portal', 1))).splitWeights).toEqual({ backend: null, frontend: null });
    expect(calls().slice(2).sort()).toEqual(['GET /api/v4/projects/initech/portal/issues/1', 'graphql RefinerySplitValues']);
  });

  it('setSplitWeight writes the custom field with workItemUpdate, no label, and unsets it', async () => {
    const f = forge();
    const after = await f.setSplitWeight(ref('initech/portal', 1), 'backend', 3);
    expect(after.splitWeights).toEqual({ backend: 3, frontend: null });
    expect(values(1)).toEqual([[41, 3]]);
    const mutation = sandbox.requests.find((r) => JSON.stringify(r.body ?? '').includes('mutation RefinerySetSplitWeight'))!;
    expect((mutation.body as { variables: unknown }).variables).toEqual({
      input: { id: `gid://gitlab/WorkItem/${portal(1).id}`, customFieldsWidget: [{ customFieldId: 'gid://gitlab/Issuables::CustomField/41', numberValue: 3 }] },
    });
    expect(sandbox.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect(portal(1).labels.some((l) => l.includes('-weight::'))).toBe(false);
    expect((await f.setSplitWeight(ref('initech/portal', 1), 'backend', null)).splitWeights).toEqual({ backend: null, frontend: null });
    expect(values(1)).toEqual([]);
  });

  it('through the background write: the field, never a label', async () => {
    const r = await writeSplitWeight(forge(), ref('initech/portal', 2), 'frontend', 5, DEFAULT_SETTINGS);
    expect([r.via, r.issue.splitWeights]).toEqual(['field', { backend: 2, frontend: 5 }]);
  });

  it('a value GitLab did not keep (the field archived meanwhile) is an error, and the fields are asked again', async () => {
    const f = forge();
    await f.getCapabilities(ref('initech/portal', 1));
    sandbox.gitlab.state.customFields.find((x) => x.id === 41)!.active = false;
    const e = await f.setSplitWeight(ref('initech/portal', 1), 'backend', 2).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ForgeError);
    expect((e as ForgeError).message).toMatch(/did not keep the backend weight in the "Backend weight" custom field/);
    // The reload the message asks for reads the issue and the group's fields again.
    await f.getIssue(ref('initech/portal', 1));
    expect((await f.getCapabilities(ref('initech/portal', 1))).splitWeightFields).toEqual({ frontend: 'Frontend weight' });
  });

  it('a reporter may read the values but not write them', async () => {
    const e = await forge('sandbox-gitlab-reporter').setSplitWeight(ref('initech/portal', 1), 'backend', 2).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'forbidden' });
    expect(values(1)).toEqual([]);
  });
});

describe('groups and instances without them', () => {
  it('a group without such fields: labels; asked once, a revisit costs only the issue', async () => {
    const f = forge();
    expect((await f.getIssue(ref('acme/platform/backend', 3))).splitWeights).toBeUndefined();
    expect((await f.getCapabilities(ref('acme/platform/backend', 3))).splitWeightFields).toBeUndefined();
    await f.getIssue(ref('acme/platform/frontend', 4));
    expect(calls().slice(0, 2).sort()).toEqual(['GET /api/v4/projects/acme/platform/backend/issues/3', 'graphql RefineryWorkItemNative']);
    expect(calls().slice(2)).toEqual(['GET /api/v4/projects/acme/platform/frontend/issues/4']);
    await expect(f.setSplitWeight(ref('acme/platform/backend', 3), 'backend', 2)).rejects.toMatchObject({ kind: 'invalid' });
    const r = await writeSplitWeight(f, ref('acme/platform/backend', 4), 'backend', 2, DEFAULT_SETTINGS);
    expect([r.via, r.issue.labels.includes('backend-weight::2')]).toEqual(['label', true]);
  });

  it('a GitLab whose schema lacks custom fields: the view works, split weights are labels', async () => {
    sandbox.gitlab.state.features.customFields = false;
    const f = forge();
    const two = await f.getIssue(ref('initech/portal', 2));
    expect([two.title, two.splitWeights]).toEqual(['Keep saved carts across devices', undefined]);
    expect((await f.getCapabilities(ref('initech/portal', 2))).splitWeightFields).toBeUndefined();
    const r = await writeSplitWeight(f, ref('initech/portal', 2), 'frontend', 3, DEFAULT_SETTINGS);
    expect([r.via, r.issue.labels.includes('frontend-weight::3')]).toEqual(['label', true]);
    expect(values(2)).toEqual([[41, 2], [42, 3]]); // untouched
  });

  it('a GraphQL failure leaves the view working without the fields, and they are asked again next time', async () => {
    // The first view's one GraphQL question (Status and custom fields together on Premium) fails.
    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', status: 502, times: 1 });
    const f = forge();
    expect((await f.getIssue(ref('initech/portal', 2))).splitWeights).toBeUndefined();
    expect((await f.getIssue(ref('initech/portal', 2))).splitWeights).toEqual({ backend: 2, frontend: 3 });
  });
});

describe('list pages', () => {
  it("ask the group's fields with the page's values in one query beside the one REST read, then one query for the issues and values", async () => {
    const f = forge();
    const issues = await f.listIssuesByNumber([1, 2].map((n) => ref('initech/portal', n)));
    expect(issues.map((i) => [i.ref.iid, i.splitWeights]).sort()).toEqual([[1, { backend: null, frontend: null }], [2, { backend: 2, frontend: 3 }]]);
    expect(calls().filter((c) => c.startsWith('graphql'))).toEqual(['graphql RefineryListNative']);
    expect(JSON.stringify(sandbox.requests.find((r) => r.path === '/api/graphql')!.body)).toContain('customFields(active: true');
    const [two] = await f.listIssuesByNumber([ref('initech/portal', 2)]);
    expect(calls().slice(2)).toEqual(['graphql RefineryListNative']);
    expect([two!.title, two!.labels, two!.splitWeights]).toEqual(['Keep saved carts across devices', issues.find((i) => i.ref.iid === 2)!.labels, { backend: 2, frontend: 3 }]);
    // Initech has no statuses: the second query asks neither the group nor Status again, and reads the issues.
    const second = String((sandbox.requests.filter((r) => r.path === '/api/graphql').at(-1)!.body as { query: string }).query);
    expect([second.includes('customFields('), second.includes('WorkItemWidgetStatus'), second.includes('WorkItemWidgetLabels')]).toEqual([false, false, true]);
  });

  it('a group without the fields or Status costs one query once; a GraphQL failure leaves the badges on labels', async () => {
    const f = forge();
    await f.listIssuesByNumber([ref('acme/platform/backend', 3)]);
    await f.listIssuesByNumber([ref('acme/platform/backend', 4)]);
    expect(calls().filter((c) => c.startsWith('graphql'))).toEqual(['graphql RefineryListNative']);
    // The list's one GraphQL question (Status and custom fields together) fails.
    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', status: 502, times: 1 });
    const [two] = await forge().listIssuesByNumber([ref('initech/portal', 2)]);
    expect([two!.title, two!.splitWeights]).toEqual(['Keep saved carts across devices', undefined]);
  });
});
