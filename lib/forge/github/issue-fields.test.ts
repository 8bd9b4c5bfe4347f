// The weight in an organisation's number issue field: which field, how it reads, and the adapter writing it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { ForgeError } from '../errors';
import type { IssueRef } from '../model';
import { createGithubForge } from './adapter';
import { chooseIssueFields, fieldWeight } from './issue-fields';

describe('chooseIssueFields', () => {
  const effort = { id: 1, name: 'Effort', data_type: 'single_select' };
  it("never takes GitHub's default single-select Effort for a weight", () => {
    expect(chooseIssueFields([effort]).weight).toBeNull();
  });
  it('takes the first number field named like a weight, in the order Weight, Estimate, Effort, Story points', () => {
    const fields = [effort, { id: 2, name: 'story points', data_type: 'number' }, { id: 3, name: ' Estimate ', data_type: 'number' }];
    expect(chooseIssueFields(fields).weight).toEqual({ id: 3, name: ' Estimate ' });
    expect(chooseIssueFields([...fields, { id: 4, name: 'WEIGHT', data_type: 'number' }]).weight?.id).toBe(4);
    expect(chooseIssueFields([{ id: 5, name: 'Weight', data_type: 'text' }]).weight).toBeNull();
  });
});

describe('fieldWeight', () => {
  it('reads whole numbers ≥ 0 and treats anything else as unset', () => {
    const v = (value: unknown) => fieldWeight([{ issue_field_id: 7, value: value as number }], 7);
    expect([v(3), v(0), v('5'), v(2.5), v(-1), v('3 points'), v(null), v(1e12)]).toEqual([3, 0, 5, null, null, null, null, null]);
    expect(fieldWeight(undefined, 7)).toBeNull();
    expect(fieldWeight([{ issue_field_id: 8, value: 3 }], 7)).toBeNull();
  });
});

describe('GitHub adapter with issue fields (sandbox)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.reset());

  const ref = (path: string, iid: number): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path, iid, kind: 'issue' });
  const forge = () => createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' }, { retryBaseMs: 5 });
  const writes = () => sb.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/graphql')).map((r) => `${r.method} ${r.path}`);
  const roadmap = () => sb.github.state.repos.find((r) => r.name === 'roadmap')!;

  it('an organisation with a Weight number field: weight read from it, capabilities name it', async () => {
    const f = forge();
    expect(await f.getCapabilities(ref('northwind/roadmap', 2))).toMatchObject({ weight: true, weightField: 'Weight' });
    expect((await f.getIssue(ref('northwind/roadmap', 2))).weight).toBe(3);
    // #4 still has an old weight::5 label: the field (2) is what counts.
    const four = await f.getIssue(ref('northwind/roadmap', 4));
    expect([four.weight, four.labels.includes('weight::5')]).toEqual([2, true]);
  });

  it("the team's names decide: another number field, or none (labels) when no name matches a number field", async () => {
    const f = forge();
    expect((await f.getCapabilities(ref('northwind/roadmap', 2))).weightField).toBe('Weight');
    f.useFieldNames({ weight: ['Story points', 'frontend WEIGHT'] });
    expect(await f.getCapabilities(ref('northwind/roadmap', 2))).toMatchObject({ weight: true, weightField: 'Frontend weight' });
    f.useFieldNames({ weight: ['Target date'] }); // a date field is not a weight
    expect((await f.getCapabilities(ref('northwind/roadmap', 2))).weight).toBe(false);
    f.useFieldNames({ weight: [] });
    expect((await f.getIssue(ref('northwind/roadmap', 2))).weight).toBeNull();
  });

  it('an organisation with only the Effort single-select, and a personal repository: no weight field', async () => {
    const f = forge();
    expect((await f.getCapabilities(ref('acme/widgets', 2))).weight).toBe(false);
    expect(await f.getCapabilities(ref('alice/notes', 1))).toEqual({ weight: false, healthStatus: false, scopedLabels: false, epics: false });
    await expect(f.setWeight(ref('alice/notes', 1), 2)).rejects.toMatchObject({ kind: 'invalid' });
    expect(writes()).toEqual([]);
  });

  it('setWeight writes the field with POST (other fields kept), no label, and unsets with DELETE', async () => {
    const f = forge();
    expect((await f.setWeight(ref('northwind/roadmap', 2), 5)).weight).toBe(5);
    expect(writes()).toEqual(['POST /api/v3/repos/northwind/roadmap/issues/2/issue-field-values']);
    const two = roadmap().issues.find((i) => i.number === 2)!;
    expect(two.fieldValues).toEqual([{ fieldId: 812, value: 5 }, { fieldId: 811, value: 'Medium' }]);
    expect(two.labels.some((l) => l.startsWith('weight::'))).toBe(false);
    expect((await f.setWeight(ref('northwind/roadmap', 2), null)).weight).toBeNull();
    expect(writes().at(-1)).toBe('DELETE /api/v3/repos/northwind/roadmap/issues/2/issue-field-values/812');
    expect(two.fieldValues).toEqual([{ fieldId: 811, value: 'Medium' }]);
  });

  it('a value GitHub dropped silently (the field went away) is an error, not a success', async () => {
    const f = forge();
    await f.getCapabilities(ref('northwind/roadmap', 1));
    const org = sb.github.state.orgs.find((o) => o.login === 'northwind')!;
    org.issueFields = org.issueFields.filter((x) => x.name !== 'Weight');
    const e = await f.setWeight(ref('northwind/roadmap', 1), 3).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ForgeError);
    expect((e as ForgeError).message).toMatch(/did not keep the weight in the "Weight" issue field/);
    // Asked again next time: now there is no weight field, labels take over.
    expect((await f.getCapabilities(ref('northwind/roadmap', 1))).weight).toBe(false);
  });

  it('list pages read the field values in the same GraphQL request', async () => {
    const f = forge();
    const issues = await f.listIssuesByNumber([1, 2, 4].map((n) => ref('northwind/roadmap', n)));
    expect(issues.map((i) => [i.ref.iid, i.weight])).toEqual([[1, null], [2, 3], [4, 2]]);
    expect(sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v3/orgs/northwind/issue-fields', 'POST /api/graphql']);
  });

  it('a server without issue fields in GraphQL is asked again without them, once', async () => {
    const refusal = { errors: [{ message: "Field 'issueFieldValues' doesn't exist on type 'Issue'", extensions: { code: 'undefinedField', typeName: 'Issue', fieldName: 'issueFieldValues' } }] };
    sb.faults.add({ forge: 'github', path: '/api/graphql', status: 200, body: refusal, times: 1 });
    const f = forge();
    expect((await f.listIssuesByNumber([ref('acme/widgets', 2)])).map((i) => i.ref.iid)).toEqual([2]);
    await f.listIssuesByNumber([ref('acme/widgets', 3)]);
    const queries = sb.requests.filter((r) => r.path === '/api/graphql');
    expect(queries).toHaveLength(3);
  });
});
