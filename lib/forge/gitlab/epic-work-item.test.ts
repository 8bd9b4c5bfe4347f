// Epics as work items through the adapter, against the sandbox: the rolled-up weight GitLab computes from the child
// issues (read-only), and the health status on Ultimate through `workItemUpdate(healthStatusWidget)`, never REST.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { issue as issueSchema, type IssueRef } from '../model';
import { epicFieldsOf, EPIC_HEALTH, EPIC_READ } from './epic-work-item';
import { GitlabForge } from './gitlab-forge';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const epicRef = (iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sandbox.gitlab.url, container: 'group', path: 'acme/platform', iid, kind: 'epic' });
const forge = (token = 'sandbox-gitlab-token') => new GitlabForge({ baseUrl: sandbox.gitlab.url, token });
const platform = () => sandbox.gitlab.state.groups.find((g) => g.fullPath === 'acme/platform')!;
const epic = (iid: number) => sandbox.gitlab.state.epics.find((e) => e.groupId === platform().id && e.iid === iid)!;
const children = (iid: number) => sandbox.gitlab.state.issues.filter((i) => i.epicId === epic(iid).id);
const calls = () => sandbox.requests.map((r) => (r.path === '/api/graphql' ? `graphql ${/(query|mutation) (\w+)/.exec(JSON.stringify(r.body ?? ''))?.[2]}` : `${r.method} ${decodeURIComponent(r.path)}`));

describe('an epic as a work item', () => {
  it('has the weight GitLab rolls up from its child issues, read with the epic in one GraphQL query beside REST', async () => {
    const kids = children(2);
    expect(kids.length).toBeGreaterThan(0);
    const total = kids.reduce((n, i) => n + (i.weight ?? 0), 0);
    const closed = kids.filter((i) => i.state === 'closed').reduce((n, i) => n + (i.weight ?? 0), 0);
    const issue = await forge().getIssue(epicRef(2));
    expect(issueSchema.parse(issue)).toEqual(issue);
    expect(issue.rolledUpWeight).toEqual({ total, completed: closed });
    expect(total).toBeGreaterThan(0);
    expect(calls().sort()).toEqual(['GET /api/v4/groups/acme/platform/epics/2', 'graphql RefineryEpicWorkItem']);
  });

  it('Premium: no health status (the widget is Ultimate); Ultimate: set and cleared through the work item, read back', async () => {
    const f = forge();
    expect((await f.getCapabilities(epicRef(2))).healthStatus).toBe(false);
    await expect(f.setHealthStatus(epicRef(2), 'at_risk')).rejects.toMatchObject({ kind: 'invalid' });

    platform().tier = 'ultimate';
    const g = forge();
    expect((await g.getCapabilities(epicRef(2))).healthStatus).toBe(true);
    const set = await g.setHealthStatus(epicRef(2), 'at_risk');
    expect([set.healthStatus, epic(2).healthStatus]).toEqual(['at_risk', 'at_risk']);
    const mutation = sandbox.requests.find((r) => /mutation RefinerySetEpicHealth/.test(JSON.stringify(r.body ?? '')))!;
    expect((mutation.body as { variables: unknown }).variables).toEqual({ input: { id: `gid://gitlab/WorkItem/${epic(2).workItemId}`, healthStatusWidget: { healthStatus: 'atRisk' } } });
    expect((await g.setHealthStatus(epicRef(2), null)).healthStatus).toBeNull();
    // Never the deprecated Epics REST API for the new field, never a comment.
    expect(sandbox.requests.filter((r) => r.method !== 'GET' && r.path !== '/api/graphql')).toEqual([]);
  });

  it('a reporter may read the health status but not change it', async () => {
    platform().tier = 'ultimate';
    await expect(forge('sandbox-gitlab-reporter').setHealthStatus(epicRef(2), 'on_track')).rejects.toMatchObject({ kind: 'forbidden' });
    expect(epic(2).healthStatus ?? null).toBeNull();
  });

  it('a GitLab whose epics are not work items, or a failing GraphQL: the epic still shows from REST, without them', async () => {
    sandbox.gitlab.state.features.epicWorkItems = false;
    const issue = await forge().getIssue(epicRef(1));
    expect([issue.title, issue.rolledUpWeight]).toEqual(['Repository mirroring reliability', undefined]);
    sandbox.gitlab.state.features.epicWorkItems = true;
    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', status: 500, body: { message: '500 Internal Server Error' } });
    expect((await forge().getIssue(epicRef(1))).title).toBe('Repository mirroring reliability');
  });
});

describe('epicFieldsOf (hostile answers)', () => {
  it('keeps only whole non-negative weights and known health values', () => {
    expect(epicFieldsOf({ id: 'gid://gitlab/WorkItem/1', widgets: [{ rolledUpWeight: -3, rolledUpCompletedWeight: 1.5 }, { healthStatus: 'exploded' }] })).toEqual({
      workItemId: 'gid://gitlab/WorkItem/1',
      rolledUpWeight: null,
      health: { value: null },
    });
    expect(epicFieldsOf({ id: 7 })).toBeNull();
    expect(epicFieldsOf({ id: 'x', widgets: 'nope' })).toEqual({ workItemId: 'x', rolledUpWeight: null, health: null });
  });

  it('names only what GitLab’s GraphQL reference documents', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', 'gitlab', 'graphql-work-items.md'), 'utf8');
    const anchors = [
      'namespaceworkitemiid', 'workitemwidgetweightweight', 'workitemwidgetweightrolledupweight', 'workitemwidgetweightrolledupcompletedweight',
      'workitemwidgetweightwidgetdefinition', 'workitemwidgetdefinitionweighteditable', 'workitemwidgetdefinitionweightrollup',
      'workitemwidgethealthstatushealthstatus', 'mutationworkitemupdatehealthstatuswidget', 'workitemwidgethealthstatusinputhealthstatus',
    ];
    expect(anchors.filter((a) => !doc.includes(`<a id="${a}"></a>`))).toEqual([]);
    expect(EPIC_READ).toContain('... on WorkItemWidgetWeight { weight rolledUpWeight rolledUpCompletedWeight widgetDefinition { editable rollUp } }');
    expect(EPIC_HEALTH).toContain('workItemUpdate(input: $input)');
  });
});
