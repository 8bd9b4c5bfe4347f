// Sub-issues on GitHub through the adapter, against the sandbox: created once, linked, and what a failed link leaves.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import type { IssueRef } from '../model';
import { createGithubForge } from './adapter';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const parent: () => IssueRef = () => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path: 'acme/widgets', iid: 5, kind: 'issue' });
const forge = () => createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' }, { retryBaseMs: 5 });
const posts = () => sb.requests.filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.status}`);

describe('createSubIssue', () => {
  it('creates the issue in the repository and adds it under the parent', async () => {
    const out = await forge().createSubIssue(parent(), { title: '  Part one ', body: 'Part of #5.' });
    expect(out).toMatchObject({ linked: true, problem: null, issue: { title: 'Part one', description: 'Part of #5.' } });
    const widgets = sb.github.state.repos.find((r) => r.name === 'widgets')!;
    const created = widgets.issues.find((i) => i.number === out.issue.ref.iid)!;
    expect(widgets.issues.find((i) => i.number === 5)!.subIssueIds).toEqual([created.id]);
    expect(posts()).toEqual(['/api/v3/repos/acme/widgets/issues 201', '/api/v3/repos/acme/widgets/issues/5/sub_issues 201']);
  });

  it('never retries the creation: a 502 is an error after one request', async () => {
    sb.faults.add({ forge: 'github', method: 'POST', path: /\/issues$/, status: 502, times: 1 });
    await expect(forge().createSubIssue(parent(), { title: 'Part', body: '' })).rejects.toMatchObject({ kind: 'forge' });
    expect(posts()).toEqual(['/api/v3/repos/acme/widgets/issues 502']);
  });

  it('a GitHub without sub-issues (404 on the link) keeps the created issue and says so', async () => {
    sb.faults.add({ forge: 'github', method: 'POST', path: /sub_issues$/, status: 404, body: { message: 'Not Found' } });
    const out = await forge().createSubIssue(parent(), { title: 'Part', body: 'Part of #5.' });
    expect(out.linked).toBe(false);
    expect(out.problem).toBe(`#${out.issue.ref.iid} was created but not added as a sub-issue: this GitHub has no sub-issues`);
  });
});
