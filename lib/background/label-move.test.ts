// Moving labels into native fields, one issue, against the sandbox forges through the real adapters: weight labels into
// the weight field, workflow labels into GitLab Status.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import { createGithubForge } from '../forge/github';
import { GitlabForge } from '../forge/gitlab';
import type { IssueRef } from '../forge/model';
import { DEFAULT_SETTINGS, mergeSettings } from '../handbook/settings';
import { withCache } from './cached-forge';
import { moveWorkflowLabel } from './status-move';
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

const globexRef = (iid: number, path = 'globex/app'): IssueRef => ({ forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const globex = (iid: number) => sb.gitlab.state.issues.find((i) => i.projectId === 1004 && i.iid === iid)!;
/** Writes, GraphQL mutations included. */
const allWrites = () =>
  sb.requests
    .filter((r) => r.method !== 'GET' && (r.path !== '/api/graphql' || /^\s*mutation/.test(String((r.body as { query?: string }).query))))
    .map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

describe('moveWorkflowLabel', () => {
  it('sets the mapped status, reads it back, then removes the label; run again, nothing more is written', async () => {
    globex(3).labels.push('workflow::in dev');
    const f = gitlab();
    const out = await moveWorkflowLabel(f, globexRef(3), DEFAULT_SETTINGS);
    expect(out.move).toMatchObject({ kind: 'move', status: { name: 'In progress' }, labels: ['workflow::in dev'] });
    expect(out.issue.status?.name).toBe('In progress');
    expect(out.issue.labels).not.toContain('workflow::in dev');
    expect([globex(3).statusId, globex(3).labels]).toEqual([2, ['type::feature']]);
    expect(allWrites()).toEqual(['POST /api/graphql', 'PUT /api/v4/projects/globex/app/issues/3']);
    expect((await moveWorkflowLabel(f, globexRef(3), DEFAULT_SETTINGS)).move).toEqual({ kind: 'none' });
    expect(allWrites()).toHaveLength(2);
  });

  it('while the team migrates (also write workflow labels) the label stays', async () => {
    globex(3).labels.push('workflow::in review');
    const out = await moveWorkflowLabel(gitlab(), globexRef(3), mergeSettings({ nativeStatus: { mapping: {}, alsoWriteLabels: true } }));
    expect(out.move).toMatchObject({ kind: 'move', labels: [] });
    expect([globex(3).statusId, globex(3).labels]).toEqual([13, ['type::feature', 'workflow::in review']]);
  });

  it('a status GitLab did not keep is an error and the label is kept', async () => {
    sb.gitlab.state.statusSchema.dropWrites = true;
    globex(3).labels.push('workflow::in dev');
    await expect(moveWorkflowLabel(gitlab(), globexRef(3), DEFAULT_SETTINGS)).rejects.toMatchObject({ kind: 'invalid' });
    expect(globex(3).labels).toContain('workflow::in dev');
    expect(allWrites()).toEqual(['POST /api/graphql']);
  });

  it('where the group has no statuses, the label is left alone (nothing written)', async () => {
    const out = await moveWorkflowLabel(gitlab(), globexRef(1, 'acme/platform/backend'), DEFAULT_SETTINGS);
    expect(out.move.kind === 'skip' || out.move.kind === 'none').toBe(true);
    expect(allWrites()).toEqual([]);
  });
});
