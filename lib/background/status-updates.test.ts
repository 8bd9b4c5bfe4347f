// Posting status updates through the background against the sandbox forges: one comment per update id, health status
// on the field (GitLab Ultimate) or as an exclusive label, rate limits and failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import { ForgeError, type ForgeErrorData } from '../forge/errors';
import type { Connection, Forge } from '../forge/forge';
import { createGithubForge } from '../forge/github';
import { GitlabForge } from '../forge/gitlab';
import type { IssueRef } from '../forge/model';
import { DEFAULT_SETTINGS, mergeSettings } from '../handbook/settings';
import type { StatusUpdate } from '../handbook/status/status-format';
import { handle, type PostedUpdate, type Result } from '../messaging';
import { withCache } from './cached-forge';
import { toErrorData } from './errors';
import { createHandlers } from './handlers';
import { createStatusPoster, type PostRequest } from './status-updates';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => {
  sb.reset();
  fakeBrowser.reset();
});

const gitlabRef = (path: string, iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const githubRef = (iid: number): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path: 'acme/widgets', iid, kind: 'issue' });
const ULTIMATE = 'acme/platform/backend';
const FREE = 'acme/community/website';
const gitlab = () => new GitlabForge({ baseUrl: sb.gitlab.url, token: 'sandbox-gitlab-token' });
const github = () => createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' }, { retryBaseMs: 5 });

const update = (over: Partial<StatusUpdate> = {}): StatusUpdate => ({
  complete: 60,
  confidence: 80,
  notes: 'keyset pagination merged, the frontend is next',
  concern: 'frontend',
  health: 'needs_attention',
  changes: [{ reference: '!11', title: 'api update', complete: 100, confidence: 95, note: 'merged' }],
  ...over,
});
const status = (ref: IssueRef, updateId: string, over: Partial<StatusUpdate> = {}): PostRequest => ({ kind: 'status', ref, updateId, update: update(over) });

function poster() {
  const sleeps: number[] = [];
  const post = createStatusPoster({ sleep: async (ms) => void sleeps.push(ms) });
  return { post, sleeps };
}

const glIssue = (projectPath: string, iid: number) => {
  const p = sb.gitlab.state.projects.find((x) => x.fullPath === projectPath)!;
  return sb.gitlab.state.issues.find((i) => i.projectId === p.id && i.iid === iid)!;
};
const glComments = (projectPath: string, iid: number) => sb.gitlab.state.notes.filter((n) => n.noteableType === 'Issue' && n.noteableId === glIssue(projectPath, iid).id && !n.system);
const noteCreates = () => sb.requests.filter((r) => r.method === 'POST' && /\/(notes|comments)$/.test(r.path));

async function failure(p: Promise<unknown>): Promise<ForgeError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ForgeError);
  return e as ForgeError;
}

