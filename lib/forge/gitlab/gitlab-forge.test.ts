// The GitLab adapter against the sandbox GitLab: tiers, labels, weight, health status, notes, merge requests, roots.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { ForgeError } from '../errors';
import { issue as issueSchema, note as noteSchema, type IssueRef } from '../model';
import { GitlabForge, tokenProblems } from './gitlab-forge';

const ULTIMATE = 'acme/platform/backend';
const PREMIUM = 'acme/platform/frontend';
const FREE = 'acme/community/website';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => vi.restoreAllMocks());

const ref = (path: string, iid: number, baseUrl = sandbox.gitlab.url): IssueRef => ({ forge: 'gitlab', baseUrl, container: 'project', path, iid, kind: 'issue' });
const epicRef = (iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sandbox.gitlab.url, container: 'group', path: 'acme/platform', iid, kind: 'epic' });
const forge = (token = 'sandbox-gitlab-token', baseUrl = sandbox.gitlab.url) => new GitlabForge({ baseUrl, token });
const stateIssue = (projectId: number, iid: number) => sandbox.gitlab.state.issues.find((i) => i.projectId === projectId && i.iid === iid)!;
/** Reads these tests do not count: the Status read (once per top-level group on Premium+) and the group's custom fields
 * (asked with the issue on a first view, in one query with Status; custom-fields.test.ts covers them). */
const isStatusRead = (body: unknown) => typeof body === 'object' && body !== null && /RefineryWorkItem(Status|Native)/.test(String((body as { query?: unknown }).query));
const isSplitRead = (body: unknown) => JSON.stringify(body ?? '').includes('query RefinerySplit');
/** What the adapter sent besides those reads. */
const apiCalls = (method?: string) => sandbox.requests.filter((r) => (!method || r.method === method) && !isStatusRead(r.body) && !isSplitRead(r.body));

async function failure(p: Promise<unknown>): Promise<ForgeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, 'expected the call to fail').toBeInstanceOf(ForgeError);
  return e as ForgeError;
}

/** Bodies of the REST writes the adapter sent (the sandbox log has paths only). */
function captureBodies(): { method: string; url: string; body: string }[] {
  const seen: { method: string; url: string; body: string }[] = [];
  const real = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const req = new Request(input, init);
    const body = req.method !== 'GET' ? await req.clone().text() : '';
    if (req.method !== 'GET' && !isSplitRead(body) && !/RefineryWorkItem(Status|Native)/.test(body)) seen.push({ method: req.method, url: req.url, body });
    return real(req);
  });
  return seen;
}

