// Split weights in a GitHub organisation's "Backend weight" / "Frontend weight" number issue fields, against the
// sandbox: northwind has them (ids 813, 814), acme and personal accounts do not.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { writeSplitWeight } from '../../background/writes';
import { DEFAULT_SETTINGS } from '../../handbook/settings';
import { ForgeError } from '../errors';
import { issue as issueSchema, type IssueRef } from '../model';
import { createGithubForge } from './adapter';
import { chooseIssueFields } from './issue-fields';

describe('chooseIssueFields: split weights', () => {
  it('takes number fields named Backend weight / Frontend weight, case-insensitively, and nothing else', () => {
    const fields = [
      { id: 1, name: ' backend WEIGHT ', data_type: 'number' },
      { id: 2, name: 'Frontend weight', data_type: 'text' },
    ];
    expect(chooseIssueFields(fields)).toEqual({ weight: null, backend: { id: 1, name: ' backend WEIGHT ' }, frontend: null });
  });
});

describe('GitHub adapter: split weights in issue fields (sandbox)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.reset());

  const ref = (path: string, iid: number): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path, iid, kind: 'issue' });
  const forge = () => createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' }, { retryBaseMs: 5 });
  const writes = () => sb.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/graphql')).map((r) => `${r.method} ${r.path}`);
  const issue = (n: number) => sb.github.state.repos.find((r) => r.name === 'roadmap')!.issues.find((i) => i.number === n)!;

  it('northwind: capabilities name both fields, the issue carries their values', async () => {
    const f = forge();
    issue(3).fieldValues = [{ fieldId: 813, value: 2 }];
    expect((await f.getCapabilities(ref('northwind/roadmap', 3))).splitWeightFields).toEqual({ backend: 'Backend weight', frontend: 'Frontend weight' });
    const three = await f.getIssue(ref('northwind/roadmap', 3));
    expect(issueSchema.parse(three)).toEqual(three);
    expect(three.splitWeights).toEqual({ backend: 2, frontend: null });
  });

  it('setSplitWeight POSTs one value, keeps the others, writes no label, and DELETEs to unset', async () => {
    const f = forge();
    expect((await f.setSplitWeight(ref('northwind/roadmap', 2), 'frontend', 5)).splitWeights).toEqual({ backend: null, frontend: 5 });
    expect(writes()).toEqual(['POST /api/v3/repos/northwind/roadmap/issues/2/issue-field-values']);
    expect(issue(2).fieldValues).toEqual(expect.arrayContaining([{ fieldId: 814, value: 5 }, { fieldId: 812, value: 3 }, { fieldId: 811, value: 'Medium' }]));
    expect(issue(2).fieldValues).toHaveLength(3);
    expect(issue(2).labels.some((l) => l.includes('-weight::'))).toBe(false);
    expect((await f.setSplitWeight(ref('northwind/roadmap', 2), 'frontend', null)).splitWeights).toEqual({ backend: null, frontend: null });
    expect(writes().at(-1)).toBe('DELETE /api/v3/repos/northwind/roadmap/issues/2/issue-field-values/814');
    expect(issue(2).fieldValues).toEqual([{ fieldId: 812, value: 3 }, { fieldId: 811, value: 'Medium' }]);
  });

  it('a value GitHub dropped silently is an error; the fields are read again next time', async () => {
    const f = forge();
    await f.getCapabilities(ref('northwind/roadmap', 1));
    const org = sb.github.state.orgs.find((o) => o.login === 'northwind')!;
    org.issueFields = org.issueFields.filter((x) => x.name !== 'Backend weight');
    const e = await f.setSplitWeight(ref('northwind/roadmap', 1), 'backend', 3).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ForgeError);
    expect((e as ForgeError).message).toMatch(/did not keep the backend weight in the "Backend weight" issue field/);
    expect((await f.getCapabilities(ref('northwind/roadmap', 1))).splitWeightFields).toEqual({ frontend: 'Frontend weight' });
  });

  it('the background write uses the field in northwind and a label elsewhere', async () => {
    const f = forge();
    const field = await writeSplitWeight(f, ref('northwind/roadmap', 1), 'backend', 2, DEFAULT_SETTINGS);
    expect([field.via, field.issue.splitWeights?.backend, field.issue.labels.includes('backend-weight::2')]).toEqual(['field', 2, false]);
    const label = await writeSplitWeight(f, ref('alice/notes', 1), 'backend', 2, DEFAULT_SETTINGS);
    expect([label.via, label.issue.splitWeights, label.issue.labels.includes('backend-weight::2')]).toEqual(['label', undefined, true]);
    await expect(f.setSplitWeight(ref('acme/widgets', 1), 'backend', 2)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('list pages read the split fields in the same GraphQL request', async () => {
    issue(3).fieldValues = [{ fieldId: 813, value: 2 }, { fieldId: 814, value: 3 }];
    const issues = await forge().listIssuesByNumber([2, 3].map((n) => ref('northwind/roadmap', n)));
    expect(issues.map((i) => [i.ref.iid, i.splitWeights])).toEqual([[2, { backend: null, frontend: null }], [3, { backend: 2, frontend: 3 }]]);
    expect(sb.requests.filter((r) => r.path.endsWith('/graphql'))).toHaveLength(1);
  });
});
