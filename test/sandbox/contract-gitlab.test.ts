// The sandbox GitLab answers like GitLab: checked against GitLab's own response schemas and documented behaviour.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './server';

const SCHEMAS = join(import.meta.dirname, 'gitlab', 'schemas');
const BASE_ID = 'https://gitlab.example/schemas/';
const TOKEN = 'sandbox-gitlab-token';

let sandbox: Sandbox;
let v: { issue: ValidateFunction; issues: ValidateFunction; eeIssues: ValidateFunction; notes: ValidateFunction; label: ValidateFunction; projectLabel: ValidateFunction };

function loadSchemas() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const read = (f: string) => JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')) as Record<string, unknown>;
  ajv.addSchema({ ...read('issue.json'), $id: `${BASE_ID}issue.json` });
  // ee/issues.json refers to ../issues.json, which is GitLab's list of issue.json.
  ajv.addSchema({ $id: `${BASE_ID}issues.json`, type: 'array', items: { $ref: 'issue.json' } });
  ajv.addSchema({ ...read('ee__issues.json'), $id: `${BASE_ID}ee/issues.json` });
  ajv.addSchema({ ...read('notes.json'), $id: `${BASE_ID}notes.json` });
  // labels/project_label.json refers to label.json: the attributes the Labels API documents for every label.
  ajv.addSchema({
    $id: `${BASE_ID}labels/label.json`,
    type: 'object',
    required: ['id', 'name', 'color', 'text_color', 'description', 'subscribed'],
    properties: {
      id: { type: 'integer' },
      name: { type: 'string' },
      color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
      text_color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
      description: { type: ['string', 'null'] },
      description_html: { type: ['string', 'null'] },
      subscribed: { type: 'boolean' },
      open_issues_count: { type: 'integer' },
      closed_issues_count: { type: 'integer' },
      open_merge_requests_count: { type: 'integer' },
    },
  });
  ajv.addSchema({ ...read('labels__project_label.json'), $id: `${BASE_ID}labels/project_label.json` });
  const get = (id: string) => ajv.getSchema(`${BASE_ID}${id}`)!;
  return { issue: get('issue.json'), issues: get('issues.json'), eeIssues: get('ee/issues.json'), notes: get('notes.json'), label: get('labels/label.json'), projectLabel: get('labels/project_label.json') };
}

function expectValid(validate: ValidateFunction, data: unknown, what: string) {
  const ok = validate(data);
  expect(ok, `${what}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`).toBe(true);
}

// Answers are untyped GitLab JSON; the schemas above check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Answer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

async function api<T = Json>(path: string, init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token) headers['PRIVATE-TOKEN'] = token;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${sandbox.gitlab.url}${path.startsWith('/gitlab') ? '' : '/api/v4'}${path}`;
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const put = (path: string, body: unknown, token?: string) => api(path, { method: 'PUT', body, token });
const post = (path: string, body: unknown, token?: string) => api(path, { method: 'POST', body, token });

beforeAll(async () => {
  v = loadSchemas();
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('issues match GitLab’s schemas and tiers', () => {
  it.each([1001, 1002, 1003])('every seeded issue of project %i validates against issue.json', async (project) => {
    for (let iid = 1; iid <= 12; iid++) {
      const { status, body } = await api(`/projects/${project}/issues/${iid}`);
      expect(status).toBe(200);
      expectValid(v.issue, body, `${project}#${iid}`);
      expect(body.iid).toBe(iid);
      expect(body.references.short).toBe(`#${iid}`);
    }
  });

  it('weight from Premium and health_status on Ultimate only — the keys are absent, not null, below', async () => {
    const ultimate = (await api('/projects/1001/issues/3')).body;
    const premium = (await api('/projects/1002/issues/3')).body;
    const free = (await api('/projects/1003/issues/3')).body;
    expect(ultimate).toHaveProperty('weight');
    expect(ultimate).toHaveProperty('health_status', 'on_track');
    expect(premium).toHaveProperty('weight');
    expect(premium).not.toHaveProperty('health_status');
    expect(free).not.toHaveProperty('weight');
    expect(free).not.toHaveProperty('health_status');
  });

  it('lists validate against ee/issues.json (Premium+) and issues.json (Free), with weights as in the seed', async () => {
    for (const project of [1001, 1002]) {
      const { body } = await api(`/projects/${project}/issues?per_page=100`);
      expectValid(v.eeIssues, body, `list ${project}`);
      for (const issue of body) expect(issue.weight === null || Number.isInteger(issue.weight)).toBe(true);
      expect(body.find((i: { iid: number }) => i.iid === 2).weight).toBe(3);
    }
    const free = await api('/projects/1003/issues');
    expectValid(v.issues, free.body, 'free list');
    expect(free.body.find((i: { iid: number }) => i.iid === 2).labels).toContain('weight::3');
  });

  it('the project is found by numeric id or URL-encoded full path, anything else is a 404', async () => {
    expect((await api('/projects/acme%2Fplatform%2Fbackend')).body.id).toBe(1001);
    expect((await api('/projects/acme%2Fplatform%2Fbackend/issues/1')).body.project_id).toBe(1001);
    const missing = await api('/projects/acme%2Fnope/issues/1');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: '404 Project Not Found' });
    expect((await api('/projects/1001/issues/9999')).body).toEqual({ message: '404 Issue Not Found' });
    expect((await api('/projects/acme/platform/backend')).status).toBe(404);
  });

  it('filters lists by iids[], labels, state, milestone, assignee and search', async () => {
    const iids = await api('/projects/1001/issues?iids[]=2&iids[]=6');
    expect(iids.body.map((i: { iid: number }) => i.iid).sort()).toEqual([2, 6]);
    const labelled = await api(`/projects/1002/issues?labels=${encodeURIComponent('type::bug,severity::2')}`);
    expect(labelled.body.map((i: { iid: number }) => i.iid)).toEqual([2]);
    const closed = await api('/projects/1001/issues?state=closed&per_page=100');
    expect(closed.body.every((i: { state: string }) => i.state === 'closed')).toBe(true);
    expect((await api('/projects/1001/issues?milestone=18.11&per_page=100')).body).toHaveLength(8);
    const erin = await api('/projects/1001/issues?assignee_username=erin&per_page=100');
    expect(erin.body.every((i: { assignees: { username: string }[] }) => i.assignees.some((a) => a.username === 'erin'))).toBe(true);
    expect((await api('/projects/1001/issues?search=Gitaly%20streaming')).body.map((i: { iid: number }) => i.iid)).toEqual([6]);
  });

  it('group and global issue lists span projects, with full relative references', async () => {
    const group = await api('/groups/acme%2Fplatform/issues?per_page=100&iids[]=1');
    expect(group.body.map((i: { project_id: number }) => i.project_id).sort()).toEqual([1001, 1002]);
    expect(group.body[0].references.relative).toMatch(/^acme\/platform\/\w+#1$/);
    const mine = await api('/issues?scope=assigned_to_me&per_page=100');
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((i: { assignees: { username: string }[] }) => i.assignees.some((a) => a.username === 'alice'))).toBe(true);
  });
});