describe('reading issues per tier', () => {
  it('Ultimate: weight field, health status, assignees, milestone', async () => {
    const issue = await forge().getIssue(ref(ULTIMATE, 3));
    expect(issueSchema.parse(issue)).toEqual(issue);
    expect(issue).toMatchObject({
      title: 'Paginate the repository tree API for large directories',
      state: 'opened',
      weight: null,
      healthStatus: 'on_track',
      type: 'issue',
      milestone: { title: '18.11' },
      webUrl: `${sandbox.gitlab.url}/acme/platform/backend/-/issues/3`,
    });
    expect(issue.labels).toEqual(expect.arrayContaining(['backend-weight::2', 'frontend-weight::3', 'workflow::in dev']));
    expect(issue.assignees.map((a) => a.username)).toEqual(['alice', 'erin']);
  });

  it('Premium has the weight, Free keeps it as a weight:: label', async () => {
    expect((await forge().getIssue(ref(PREMIUM, 2))).weight).toBe(3);
    const free = await forge().getIssue(ref(FREE, 2));
    expect(free.weight).toBeNull();
    expect(free.healthStatus).toBeNull();
    expect(free.labels).toContain('weight::3');
  });

  it('capabilities come from the issue JSON and are cached per project', async () => {
    const f = forge();
    expect(await f.getCapabilities(ref(ULTIMATE, 1))).toEqual({ weight: true, healthStatus: true, scopedLabels: true, epics: true });
    expect(await f.getCapabilities(ref(PREMIUM, 1))).toEqual({ weight: true, healthStatus: false, scopedLabels: true, epics: true });
    expect(await f.getCapabilities(ref(FREE, 1))).toEqual({ weight: false, healthStatus: false, scopedLabels: false, epics: false });
    const before = apiCalls().length;
    await f.getCapabilities(ref(ULTIMATE, 7));
    await f.getCapabilities(ref(FREE, 9));
    expect(apiCalls().length).toBe(before);
  });

  it('epics through the Epics API', async () => {
    const f = forge();
    const epic = await f.getIssue(epicRef(2));
    expect(epic).toMatchObject({ title: 'Large monorepo performance', type: 'epic', weight: null, webUrl: `${sandbox.gitlab.url}/groups/acme/platform/-/epics/2` });
    expect(await f.getCapabilities(epicRef(2))).toEqual({ weight: false, healthStatus: false, scopedLabels: true, epics: true });
    const before = apiCalls().length;
    const notes = await f.listNotes(epicRef(2));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('**Status**');
    // The epic's id is known from showing it: its notes cost one request, not a second read of the epic.
    expect(apiCalls().slice(before).map((r) => r.path)).toEqual([expect.stringMatching(/\/epics\/\d+\/notes$/)]);
    // Another epic of the same group is another id.
    const third = await f.listNotes(epicRef(3));
    expect(third.map((n) => n.id)).not.toContain(notes[0]!.id);
    expect(apiCalls().at(-2)!.path).toMatch(/\/epics\/3$/);
    // A fresh adapter reads the epic first.
    const other = forge();
    const start = apiCalls().length;
    expect(await other.listNotes(epicRef(2))).toHaveLength(1);
    expect(apiCalls().length - start).toBe(2);
  });

  it('lists every note, oldest first, across pages', async () => {
    const target = stateIssue(1001, 2);
    for (let k = 0; k < 130; k++) {
      sandbox.gitlab.state.notes.push({ id: 50_000 + k, noteableType: 'Issue', noteableId: target.id, body: `update ${k}`, authorId: 3, system: false, internal: false, createdAt: new Date(Date.UTC(2026, 5, 1, 0, k)).toISOString(), updatedAt: new Date(Date.UTC(2026, 5, 1, 0, k)).toISOString() });
    }
    const notes = await forge().listNotes(ref(ULTIMATE, 2));
    expect(notes).toHaveLength(134);
    for (const n of notes) noteSchema.parse(n);
    expect(notes[0]!.body).toMatch(/^Reproduced on gitlab\.com/);
    expect(notes.at(-1)!.body).toBe('update 129');
    expect(notes.some((n) => n.system)).toBe(true);
    expect(apiCalls('GET').filter((r) => r.path.endsWith('/notes')).length).toBe(2);
  });

  it('linked merge requests: short references in the project, full ones from another', async () => {
    const f = forge();
    expect((await f.listLinkedChanges(ref(ULTIMATE, 3))).map((c) => c.reference)).toEqual(['!11', '!12']);
    const cross = await f.listLinkedChanges(ref(ULTIMATE, 6));
    expect(cross).toEqual([{ reference: 'acme/platform/frontend!7', iid: 7, title: 'Prototype: progressive blame rendering behind a feature flag', state: 'opened', webUrl: `${sandbox.gitlab.url}/acme/platform/frontend/-/merge_requests/7` }]);
    expect(await f.listLinkedChanges(ref(ULTIMATE, 12))).toEqual([]);
  });

  it('works under a relative URL root (/gitlab), GraphQL included', async () => {
    const base = `${sandbox.gitlab.url}/gitlab`;
    const f = forge('sandbox-gitlab-token', base);
    const issue = await f.getIssue(ref(ULTIMATE, 1, base));
    expect(issue.webUrl).toBe(`${base}/acme/platform/backend/-/issues/1`);
    expect(issue.assignees[0]!.avatarUrl).toMatch(new RegExp(`^${base}/uploads/`));
    await f.changeLabels(ref(ULTIMATE, 1, base), { add: ['workflow::ready for development'], remove: [] });
    const healthy = await f.setHealthStatus(ref(ULTIMATE, 1, base), 'needs_attention');
    expect(healthy.healthStatus).toBe('needs_attention');
    expect(stateIssue(1001, 1).labels).toContain('workflow::ready for development');
  });

  it('refuses a reference from another connection', async () => {
    const e = await failure(forge().getIssue(ref(ULTIMATE, 1, 'https://gitlab.com')));
    expect(e.kind).toBe('invalid');
  });
});

