// Conditional requests: revisits are answered 304 at the sandbox, served from the cache, and never stale.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import type { IssueRef } from '../model';
import { createGithubForge } from './adapter';
import { createEtagFetch } from './etag-fetch';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const ref = (iid: number): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path: 'acme/widgets', iid, kind: 'issue' });
const forge = () => createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' }, { retryBaseMs: 5 });
const statuses = (path: string) => sb.requests.filter((r) => r.method === 'GET' && r.path.endsWith(path)).map((r) => r.status);
const coreUsed = () => sb.github.state.rate.get('user:101')?.core.used ?? 0;

describe('ETag revalidation', () => {
  it('a revisit is answered 304 by the forge, costs no rate limit and gives the same issue', async () => {
    const f = forge();
    const first = await f.getIssue(ref(2));
    const used = coreUsed();
    const again = await f.getIssue(ref(2));
    expect(again).toEqual(first);
    expect(statuses('/api/v3/repos/acme/widgets/issues/2')).toEqual([200, 304]);
    // Full answers: the issue and, once per adapter, the organisation's issue fields.
    expect(f.etagStats).toEqual({ notModified: 1, full: 2 });
    expect(coreUsed()).toBe(used);
  });

  it('every page of a paginated list is revalidated on its own', async () => {
    const f = forge();
    const repo = sb.github.state.repos[0]!;
    for (let i = 0; i < 120; i++) {
      repo.comments.push({ id: 9_000_000 + i, issueNumber: 5, authorId: 103, body: `note ${i}`, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
    }
    expect(await f.listNotes(ref(5))).toHaveLength(120);
    expect(await f.listNotes(ref(5))).toHaveLength(120);
    // Page 2 is fetched through GitHub's Link header (`/repositories/2001/issues/5/comments?page=2`).
    expect(sb.requests.filter((r) => r.path.endsWith('/issues/5/comments')).map((r) => [r.path.includes('/repositories/'), r.status])).toEqual([
      [false, 200],
      [true, 200],
      [false, 304],
      [true, 304],
    ]);
  });

  it('a change made elsewhere is seen at once (no stale copy)', async () => {
    const f = forge();
    await f.getIssue(ref(2));
    await fetch(`${sb.github.apiUrl}/repos/acme/widgets/issues/2`, {
      method: 'PATCH',
      headers: { authorization: 'token sandbox-github-finegrained', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Binary diffs never load' }),
    });
    expect((await f.getIssue(ref(2))).title).toBe('Binary diffs never load');
    expect(statuses('/api/v3/repos/acme/widgets/issues/2')).toEqual([200, 200]);
    expect(f.etagStats.notModified).toBe(0);
  });
});

describe('createEtagFetch', () => {
  it('keeps the cached content type and takes fresh headers from the 304', async () => {
    const calls: Headers[] = [];
    const fake: typeof fetch = async (_input, init) => {
      const h = new Headers(init?.headers);
      calls.push(h);
      if (h.get('if-none-match') === 'W/"v1"') return new Response(null, { status: 304, headers: { etag: 'W/"v1"', 'x-ratelimit-remaining': '41' } });
      return new Response('{"n":1}', { status: 200, headers: { etag: 'W/"v1"', 'content-type': 'application/json', 'x-ratelimit-remaining': '42' } });
    };
    const e = createEtagFetch({ fetch: fake });
    await (await e.fetch('https://api.example/x')).text();
    const second = await e.fetch('https://api.example/x');
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ n: 1 });
    expect(second.headers.get('content-type')).toBe('application/json');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('41');
    expect(calls.map((h) => h.get('if-none-match'))).toEqual([null, 'W/"v1"']);
    // Writes never carry validators.
    await e.fetch('https://api.example/x', { method: 'PATCH', body: '{}' });
    expect(calls[2]!.get('if-none-match')).toBeNull();
  });

  it('drops the oldest entries beyond its size', async () => {
    const seen: (string | null)[] = [];
    const fake: typeof fetch = async (input, init) => {
      seen.push(new Headers(init?.headers).get('if-none-match'));
      return new Response('{}', { status: 200, headers: { etag: `"${String(input)}"` } });
    };
    const e = createEtagFetch({ fetch: fake, maxEntries: 2 });
    for (const u of ['a', 'b', 'c', 'a']) await e.fetch(`https://api.example/${u}`);
    expect(seen).toEqual([null, null, null, null]);
  });
});
