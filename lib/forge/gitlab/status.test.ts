// GitLab Status through the adapter, against the sandbox: globex (Premium, statuses), acme (Status off), Free.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { ForgeError } from '../errors';
import { capabilities as capabilitiesSchema, issue as issueSchema, type IssueRef } from '../model';
import { GitlabForge } from './gitlab-forge';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const ref = (path: string, iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sandbox.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token = 'sandbox-gitlab-token') => new GitlabForge({ baseUrl: sandbox.gitlab.url, token });
/** The group's split-weight custom fields are asked alongside (custom-fields.test.ts counts those): left out here. */
const isSplitRead = (r: { body?: unknown }) => JSON.stringify(r.body ?? '').includes('query RefinerySplit');
const calls = () => sandbox.requests.filter((r) => !isSplitRead(r)).map((r) => `${r.method} ${decodeURIComponent(r.path)}${r.path.endsWith('graphql') ? ` ${/^\s*mutation/.test(String((r.body as { query?: string }).query)) ? 'mutation' : 'query'}` : ''}`);
const stateIssue = (iid: number) => sandbox.gitlab.state.issues.find((i) => i.projectId === 1004 && i.iid === iid)!;
const APP = 'globex/app';
const gid = (kind: 'SystemDefined' | 'Custom', id: number) => `gid://gitlab/WorkItems::Statuses::${kind}::Status/${id}`;

async function failure(p: Promise<unknown>): Promise<ForgeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, 'expected the call to fail').toBeInstanceOf(ForgeError);
  return e as ForgeError;
}