describe('changing labels', () => {
  it('sends one PUT with add_labels/remove_labels, never labels=', async () => {
    const bodies = captureBodies();
    const issue = await forge().changeLabels(ref(ULTIMATE, 1), { add: ['workflow::in dev', 'database'], remove: ['backend'] });
    expect(bodies).toHaveLength(1);
    const sent = JSON.parse(bodies[0]!.body) as Record<string, string>;
    expect(sent).toEqual({ add_labels: 'workflow::in dev,database', remove_labels: 'backend,workflow::refinement' });
    expect(issue.labels).toEqual(expect.arrayContaining(['workflow::in dev', 'database', 'type::feature']));
    expect(issue.labels).not.toContain('workflow::refinement');
    expect(issue.labels).not.toContain('backend');
  });

  it.each([
    ['Ultimate', ULTIMATE, 1001],
    ['Premium', PREMIUM, 1002],
    ['Free', FREE, 1003],
  ])('%s: adding a workflow:: label leaves exactly one workflow:: label', async (_tier, path, projectId) => {
    const issue = await forge().changeLabels(ref(path, 1), { add: ['workflow::in dev'], remove: [] });
    expect(issue.labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::in dev']);
    expect(stateIssue(projectId, 1).labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::in dev']);
  });

  it.each([
    ['Premium', PREMIUM, 1002],
    ['Free', FREE, 1003],
  ])('%s: heals an issue that held two workflow:: labels', async (_tier, path, projectId) => {
    expect(stateIssue(projectId, 8).labels).toEqual(expect.arrayContaining(['workflow::in dev', 'workflow::in review']));
    await forge().changeLabels(ref(path, 8), { add: ['workflow::verification'], remove: [] });
    expect(stateIssue(projectId, 8).labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::verification']);
  });

  it('a label another client adds between our read and our write survives', async () => {
    // Hold our PUT in the sandbox long enough for "someone else" to change the issue after our re-read.
    sandbox.faults.add({ forge: 'gitlab', method: 'PUT', path: '/projects/acme%2Fcommunity%2Fwebsite/issues/1', latencyMs: 300, times: 1 });
    const pending = forge().changeLabels(ref(FREE, 1), { add: ['workflow::in dev'], remove: [] });
    await vi.waitFor(() => expect(apiCalls('GET').some((r) => r.path.endsWith('/issues/1'))).toBe(true), { interval: 5 });
    stateIssue(1003, 1).labels.push('priority::2', 'workflow::in review');
    const issue = await pending;
    expect(issue.labels).toContain('priority::2');
    expect(issue.labels).toContain('workflow::in dev');
    expect(issue.labels).not.toContain('workflow::refinement');
    // The other client's workflow label arrived after our read: we do not delete what we never saw.
    expect(issue.labels).toContain('workflow::in review');
  });

  it('a change without scoped labels writes without re-reading', async () => {
    const bodies = captureBodies();
    await forge().changeLabels(ref(PREMIUM, 2), { add: [], remove: ['severity::2'] });
    expect(apiCalls().map((r) => r.method)).toEqual(['PUT']);
    expect(JSON.parse(bodies[0]!.body)).toEqual({ remove_labels: 'severity::2' });
    expect(stateIssue(1002, 2).labels).not.toContain('severity::2');
  });

  it('changes epic labels through the Epics API', async () => {
    const epic = await forge().changeLabels(epicRef(1), { add: ['Deliverable'], remove: [] });
    expect(epic.labels).toContain('Deliverable');
  });

  it('epics where the group has no epics: a readable forbidden error', async () => {
    const community: IssueRef = { ...epicRef(1), path: 'acme/community' };
    const e = await failure(forge().getIssue(community));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(e.message).toMatch(/Premium/);
  });
});

describe('weight', () => {
  it('sets and clears the weight on Premium and Ultimate', async () => {
    const f = forge();
    expect((await f.setWeight(ref(PREMIUM, 4), 3)).weight).toBe(3);
    expect(stateIssue(1002, 4).weight).toBe(3);
    expect((await f.setWeight(ref(PREMIUM, 4), null)).weight).toBeNull();
    expect(stateIssue(1002, 4).weight).toBeNull();
    expect((await f.setWeight(ref(ULTIMATE, 1), 5)).weight).toBe(5);
  });

  it('Free has no weight field: a readable error and nothing sent', async () => {
    const f = forge();
    await f.getCapabilities(ref(FREE, 4));
    const e = await failure(f.setWeight(ref(FREE, 4), 3));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/weight::/);
    expect(apiCalls('PUT')).toHaveLength(0);
  });

  it('refuses weights GitLab would refuse', async () => {
    expect((await failure(forge().setWeight(ref(PREMIUM, 4), -1))).kind).toBe('invalid');
  });
});

describe('health status', () => {
  it('Ultimate: set and cleared through the GraphQL mutation', async () => {
    const f = forge();
    expect((await f.setHealthStatus(ref(ULTIMATE, 2), 'at_risk')).healthStatus).toBe('at_risk');
    expect(stateIssue(1001, 2).healthStatus).toBe('at_risk');
    expect(apiCalls('POST').map((r) => r.path)).toEqual(['/api/graphql']);
    expect((await f.setHealthStatus(ref(ULTIMATE, 2), null)).healthStatus).toBeNull();
    expect(stateIssue(1001, 2).healthStatus).toBeNull();
  });

  it.each([
    ['Premium', PREMIUM],
    ['Free', FREE],
  ])('%s: not supported, nothing sent', async (_tier, path) => {
    const e = await failure(forge().setHealthStatus(ref(path, 2), 'on_track'));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/Ultimate/);
    expect(apiCalls('POST')).toHaveLength(0);
  });

  it('falls back to the /health_status quick action when /api/graphql does not exist, leaving no comment', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', status: 404, body: { message: '404 Not Found' } });
    const comments = () => sandbox.gitlab.state.notes.filter((n) => n.noteableId === stateIssue(1001, 4).id && !n.system).length;
    const before = comments();
    const issue = await forge().setHealthStatus(ref(ULTIMATE, 4), 'needs_attention');
    expect(issue.healthStatus).toBe('needs_attention');
    expect(apiCalls('POST').map((r) => r.path)).toEqual(['/api/graphql', '/api/v4/projects/acme%2Fplatform%2Fbackend/issues/4/notes']);
    expect(comments()).toBe(before);
  });

  it('also falls back when the GraphQL schema lacks the argument (GitLab CE)', async () => {
    sandbox.faults.add({
      forge: 'gitlab',
      path: '/api/graphql',
      status: 200,
      body: { errors: [{ message: "InputObject 'UpdateIssueInput' doesn't accept argument 'healthStatus'", extensions: { code: 'argumentNotAccepted' } }] },
    });
    expect((await forge().setHealthStatus(ref(ULTIMATE, 4), 'at_risk')).healthStatus).toBe('at_risk');
  });

  it('the reporter gets a forbidden error from the GraphQL answer', async () => {
    const e = await failure(forge('sandbox-gitlab-reporter').setHealthStatus(ref(ULTIMATE, 2), 'at_risk'));
    expect(e.kind).toBe('forbidden');
    expect(stateIssue(1001, 2).healthStatus).toBeNull();
  });
});