describe('GitLab Ultimate: health status on the field, in the same comment', () => {
  it('posts one comment in the handbook format whose quick action sets the health status', async () => {
    const { post } = poster();
    const before = glComments(ULTIMATE, 3).length;
    const out = await post(gitlab(), status(gitlabRef(ULTIMATE, 3), 'update-ultimate-0001'), DEFAULT_SETTINGS);
    expect(out).toMatchObject({ outcome: 'created', healthVia: 'field', healthError: null, issue: { healthStatus: 'needs_attention' } });
    expect(glIssue(ULTIMATE, 3).healthStatus).toBe('needs_attention');
    expect(glComments(ULTIMATE, 3)).toHaveLength(before + 1);
    const sent = noteCreates()[0]!.body as { body: string };
    expect(sent.body).toContain('Issue status: 60% complete, 80% confident');
    expect(sent.body).toContain('!11 - 100% complete, 95% confident - api update - merged');
    expect(sent.body).toMatch(/^\/health_status needs_attention$/m);
    // GitLab applied the command and kept the rest: the stored note is the readable update with its marker.
    expect(out.note.body).not.toContain('/health_status');
    expect(out.note.body).toContain('refinery:status-update id=update-ultimate-0001');
    // No label was written for the health status.
    expect(sb.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('two tabs sending the same update at once: one create, both get the same note', async () => {
    const { post } = poster();
    const forge = gitlab();
    const [a, b] = await Promise.all([
      post(forge, status(gitlabRef(ULTIMATE, 3), 'update-concurrent-01'), DEFAULT_SETTINGS),
      post(forge, status(gitlabRef(ULTIMATE, 3), 'update-concurrent-01'), DEFAULT_SETTINGS),
    ]);
    expect(a.note.id).toBe(b.note.id);
    expect(noteCreates()).toHaveLength(1);
    // Sent again later (a reload, a retry after a lost answer): found, not posted again.
    const again = await post(gitlab(), status(gitlabRef(ULTIMATE, 3), 'update-concurrent-01'), DEFAULT_SETTINGS);
    expect(again).toMatchObject({ outcome: 'existing', note: { id: a.note.id } });
    expect(noteCreates()).toHaveLength(1);
  });

  it('a different update id is a new update', async () => {
    const { post } = poster();
    await post(gitlab(), status(gitlabRef(ULTIMATE, 3), 'update-first-00001'), DEFAULT_SETTINGS);
    await post(gitlab(), status(gitlabRef(ULTIMATE, 3), 'update-second-0001', { health: 'at_risk' }), DEFAULT_SETTINGS);
    expect(noteCreates()).toHaveLength(2);
    expect(glIssue(ULTIMATE, 3).healthStatus).toBe('at_risk');
  });
});

describe('below Ultimate and on GitHub: an exclusive health:: label', () => {
  it('GitLab Free: the comment has no quick action; the label replaces the previous health label', async () => {
    glIssue(FREE, 3).labels.push('health::on track');
    const { post } = poster();
    const out = await post(gitlab(), status(gitlabRef(FREE, 3), 'update-free-000001', { health: 'at_risk' }), DEFAULT_SETTINGS);
    expect(out).toMatchObject({ outcome: 'created', healthVia: 'label', healthError: null });
    expect(out.issue!.labels).toContain('health::at risk');
    expect(glIssue(FREE, 3).labels.filter((l) => l.startsWith('health::'))).toEqual(['health::at risk']);
    expect((noteCreates()[0]!.body as { body: string }).body).not.toContain('/health_status');
  });

  it('GitHub: posts the comment ("PR statuses") and adds health:: label', async () => {
    const { post } = poster();
    const out = await post(
      github(),
      status(githubRef(3), 'update-github-00001', { changes: [{ reference: '#21', title: 'api update', complete: 70, confidence: 80, note: '' }] }),
      DEFAULT_SETTINGS,
    );
    expect(out).toMatchObject({ outcome: 'created', healthVia: 'label', healthError: null });
    expect(out.note.body).toContain('PR statuses:\n#21 - 70% complete, 80% confident - api update');
    expect(out.issue!.labels).toContain('health::needs attention');
    expect(noteCreates()).toHaveLength(1);
  });

  it('uses the team template and health scope from the settings', async () => {
    const { post } = poster();
    const settings = mergeSettings({
      scopes: { health: 'status' },
      statusUpdates: { template: { single: '**Progress** {{complete}}% ({{confidence}}% sure)\n{{notes}}\nConcern: {{concern}}' } },
    });
    const out = await post(github(), status(githubRef(4), 'update-template-01', { changes: [] }), settings);
    expect(out.note.body).toMatch(/^\*\*Progress\*\* 60% \(80% sure\)\nkeyset pagination merged/);
    expect(out.issue!.labels).toContain('status::needs attention');
  });

  it('a failed label write does not undo the posted comment: it is reported beside it', async () => {
    const { post } = poster();
    sb.faults.add({ forge: 'github', method: 'POST', path: /\/labels$/, status: 403, body: { message: 'Resource not accessible by integration' } });
    const out = await post(github(), status(githubRef(4), 'update-label-fail1'), DEFAULT_SETTINGS);
    expect(out.outcome).toBe('created');
    expect(out.healthError).toMatch(/not accessible|not change/i);
    expect(out.issue).toBeNull();
  });
});

describe('failures', () => {
  it('429 then success: waits as Retry-After asks and posts one comment', async () => {
    const { post, sleeps } = poster();
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/notes$/, status: 429, headers: { 'retry-after': '7' }, times: 1 });
    const out = await post(gitlab(), status(gitlabRef(FREE, 3), 'update-ratelimit-1'), DEFAULT_SETTINGS);
    expect(out.outcome).toBe('created');
    expect(sleeps.some((ms) => ms > 6000 && ms <= 7000)).toBe(true);
    expect(noteCreates().map((r) => r.status)).toEqual([429, 201]);
    expect(glComments(FREE, 3).filter((n) => n.body.includes('update-ratelimit-1'))).toHaveLength(1);
  });

  it('a rate limit lifting much later is reported at once with the time to retry', async () => {
    const { post, sleeps } = poster();
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/notes$/, status: 429, headers: { 'retry-after': '900' } });
    const e = await failure(post(gitlab(), status(gitlabRef(FREE, 3), 'update-ratelimit-2'), DEFAULT_SETTINGS));
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAt).toBeGreaterThan(Date.now() + 800_000);
    expect(sleeps).toEqual([]);
    expect(noteCreates()).toHaveLength(1);
  });

  it('500 on every try: fails as a forge error after backing off, with no comment; the next try posts one', async () => {
    const { post, sleeps } = poster();
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/notes$/, status: 500 });
    const e = await failure(post(gitlab(), status(gitlabRef(FREE, 3), 'update-server-err1'), DEFAULT_SETTINGS));
    expect(e.kind).toBe('forge');
    expect(noteCreates()).toHaveLength(3);
    expect(sleeps).toEqual([1000, 3000, 5000]);
    expect(glComments(FREE, 3).filter((n) => n.body.includes('update-server-err1'))).toHaveLength(0);
    sb.faults.clear();
    const out = await post(gitlab(), status(gitlabRef(FREE, 3), 'update-server-err1'), DEFAULT_SETTINGS);
    expect(out.outcome).toBe('created');
    expect(glComments(FREE, 3).filter((n) => n.body.includes('update-server-err1'))).toHaveLength(1);
  });

  it('a create whose answer was lost but which landed is confirmed, not posted again', async () => {
    const { post } = poster();
    const real = gitlab();
    let lost = false;
    const flaky: Forge = Object.assign(Object.create(real) as Forge, {
      createNote: async (ref: IssueRef, body: string) => {
        const note = await real.createNote(ref, body);
        if (!lost) {
          lost = true;
          throw new ForgeError('network', 'Could not reach the forge: socket hang up.');
        }
        return note;
      },
    });
    const out = await post(flaky, status(gitlabRef(FREE, 3), 'update-lost-answer'), DEFAULT_SETTINGS);
    expect(out.outcome).toBe('confirmed');
    expect(glComments(FREE, 3).filter((n) => n.body.includes('update-lost-answer'))).toHaveLength(1);
  });

  it('401 is final: no retries, the kind says to fix the token', async () => {
    const { post, sleeps } = poster();
    const forge = new GitlabForge({ baseUrl: sb.gitlab.url, token: 'not-a-token' });
    const e = await failure(post(forge, status(gitlabRef(FREE, 3), 'update-badtoken-1'), DEFAULT_SETTINGS));
    expect(e.kind).toBe('auth');
    expect(sleeps).toEqual([]);
    expect(noteCreates()).toHaveLength(0);
  });

  it('refuses an empty update and percentages out of range before any request', async () => {
    const { post } = poster();
    const empty = { complete: null, confidence: null, notes: ' ', concern: null, health: null, changes: [] };
    expect((await failure(post(gitlab(), status(gitlabRef(FREE, 3), 'update-empty-0001', empty), DEFAULT_SETTINGS))).message).toMatch(/Nothing to post/);
    expect((await failure(post(gitlab(), status(gitlabRef(FREE, 3), 'update-range-0001', { complete: 120 }), DEFAULT_SETTINGS))).message).toMatch(/above 100%/);
    expect(sb.requests).toHaveLength(0);
  });
});