describe('detecting Status', () => {
  it('a namespace with statuses: the issue has its status, capabilities the allowed ones; REST first, then one query', async () => {
    const f = forge();
    const issue = await f.getIssue(ref(APP, 1));
    expect(issue.status).toEqual({ id: gid('Custom', 12), name: 'Refinement', category: 'to_do', color: '#737278', iconName: 'status-waiting' });
    expect(issueSchema.parse(issue)).toEqual(issue);
    const caps = await f.getCapabilities(ref(APP, 1));
    expect(capabilitiesSchema.parse(caps)).toEqual(caps);
    expect(caps.statuses!.map((s) => `${s.name}:${s.category}`)).toEqual(['Needs validation:triage', 'Refinement:to_do', 'To do:to_do', 'In progress:in_progress', 'In review:in_progress', 'Done:done', "Won't do:canceled", 'Duplicate:canceled']);
    expect(calls()).toEqual(['GET /api/v4/projects/globex/app/issues/1', 'POST /api/graphql query']);
    // Known Premium with statuses: the next issue asks both at once; no status set reads as none.
    expect((await f.getIssue(ref(APP, 3))).status).toBeUndefined();
    expect(calls().slice(2).sort()).toEqual(['GET /api/v4/projects/globex/app/issues/3', 'POST /api/graphql query']);
  });

  it('a group with statuses and split-weight custom fields: one query reads both, on a first view and after', async () => {
    const { customFields, customFieldValues } = sandbox.gitlab.state;
    customFields.push({ id: 51, groupId: 60, name: 'Backend weight', fieldType: 'number', active: true }, { id: 52, groupId: 60, name: 'Frontend weight', fieldType: 'number', active: true });
    customFieldValues.push({ issueId: stateIssue(1).id, fieldId: 51, value: 2 }, { issueId: stateIssue(3).id, fieldId: 52, value: 1 });
    const f = forge();
    const one = await f.getIssue(ref(APP, 1));
    expect([one.status?.name, one.splitWeights]).toEqual(['Refinement', { backend: 2, frontend: null }]);
    expect((await f.getCapabilities(ref(APP, 1))).splitWeightFields).toEqual({ backend: 'Backend weight', frontend: 'Frontend weight' });
    const three = await f.getIssue(ref(APP, 3));
    expect([three.status, three.splitWeights]).toEqual([undefined, { backend: null, frontend: 1 }]);
    // REST + one GraphQL query per view: within the budget of 2 requests per issue view.
    expect(sandbox.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`).sort()).toEqual([
      'GET /api/v4/projects/globex/app/issues/1',
      'GET /api/v4/projects/globex/app/issues/3',
      'POST /api/graphql',
      'POST /api/graphql',
    ]);
    expect(sandbox.requests.filter((r) => r.path === '/api/graphql').every((r) => /query RefineryWorkItemNative/.test(String((r.body as { query?: string }).query)))).toBe(true);
  });

  it('a Premium group without statuses is asked once; Free never; neither gets statuses', async () => {
    const f = forge();
    for (const iid of [1, 2]) expect((await f.getIssue(ref('acme/platform/frontend', iid))).status).toBeUndefined();
    expect((await f.getCapabilities(ref('acme/platform/frontend', 1))).statuses).toBeUndefined();
    await f.getIssue(ref('acme/platform/backend', 2));
    await f.getIssue(ref('acme/community/website', 2));
    expect(calls().filter((c) => c.includes('graphql'))).toEqual(['POST /api/graphql query']);
  });

  it('a schema without Status (unknown fields) or a failing GraphQL never fails the issue; the former is not asked again', async () => {
    sandbox.gitlab.state.statusSchema.read = false;
    const f = forge();
    expect((await f.getIssue(ref(APP, 1))).status).toBeUndefined();
    expect((await f.getCapabilities(ref(APP, 1))).statuses).toBeUndefined();
    await f.getIssue(ref(APP, 2));
    // The combined read (Status and custom fields) is refused, Status alone tells which one is missing; then no more.
    const queries = sandbox.requests.filter((r) => r.path === '/api/graphql').map((r) => /query (\w+)/.exec(String((r.body as { query?: string }).query))?.[1]);
    expect(queries.sort()).toEqual(['RefinerySplitFields', 'RefineryWorkItemNative', 'RefineryWorkItemStatus']);

    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', status: 500, body: { message: '500 Internal Server Error' } });
    const g = forge();
    const issue = await g.getIssue(ref(APP, 1));
    expect(issue.title).toBe('Export invoices as CSV');
    expect(issue.status).toBeUndefined();
  });
});

describe('setting Status', () => {
  it('one workItemUpdate mutation, read back; no comment, no label', async () => {
    const f = forge();
    await f.getIssue(ref(APP, 3));
    sandbox.requests.length = 0;
    const issue = await f.setStatus(ref(APP, 3), gid('SystemDefined', 2));
    expect(issue.status).toMatchObject({ name: 'In progress', category: 'in_progress' });
    expect(stateIssue(3).statusId).toBe(2);
    expect(calls().filter((c) => c.startsWith('POST') || c.startsWith('PUT'))).toEqual(['POST /api/graphql mutation', 'POST /api/graphql query']);
    expect(stateIssue(3).labels).toEqual(['type::feature']);
  });

  it('a done status closes the issue, and the issue read back says so', async () => {
    const issue = await forge().setStatus(ref(APP, 2), gid('SystemDefined', 3));
    expect(issue).toMatchObject({ state: 'closed', status: { name: 'Done', category: 'done' } });
  });

  it('without the statusWidget input (older schema) falls back to the /status quick action, leaving no comment', async () => {
    sandbox.gitlab.state.statusSchema.mutation = false;
    const comments = () => sandbox.gitlab.state.notes.filter((n) => n.noteableId === stateIssue(1).id && !n.system).length;
    const before = comments();
    const issue = await forge().setStatus(ref(APP, 1), gid('Custom', 13));
    expect(issue.status?.name).toBe('In review');
    expect(calls().filter((c) => c.startsWith('POST'))).toEqual(expect.arrayContaining(['POST /api/graphql mutation', 'POST /api/v4/projects/globex/app/issues/1/notes']));
    expect(sandbox.requests.find((r) => r.path.endsWith('/notes') && r.method === 'POST')!.body).toMatchObject({ body: '/status "In review"' });
    expect(comments()).toBe(before);
  });

  it('a status that does not stick is an error, never a success', async () => {
    sandbox.gitlab.state.statusSchema.dropWrites = true;
    const e = await failure(forge().setStatus(ref(APP, 1), gid('SystemDefined', 2)));
    expect(e.kind).toBe('invalid');
    expect(e.message).toBe('GitLab did not store the status "In progress".');
  });

  it('refuses a status the namespace does not allow, and any where it has none, before writing', async () => {
    const f = forge();
    expect((await failure(f.setStatus(ref(APP, 1), gid('Custom', 999)))).message).toMatch(/not one this issue’s namespace allows/);
    expect((await failure(f.setStatus(ref('acme/platform/frontend', 1), gid('SystemDefined', 2)))).kind).toBe('invalid');
    expect(calls().filter((c) => c.includes('mutation') || c.includes('notes'))).toEqual([]);
  });

  it('the reporter gets a forbidden error', async () => {
    const e = await failure(forge('sandbox-gitlab-reporter').setStatus(ref(APP, 1), gid('SystemDefined', 2)));
    expect(e.kind).toBe('forbidden');
    expect(stateIssue(1).statusId).toBe(12);
  });
});
