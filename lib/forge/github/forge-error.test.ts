// Failures of the GitHub adapter as the UI sees them, produced by the sandbox (real handlers and injected faults).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exhaustRateLimit } from '../../../test/sandbox/github';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { ForgeError } from '../errors';
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

const ref = (iid: number, path = 'acme/widgets'): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token = 'sandbox-github-token', opts: GithubForgeOptions = {}) =>
  createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token }, { retryBaseMs: 5, ...opts });
const ISSUE_2 = '/api/v3/repos/acme/widgets/issues/2';
const hits = (path: string, method = 'GET') => sb.requests.filter((r) => r.path === path && r.method === method).map((r) => r.status);
const SECONDARY = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };

async function failure(p: Promise<unknown>): Promise<ForgeError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ForgeError);
  return e as ForgeError;
}

describe('answers from GitHub', () => {
  it('401: an unknown token asks to fix the connection, with GitHub’s reason', async () => {
    const e = await failure(forge('ghp_revoked').getIssue(ref(2)));
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
    expect(e.message).toContain('Bad credentials');
  });

  it('403: the read-only token may read but not comment, and nothing is posted', async () => {
    const f = forge('sandbox-github-readonly');
    expect((await f.getIssue(ref(2))).title).toMatch(/binary files/);
    const e = await failure(f.createNote(ref(2), 'Complete: 50%'));
    expect(e).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(e.message).toContain('Resource not accessible by personal access token');
    expect((await failure(f.changeLabels(ref(2), { add: ['UX'], remove: [] }))).kind).toBe('forbidden');
    expect(sb.github.state.repos[0]!.comments.filter((c) => c.issueNumber === 2)).toHaveLength(3);
  });

  it('404: a missing issue or repository, without retries', async () => {
    expect(await failure(forge().getIssue(ref(9999)))).toMatchObject({ kind: 'not-found', status: 404 });
    expect((await failure(forge().listNotes(ref(1, 'acme/nothing')))).kind).toBe('not-found');
    expect(hits('/api/v3/repos/acme/widgets/issues/9999')).toEqual([404]);
  });
});

describe('rate limits', () => {
  it('429 with a long Retry-After fails at once with the time to retry after', async () => {
    sb.faults.add({ forge: 'github', path: ISSUE_2, status: 429, headers: { 'retry-after': '120' }, body: SECONDARY });
    const before = Date.now();
    const e = await failure(forge().getIssue(ref(2)));
    expect(e).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(e.retryAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(e.retryAt).toBeLessThanOrEqual(Date.now() + 120_000);
    // "At once": far from the 120 s asked for, with room for a loaded machine.
    expect(Date.now() - before).toBeLessThan(15_000);
    expect(hits(ISSUE_2)).toEqual([429]);
  });

  it('a short secondary limit (Retry-After 1) is waited out once and the request then succeeds', async () => {
    sb.faults.add({ forge: 'github', path: ISSUE_2, status: 403, headers: { 'retry-after': '1' }, body: SECONDARY, times: 1 });
    const before = Date.now();
    expect((await forge().getIssue(ref(2))).type).toBe('bug');
    expect(Date.now() - before).toBeGreaterThanOrEqual(900);
    expect(hits(ISSUE_2)).toEqual([403, 200]);
  });

  it('a short secondary limit that persists is waited out only once', async () => {
    sb.faults.add({ forge: 'github', path: ISSUE_2, status: 403, headers: { 'retry-after': '1' }, body: SECONDARY, times: 5 });
    const e = await failure(forge().getIssue(ref(2)));
    expect(e.kind).toBe('rate-limited');
    expect(hits(ISSUE_2)).toEqual([403, 403]);
  });

  it('403 with x-ratelimit-remaining 0 (primary limit) fails with the reset time', async () => {
    const bucket = exhaustRateLimit(sb.github.state, 101, 'core', 1800);
    const e = await failure(forge().getIssue(ref(2)));
    expect(e).toMatchObject({ kind: 'rate-limited', status: 403, retryAt: bucket.reset * 1000 });
    expect(hits(ISSUE_2)).toEqual([403]);
  });

  it('an injected primary limit whose reset is seconds away is waited out once', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1;
    sb.faults.add({ forge: 'github', path: ISSUE_2, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { message: 'API rate limit exceeded for user ID 101.' }, times: 1 });
    expect((await forge().getIssue(ref(2))).title).toMatch(/binary/);
    expect(hits(ISSUE_2)).toEqual([403, 200]);
  });
});

describe('server and network failures', () => {
  it('a 500 is retried and the retry succeeds', async () => {
    sb.faults.add({ forge: 'github', path: ISSUE_2, status: 500, times: 1 });
    expect((await forge().getIssue(ref(2))).type).toBe('bug');
    expect(hits(ISSUE_2)).toEqual([500, 200]);
  });

  it('a 500 that persists fails as a forge error after the configured retries', async () => {
    sb.faults.add({ forge: 'github', path: ISSUE_2, status: 502, times: 10 });
    const e = await failure(forge(undefined, { retries: 2 }).getIssue(ref(2)));
    expect(e).toMatchObject({ kind: 'forge', status: 502 });
    expect(hits(ISSUE_2)).toEqual([502, 502, 502]);
  });

  it('creating a comment is never retried: a lost answer must not post it twice', async () => {
    sb.faults.add({ forge: 'github', method: 'POST', path: `${ISSUE_2}/comments`, status: 502, times: 1 });
    expect((await failure(forge().createNote(ref(2), 'Complete: 50%'))).kind).toBe('forge');
    expect(hits(`${ISSUE_2}/comments`, 'POST')).toEqual([502]);
  });

  it('a dropped connection is retried, and reported as a network error when it keeps failing', async () => {
    sb.faults.add({ forge: 'github', path: ISSUE_2, drop: true, times: 1 });
    expect((await forge().getIssue(ref(2))).type).toBe('bug');
    sb.faults.add({ forge: 'github', path: '/issues/3', drop: true });
    const e = await failure(forge().getIssue(ref(3)));
    expect(e.kind).toBe('network');
    expect(e.status).toBeUndefined();
    expect(hits('/api/v3/repos/acme/widgets/issues/3')).toEqual([0, 0, 0]);
  });

  it('a read that times out is tried again, and reported as a network error when every try times out', async () => {
    sb.faults.add({ forge: 'github', path: ISSUE_2, latencyMs: 1000, times: 1 });
    expect((await forge(undefined, { timeoutMs: 300 }).getIssue(ref(2))).type).toBe('bug');
    sb.faults.add({ forge: 'github', path: '/issues/3', latencyMs: 1000 });
    const e = await failure(forge(undefined, { timeoutMs: 300, retries: 1 }).getIssue(ref(3)));
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/timeout|aborted/i);
  });

  it('a refused connection is a network error', async () => {
    const f = createGithubForge({ id: 'gh', kind: 'github', baseUrl: 'http://127.0.0.1:9', token: 't' }, { retries: 0 });
    const e = await failure(f.getIssue({ ...ref(2), baseUrl: 'http://127.0.0.1:9' }));
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/Could not reach the forge/);
  });
});