describe('notes', () => {
  it('creates and updates a comment', async () => {
    const f = forge();
    const body = 'Complete: 60%\nConfidence: 80%\nNotes: API merged, frontend in review\nConcern: ~frontend';
    const created = await f.createNote(ref(ULTIMATE, 3), body);
    expect(noteSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({ body, system: false, author: { username: 'alice' } });
    const updated = await f.updateNote(ref(ULTIMATE, 3), created.id, `${body}\nEdit: review started`);
    expect(updated.body).toMatch(/Edit: review started$/);
    const notes = await f.listNotes(ref(ULTIMATE, 3));
    expect(notes.at(-1)).toMatchObject({ id: created.id, body: updated.body });
  });

  it('comments on epics', async () => {
    const f = forge();
    const note = await f.createNote(epicRef(3), 'Weekly update: on track.');
    expect((await f.listNotes(epicRef(3))).map((n) => n.id)).toContain(note.id);
    expect((await f.updateNote(epicRef(3), note.id, 'Weekly update: so-so.')).body).toBe('Weekly update: so-so.');
  });

  it('says so when GitLab applied quick actions, stored no comment and left no system note (older ones are not taken)', async () => {
    // Issue 3 already has system notes by alice ("mentioned in merge request !11").
    const e = await failure(forge().createNote(ref(ULTIMATE, 3), '/label ~database'));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/ran the quick actions \(Added ~database label\.\) and stored no comment/);
    expect(stateIssue(1001, 3).labels).toContain('database');
  });

  it('a system note someone else leaves meanwhile is not taken for what our quick action did', async () => {
    sandbox.faults.add({ forge: 'gitlab', method: 'POST', path: '/issues/4/notes', latencyMs: 300, times: 1 });
    const pending = forge().createNote(ref(ULTIMATE, 4), '/label ~database');
    await vi.waitFor(() => expect(apiCalls('GET').some((r) => r.path.endsWith('/issues/4/notes'))).toBe(true), { interval: 5 });
    const now = new Date().toISOString();
    sandbox.gitlab.state.notes.push({ id: sandbox.gitlab.state.seq.note++, noteableType: 'Issue', noteableId: stateIssue(1001, 4).id, body: 'mentioned in merge request !13', authorId: 3, system: true, internal: false, createdAt: now, updatedAt: now });
    expect((await failure(pending)).message).toMatch(/stored no comment/);
  });

  it('editing someone else’s comment is forbidden', async () => {
    const carols = sandbox.gitlab.state.notes.find((n) => n.authorId === 3 && !n.system && n.noteableId === stateIssue(1001, 8).id)!;
    expect((await failure(forge().updateNote(ref(ULTIMATE, 8), carols.id, 'x'))).kind).toBe('forbidden');
  });
});