describe('epic updates', () => {
  it('GitLab epic: posts the weekly update to the epic, without any health write', async () => {
    const { post } = poster();
    const ref: IssueRef = { forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'group', path: 'acme/platform', iid: 2, kind: 'epic' };
    const out = await post(
      gitlab(),
      { kind: 'epic', ref, updateId: 'epic-update-000001', update: { status: 'bad', done: '4 of 8', remaining: '4', eta: '19.0', confidence: 50, next: 'blame streaming', help: 'rollout plan', mentions: ['dave'] } },
      DEFAULT_SETTINGS,
    );
    expect(out).toMatchObject({ outcome: 'created', healthVia: 'none', issue: null });
    expect(out.note.body).toContain('**Status**: bad');
    expect(out.note.body).toContain('- Help needed: @dave rollout plan');
    expect(noteCreates()[0]!.path).toMatch(/\/groups\/acme%2Fplatform\/epics\/\d+\/notes$/);
  });

  it('GitLab Ultimate epic (a work item with health status): the weekly status sets the epic’s health status once', async () => {
    sb.gitlab.state.groups.find((g) => g.fullPath === 'acme/platform')!.tier = 'ultimate';
    const { post } = poster();
    const ref: IssueRef = { forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'group', path: 'acme/platform', iid: 2, kind: 'epic' };
    const update = { status: 'so-so' as const, done: '4 of 8', remaining: '4', eta: '19.0', confidence: 70, next: '', help: '', mentions: [] };
    const out = await post(gitlab(), { kind: 'epic', ref, updateId: 'epic-update-000002', update }, DEFAULT_SETTINGS);
    expect(out).toMatchObject({ outcome: 'created', healthVia: 'field', healthError: null, issue: { healthStatus: 'needs_attention' } });
    expect(sb.gitlab.state.epics.find((e) => e.groupId === 51 && e.iid === 2)!.healthStatus).toBe('needs_attention');
    const healthWrites = sb.requests.filter((r) => /mutation RefinerySetEpicHealth/.test(JSON.stringify(r.body ?? '')));
    expect(healthWrites).toHaveLength(1);
    expect(noteCreates()).toHaveLength(1);
  });
});

