// Moving a workflow label into GitLab Status, one issue, against the sandbox through the real adapter.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import { GitlabForge } from '../forge/gitlab';
import type { IssueRef } from '../forge/model';
import { DEFAULT_SETTINGS, mergeSettings } from '../handbook/settings';
import { withCache } from './cached-forge';
import { moveWorkflowLabel } from './status-move';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const gitlab = () => withCache(new GitlabForge({ baseUrl: sb.gitlab.url, token: 'sandbox-gitlab-token' }));
const ref = (iid: number, path = 'globex/app'): IssueRef => ({ forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const globex = (iid: number) => sb.gitlab.state.issues.find((i) => i.projectId === 1004 && i.iid === iid)!;
const writes = () =>
  sb.requests
    .filter((r) => r.method !== 'GET' && (r.path !== '/api/graphql' || /^\s*mutation/.test(String((r.body as { query?: string }).query))))
    .map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

describe('moveWorkflowLabel', () => {
  it('sets the mapped status, reads it back, then removes the label; run again, nothing more is written', async () => {
    globex(3).labels.push('workflow::in dev');
    const f = gitlab();
    const out = await moveWorkflowLabel(f, ref(3), DEFAULT_SETTINGS);
    expect(out.move).toMatchObject({ kind: 'move', status: { name: 'In progress' }, labels: ['workflow::in dev'] });
    expect(out.issue.status?.name).toBe('In progress');
    expect(out.issue.labels).not.toContain('workflow::in dev');
    expect([globex(3).statusId, globex(3).labels]).toEqual([2, ['type::feature']]);
    expect(writes()).toEqual(['POST /api/graphql', 'PUT /api/v4/projects/globex/app/issues/3']);
    expect((await moveWorkflowLabel(f, ref(3), DEFAULT_SETTINGS)).move).toEqual({ kind: 'none' });
    expect(writes()).toHaveLength(2);
  });

  it('while the team migrates (also write workflow labels) the label stays', async () => {
    globex(3).labels.push('workflow::in review');
    const out = await moveWorkflowLabel(gitlab(), ref(3), mergeSettings({ nativeStatus: { mapping: {}, alsoWriteLabels: true } }));
    expect(out.move).toMatchObject({ kind: 'move', labels: [] });
    expect([globex(3).statusId, globex(3).labels]).toEqual([13, ['type::feature', 'workflow::in review']]);
  });

  it('a status GitLab did not keep is an error and the label is kept', async () => {
    sb.gitlab.state.statusSchema.dropWrites = true;
    globex(3).labels.push('workflow::in dev');
    await expect(moveWorkflowLabel(gitlab(), ref(3), DEFAULT_SETTINGS)).rejects.toMatchObject({ kind: 'invalid' });
    expect(globex(3).labels).toContain('workflow::in dev');
    expect(writes()).toEqual(['POST /api/graphql']);
  });

  it('where the group has no statuses, the label is left alone (nothing written)', async () => {
    const out = await moveWorkflowLabel(gitlab(), ref(1, 'acme/platform/backend'), DEFAULT_SETTINGS);
    expect(out.move.kind === 'skip' || out.move.kind === 'none').toBe(true);
    expect(writes()).toEqual([]);
  });
});