describe('errors become ForgeErrors', () => {
  it('401 for an unknown or expired token', async () => {
    for (const token of ['nope', 'sandbox-gitlab-expired']) {
      const e = await failure(forge(token).getIssue(ref(ULTIMATE, 1)));
      expect(e).toMatchObject({ kind: 'auth', status: 401 });
      expect(e.message).toContain('401 Unauthorized');
    }
  });

  it('403 for the reporter, and the issue stays as it was', async () => {
    const e = await failure(forge('sandbox-gitlab-reporter').changeLabels(ref(ULTIMATE, 1), { add: ['workflow::in dev'], remove: [] }));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(stateIssue(1001, 1).labels).toContain('workflow::refinement');
  });

  it('403 insufficient_scope for a read_api token', async () => {
    const e = await failure(forge('sandbox-gitlab-readonly-scope').createNote(ref(ULTIMATE, 1), 'hello'));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(e.message).toContain('insufficient_scope');
  });

  it('404 for a project the token cannot see', async () => {
    expect(await failure(forge().getIssue(ref('acme/secret/project', 1)))).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('429 with Retry-After: rate-limited with retryAt, and no retry storm', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/issues/1', status: 429, headers: { 'retry-after': '30', 'content-type': 'text/plain' }, body: 'Retry later', times: 5 });
    const before = Date.now();
    const e = await failure(forge().getIssue(ref(ULTIMATE, 1)));
    expect(e).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(e.retryAt).toBeGreaterThanOrEqual(before + 29_000);
    expect(e.retryAt).toBeLessThanOrEqual(Date.now() + 31_000);
    expect(apiCalls()).toHaveLength(1);
  });

  it('429 with only RateLimit-Reset uses the reset time', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    sandbox.faults.add({ forge: 'gitlab', path: '/issues/1', status: 429, headers: { 'ratelimit-reset': String(reset) }, times: 1 });
    expect((await failure(forge().getIssue(ref(ULTIMATE, 1)))).retryAt).toBe(reset * 1000);
  });

  it('500 is a forge error', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/issues/1', status: 500, body: { message: '500 Internal Server Error' } });
    expect(await failure(forge().getIssue(ref(ULTIMATE, 1)))).toMatchObject({ kind: 'forge', status: 500 });
  });

  it('a dropped connection is a network error, for REST and GraphQL', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/issues/1', drop: true, times: 1 });
    expect((await failure(forge().getIssue(ref(ULTIMATE, 1)))).kind).toBe('network');
    const f = forge();
    await f.getCapabilities(ref(ULTIMATE, 2));
    sandbox.faults.add({ forge: 'gitlab', path: '/api/graphql', drop: true, times: 1 });
    expect((await failure(f.setHealthStatus(ref(ULTIMATE, 2), 'on_track'))).kind).toBe('network');
  });
});

describe('testConnection', () => {
  it('a healthy api token has no problems', async () => {
    const check = await forge().testConnection();
    expect(check).toEqual({ user: expect.objectContaining({ id: 1, username: 'alice', name: 'Alice Example' }), problems: [] });
  });

  it('warns about a token that expires soon', async () => {
    const { problems } = await forge('sandbox-gitlab-expiring').testConnection();
    expect(problems).toEqual([expect.stringMatching(/^The token expires in 5 days \(\d{4}-\d{2}-\d{2}\)\.$/)]);
  });

  it('warns that a read_api token cannot write', async () => {
    expect((await forge('sandbox-gitlab-readonly-scope').testConnection()).problems).toEqual(['The token is missing scope api (has read_api): writes will fail.']);
  });

  it('an expired token fails the check as auth', async () => {
    expect((await failure(forge('sandbox-gitlab-expired').testConnection())).kind).toBe('auth');
  });

  it('still connects when the token endpoint is missing (GitLab before 15.5)', async () => {
    sandbox.faults.add({ forge: 'gitlab', path: '/personal_access_tokens/self', status: 404, body: { error: '404 Not Found' } });
    const check = await forge().testConnection();
    expect(check.user.username).toBe('alice');
    expect(check.problems).toEqual([expect.stringContaining('Could not read the token')]);
  });

  it('names revoked, inactive and expired tokens and missing scopes', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(tokenProblems({ revoked: true, active: false, scopes: ['api'] }, now)).toEqual(['The token is revoked: create a new one in GitLab.']);
    expect(tokenProblems({ active: false, scopes: ['api'] }, now)[0]).toMatch(/not active/);
    expect(tokenProblems({ active: true, expires_at: '2026-03-01', scopes: ['api'] }, now)).toEqual(['The token expired on 2026-03-01.']);
    expect(tokenProblems({ active: true, expires_at: '2026-03-02', scopes: ['api'] }, now)).toEqual(['The token expires in 1 day (2026-03-02).']);
    expect(tokenProblems({ active: true, expires_at: '2026-06-01', scopes: ['read_user'] }, now)).toEqual(['The token is missing scope api (has read_user): reading and writing issues will fail.']);
  });
});