describe('the protocol in the background', () => {
  const connections = () => [
    { id: 'gl', kind: 'gitlab', baseUrl: sb.gitlab.url, token: 'sandbox-gitlab-token' },
    { id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' },
  ];
  const forgeFor = (c: Connection) => withCache(c.kind === 'gitlab' ? new GitlabForge(c) : createGithubForge(c, { retryBaseMs: 5 }));
  const call = async <T,>(method: 'renderMarkdown' | 'currentUser' | 'postStatusUpdate', params: unknown): Promise<Result<T>> => {
    const handlers = createHandlers(forgeFor, createStatusPoster({ sleep: async () => undefined }));
    return (await handle(method, params, { id: 'x' }, handlers, () => true, toErrorData)) as Result<T>;
  };
  beforeEach(async () => {
    await storage.setItem('local:connections', connections());
  });

  it('renderMarkdown: GitLab renders references in the project, GitHub in the repository', async () => {
    const gl = await call<{ html: string }>('renderMarkdown', { ref: gitlabRef(ULTIMATE, 3), text: 'Concern: ~frontend, see !11 and #4' });
    expect(gl.ok && gl.data.html).toContain('href="/acme/platform/backend/-/merge_requests/11"');
    expect(sb.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v4/markdown', body: { text: 'Concern: ~frontend, see !11 and #4', gfm: true, project: ULTIMATE } });
    const gh = await call<{ html: string }>('renderMarkdown', { ref: githubRef(3), text: '#21 - **70%** complete' });
    expect(gh.ok && gh.data.html).toContain(`/acme/widgets/issues/21`);
    expect(gh.ok && gh.data.html).toContain('<strong>70%</strong>');
    expect(sb.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/markdown', body: { mode: 'gfm', context: 'acme/widgets' } });
  });

  it('currentUser: the token user on each forge, read once', async () => {
    const handlers = createHandlers(forgeFor);
    const ask = (ref: IssueRef) => handle('currentUser', { ref }, { id: 'x' }, handlers, () => true, toErrorData);
    expect(await ask(gitlabRef(ULTIMATE, 3))).toMatchObject({ ok: true, data: { username: 'alice' } });
    expect(await ask(githubRef(3))).toMatchObject({ ok: true, data: { username: 'alice' } });
  });

  it('postStatusUpdate: refused by the protocol when the update is out of range; posted once otherwise', async () => {
    const bad = await call<PostedUpdate>('postStatusUpdate', { ...status(githubRef(3), 'update-protocol-01'), update: update({ confidence: -5 }) });
    expect(bad.ok).toBe(false);
    expect((bad as { error: ForgeErrorData }).error).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/below 0%/) });
    expect(noteCreates()).toHaveLength(0);
    const good = await call<PostedUpdate>('postStatusUpdate', status(githubRef(3), 'update-protocol-01'));
    expect(good).toMatchObject({ ok: true, data: { outcome: 'created', healthVia: 'label' } });
  });
});
