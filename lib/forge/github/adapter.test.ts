// The GitHub adapter against the sandbox GitHub Enterprise (pages at sb.github.url, REST at /api/v3).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { ForgeError } from '../errors';
import type { Connection } from '../forge';
import type { IssueRef } from '../model';
import { createGithubForge, type GithubForgeOptions } from './adapter';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const conn = (token = 'sandbox-github-token'): Connection => ({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token });
const ref = (iid: number, path = 'acme/widgets'): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token?: string, opts: GithubForgeOptions = {}) => createGithubForge(conn(token), { retryBaseMs: 5, ...opts });
const widgets = () => sb.github.state.repos.find((r) => r.name === 'widgets')!;
const issueState = (n: number) => widgets().issues.find((i) => i.number === n)!;
const writes = () => sb.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace('/api/v3/repos/acme/widgets', '')}`);

async function failure(p: Promise<unknown>): Promise<ForgeError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ForgeError);
  return e as ForgeError;
}

describe('reading issues', () => {
  it('maps an issue with type Bug, labels, milestone and assignees; GitHub has no weight or health field', async () => {
    const issue = await forge().getIssue(ref(2));
    expect(issue).toMatchObject({
      title: 'Merge request diff fails to load for binary files',
      state: 'opened',
      type: 'bug',
      labels: ['type::bug', 'severity::2', 'workflow::ready for development', 'weight::3'],
      weight: null,
      healthStatus: null,
      milestone: { title: '18.1' },
      // Issue JSON carries logins only; display names come from /user.
      assignees: [{ id: 101, username: 'alice', name: 'alice' }],
      webUrl: `${sb.github.url}/acme/widgets/issues/2`,
    });
    expect(issue.description).toContain('## Steps to reproduce');
    expect(issue.ref).toEqual(ref(2));
  });

  it('lower-cases other issue types, uses "issue" without one and maps closed issues', async () => {
    const f = forge();
    expect((await f.getIssue(ref(1))).type).toBe('feature');
    expect((await f.getIssue(ref(6))).type).toBe('task');
    const plain = await f.getIssue(ref(12));
    expect(plain).toMatchObject({ type: 'issue', description: '', milestone: null, assignees: [] });
    expect((await f.getIssue(ref(13))).state).toBe('closed');
  });

  it('refuses pull requests as not found, also for label changes (nothing is written)', async () => {
    const f = forge();
    const e = await failure(f.getIssue(ref(21)));
    expect(e.kind).toBe('not-found');
    expect(e.message).toMatch(/pull request/);
    expect((await failure(f.changeLabels(ref(21), { add: ['UX'], remove: [] }))).kind).toBe('not-found');
    expect(writes()).toEqual([]);
  });

  it('has no native fields: all capabilities are false', async () => {
    expect(await forge().getCapabilities(ref(2))).toEqual({ weight: false, healthStatus: false, scopedLabels: false, epics: false });
  });

  it('lists comments as notes, across all pages', async () => {
    const notes = await forge().listNotes(ref(2));
    expect(notes.map((n) => n.author.username)).toEqual(['alice', 'alice', 'carol']);
    expect(notes[0]!.body).toMatch(/^# Bug Refinement Checklist/);
    expect(notes.every((n) => n.system === false)).toBe(true);
    // 150 more comments need two pages of 100.
    const repo = widgets();
    for (let i = 0; i < 150; i++) {
      repo.comments.push({ id: 9_000_000 + i, issueNumber: 2, authorId: 103, body: `update ${i}`, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
    }
    const all = await forge().listNotes(ref(2));
    expect(all).toHaveLength(153);
    expect(all.at(-1)!.body).toBe('update 149');
  });

  it('lists pull requests from timeline cross-references: deduplicated, merged state, other repositories named', async () => {
    const f = forge();
    expect(await f.listLinkedChanges(ref(3))).toEqual([
      { reference: '#22', iid: 22, title: 'Add reviewer_file_states table', state: 'merged', webUrl: `${sb.github.url}/acme/widgets/pull/22` },
      { reference: '#21', iid: 21, title: 'Store viewed files per reviewer', state: 'open', webUrl: `${sb.github.url}/acme/widgets/pull/21` },
    ]);
    expect(await f.listLinkedChanges(ref(7))).toEqual([
      { reference: 'acme/gadgets#4', iid: 4, title: 'Harden attribute parsing shared with widgets', state: 'open', webUrl: `${sb.github.url}/acme/gadgets/pull/4` },
    ]);
    expect(await f.listLinkedChanges(ref(1))).toEqual([]);
  });

  it('refuses references it cannot serve before sending anything', async () => {
    const f = forge();
    expect((await failure(f.getIssue({ ...ref(2), baseUrl: 'https://github.com' }))).kind).toBe('invalid');
    expect((await failure(f.getIssue({ ...ref(2), container: 'group', kind: 'epic' }))).kind).toBe('invalid');
    expect((await failure(f.getIssue(ref(2, 'acme/platform/backend')))).kind).toBe('invalid');
    expect(sb.requests).toEqual([]);
  });
});

describe('changing labels', () => {
  it('adding a workflow stage removes the previous one with add/remove calls, never a full replace', async () => {
    const issue = await forge().changeLabels(ref(1), { add: ['workflow::in dev'], remove: [] });
    expect(issue.labels).toEqual(['type::feature', 'backend', 'workflow::in dev']);
    expect(issueState(1).labels).toEqual(['type::feature', 'backend', 'workflow::in dev']);
    expect(writes()).toEqual(['POST /issues/1/labels', `DELETE /issues/1/labels/${encodeURIComponent('workflow::refinement')}`]);
  });

  it('cleans up conflicting labels of the scope being set and removes labels on request', async () => {
    const f = forge();
    expect((await f.changeLabels(ref(8), { add: ['workflow::in review'], remove: [] })).labels).toEqual(['workflow::in review', 'type::feature', 'API', 'weight::2']);
    expect((await f.changeLabels(ref(8), { add: [], remove: ['API'] })).labels).toEqual(['workflow::in review', 'type::feature', 'weight::2']);
  });

  it('reads the labels just before writing: a stage someone else set meanwhile is replaced too', async () => {
    const f = forge();
    await f.getIssue(ref(1));
    // Another client moves the issue on after our read.
    issueState(1).labels = ['workflow::design', 'type::feature', 'backend'];
    const issue = await f.changeLabels(ref(1), { add: ['workflow::in dev'], remove: [] });
    expect(issue.labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::in dev']);
  });

  it('keeps a label another client added between our read and our write', async () => {
    let raced = false;
    // Another client labels the issue while our add is on its way.
    const racingFetch: typeof fetch = async (input, init) => {
      if (!raced && init?.method === 'POST' && String(input).endsWith('/issues/1/labels')) {
        raced = true;
        const other = await fetch(`${sb.github.apiUrl}/repos/acme/widgets/issues/1/labels`, {
          method: 'POST',
          headers: { authorization: 'token sandbox-github-finegrained', 'content-type': 'application/json' },
          body: JSON.stringify({ labels: ['needs-design'] }),
        });
        expect(other.status).toBe(200);
      }
      return fetch(input, init);
    };
    const issue = await forge(undefined, { fetch: racingFetch }).changeLabels(ref(1), { add: ['workflow::in dev'], remove: ['backend'] });
    expect(raced).toBe(true);
    expect(issue.labels).toEqual(['type::feature', 'needs-design', 'workflow::in dev']);
  });

  it('a label removed by someone else just before our removal is not an error', async () => {
    const racingFetch: typeof fetch = async (input, init) => {
      if (init?.method === 'DELETE') issueState(1).labels = issueState(1).labels.filter((l) => l !== 'backend');
      return fetch(input, init);
    };
    const issue = await forge(undefined, { fetch: racingFetch }).changeLabels(ref(1), { add: [], remove: ['backend'] });
    expect(issue.labels).toEqual(['workflow::refinement', 'type::feature']);
    expect(sb.requests.find((r) => r.method === 'DELETE')!.status).toBe(404);
  });

  it('refuses a contradictory change without writing', async () => {
    expect((await failure(forge().changeLabels(ref(1), { add: ['UX'], remove: ['UX'] }))).kind).toBe('invalid');
    expect((await failure(forge().changeLabels(ref(1), { add: [''], remove: [] }))).kind).toBe('invalid');
    expect(writes()).toEqual([]);
  });

  it('has no weight or health field to set: callers must use labels', async () => {
    const f = forge();
    const w = await failure(f.setWeight(ref(4), 3));
    expect(w.kind).toBe('invalid');
    expect(w.message).toMatch(/weight::/);
    expect((await failure(f.setHealthStatus(ref(4), 'at_risk'))).message).toMatch(/health::/);
    expect((await failure(f.setStatus(ref(4), 'gid://gitlab/WorkItems::Statuses::SystemDefined::Status/2'))).message).toMatch(/workflow::/);
    expect(writes()).toEqual([]);
  });
});

describe('comments', () => {
  it('creates and updates a comment, visible in the notes afterwards', async () => {
    const f = forge();
    const note = await f.createNote(ref(3), 'Complete: 60%\nConfidence: 80%\nNotes: in review');
    expect(note).toMatchObject({ body: 'Complete: 60%\nConfidence: 80%\nNotes: in review', author: { username: 'alice' }, system: false });
    const updated = await f.updateNote(ref(3), note.id, 'Complete: 70%');
    expect(updated).toMatchObject({ id: note.id, body: 'Complete: 70%' });
    expect((await f.listNotes(ref(3))).at(-1)).toMatchObject({ id: note.id, body: 'Complete: 70%' });
  });

  it('will not edit a comment of another issue, nor post an empty one', async () => {
    const f = forge();
    const other = widgets().comments.find((c) => c.issueNumber === 2)!;
    expect((await failure(f.updateNote(ref(3), other.id, 'hijack'))).kind).toBe('not-found');
    expect(other.body).toMatch(/^# Bug Refinement Checklist/);
    expect((await failure(f.createNote(ref(3), '   '))).kind).toBe('invalid');
    expect(writes()).toEqual([]);
  });
});

describe('testConnection', () => {
  it('returns the user; a classic token with repo scope has no problems', async () => {
    expect(await forge().testConnection()).toEqual({
      user: { id: 101, username: 'alice', name: 'Alice Example', avatarUrl: `${sb.github.url}/avatars/u/101?v=4`, webUrl: `${sb.github.url}/alice` },
      problems: [],
    });
  });

  it('names missing scopes of classic tokens, and says nothing for fine-grained tokens', async () => {
    const none = await forge('sandbox-github-noscope').testConnection();
    expect(none.problems).toHaveLength(1);
    expect(none.problems[0]).toMatch(/`repo`/);
    expect(none.problems[0]).toMatch(/read:user/);
    expect((await forge('sandbox-github-public-only').testConnection()).problems[0]).toMatch(/private repositories/);
    expect((await forge('sandbox-github-finegrained').testConnection()).problems).toEqual([]);
    expect((await forge('sandbox-github-readonly').testConnection()).user.username).toBe('bob');
  });
});

describe('members and labels', () => {
  const apiGets = (suffix: string) => sb.requests.filter((r) => r.method === 'GET' && r.path.endsWith(suffix));

  it('lists the assignable users (push access), not read-only collaborators', async () => {
    const members = await forge().listMembers(ref(1));
    expect(members.map((u) => u.username)).toEqual(['alice', 'carol', 'dave', 'erin']);
    expect(members[0]).toEqual({ id: 101, username: 'alice', name: 'alice', avatarUrl: `${sb.github.url}/avatars/u/101?v=4`, webUrl: `${sb.github.url}/alice` });
  });

  it('reads every page of assignees and labels', async () => {
    const repo = widgets();
    for (let i = 0; i < 150; i++) {
      sb.github.state.users.push({ id: 5000 + i, login: `dev${i}`, name: `Dev ${i}`, email: null, company: null, bio: null, location: null, createdAt: '2024-01-01T00:00:00Z' });
      repo.permissions[5000 + i] = 'push';
      repo.labels.push({ id: 7000 + i, name: `area::${i}`, color: 'ABCDEF', description: null, default: false });
    }
    const f = forge();
    expect(await f.listMembers(ref(1))).toHaveLength(154);
    const labels = await f.listLabels(ref(1));
    expect(labels).toHaveLength(repo.labels.length);
    expect(labels.at(-1)).toEqual({ name: 'area::149', color: '#abcdef', description: null });
    // The second page is asked for through the Link header (`/repositories/2001/assignees?page=2`).
    expect(apiGets('/assignees')).toHaveLength(2);
    expect(apiGets('/labels').length).toBe(Math.ceil(repo.labels.length / 100));
  });

  it('maps labels to #rrggbb colours and null for an empty description; a second read is a 304 from the ETag cache', async () => {
    widgets().labels.push({ id: 6999, name: 'needs-design', color: 'C5DEF5', description: '', default: false });
    const f = forge();
    const labels = await f.listLabels(ref(1));
    expect(labels).toContainEqual({ name: 'workflow::in dev', color: '#428bca', description: 'Workflow stage: in dev' });
    expect(labels).toContainEqual({ name: 'needs-design', color: '#c5def5', description: null });
    expect(f.etagStats.notModified).toBe(0);
    expect(await f.listLabels(ref(1))).toEqual(labels);
    expect(f.etagStats.notModified).toBe(1);
  });

  it('creates a label with the colour GitHub wants (no #); any level is a repository label', async () => {
    const f = forge();
    expect(await f.createLabel(ref(1), { name: 'needs-design', color: '#C5DEF5', description: 'Waiting on UX' }, 'group')).toBe('created');
    expect(widgets().labels.find((l) => l.name === 'needs-design')).toMatchObject({ color: 'c5def5', description: 'Waiting on UX' });
    const sent = sb.requests.find((r) => r.method === 'POST')!;
    expect(sent.body).toEqual({ name: 'needs-design', color: 'c5def5', description: 'Waiting on UX' });
    expect(await f.createLabel(ref(1), { name: 'no-description', color: '#000000', description: null }, 'project')).toBe('created');
    expect(sb.requests.filter((r) => r.method === 'POST').at(-1)!.body).toEqual({ name: 'no-description', color: '000000' });
  });

  it('a label that exists already (GitHub compares names case-insensitively) answers exists and changes nothing', async () => {
    const before = structuredClone(widgets().labels);
    expect(await forge().createLabel(ref(1), { name: 'Workflow::In Dev', color: '#ffffff', description: null }, 'project')).toBe('exists');
    expect(sb.requests.find((r) => r.method === 'POST')!.status).toBe(422);
    expect(widgets().labels).toEqual(before);
  });

  it('the read-only token lists but cannot create: forbidden, with GitHub’s reason', async () => {
    const f = forge('sandbox-github-readonly');
    expect((await f.listLabels(ref(1))).length).toBeGreaterThan(40);
    const e = await failure(f.createLabel(ref(1), { name: 'needs-design', color: '#c5def5', description: null }, 'project'));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(e.message).toContain('Resource not accessible by personal access token');
    expect(widgets().labels.some((l) => l.name === 'needs-design')).toBe(false);
  });

  it('refuses a malformed label before sending it', async () => {
    expect((await failure(forge().createLabel(ref(1), { name: 'x', color: 'red', description: null }, 'project'))).kind).toBe('invalid');
    expect((await failure(forge().createLabel(ref(1), { name: '', color: '#ffffff', description: null }, 'project'))).kind).toBe('invalid');
    expect(writes()).toEqual([]);
  });
});

describe('refinement: the checklist comment and blockers', () => {
  it('re-reads one comment as it is now; a deleted one is null', async () => {
    const f = forge();
    const [checklist] = await f.listNotes(ref(2));
    const stored = widgets().comments.find((c) => c.id === checklist!.id)!;
    stored.body = stored.body.replace('- [ ] Related logs', '- [x] Related logs');
    // A second read goes through the ETag cache: the change must still show.
    const fresh = await f.getNote(ref(2), checklist!.id);
    expect(fresh).toMatchObject({ id: checklist!.id, author: { username: 'alice' }, system: false });
    expect(fresh!.body).toContain('- [x] Related logs');
    widgets().comments.splice(widgets().comments.indexOf(stored), 1);
    expect(await f.getNote(ref(2), checklist!.id)).toBeNull();
  });

  it('a comment of another issue is not this issue’s (null)', async () => {
    const other = widgets().comments.find((c) => c.issueNumber === 2)!;
    expect(await forge().getNote(ref(3), other.id)).toBeNull();
  });

  it('counts open blocked-by dependencies only', async () => {
    const f = forge();
    expect(await f.countOpenBlockers(ref(1))).toBe(1);
    expect(await f.countOpenBlockers(ref(2))).toBe(0);
    issueState(10).state = 'closed';
    expect(await f.countOpenBlockers(ref(1))).toBe(0);
    expect(sb.requests.at(-1)!.path).toBe('/api/v3/repos/acme/widgets/issues/1/dependencies/blocked_by');
  });

  it('reads every page of blockers', async () => {
    const numbers = Array.from({ length: 120 }, (_, k) => 100 + k);
    for (const n of numbers) widgets().dependencies.push({ issueNumber: 1, blockingId: issueState(n).id });
    const open = [10, ...numbers].filter((n) => issueState(n).state === 'open').length;
    expect(open).toBeGreaterThan(100);
    expect(await forge().countOpenBlockers(ref(1))).toBe(open);
    expect(sb.requests.filter((r) => r.path.endsWith('/dependencies/blocked_by'))).toHaveLength(2);
  });

  it('GitHub Enterprise Server without issue dependencies: unknown (null), not an error', async () => {
    sb.github.state.issueDependencies = false;
    expect(await forge().countOpenBlockers(ref(1))).toBeNull();
  });

  it('other failures are errors', async () => {
    sb.faults.add({ forge: 'github', method: 'GET', path: '/dependencies/blocked_by', status: 500, body: { message: 'Server Error' } });
    expect((await failure(forge(undefined, { retries: 0 }).countOpenBlockers(ref(1)))).kind).toBe('forge');
  });
});