describe('members', () => {
  const names = (users: { username: string }[]) => users.map((u) => u.username).sort();

  it('project members include those inherited from ancestor groups, once each; blocked users are left out', async () => {
    const members = await forge().listMembers(ref(ULTIMATE, 1));
    expect(names(members)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace']);
    expect(members.find((u) => u.username === 'frank')).toEqual({ id: 6, username: 'frank', name: 'Frank Fischer', avatarUrl: `${sandbox.gitlab.url}/uploads/-/system/user/avatar/6/avatar.png`, webUrl: `${sandbox.gitlab.url}/frank` });
    // acme/community is not below acme/platform, whose member grace is.
    expect(names(await forge().listMembers(ref(FREE, 1)))).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'frank']);
    expect(apiCalls('GET').map((r) => r.path)).toEqual(['/api/v4/projects/acme%2Fplatform%2Fbackend/members/all', '/api/v4/projects/acme%2Fcommunity%2Fwebsite/members/all']);
  });

  it('epics list the group’s members, inherited ones included', async () => {
    expect(names(await forge('sandbox-gitlab-reporter').listMembers(epicRef(1)))).toEqual(['alice', 'bob', 'carol', 'dave', 'frank', 'grace']);
  });

  it('reads every page', async () => {
    const acme = sandbox.gitlab.state.groups.find((g) => g.id === 50)!;
    for (let k = 0; k < 150; k++) {
      sandbox.gitlab.state.users.push({ id: 100 + k, username: `dev${k}`, name: `Dev ${k}`, createdAt: '2025-01-01T00:00:00Z', bio: '', state: 'active' });
      acme.members[100 + k] = 30;
    }
    expect(await forge().listMembers(ref(PREMIUM, 1))).toHaveLength(157);
    expect(apiCalls('GET').filter((r) => r.path.endsWith('/members/all'))).toHaveLength(2);
  });
});

describe('labels', () => {
  it('project labels include the ancestor groups’ labels, as #rrggbb with null for no description', async () => {
    sandbox.gitlab.state.labels.push({ id: 9990, projectId: 1001, groupId: null, name: 'needs-triage', color: '#D9534F', description: '', priority: null });
    const labels = await forge().listLabels(ref(ULTIMATE, 1));
    expect(labels).toContainEqual({ name: 'Deliverable', color: '#428bca', description: 'Committed for the current milestone' });
    expect(labels).toContainEqual({ name: 'workflow::refinement', color: '#1f75cb', description: 'Engineers refine scope, weight and implementation plan' });
    expect(labels).toContainEqual({ name: 'needs-triage', color: '#d9534f', description: null });
    expect(labels.map((l) => l.name)).not.toContain('weight::3');
    expect(sandbox.requests[0]!.query).toContain('include_ancestor_groups=true');
    expect((await forge().listLabels(ref(FREE, 1))).map((l) => l.name)).toEqual(expect.arrayContaining(['weight::3', 'health::at risk', 'Deliverable']));
  });

  it('archived labels (GitLab 18.3+) are not offered', async () => {
    const body = [
      { id: 1, name: 'old-team', color: '#FF0000', text_color: '#FFFFFF', description: null, subscribed: false, archived: true },
      { id: 2, name: 'team', color: '#00FF00', text_color: '#FFFFFF', description: null, subscribed: false, archived: false },
    ];
    sandbox.faults.add({ forge: 'gitlab', method: 'GET', path: '/labels', status: 200, body, times: 1 });
    expect(await forge().listLabels(ref(ULTIMATE, 1))).toEqual([{ name: 'team', color: '#00ff00', description: null }]);
  });

  it('epics list the group’s labels and its ancestors’, not project labels', async () => {
    const labels = await forge().listLabels(epicRef(1));
    expect(labels.map((l) => l.name).sort()).toEqual(['Deliverable', 'devops::create', 'group::source code']);
  });

  it('reads every page', async () => {
    for (let k = 0; k < 120; k++) sandbox.gitlab.state.labels.push({ id: 20_000 + k, projectId: 1002, groupId: null, name: `area::${k}`, color: '#abcdef', description: null, priority: null });
    const labels = await forge().listLabels(ref(PREMIUM, 1));
    expect(labels.filter((l) => l.name.startsWith('area::'))).toHaveLength(120);
    expect(apiCalls('GET').filter((r) => r.path.endsWith('/labels'))).toHaveLength(2);
  });
});

