// Issue types through the GitHub adapter, against the sandbox.
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

const ref = (path: string, iid: number): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token = 'sandbox-github-token') => createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token }, { retryBaseMs: 5 });

describe('issue types', () => {
  it("lists the organisation's types; a personal repository has none", async () => {
    expect((await forge().listIssueTypes(ref('acme/widgets', 2))).map((t) => t.name)).toEqual(['Task', 'Bug', 'Feature']);
    expect(await forge().listIssueTypes(ref('alice/notes', 1))).toEqual([]);
  });

  it('sets a type and reads it back; a token without push access is refused', async () => {
    expect((await forge().setIssueType(ref('acme/widgets', 2), 'Feature')).type).toBe('feature');
    expect((await forge().setIssueType(ref('acme/widgets', 2), null)).type).toBe('issue');
    await expect(forge('sandbox-github-readonly').setIssueType(ref('acme/widgets', 2), 'Task')).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
