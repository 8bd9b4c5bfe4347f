// Moving a weight label into the field, one issue, against the sandbox forges through the real adapters.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import { createGithubForge } from '../forge/github';
import { GitlabForge } from '../forge/gitlab';
import type { IssueRef } from '../forge/model';
import { DEFAULT_SETTINGS } from '../handbook/settings';
import { withCache } from './cached-forge';
import { moveWeightLabel } from './weight-move';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const gitlab = () => withCache(new GitlabForge({ baseUrl: sb.gitlab.url, token: 'sandbox-gitlab-token' }));
const github = () => withCache(createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' }, { retryBaseMs: 5 }));
const backlog = (iid: number): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path: 'northwind/backlog', iid, kind: 'issue' });
const writes = () => sb.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('graphql')).map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

describe('moveWeightLabel', () => {
  it('GitLab Premium: sets the weight field, then removes the label; run again, nothing more is written', async () => {
    const project = sb.gitlab.state.projects.find((p) => p.fullPath === 'acme/platform/frontend')!;
    const issue = sb.gitlab.state.issues.find((i) => i.projectId === project.id && i.iid === 1)!;
    issue.labels.push('weight::3');
    const ref: IssueRef = { forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'project', path: 'acme/platform/frontend', iid: 1, kind: 'issue' };
    const f = gitlab();
    const out = await moveWeightLabel(f, ref, DEFAULT_SETTINGS);
    expect(out.move).toEqual({ kind: 'move', value: 3, labels: ['weight::3'] });
    expect([out.issue.weight, out.issue.labels.includes('weight::3')]).toEqual([3, false]);
    const count = writes().length;
    expect((await moveWeightLabel(f, ref, DEFAULT_SETTINGS)).move).toEqual({ kind: 'none' });
    expect(writes()).toHaveLength(count);
  });

  it('plans on the forge’s data, not the list’s copy: a field someone set meanwhile is not overwritten', async () => {
    const f = github();
    await f.getIssue(backlog(5)); // the list's copy: weight::1, no field value
    sb.github.state.repos.find((r) => r.name === 'backlog')!.issues.find((i) => i.number === 5)!.fieldValues = [{ fieldId: 812, value: 3 }];
    const out = await moveWeightLabel(f, backlog(5), DEFAULT_SETTINGS);
    expect(out.move).toEqual({ kind: 'skip', reason: 'the field holds 3 and the label says 1' });
    expect(writes()).toEqual([]);
  });

  it('a value the forge did not keep fails the move and keeps the label', async () => {
    const f = github();
    await f.getCapabilities(backlog(2));
    const org = sb.github.state.orgs.find((o) => o.login === 'northwind')!;
    org.issueFields = org.issueFields.filter((x) => x.name !== 'Weight'); // GitHub now drops the value silently
    await expect(moveWeightLabel(f, backlog(2), DEFAULT_SETTINGS)).rejects.toMatchObject({ kind: 'conflict' });
    expect(sb.github.state.repos.find((r) => r.name === 'backlog')!.issues.find((i) => i.number === 2)!.labels).toContain('weight::2');
    expect(writes()).toEqual(['POST /api/v3/repos/northwind/backlog/issues/2/issue-field-values']);
  });
});