describe('creating labels', () => {
  const label = { name: 'team::source code', color: '#A8D695', description: 'Owned by the Source Code group' };
  const stored = (name: string) => sandbox.gitlab.state.labels.filter((l) => l.name === name);

  it('project level: created on the project, then exists', async () => {
    const f = forge();
    expect(await f.createLabel(ref(PREMIUM, 1), label, 'project')).toBe('created');
    expect(stored(label.name)).toEqual([expect.objectContaining({ projectId: 1002, groupId: null, color: '#A8D695', description: label.description })]);
    expect(await f.createLabel(ref(PREMIUM, 1), { ...label, color: '#000000' }, 'project')).toBe('exists');
    expect(apiCalls('POST').map((r) => r.status)).toEqual([201, 409]);
    expect(stored(label.name)).toHaveLength(1);
  });

  it('group level: created on the project’s parent group, shared with sibling projects and usable on their issues', async () => {
    const f = forge();
    expect(await f.createLabel(ref(PREMIUM, 1), label, 'group')).toBe('created');
    expect(stored(label.name)).toEqual([expect.objectContaining({ projectId: null, groupId: 51 })]);
    expect(await f.listLabels(ref(ULTIMATE, 1))).toContainEqual({ name: label.name, color: '#a8d695', description: label.description });
    expect((await f.changeLabels(ref(ULTIMATE, 4), { add: [label.name], remove: [] })).labels).toContain(label.name);
    expect(stored(label.name)).toHaveLength(1);
    // Already there for the sibling project, at either level; its group was looked up once.
    expect(await f.createLabel(ref(ULTIMATE, 1), label, 'project')).toBe('exists');
    expect(await f.createLabel(ref(PREMIUM, 1), label, 'group')).toBe('exists');
    expect(apiCalls('GET').filter((r) => r.path === '/api/v4/projects/acme%2Fplatform%2Ffrontend')).toHaveLength(1);
  });

  it('a project in a personal namespace has no group: group level falls back to the project', async () => {
    sandbox.faults.add({ forge: 'gitlab', method: 'GET', path: /^\/api\/v4\/projects\/acme%2Fcommunity%2Fwebsite$/, status: 200, body: { id: 1003, namespace: { id: 77, kind: 'user', full_path: 'alice' } } });
    expect(await forge().createLabel(ref(FREE, 1), label, 'group')).toBe('created');
    expect(stored(label.name)).toEqual([expect.objectContaining({ projectId: 1003, groupId: null })]);
  });

  it('epics: labels are created on the epic’s group', async () => {
    expect(await forge().createLabel(epicRef(1), label, 'project')).toBe('created');
    expect(stored(label.name)).toEqual([expect.objectContaining({ groupId: 51 })]);
  });

  it.each(['project', 'group'] as const)('the reporter gets forbidden at %s level and nothing is created', async (level) => {
    const e = await failure(forge('sandbox-gitlab-reporter').createLabel(ref(ULTIMATE, 1), label, level));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(stored(label.name)).toEqual([]);
  });

  it('refuses labels GitLab would refuse, before sending', async () => {
    expect((await failure(forge().createLabel(ref(ULTIMATE, 1), { ...label, name: 'a,b' }, 'project'))).kind).toBe('invalid');
    expect((await failure(forge().createLabel(ref(ULTIMATE, 1), { ...label, color: 'green' }, 'project'))).kind).toBe('invalid');
    expect(apiCalls()).toEqual([]);
  });
});

describe('quick-action comments (promote to epic)', () => {
  const epicsOf = (groupId: number) => sandbox.gitlab.state.epics.filter((e) => e.groupId === groupId);
  const commentsOn = (projectId: number, iid: number) => sandbox.gitlab.state.notes.filter((n) => n.noteableId === stateIssue(projectId, iid).id && !n.system);

  it.each([
    ['Premium', PREMIUM, 1002, '/promote'],
    ['Ultimate', ULTIMATE, 1001, '/promote_to epic'],
  ])('%s: %s promotes the issue and returns the system note saying where the epic is', async (_tier, path, projectId, command) => {
    const before = commentsOn(projectId, 4).length;
    const note = await forge().createNote(ref(path, 4), command);
    expect(noteSchema.parse(note)).toEqual(note);
    expect(note).toMatchObject({ body: 'promoted to epic &4', system: true, author: { username: 'alice' } });
    expect(note.id).toBeGreaterThan(0);
    expect(epicsOf(51).at(-1)).toMatchObject({ iid: 4, title: stateIssue(projectId, 4).title });
    expect(stateIssue(projectId, 4).state).toBe('closed');
    expect(commentsOn(projectId, 4)).toHaveLength(before);
  });

  it('Free: GitLab keeps the unavailable command as a comment; it is taken back and the call fails', async () => {
    const before = commentsOn(1003, 4).length;
    const e = await failure(forge().createNote(ref(FREE, 4), '/promote'));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/did not run \/promote/);
    expect(commentsOn(1003, 4)).toHaveLength(before);
    expect(stateIssue(1003, 4).state).toBe('opened');
    expect(sandbox.gitlab.state.epics).toHaveLength(3);
    expect(apiCalls().map((r) => r.method)).toEqual(['GET', 'POST', 'DELETE']);
  });

  it('when only some commands run, the rest is taken back and the message says the others ran', async () => {
    const e = await failure(forge().createNote(ref(PREMIUM, 4), '/label ~database\n/health_status at_risk'));
    expect(e.message).toMatch(/did not run \/health_status at_risk.*ran the other/);
    expect(stateIssue(1002, 4).labels).toContain('database');
    expect(commentsOn(1002, 4).some((n) => n.body.includes('/health_status'))).toBe(false);
  });

  it('an ordinary comment is posted in one request', async () => {
    await forge().createNote(ref(ULTIMATE, 4), 'Refined: /promote is not needed here.');
    expect(apiCalls().map((r) => r.method)).toEqual(['POST']);
  });

  it('the reporter cannot promote', async () => {
    expect((await failure(forge('sandbox-gitlab-reporter').createNote(ref(PREMIUM, 4), '/promote'))).kind).toBe('forbidden');
    expect(stateIssue(1002, 4).state).toBe('opened');
  });
});