describe('pagination', () => {
  it('sends x-total, x-total-pages, x-page, x-per-page, x-next-page, x-prev-page and a Link header', async () => {
    const first = await api('/projects/1001/issues?per_page=20');
    expect(first.body).toHaveLength(20);
    expect(first.headers.get('x-total')).toBe('132');
    expect(first.headers.get('x-total-pages')).toBe('7');
    expect(first.headers.get('x-page')).toBe('1');
    expect(first.headers.get('x-per-page')).toBe('20');
    expect(first.headers.get('x-next-page')).toBe('2');
    expect(first.headers.get('x-prev-page')).toBe('');
    const link = first.headers.get('link')!;
    expect(link).toContain(`<${sandbox.gitlab.url}/api/v4/projects/1001/issues?per_page=20&page=2>; rel="next"`);
    expect(link).toContain('page=7>; rel="last"');
    expect(link).not.toContain('rel="prev"');
    const last = await api('/projects/1001/issues?per_page=20&page=7');
    expect(last.body).toHaveLength(12);
    expect(last.headers.get('x-next-page')).toBe('');
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('caps per_page at 100 and keeps the filters in the Link URLs', async () => {
    const big = await api('/projects/1001/issues?per_page=500');
    expect(big.body).toHaveLength(100);
    expect(big.headers.get('x-per-page')).toBe('100');
    const filtered = await api('/projects/1001/issues?labels=backend&per_page=5');
    expect(filtered.headers.get('link')).toContain('labels=backend');
  });

  it('notes paginate and sort (desc by default, asc on request)', async () => {
    const desc = await api('/projects/1001/issues/3/notes?per_page=2');
    expect(desc.headers.get('x-total')).toBe('4');
    expectValid(v.notes, desc.body, 'notes page');
    const asc = await api('/projects/1001/issues/3/notes?sort=asc&order_by=created_at&per_page=100');
    const times = asc.body.map((n: { created_at: string }) => n.created_at);
    expect([...times].sort()).toEqual(times);
    expect(desc.body[0].id).toBe(asc.body[asc.body.length - 1].id);
  });
});

describe('updates', () => {
  it('add_labels/remove_labels change only the named labels', async () => {
    const { body } = await put('/projects/1001/issues/4', { add_labels: 'database,API', remove_labels: 'backend' });
    expect(body.labels).toEqual(expect.arrayContaining(['database', 'API', 'type::feature', 'workflow::ready for development']));
    expect(body.labels).not.toContain('backend');
    expectValid(v.issue, body, 'updated issue');
  });

  it('scoped labels are exclusive on Premium and Ultimate, done by the server', async () => {
    for (const project of [1001, 1002]) {
      const { body } = await put(`/projects/${project}/issues/1`, { add_labels: 'workflow::in dev' });
      expect(body.labels).toContain('workflow::in dev');
      expect(body.labels).not.toContain('workflow::refinement');
    }
  });

  it('Free keeps every scoped label: no exclusivity', async () => {
    const { body } = await put('/projects/1003/issues/1', { add_labels: 'workflow::in dev' });
    expect(body.labels).toEqual(expect.arrayContaining(['workflow::in dev', 'workflow::refinement']));
  });

  it('legacy conflicting labels stay until a label of their scope is added', async () => {
    const other = await put('/projects/1002/issues/8', { add_labels: 'database' });
    expect(other.body.labels).toEqual(expect.arrayContaining(['workflow::in dev', 'workflow::in review']));
    const healed = await put('/projects/1002/issues/8', { add_labels: 'workflow::verification' });
    expect(healed.body.labels.filter((l: string) => l.startsWith('workflow::'))).toEqual(['workflow::verification']);
  });

  it('unknown labels are created on the fly with GitLab’s default colour', async () => {
    await put('/projects/1001/issues/1', { add_labels: 'needs-investigation' });
    const labels = await api('/projects/1001/labels?search=needs-investigation');
    expect(labels.body).toEqual([expect.objectContaining({ name: 'needs-investigation', color: '#6699cc', is_project_label: true })]);
  });

  it('sets and clears the weight on Premium+ (null clears)', async () => {
    expect((await put('/projects/1002/issues/4', { weight: 2 })).body.weight).toBe(2);
    expect((await put('/projects/1002/issues/4', { weight: null })).body.weight).toBeNull();
    expect((await api('/projects/1002/issues/4')).body.weight).toBeNull();
    expect((await put('/projects/1002/issues/4', { weight: -1 })).status).toBe(400);
  });

  it('ignores weight on Free like GitLab EE does (200, nothing stored, still no weight key)', async () => {
    const res = await put('/projects/1003/issues/4', { weight: 3 });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('weight');
    expect(sandbox.gitlab.state.issues.find((i) => i.projectId === 1003 && i.iid === 4)!.weight).toBeNull();
  });

  it('refuses an update without any updatable parameter', async () => {
    const res = await put('/projects/1001/issues/1', {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/at least one parameter must be provided/);
  });

  it('closes and reopens with state_event', async () => {
    const closed = await put('/projects/1001/issues/4', { state_event: 'close' });
    expect(closed.body).toMatchObject({ state: 'closed', closed_by: { username: 'alice' } });
    expect((await put('/projects/1001/issues/4', { state_event: 'reopen' })).body.state).toBe('opened');
  });
});

describe('notes and quick actions', () => {
  it('creates and edits a note; single notes and lists validate against notes.json', async () => {
    const created = await post('/projects/1002/issues/2/notes', { body: 'Complete: 60%\nConfidence: 80%\nNotes: specs pass locally' });
    expect(created.status).toBe(201);
    expectValid(v.notes, [created.body], 'created note');
    expect(created.body).toMatchObject({ noteable_type: 'Issue', noteable_iid: 2, system: false, author: { username: 'alice' } });
    const edited = await put(`/projects/1002/issues/2/notes/${created.body.id}`, { body: 'Complete: 70%' });
    expect(edited.body.body).toBe('Complete: 70%');
    expect((await api(`/projects/1002/issues/2/notes/${created.body.id}`)).body.body).toBe('Complete: 70%');
    const list = await api('/projects/1002/issues/2/notes?per_page=100');
    expectValid(v.notes, list.body, 'note list');
    expect(list.body.map((n: { id: number }) => n.id)).toContain(created.body.id);
  });

  it('seeds handbook checklists and a legacy label system note', async () => {
    const notes = (await api('/projects/1001/issues/2/notes?per_page=100')).body as { body: string; system: boolean }[];
    expect(notes.some((n) => n.body.startsWith('# Bug Refinement Checklist') && n.body.includes('- [x]') && n.body.includes('- [ ]'))).toBe(true);
    expect(notes.some((n) => n.body.startsWith('### Implementation Plan'))).toBe(true);
    const one = (await api('/projects/1001/issues/1/notes?per_page=100')).body as { body: string; system: boolean }[];
    expect(one.some((n) => n.system && /^added ~\d+ label$/.test(n.body))).toBe(true);
  });

  it('a note made only of quick actions is applied and not stored (202 with commands_changes and summary)', async () => {
    const before = (await api('/projects/1001/issues/1/notes')).headers.get('x-total');
    const res = await post('/projects/1001/issues/1/notes', { body: '/health_status at_risk\n/label ~"workflow::in dev"' });
    expect(res.status).toBe(202);
    expect(res.body.commands_changes).toMatchObject({ health_status: 'at_risk' });
    expect(res.body.summary).toEqual(['Set health status to at_risk.', 'Added ~"workflow::in dev" label.']);
    const issue = (await api('/projects/1001/issues/1')).body;
    expect(issue.health_status).toBe('at_risk');
    expect(issue.labels).not.toContain('workflow::refinement');
    const notes = await api('/projects/1001/issues/1/notes?per_page=100');
    // Only the health-status system note was added, not a comment.
    expect(Number(notes.headers.get('x-total'))).toBe(Number(before) + 1);
    expect(notes.body.some((n: { body: string }) => n.body.includes('/health_status'))).toBe(false);
  });

  it('text with quick actions is stored without the commands', async () => {
    const res = await post('/projects/1002/issues/4/notes', { body: 'Refined with @carol.\n/weight 2' });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe('Refined with @carol.');
    expect(res.body.commands_changes).toEqual({ weight: 2 });
    expect((await api('/projects/1002/issues/4')).body.weight).toBe(2);
  });

  it('commands the tier lacks stay in the text (Free /weight, Premium /health_status)', async () => {
    const free = await post('/projects/1003/issues/4/notes', { body: '/weight 3' });
    expect(free.status).toBe(201);
    expect(free.body.body).toBe('/weight 3');
    const premium = await post('/projects/1002/issues/4/notes', { body: '/health_status on_track' });
    expect(premium.status).toBe(201);
    expect(premium.body.body).toBe('/health_status on_track');
    expect((await api('/projects/1002/issues/4')).body).not.toHaveProperty('health_status');
  });

  it('/clear_health_status and /unlabel', async () => {
    expect((await post('/projects/1001/issues/3/notes', { body: '/clear_health_status' })).status).toBe(202);
    expect((await api('/projects/1001/issues/3')).body.health_status).toBeNull();
    await post('/projects/1003/issues/1/notes', { body: '/unlabel ~backend' });
    expect((await api('/projects/1003/issues/1')).body.labels).not.toContain('backend');
  });

  it('/promote_to epic (Premium+): an epic in the project’s group with the issue’s content, the issue closed, system notes on both', async () => {
    const promoted = await post('/projects/1001/issues/5/notes', { body: '/promote_to epic' });
    expect(promoted.status).toBe(202);
    expect(promoted.body).toEqual({ commands_changes: {}, summary: ['Promoted successfully.'] });
    expect((await api('/projects/1001/issues/5')).body.state).toBe('closed');
    const epic = await api('/groups/acme%2Fplatform/epics/4');
    expect(epic.body).toMatchObject({ title: 'Stream blame ranges from Gitaly for very large files', author: { username: 'alice' }, labels: expect.arrayContaining(['workflow::planning breakdown']) });
    expect(epic.body.description).toBe(sandbox.gitlab.state.issues.find((i) => i.projectId === 1001 && i.iid === 5)!.description);
    const issueNotes = await api('/projects/1001/issues/5/notes?sort=desc');
    expectValid(v.notes, issueNotes.body, 'notes after promote');
    expect(issueNotes.body[0]).toMatchObject({ system: true, body: 'promoted to epic &4', author: { username: 'alice' } });
    const epicNotes = await api(`/groups/51/epics/${epic.body.id}/notes?sort=desc`);
    expect(epicNotes.body[0]).toMatchObject({ system: true, body: 'promoted from issue backend#5' });
  });

  it('/promote: also for closed issues, only once, with GitLab’s warning for confidential issues', async () => {
    const closed = await post('/projects/1002/issues/9/notes', { body: '/promote' });
    expect(closed.body).toEqual({ commands_changes: { promote_to_epic: true }, summary: ['Promoted issue to an epic.'] });
    expect((await api('/groups/acme%2Fplatform/epics/4')).body.title).toBe('Document the repository size limit for self-managed instances');
    // Once promoted, the command is no longer offered: it stays in the text as a comment.
    const again = await post('/projects/1002/issues/9/notes', { body: '/promote' });
    expect(again.status).toBe(201);
    expect(again.body.body).toBe('/promote');
    expect((await api('/groups/acme%2Fplatform/epics/5')).status).toBe(404);
    const secret = await post('/projects/1001/issues/7/notes', { body: '/promote' });
    expect(secret.body.summary[0]).toMatch(/^Promoted confidential issue to a non-confidential epic\./);
  });

  it('Free has no epics: /promote and /promote_to stay in the comment and nothing is promoted', async () => {
    for (const body of ['/promote', '/promote_to epic']) {
      const res = await post('/projects/1003/issues/5/notes', { body });
      expect(res.status).toBe(201);
      expect(res.body.body).toBe(body);
    }
    expect((await api('/projects/1003/issues/5')).body.state).toBe('opened');
    expect(sandbox.gitlab.state.epics).toHaveLength(3);
  });

  it('/promote_to with a type an issue cannot become says so and changes nothing', async () => {
    const res = await post('/projects/1001/issues/5/notes', { body: '/promote_to objective' });
    expect(res.body.summary).toEqual(['Failed to promote this work item: Provided type is not supported.']);
    expect((await api('/projects/1001/issues/5')).body.state).toBe('opened');
  });

  it('deletes a note: the author’s own, not someone else’s (unless Maintainer) and never a system note', async () => {
    const mine = await post('/projects/1001/issues/4/notes', { body: 'typo' });
    expect((await api(`/projects/1001/issues/4/notes/${mine.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/projects/1001/issues/4/notes/${mine.body.id}`)).status).toBe(404);
    const alices = sandbox.gitlab.state.notes.find((n) => n.authorId === 1 && !n.system && n.noteableType === 'Issue')!;
    const issue = sandbox.gitlab.state.issues.find((i) => i.id === alices.noteableId)!;
    expect((await api(`/projects/${issue.projectId}/issues/${issue.iid}/notes/${alices.id}`, { method: 'DELETE', token: 'sandbox-gitlab-reporter' })).status).toBe(403);
    const system = sandbox.gitlab.state.notes.find((n) => n.system && n.noteableType === 'Issue')!;
    const sysIssue = sandbox.gitlab.state.issues.find((i) => i.id === system.noteableId)!;
    expect((await api(`/projects/${sysIssue.projectId}/issues/${sysIssue.iid}/notes/${system.id}`, { method: 'DELETE' })).status).toBe(403);
  });

  it('a bad quick action argument is refused with 400', async () => {
    const res = await post('/projects/1001/issues/1/notes', { body: '/health_status splendid' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/health_status/);
  });

  it('only the author edits a note, and a body is required', async () => {
    const carols = sandbox.gitlab.state.notes.find((n) => n.authorId === 3 && !n.system && n.noteableType === 'Issue')!;
    const issue = sandbox.gitlab.state.issues.find((i) => i.id === carols.noteableId)!;
    expect((await put(`/projects/${issue.projectId}/issues/${issue.iid}/notes/${carols.id}`, { body: 'hijack' })).status).toBe(403);
    expect((await post('/projects/1001/issues/1/notes', {})).body).toEqual({ error: 'body is missing' });
  });
});

describe('auth, permissions and rate-limit headers', () => {
  it('401 without a token, with an unknown or an expired one', async () => {
    for (const token of [null, 'nope', 'sandbox-gitlab-expired']) {
      const res = await api('/projects/1001/issues/1', { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: '401 Unauthorized' });
    }
  });

  it('accepts Authorization: Bearer as well as PRIVATE-TOKEN', async () => {
    const res = await api('/user', { token: null, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.body).toMatchObject({ id: 1, username: 'alice', name: 'Alice Example' });
  });

  it('the reporter reads but gets 403 {"message":"403 Forbidden"} on writes', async () => {
    expect((await api('/projects/1001/issues/1', { token: 'sandbox-gitlab-reporter' })).status).toBe(200);
    for (const res of [
      await put('/projects/1001/issues/1', { add_labels: 'database' }, 'sandbox-gitlab-reporter'),
      await post('/projects/1001/issues/1/notes', { body: 'hi' }, 'sandbox-gitlab-reporter'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: '403 Forbidden' });
    }
  });

  it('a read_api token reads but writes get insufficient_scope', async () => {
    const token = 'sandbox-gitlab-readonly-scope';
    expect((await api('/projects/1001/issues/1', { token })).status).toBe(200);
    const res = await put('/projects/1001/issues/1', { add_labels: 'database' }, token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'insufficient_scope', scope: 'api' });
    expect(res.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('RateLimit-* headers on every API answer, errors and GraphQL included', async () => {
    const answers = [
      await api('/projects/1001/issues/1'),
      await api('/projects/1001/issues/1', { token: null }),
      await api('/projects/999'),
      await api('/no/such/route'),
    ];
    const gql = await fetch(`${sandbox.gitlab.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'private-token': TOKEN }, body: '{"query":"{ x }"}' });
    for (const h of [...answers.map((a) => a.headers), gql.headers]) {
      expect(h.get('ratelimit-limit')).toBe('2000');
      expect(Number(h.get('ratelimit-remaining'))).toBeGreaterThan(0);
      expect(Number(h.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
      expect(h.get('ratelimit-resettime')).toMatch(/GMT$/);
    }
    const a = Number(answers[0]!.headers.get('ratelimit-observed'));
    const b = Number((await api('/projects/1001/issues/1')).headers.get('ratelimit-observed'));
    expect(b).toBeGreaterThan(a);
  });

  it('user, token and version endpoints', async () => {
    const self = await api('/personal_access_tokens/self');
    expect(self.body).toMatchObject({ scopes: ['api'], active: true, revoked: false, user_id: 1 });
    expect(self.body.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const readonly = await api('/personal_access_tokens/self', { token: 'sandbox-gitlab-readonly-scope' });
    expect(readonly.body.scopes).toEqual(['read_api']);
    expect((await api('/version')).body.version).toMatch(/^18\.\d+\.\d+-ee$/);
  });
});

describe('GraphQL updateIssue(healthStatus)', () => {
  const mutation = 'mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { issue { iid healthStatus } errors } }';
  const gql = (input: Record<string, unknown>, token = TOKEN) =>
    fetch(`${sandbox.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: mutation, variables: { input } }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('sets and clears the health status on Ultimate', async () => {
    const set = await gql({ projectPath: 'acme/platform/backend', iid: '2', healthStatus: 'needsAttention' });
    expect(set.body).toEqual({ data: { updateIssue: { issue: { iid: '2', healthStatus: 'needsAttention' }, errors: [] } } });
    expect((await api('/projects/1001/issues/2')).body.health_status).toBe('needs_attention');
    const cleared = await gql({ projectPath: 'acme/platform/backend', iid: '2', healthStatus: null });
    expect(cleared.body.data.updateIssue.issue.healthStatus).toBeNull();
    expect((await api('/projects/1001/issues/2')).body.health_status).toBeNull();
  });

  it('accepts the input written inline in the query', async () => {
    const res = await fetch(`${sandbox.gitlab.url}/gitlab/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'private-token': TOKEN },
      body: JSON.stringify({ query: 'mutation { updateIssue(input: {projectPath: "acme/platform/backend", iid: "4", healthStatus: atRisk}) { issue { healthStatus } errors } }' }),
    });
    expect(await res.json()).toEqual({ data: { updateIssue: { issue: { healthStatus: 'atRisk' }, errors: [] } } });
  });

  it('below Ultimate the argument is dropped silently, as GitLab EE does', async () => {
    const res = await gql({ projectPath: 'acme/platform/frontend', iid: '2', healthStatus: 'atRisk' });
    expect(res.body.data.updateIssue).toEqual({ issue: { iid: '2', healthStatus: null }, errors: [] });
    expect(sandbox.gitlab.state.issues.find((i) => i.projectId === 1002 && i.iid === 2)!.healthStatus).toBeNull();
  });

  it('permission problems are GraphQL errors; a bad token is a 401', async () => {
    const reporter = await gql({ projectPath: 'acme/platform/backend', iid: '2', healthStatus: 'atRisk' }, 'sandbox-gitlab-reporter');
    expect(reporter.status).toBe(200);
    expect(reporter.body.data.updateIssue).toBeNull();
    expect(reporter.body.errors[0].message).toMatch(/you don't have permission/);
    expect((await gql({ projectPath: 'acme/platform/backend', iid: '2', healthStatus: 'atRisk' }, 'bad-token')).status).toBe(401);
    const badEnum = await gql({ projectPath: 'acme/platform/backend', iid: '2', healthStatus: 'great' });
    expect(badEnum.body.errors[0].message).toMatch(/Expected type 'HealthStatus'/);
    const numericIid = await gql({ projectPath: 'acme/platform/backend', iid: 2, healthStatus: 'atRisk' });
    expect(numericIid.body.errors[0].message).toMatch(/Could not coerce value 2 to String/);
  });
});

describe('GraphQL work-item Status (18.2+; globex has statuses, acme has Status off)', () => {
  const READ = `query($fullPath: ID!, $iid: String!) { namespace(fullPath: $fullPath) { workItem(iid: $iid) { id state
    widgets { ... on WorkItemWidgetStatus { type status { id name category color iconName } } }
    workItemType { widgetDefinitions { ... on WorkItemWidgetDefinitionStatus { type allowedStatuses { id name category } } } } } } }`;
  const UPDATE = 'mutation($input: WorkItemUpdateInput!) { workItemUpdate(input: $input) { workItem { id state widgets { ... on WorkItemWidgetStatus { status { id name } } } } errors } }';
  const gql = (query: string, variables: Record<string, unknown>, token = TOKEN) =>
    fetch(`${sandbox.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const read = (fullPath: string, iid: number) => gql(READ, { fullPath, iid: String(iid) }).then((r) => r.body.data.namespace.workItem);
  const statusWidget = (wi: Json) => wi.widgets.find((w: Json) => w.type === 'STATUS');
  const inProgress = 'gid://gitlab/WorkItems::Statuses::SystemDefined::Status/2';
  const done = 'gid://gitlab/WorkItems::Statuses::SystemDefined::Status/3';

  it('reads the status widget and the allowed statuses (categories upper case); other widgets answer {}', async () => {
    const wi = await read('globex/app', 1);
    expect(wi.id).toMatch(/^gid:\/\/gitlab\/WorkItem\/\d+$/);
    expect(wi.widgets).toContainEqual({});
    expect(statusWidget(wi).status).toEqual({ id: 'gid://gitlab/WorkItems::Statuses::Custom::Status/12', name: 'Refinement', category: 'TO_DO', color: '#737278', iconName: 'status-waiting', position: 0 });
    const allowed = wi.workItemType.widgetDefinitions.find((d: Json) => d.type === 'STATUS').allowedStatuses;
    expect(allowed.map((s: Json) => `${s.name}:${s.category}`)).toEqual(['Needs validation:TRIAGE', 'Refinement:TO_DO', 'To do:TO_DO', 'In progress:IN_PROGRESS', 'In review:IN_PROGRESS', 'Done:DONE', "Won't do:CANCELED", 'Duplicate:CANCELED']);
  });

  it('acme (Status off) and Free projects have no status widget; a project the token cannot see is namespace: null', async () => {
    for (const path of ['acme/platform/backend', 'acme/community/website']) {
      const wi = await read(path, 1);
      expect(wi.widgets.some((w: Json) => w.type === 'STATUS')).toBe(false);
      expect(wi.workItemType.widgetDefinitions.some((d: Json) => d.type === 'STATUS')).toBe(false);
    }
    expect((await gql(READ, { fullPath: 'acme/secret/project', iid: '1' })).body).toEqual({ data: { namespace: null } });
  });

  it('workItemUpdate(statusWidget) sets the status; done closes the issue, in progress reopens it; a system note each', async () => {
    const id = (await read('globex/app', 3)).id;
    const set = await gql(UPDATE, { input: { id, statusWidget: { status: done } } });
    expect(set.body.data.workItemUpdate).toMatchObject({ workItem: { id, state: 'CLOSED' }, errors: [] });
    expect((await api('/projects/1004/issues/3')).body.state).toBe('closed');
    await gql(UPDATE, { input: { id, statusWidget: { status: inProgress } } });
    expect((await api('/projects/1004/issues/3')).body.state).toBe('opened');
    const notes = (await api('/projects/1004/issues/3/notes')).body.filter((n: Json) => n.system).map((n: Json) => n.body);
    expect(notes).toEqual(expect.arrayContaining(['set status to **Done**', 'set status to **In progress**']));
  });

  it('refuses a status the namespace lacks, a reporter, and (older schema) the statusWidget argument and Status fields', async () => {
    const id = (await read('globex/app', 2)).id;
    const other = await gql(UPDATE, { input: { id, statusWidget: { status: 'gid://gitlab/WorkItems::Statuses::Custom::Status/999' } } });
    expect(other.body.data.workItemUpdate.errors).toEqual(['Status is not allowed for this work item type.']);
    const reporter = await gql(UPDATE, { input: { id, statusWidget: { status: done } } }, 'sandbox-gitlab-reporter');
    expect(reporter.body.errors[0].message).toMatch(/you don't have permission/);
    sandbox.gitlab.state.statusSchema.mutation = false;
    const old = await gql(UPDATE, { input: { id, statusWidget: { status: done } } });
    expect(old.body.errors[0].message).toBe('Variable $input of type WorkItemUpdateInput! was provided invalid value for statusWidget (Field is not defined on WorkItemUpdateInput)');
    sandbox.gitlab.state.statusSchema.read = false;
    expect((await gql(READ, { fullPath: 'globex/app', iid: '2' })).body.errors[0]).toMatchObject({ message: "Field 'allowedStatuses' doesn't exist on type 'WorkItemWidgetDefinitionStatus'", extensions: { code: 'undefinedField' } });
  });

  it('the /status quick action (quoted or not) where the namespace has statuses; elsewhere it stays in the comment', async () => {
    const res = await post('/projects/1004/issues/2/notes', { body: '/status "In review"' });
    expect(res.status).toBe(202);
    expect(res.body.summary).toEqual(['Status set to In review.']);
    expect(statusWidget(await read('globex/app', 2)).status.name).toBe('In review');
    expect((await post('/projects/1004/issues/2/notes', { body: "/status won't do" })).status).toBe(202);
    expect((await api('/projects/1004/issues/2')).body.state).toBe('closed');
    const acme = await post('/projects/1002/issues/2/notes', { body: '/status "In review"' });
    expect(acme.status).toBe(201);
    expect(acme.body.body).toBe('/status "In review"');
  });
});

describe('merge requests, links, labels, members, epics, markdown', () => {
  it('related merge requests and closing merge requests', async () => {
    const related = await api('/projects/1001/issues/3/related_merge_requests');
    expect(related.body.map((m: { reference: string }) => m.reference)).toEqual(['!11', '!12']);
    expect(related.body[1]).toMatchObject({ draft: true, web_url: `${sandbox.gitlab.url}/acme/platform/backend/-/merge_requests/12` });
    const cross = await api('/projects/1001/issues/6/related_merge_requests');
    expect(cross.body.map((m: { references: { full: string }; reference: string }) => m.reference)).toEqual(['acme/platform/frontend!7']);
    const closing = await api('/projects/1001/issues/3/closed_by');
    expect(closing.body.map((m: { iid: number }) => m.iid)).toEqual([12]);
  });

  it('issue links: blocks/is_blocked_by on Premium+, relates_to on Free', async () => {
    const blocked = await api('/projects/1001/issues/4/links');
    expect(blocked.body).toEqual([expect.objectContaining({ iid: 3, link_type: 'is_blocked_by', issue_link_id: expect.any(Number) })]);
    expect((await api('/projects/1001/issues/3/links')).body[0].link_type).toBe('blocks');
    expect((await api('/projects/1003/issues/4/links')).body[0].link_type).toBe('relates_to');
  });

  it('issue links carry the documented fields; #1 is blocked by an open and a closed issue from Premium up', async () => {
    const links = await api('/projects/1002/issues/1/links');
    for (const l of links.body) {
      expectValid(v.issue, Object.fromEntries(Object.entries(l).filter(([k]) => !['issue_link_id', 'link_type', 'link_created_at', 'link_updated_at'].includes(k))), `linked issue ${l.iid}`);
      expect(l).toMatchObject({ issue_link_id: expect.any(Number), link_created_at: expect.any(String), link_updated_at: expect.any(String) });
      expect(['relates_to', 'blocks', 'is_blocked_by']).toContain(l.link_type);
    }
    expect(links.body.map((l: Json) => [l.iid, l.link_type, l.state])).toEqual([
      [6, 'is_blocked_by', 'opened'],
      [9, 'is_blocked_by', 'closed'],
    ]);
    expect((await api('/projects/1003/issues/1/links')).body.map((l: Json) => l.link_type)).toEqual(['relates_to']);
  });

  it('a single issue note and a single epic note; 404 once deleted', async () => {
    const notes = await api('/projects/1001/issues/1/notes?sort=asc');
    const last = notes.body.at(-1);
    const one = await api(`/projects/1001/issues/1/notes/${last.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(last);
    expect((await api(`/projects/1001/issues/1/notes/${last.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await api(`/projects/1001/issues/1/notes/${last.id}`)).toMatchObject({ status: 404, body: { message: '404 Note Not Found' } });
    const epic = await api('/groups/51/epics/2');
    const epicNotes = await api(`/groups/51/epics/${epic.body.id}/notes`);
    expect((await api(`/groups/51/epics/${epic.body.id}/notes/${epicNotes.body[0].id}`)).body).toEqual(epicNotes.body[0]);
  });

  it('project labels validate; with_counts adds counts; include_ancestor_groups=false drops group labels', async () => {
    const all = await api('/projects/1001/labels?with_counts=true&per_page=100');
    for (const l of all.body) expectValid(v.projectLabel, l, `label ${l.name}`);
    const refinement = all.body.find((l: { name: string }) => l.name === 'workflow::refinement');
    expect(refinement).toMatchObject({ open_issues_count: expect.any(Number), is_project_label: true, description: expect.stringContaining('refine') });
    expect(all.body.some((l: { name: string; is_project_label: boolean }) => l.name === 'Deliverable' && !l.is_project_label)).toBe(true);
    const own = await api('/projects/1001/labels?include_ancestor_groups=false&per_page=100');
    expect(own.body.some((l: { name: string }) => l.name === 'Deliverable')).toBe(false);
    expect((await api('/projects/1003/labels?per_page=100')).body.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['weight::3', 'health::at risk']));
    expect((await api('/projects/1001/labels?per_page=100')).body.map((l: { name: string }) => l.name)).not.toContain('weight::3');
  });

  it('creates a project label; a duplicate, also of an ancestor group’s label, is a 409; titles are case-sensitive', async () => {
    const created = await post('/projects/1001/labels', { name: 'weight::8', color: '#7f8c8d', description: 'Too big' });
    expect(created.status).toBe(201);
    expectValid(v.projectLabel, created.body, 'created label');
    const again = await post('/projects/1001/labels', { name: 'weight::8', color: '#7f8c8d' });
    expect(again).toMatchObject({ status: 409, body: { message: 'Label already exists' } });
    expect((await post('/projects/1001/labels', { name: 'Deliverable', color: '#428bca' })).status).toBe(409);
    // GitLab compares label titles exactly (PostgreSQL, no case folding): `deliverable` is another label.
    expect((await post('/projects/1001/labels', { name: 'deliverable', color: '#428bca' })).status).toBe(201);
    expect((await post('/projects/1001/labels', { name: 'x' })).body).toEqual({ error: 'color is missing' });
    expect((await post('/projects/1001/labels', { name: 'a,b', color: '#428bca' })).body).toEqual({ message: { title: ['is invalid'] } });
    expect((await post('/projects/1001/labels', { name: 'y', color: '#7f8c8d' }, 'sandbox-gitlab-reporter')).status).toBe(403);
  });

  it('group labels: list (ancestors by default) and create; they validate against label.json', async () => {
    const list = await api('/groups/acme%2Fplatform/labels?with_counts=true&per_page=100');
    expect(list.status).toBe(200);
    for (const l of list.body) {
      expectValid(v.label, l, `group label ${l.name}`);
      expect(l).not.toHaveProperty('is_project_label');
    }
    expect(list.body.find((l: { name: string }) => l.name === 'Deliverable')).toMatchObject({ open_issues_count: expect.any(Number) });
    expect((await api('/groups/51/labels?include_ancestor_groups=false')).body).toEqual([]);
    const created = await post('/groups/51/labels', { name: 'team::source code', color: '#A8D695', description: 'Owned by Source Code' });
    expect(created.status).toBe(201);
    expectValid(v.label, created.body, 'created group label');
    expect(created.body).toMatchObject({ name: 'team::source code', color: '#A8D695', description: 'Owned by Source Code' });
    expect((await api('/groups/51/labels?include_ancestor_groups=false')).body.map((l: { name: string }) => l.name)).toEqual(['team::source code']);
  });

  it('group label duplicates are 409 (own and ancestors’ labels); reporters and read_api tokens get 403', async () => {
    await post('/groups/51/labels', { name: 'team::source code', color: '#a8d695' });
    expect(await post('/groups/51/labels', { name: 'team::source code', color: '#a8d695' })).toMatchObject({ status: 409, body: { message: 'Label already exists' } });
    expect((await post('/groups/51/labels', { name: 'Deliverable', color: '#428bca' })).status).toBe(409);
    // A project label of the same title below the group does not block a group label.
    expect((await post('/groups/51/labels', { name: 'spike', color: '#9400d3' })).status).toBe(201);
    expect(await post('/groups/51/labels', { name: 'z', color: '#000000' }, 'sandbox-gitlab-reporter')).toMatchObject({ status: 403, body: { message: '403 Forbidden' } });
    expect((await post('/groups/51/labels', { name: 'z', color: '#000000' }, 'sandbox-gitlab-readonly-scope')).body).toMatchObject({ error: 'insufficient_scope' });
  });

  it('a new group label is listed by the group’s projects (not by other groups’ projects) and usable on their issues', async () => {
    await post('/groups/acme%2Fplatform/labels', { name: 'team::source code', color: '#a8d695' });
    const names = async (project: number) => (await api(`/projects/${project}/labels?per_page=100`)).body.filter((l: { name: string }) => l.name === 'team::source code');
    expect(await names(1001)).toEqual([expect.objectContaining({ is_project_label: false, color: '#a8d695' })]);
    expect(await names(1002)).toHaveLength(1);
    expect(await names(1003)).toEqual([]);
    const issue = await put('/projects/1002/issues/4', { add_labels: 'team::source code' });
    expect(issue.body.labels).toContain('team::source code');
    // The group label was used, not a new project label of GitLab's default colour.
    expect(await names(1002)).toEqual([expect.objectContaining({ is_project_label: false, color: '#a8d695' })]);
  });

  it('members/all: direct and inherited members once each with the highest level, blocked users marked', async () => {
    const members = await api('/projects/1001/members/all?per_page=100');
    const byName = Object.fromEntries(members.body.map((m: { username: string }) => [m.username, m]));
    expect(Object.keys(byName).sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi']);
    expect(byName.alice).toMatchObject({ access_level: 40, state: 'active' });
    expect(byName.bob.access_level).toBe(20);
    expect(byName.frank.access_level).toBe(30);
    expect(byName.heidi.state).toBe('blocked');
    const community = (await api('/projects/1003/members/all?per_page=100')).body.map((m: { username: string }) => m.username);
    expect(community).toContain('frank');
    expect(community).not.toContain('grace');
    const group = (await api('/groups/acme%2Fplatform/members/all?per_page=100')).body.map((m: { username: string }) => m.username);
    expect(group.sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'frank', 'grace', 'heidi']);
    const page = await api('/projects/1001/members/all?per_page=3&page=3');
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('x-total')).toBe('8');
  });

  it('epics on Premium groups (notes by epic id), 403 where epics are not available', async () => {
    const epic = await api('/groups/acme%2Fplatform/epics/2');
    expect(epic.body).toMatchObject({ iid: 2, references: { full: 'acme/platform&2' }, web_url: `${sandbox.gitlab.url}/groups/acme/platform/-/epics/2` });
    const notes = await api(`/groups/51/epics/${epic.body.id}/notes`);
    expectValid(v.notes, notes.body, 'epic notes');
    expect(notes.body[0].noteable_type).toBe('Epic');
    expect((await api('/groups/acme%2Fplatform/epics/2/notes')).status).toBe(404);
    expect((await api('/groups/acme%2Fcommunity/epics/1')).status).toBe(403);
  });

  it('updates epic labels with add_labels/remove_labels; scoped labels are exclusive on epics', async () => {
    await put('/groups/acme%2Fplatform/epics/1', { add_labels: 'workflow::design' });
    const res = await put('/groups/acme%2Fplatform/epics/1', { add_labels: 'workflow::planning breakdown', remove_labels: 'devops::create' });
    expect(res.status).toBe(200);
    expect(res.body.labels).toEqual(['group::source code', 'workflow::planning breakdown']);
    expect((await put('/groups/acme%2Fplatform/epics/1', { add_labels: 'x' }, 'sandbox-gitlab-reporter')).status).toBe(403);
  });

  it('POST /markdown renders GitLab-flavoured markdown', async () => {
    const res = await post('/markdown', { text: '- [x] done ~"workflow::in dev" #3', gfm: true, project: 'acme/platform/backend' });
    expect(res.status).toBe(201);
    expect(res.body.html).toContain('class="task-list-item-checkbox" checked');
    expect(res.body.html).toContain('href="/acme/platform/backend/-/issues/3"');
  });
});

describe('relative URL root and forwarded hosts', () => {
  it('web_url and avatars use the /gitlab root the client used', async () => {
    const { body } = await api('/gitlab/api/v4/projects/1001/issues/1');
    expect(body.web_url).toBe(`${sandbox.gitlab.url}/gitlab/acme/platform/backend/-/issues/1`);
    expect(body.author.web_url).toBe(`${sandbox.gitlab.url}/gitlab/dave`);
    expect(body.author.avatar_url.startsWith(`${sandbox.gitlab.url}/gitlab/uploads/`)).toBe(true);
    expectValid(v.issue, body, 'issue under /gitlab');
    const link = (await api('/gitlab/api/v4/projects/1001/issues?per_page=5')).headers.get('link')!;
    expect(link).toContain(`<${sandbox.gitlab.url}/gitlab/api/v4/projects/1001/issues?`);
  });

  it('x-forwarded-host makes the URLs those of gitlab.com', async () => {
    const { body } = await api('/projects/1001/issues/1', { headers: { 'x-forwarded-host': 'gitlab.com', 'x-forwarded-proto': 'https' } });
    expect(body.web_url).toBe('https://gitlab.com/acme/platform/backend/-/issues/1');
  });
});