describe('refinement: the checklist comment and blockers', () => {
  const checklistOf = (notes: { id: number; body: string }[]) => notes.find((n) => n.body.startsWith('# Issue Refinement Checklist'))!;

  it('re-reads one comment as it is now; a deleted one is null, not an error', async () => {
    const f = forge();
    const note = checklistOf(await f.listNotes(ref(ULTIMATE, 1)));
    const stored = sandbox.gitlab.state.notes.find((n) => n.id === note.id)!;
    stored.body = stored.body.replace('- [ ] Required permissions', '- [x] Required permissions');
    const fresh = await f.getNote(ref(ULTIMATE, 1), note.id);
    expect(noteSchema.parse(fresh)).toEqual(fresh);
    expect(fresh).toMatchObject({ id: note.id, system: false, author: { username: 'alice' } });
    expect(fresh!.body).toContain('- [x] Required permissions');
    sandbox.gitlab.state.notes.splice(sandbox.gitlab.state.notes.indexOf(stored), 1);
    expect(await f.getNote(ref(ULTIMATE, 1), note.id)).toBeNull();
    expect(apiCalls('GET').at(-1)!.path).toBe(`/api/v4/projects/${encodeURIComponent(ULTIMATE)}/issues/1/notes/${note.id}`);
  });

  it('a comment of another issue is not this issue’s (null)', async () => {
    const f = forge();
    const note = checklistOf(await f.listNotes(ref(ULTIMATE, 1)));
    expect(await f.getNote(ref(ULTIMATE, 2), note.id)).toBeNull();
  });

  it('re-reads epic comments by the epic’s global id', async () => {
    const f = forge();
    const [note] = await f.listNotes(epicRef(2));
    expect(await f.getNote(epicRef(2), note!.id)).toEqual(note);
  });

  it('other failures are errors, not "deleted"', async () => {
    sandbox.faults.add({ forge: 'gitlab', method: 'GET', path: /\/notes\/\d+$/, status: 500, body: { message: '500 Internal Server Error' } });
    expect((await failure(forge().getNote(ref(ULTIMATE, 1), 1))).kind).toBe('forge');
  });

  it('counts open "is blocked by" links: Premium and Ultimate have one on #1 (a closed blocker does not count), Free none', async () => {
    const f = forge();
    expect(await f.countOpenBlockers(ref(ULTIMATE, 1))).toBe(1);
    expect(await f.countOpenBlockers(ref(PREMIUM, 1))).toBe(1);
    expect(await f.countOpenBlockers(ref(FREE, 1))).toBe(0);
    // #3 blocks #4: the blocker is not blocked itself.
    expect(await f.countOpenBlockers(ref(ULTIMATE, 3))).toBe(0);
    expect(await f.countOpenBlockers(ref(ULTIMATE, 4))).toBe(1);
    stateIssue(1001, 6).state = 'closed';
    expect(await f.countOpenBlockers(ref(ULTIMATE, 1))).toBe(0);
  });

  it('unknown (null) for epics, without a request, and where GitLab has no links endpoint', async () => {
    const f = forge();
    expect(await f.countOpenBlockers(epicRef(2))).toBeNull();
    expect(apiCalls()).toHaveLength(0);
    sandbox.faults.add({ forge: 'gitlab', method: 'GET', path: '/links', status: 404, body: { error: '404 Not Found' } });
    expect(await f.countOpenBlockers(ref(ULTIMATE, 1))).toBeNull();
  });

  it('a failure to read the links is an error', async () => {
    sandbox.faults.add({ forge: 'gitlab', method: 'GET', path: '/links', status: 403, body: { message: '403 Forbidden' } });
    expect((await failure(forge().countOpenBlockers(ref(ULTIMATE, 1)))).kind).toBe('forbidden');
  });
});
