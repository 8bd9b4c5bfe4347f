// The GitHub half of the sandbox against GitHub's OpenAPI description (api.github.com) and documented behaviour:
// ETags and 304s, rate-limit headers, label semantics, auth errors, search and timeline cross-references.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exhaustRateLimit } from './github';
import { loadGithubOpenApi, type OpenApiValidator } from './github/openapi';
import { startSandbox, type Sandbox } from './server';

let sb: Sandbox;
let oa: OpenApiValidator;

beforeAll(async () => {
  sb = await startSandbox();
  oa = loadGithubOpenApi();
}, 60_000);
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

type Json = Record<string, unknown> & { [k: string]: unknown };
interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

const ALICE = 'sandbox-github-token';
const BOB = 'sandbox-github-readonly';

async function call(
  method: string,
  path: string,
  opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', ...opts.headers };
  const token = opts.token === undefined ? ALICE : opts.token;
  if (token) headers.authorization = `token ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${sb.github.apiUrl}${path}`;
  const res = await fetch(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Calls and checks the answer against the operation's response schema for its status. */
async function valid(method: string, path: string, template: string, opts: Parameters<typeof call>[2] & { status?: number } = {}) {
  const a = await call(method, path, opts);
  expect(a.status, `${method} ${path}: ${a.text.slice(0, 300)}`).toBe(opts.status ?? (method === 'POST' && template.endsWith('/comments') ? 201 : 200));
  const body = a.headers.get('content-type')?.includes('json') ? a.json : a.text;
  expect(oa.response(method, template, a.status, body)).toEqual([]);
  return a;
}

const O = '/repos/{owner}/{repo}';

describe('responses match the OpenAPI description', () => {
  it('the validator rejects an answer that misses required properties (so passing means something)', async () => {
    const a = await call('GET', '/repos/acme/widgets/issues/2');
    const broken = { ...(a.json as Json) };
    delete broken.node_id;
    expect(oa.response('GET', `${O}/issues/{issue_number}`, 200, broken).join()).toMatch(/node_id/);
    expect(oa.response('GET', `${O}/issues/{issue_number}`, 200, { ...(a.json as Json), state_reason: 'bogus' })).not.toEqual([]);
  });

  it('GET /user is the private user view, with the classic token scopes in x-oauth-scopes', async () => {
    const a = await valid('GET', '/user', '/user');
    expect(a.json).toMatchObject({ login: 'alice', id: 101, name: 'Alice Example', user_view_type: 'private' });
    expect(a.headers.get('x-oauth-scopes')).toBe('repo, read:org');
  });

  it('GET /repos/{owner}/{repo} with the viewer permissions', async () => {
    const a = await valid('GET', '/repos/acme/widgets', O);
    expect(a.json).toMatchObject({ id: 2001, full_name: 'acme/widgets', private: true, permissions: { push: true, admin: true } });
    const b = await valid('GET', '/repos/acme/widgets', O, { token: BOB });
    expect((b.json as Json).permissions).toMatchObject({ push: false, pull: true });
  });

  it('issues, a single issue with its type, and a pull request as an issue', async () => {
    const list = await valid('GET', '/repos/acme/widgets/issues?state=all&per_page=100', `${O}/issues`);
    expect((list.json as unknown[]).length).toBe(100);
    const bug = await valid('GET', '/repos/acme/widgets/issues/2', `${O}/issues/{issue_number}`);
    const issue = bug.json as Json;
    expect(issue).toMatchObject({ number: 2, title: 'Merge request diff fails to load for binary files', type: { name: 'Bug' } });
    expect((issue.labels as Json[]).map((l) => l.name)).toEqual(['type::bug', 'severity::2', 'workflow::ready for development', 'weight::3']);
    expect(issue.html_url).toBe(`${sb.github.url}/acme/widgets/issues/2`);
    expect(issue.url).toBe(`${sb.github.apiUrl}/repos/acme/widgets/issues/2`);
    expect(issue).not.toHaveProperty('pull_request');
    const pr = await valid('GET', '/repos/acme/widgets/issues/22', `${O}/issues/{issue_number}`);
    expect((pr.json as Json).pull_request).toMatchObject({ html_url: `${sb.github.url}/acme/widgets/pull/22` });
    expect(((pr.json as Json).pull_request as Json).merged_at).toEqual(expect.any(String));
  });

  it('PATCH an issue (title, state) and see the change', async () => {
    const a = await valid('PATCH', '/repos/acme/widgets/issues/4', `${O}/issues/{issue_number}`, { body: { title: 'Show protection rules', state: 'closed' } });
    expect(a.json).toMatchObject({ title: 'Show protection rules', state: 'closed', state_reason: 'completed' });
    expect((await call('GET', '/repos/acme/widgets/issues/4')).json).toMatchObject({ title: 'Show protection rules', state: 'closed' });
  });

  it('issue labels: list, add, set, remove', async () => {
    await valid('GET', '/repos/acme/widgets/issues/1/labels', `${O}/issues/{issue_number}/labels`);
    await valid('POST', '/repos/acme/widgets/issues/1/labels', `${O}/issues/{issue_number}/labels`, { body: { labels: ['UX'] } });
    await valid('DELETE', `/repos/acme/widgets/issues/1/labels/${encodeURIComponent('UX')}`, `${O}/issues/{issue_number}/labels/{name}`);
    await valid('PUT', '/repos/acme/widgets/issues/1/labels', `${O}/issues/{issue_number}/labels`, { body: { labels: ['backend'] } });
  });

  it('comments: list, create, get, update, delete', async () => {
    const list = await valid('GET', '/repos/acme/widgets/issues/2/comments', `${O}/issues/{issue_number}/comments`);
    expect((list.json as Json[])[0]!.body).toMatch(/^# Bug Refinement Checklist/);
    const created = await valid('POST', '/repos/acme/widgets/issues/2/comments', `${O}/issues/{issue_number}/comments`, { body: { body: 'Complete: 10%' } });
    const id = (created.json as Json).id as number;
    expect(created.headers.get('location')).toBe(`${sb.github.apiUrl}/repos/acme/widgets/issues/comments/${id}`);
    await valid('GET', `/repos/acme/widgets/issues/comments/${id}`, `${O}/issues/comments/{comment_id}`);
    const upd = await valid('PATCH', `/repos/acme/widgets/issues/comments/${id}`, `${O}/issues/comments/{comment_id}`, { body: { body: 'Complete: 20%' } });
    expect(upd.json).toMatchObject({ id, body: 'Complete: 20%' });
    expect((await call('DELETE', `/repos/acme/widgets/issues/comments/${id}`)).status).toBe(204);
    expect((await call('GET', `/repos/acme/widgets/issues/comments/${id}`)).status).toBe(404);
  });

  it('timeline events each match their own event schema', async () => {
    await call('PATCH', '/repos/acme/widgets/issues/3', { body: { title: 'Remember viewed files', state: 'closed' } });
    const a = await valid('GET', '/repos/acme/widgets/issues/3/timeline?per_page=100', `${O}/issues/{issue_number}/timeline`);
    const schemaFor: Record<string, string> = {
      labeled: 'labeled-issue-event',
      assigned: 'timeline-assigned-issue-event',
      milestoned: 'milestoned-issue-event',
      commented: 'timeline-comment-event',
      'cross-referenced': 'timeline-cross-referenced-event',
      renamed: 'renamed-issue-event',
      closed: 'state-change-issue-event',
    };
    const events = a.json as Json[];
    expect(new Set(events.map((e) => e.event))).toEqual(new Set(Object.keys(schemaFor)));
    for (const e of events) expect(oa.component(schemaFor[e.event as string]!, e), String(e.event)).toEqual([]);
  });

  it('repository labels (list, get, create), assignees, milestones, rate limit', async () => {
    const labels = await valid('GET', '/repos/acme/widgets/labels?per_page=100', `${O}/labels`);
    expect((labels.json as Json[]).map((l) => l.name)).toContain('workflow::ready for development');
    await valid('GET', `/repos/acme/widgets/labels/${encodeURIComponent('workflow::in dev')}`, `${O}/labels/{name}`);
    const created = await call('POST', '/repos/acme/widgets/labels', { body: { name: 'needs-design', color: '#c5def5', description: 'Waiting on UX' } });
    expect(created.status).toBe(201);
    expect(oa.response('POST', `${O}/labels`, 201, created.json)).toEqual([]);
    expect((await call('POST', '/repos/acme/widgets/labels', { body: { name: 'NEEDS-design' } })).status).toBe(422);
    const assignees = await valid('GET', '/repos/acme/widgets/assignees', `${O}/assignees`);
    expect((assignees.json as Json[]).map((u) => u.login)).toEqual(['alice', 'carol', 'dave', 'erin']);
    await valid('GET', '/repos/acme/widgets/milestones', `${O}/milestones`);
    await valid('GET', '/rate_limit', '/rate_limit');
  });

  it('a duplicate label name (any case) is 422 already_exists as GitHub words it; the read-only token gets 403', async () => {
    const dup = await call('POST', '/repos/acme/widgets/labels', { body: { name: 'WORKFLOW::In Dev', color: 'ededed' } });
    expect(dup.status).toBe(422);
    // The description's 422 is a shared $ref response, which `response()` cannot follow: check the schema directly.
    expect(oa.component('validation-error', dup.json)).toEqual([]);
    expect(dup.json).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
      documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
      status: '422',
    });
    const refused = await call('POST', '/repos/acme/widgets/labels', { token: BOB, body: { name: 'needs-design', color: 'c5def5' } });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ message: 'Resource not accessible by personal access token' });
    expect(sb.github.state.repos[0]!.labels.some((l) => l.name === 'needs-design')).toBe(false);
  });

  it('assignees: users with push access or more, across pages', async () => {
    const first = await valid('GET', '/repos/acme/widgets/assignees?per_page=3', `${O}/assignees`);
    expect((first.json as Json[]).map((u) => u.login)).toEqual(['alice', 'carol', 'dave']);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toBeDefined();
    const second = await valid('GET', next!, `${O}/assignees`);
    expect((second.json as Json[]).map((u) => u.login)).toEqual(['erin']);
  });

  it('search and markdown', async () => {
    const s = await valid('GET', `/search/issues?q=${encodeURIComponent('repo:acme/widgets is:issue label:"workflow::in dev" state:open')}`, '/search/issues');
    const numbers = ((s.json as Json).items as Json[]).map((i) => i.number);
    expect(numbers).toEqual(expect.arrayContaining([3, 6, 8]));
    expect(numbers).not.toContain(21);
    const md = await valid('POST', '/markdown', '/markdown', { body: { text: '- [x] Complete #3', mode: 'gfm', context: 'acme/widgets' } });
    expect(md.headers.get('content-type')).toMatch(/^text\/html/);
    expect(md.text).toContain('class="task-list-item-checkbox"');
    expect(md.text).toContain(`href="${sb.github.url}/acme/widgets/issues/3"`);
  });

  it('errors carry GitHub error bodies', async () => {
    const a = await call('GET', '/repos/acme/widgets/issues/9999');
    expect(a.status).toBe(404);
    expect(oa.component('basic-error', a.json)).toEqual([]);
    expect(a.json).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue', status: '404' });
  });
});

describe('conditional requests and rate limits', () => {
  it('a matching If-None-Match answers 304 without a body and without using the rate limit', async () => {
    const first = await call('GET', '/repos/acme/widgets/issues/2');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const again = await call('GET', '/repos/acme/widgets/issues/2', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    // A change makes the old ETag stale: full answer, counted.
    await call('POST', '/repos/acme/widgets/issues/2/labels', { body: { labels: ['UX'] } });
    const changed = await call('GET', '/repos/acme/widgets/issues/2', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(Number(changed.headers.get('x-ratelimit-remaining'))).toBe(remaining - 2);
  });

  it('every answer carries the rate-limit headers; search has its own resource', async () => {
    for (const [path, token, resource] of [
      ['/user', ALICE, 'core'],
      ['/repos/acme/widgets/issues/9999', ALICE, 'core'],
      ['/user', 'nope', 'core'],
      [`/search/issues?q=is:issue`, ALICE, 'search'],
    ] as const) {
      const a = await call('GET', path, { token });
      const limit = Number(a.headers.get('x-ratelimit-limit'));
      expect(limit, path).toBeGreaterThan(0);
      expect(Number(a.headers.get('x-ratelimit-used')) + Number(a.headers.get('x-ratelimit-remaining'))).toBe(limit);
      expect(Number(a.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      expect(a.headers.get('x-ratelimit-resource')).toBe(resource);
    }
  });

  it('an exhausted primary limit answers 403 with remaining 0 and the reset time, until the window resets', async () => {
    const bucket = exhaustRateLimit(sb.github.state, 101, 'core', 1800);
    const a = await call('GET', '/repos/acme/widgets/issues/1');
    expect(a.status).toBe(403);
    expect(a.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(a.headers.get('x-ratelimit-reset')).toBe(String(bucket.reset));
    expect((a.json as Json).message).toMatch(/^API rate limit exceeded for user ID 101/);
    // The rate-limit status endpoint itself is free; other users are unaffected.
    expect((await call('GET', '/rate_limit')).status).toBe(200);
    expect((await call('GET', '/repos/acme/widgets/issues/1', { token: BOB })).status).toBe(200);
    bucket.reset = Math.floor(Date.now() / 1000) - 1;
    expect((await call('GET', '/repos/acme/widgets/issues/1')).status).toBe(200);
  });

  it('Link headers paginate through /repositories/{id} URLs that the API serves', async () => {
    const seen: number[] = [];
    let url: string | undefined = `${sb.github.apiUrl}/repos/acme/widgets/issues?state=open&per_page=50`;
    let pages = 0;
    while (url) {
      const a = await call('GET', url);
      expect(a.status).toBe(200);
      seen.push(...(a.json as Json[]).map((i) => i.number as number));
      url = /<([^>]+)>; rel="next"/.exec(a.headers.get('link') ?? '')?.[1];
      if (url) expect(url).toContain('/repositories/2001/issues?');
      pages += 1;
    }
    const open = sb.github.state.repos[0]!.issues.filter((i) => i.state === 'open').length;
    expect(seen.length).toBe(open);
    expect(new Set(seen).size).toBe(open);
    expect(pages).toBe(Math.ceil(open / 50));
  });

  it('injected faults pass through untouched (the handler does not fight them)', async () => {
    sb.faults.add({ forge: 'github', path: '/issues/1', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2000000000' }, body: { message: 'API rate limit exceeded' }, times: 1 });
    const a = await call('GET', '/repos/acme/widgets/issues/1');
    expect(a.status).toBe(403);
    expect(a.headers.get('x-ratelimit-reset')).toBe('2000000000');
    expect((await call('GET', '/repos/acme/widgets/issues/1')).status).toBe(200);
  });
});

describe('label semantics', () => {
  const labelsOf = async (n: number) => ((await call('GET', `/repos/acme/widgets/issues/${n}`)).json as { labels: Json[] }).labels.map((l) => l.name);

  it('adding keeps the other labels, ignores duplicates and creates unknown labels', async () => {
    const a = await call('POST', '/repos/acme/widgets/issues/1/labels', { body: { labels: ['backend', 'needs-design'] } });
    expect((a.json as Json[]).map((l) => l.name)).toEqual(['workflow::refinement', 'type::feature', 'backend', 'needs-design']);
    const created = await call('GET', '/repos/acme/widgets/labels/needs-design');
    expect(created.json).toMatchObject({ name: 'needs-design', color: 'ededed' });
    // GitHub also accepts a bare array.
    await call('POST', '/repos/acme/widgets/issues/1/labels', { body: ['UX'] });
    expect(await labelsOf(1)).toContain('UX');
  });

  it('GitHub does not keep scoped labels exclusive: both workflow labels stay', async () => {
    await call('POST', '/repos/acme/widgets/issues/1/labels', { body: { labels: ['workflow::in dev'] } });
    expect(await labelsOf(1)).toEqual(expect.arrayContaining(['workflow::refinement', 'workflow::in dev']));
  });

  it('removing is case-insensitive and answers 404 "Label does not exist" when the issue lacks it', async () => {
    const a = await call('DELETE', `/repos/acme/widgets/issues/1/labels/${encodeURIComponent('BACKEND')}`);
    expect(a.status).toBe(200);
    expect((a.json as Json[]).map((l) => l.name)).toEqual(['workflow::refinement', 'type::feature']);
    const again = await call('DELETE', '/repos/acme/widgets/issues/1/labels/backend');
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ message: 'Label does not exist', status: '404' });
  });

  it('label changes leave labeled/unlabeled events in the timeline', async () => {
    await call('POST', '/repos/acme/widgets/issues/4/labels', { body: { labels: ['weight::2'] } });
    await call('DELETE', '/repos/acme/widgets/issues/4/labels/frontend');
    const t = (await call('GET', '/repos/acme/widgets/issues/4/timeline?per_page=100')).json as Json[];
    const tail = t.slice(-2).map((e) => [e.event, (e.label as Json).name]);
    expect(tail).toEqual([
      ['labeled', 'weight::2'],
      ['unlabeled', 'frontend'],
    ]);
  });
});

describe('authentication and permissions', () => {
  it('an unknown token gets 401 Bad credentials', async () => {
    const a = await call('GET', '/repos/acme/widgets/issues/1', { token: 'ghp_wrong' });
    expect(a.status).toBe(401);
    expect(a.json).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
  });

  it('without a token: /user needs authentication and the private repository does not exist', async () => {
    expect((await call('GET', '/user', { token: null })).status).toBe(401);
    expect((await call('GET', '/repos/acme/widgets/issues/1', { token: null })).status).toBe(404);
    expect((await call('GET', '/repos/acme/gadgets/issues/1', { token: null })).status).toBe(200);
  });

  it('the read-only fine-grained token reads but every write is refused with 403', async () => {
    expect((await call('GET', '/repos/acme/widgets/issues/2/comments', { token: BOB })).status).toBe(200);
    const writes = [
      ['POST', '/repos/acme/widgets/issues/2/comments', { body: 'x' }],
      ['POST', '/repos/acme/widgets/issues/2/labels', { labels: ['UX'] }],
      ['DELETE', '/repos/acme/widgets/issues/2/labels/backend', undefined],
      ['PATCH', '/repos/acme/widgets/issues/2', { title: 'x' }],
    ] as const;
    for (const [method, path, body] of writes) {
      const a = await call(method, path, { token: BOB, body });
      expect(a.status, `${method} ${path}`).toBe(403);
      expect((a.json as Json).message).toBe('Resource not accessible by personal access token');
      expect(a.headers.get('x-oauth-scopes')).toBeNull();
    }
    expect(sb.github.state.repos[0]!.comments.filter((c) => c.body === 'x')).toEqual([]);
  });

  it('a classic token without the repo scope cannot see the private repository', async () => {
    const a = await call('GET', '/repos/acme/widgets', { token: 'sandbox-github-noscope' });
    expect(a.status).toBe(404);
    expect(a.headers.get('x-oauth-scopes')).toBe('read:user');
  });
});

describe('search', () => {
  const q = async (query: string) => call('GET', `/search/issues?q=${encodeURIComponent(query)}&per_page=100`);

  it('requires is:issue or is:pull-request, like GitHub since 2025', async () => {
    const a = await q('repo:acme/widgets label:spike');
    expect(a.status).toBe(422);
    expect((a.json as Json).message).toBe("Query must include 'is:issue' or 'is:pull-request'");
  });

  it('filters by repo, type, state, labels and text', async () => {
    const numbers = async (query: string) => ((await q(query)).json as { items: Json[] }).items.map((i) => i.number).sort((x, y) => Number(x) - Number(y));
    expect(await numbers('repo:acme/widgets is:issue label:spike')).toEqual([6]);
    expect(await numbers('repo:acme/widgets is:pr is:merged')).toEqual([17, 18, 22]);
    expect(await numbers('repo:acme/widgets is:issue state:open label:"workflow::in dev" label:"workflow::in review"')).toEqual([8]);
    expect(await numbers('repo:acme/widgets is:issue binary')).toEqual([2]);
    expect(await numbers('repo:acme/gadgets is:issue -label:bug state:open')).toEqual([2]);
    expect(await numbers('is:issue type:Bug repo:acme/widgets state:closed label:frontend')).toEqual([13]);
  });
});

describe('timeline cross-references', () => {
  it('#3 is referenced by PRs #21 (twice) and #22 and by issue #9; sources carry pull_request only for PRs', async () => {
    const t = (await call('GET', '/repos/acme/widgets/issues/3/timeline?per_page=100')).json as Json[];
    const refs = t
      .filter((e) => e.event === 'cross-referenced')
      .map((e) => (e.source as { issue: Json }).issue)
      .map((i) => [i.number, 'pull_request' in i, (i.pull_request as Json | undefined)?.merged_at != null]);
    expect(refs).toEqual([
      [22, true, true],
      [21, true, false],
      [9, false, false],
      [21, true, false],
    ]);
  });

  it('a reference from another repository names that repository', async () => {
    const t = (await call('GET', '/repos/acme/widgets/issues/7/timeline?per_page=100')).json as Json[];
    const src = t.find((e) => e.event === 'cross-referenced')!.source as { issue: Json };
    expect(src.issue.repository_url).toBe(`${sb.github.apiUrl}/repos/acme/gadgets`);
    expect((src.issue.repository as Json).full_name).toBe('acme/gadgets');
  });
});

describe('issue dependencies', () => {
  const T = `${O}/issues/{issue_number}/dependencies`;

  it('blocked_by and blocking list issues as the description has them', async () => {
    const blockedBy = await valid('GET', '/repos/acme/widgets/issues/1/dependencies/blocked_by', `${T}/blocked_by`);
    expect((blockedBy.json as Json[]).map((i) => [i.number, i.state])).toEqual([
      [10, 'open'],
      [14, 'closed'],
    ]);
    const blocking = await valid('GET', '/repos/acme/widgets/issues/10/dependencies/blocking', `${T}/blocking`);
    expect((blocking.json as Json[]).map((i) => i.number)).toEqual([1]);
    expect((await valid('GET', '/repos/acme/widgets/issues/2/dependencies/blocked_by', `${T}/blocked_by`)).json).toEqual([]);
  });

  it('an unknown issue is 404; a GitHub Enterprise Server without dependencies answers 404 for every issue', async () => {
    expect((await call('GET', '/repos/acme/widgets/issues/999/dependencies/blocked_by')).status).toBe(404);
    sb.github.state.issueDependencies = false;
    const old = await call('GET', '/repos/acme/widgets/issues/1/dependencies/blocked_by');
    expect(old.status).toBe(404);
    expect(old.json).toMatchObject({ message: 'Not Found' });
  });

  it('the private repository stays hidden from a token that cannot see it', async () => {
    expect((await call('GET', '/repos/acme/widgets/issues/1/dependencies/blocked_by', { token: 'sandbox-github-noscope' })).status).toBe(404);
  });
});

describe('issue fields (organisation-level, github.com since 2026)', () => {
  const V = `${O}/issues/{issue_number}/issue-field-values`;

  it("lists an organisation's fields; a personal account has none (404)", async () => {
    const fields = await valid('GET', '/orgs/northwind/issue-fields', '/orgs/{org}/issue-fields');
    expect((fields.json as Json[]).map((f) => [f.name, f.data_type])).toEqual([
      ['Effort', 'single_select'],
      ['Weight', 'number'],
      ['Backend weight', 'number'],
      ['Frontend weight', 'number'],
      ['Target date', 'date'],
    ]);
    expect(((await valid('GET', '/orgs/acme/issue-fields', '/orgs/{org}/issue-fields')).json as Json[]).map((f) => f.name)).toEqual(['Effort']);
    expect((await call('GET', '/orgs/alice/issue-fields')).status).toBe(404);
  });

  it('issues carry issue_field_values; POST adds one value and keeps the others; DELETE removes one', async () => {
    const issue = await valid('GET', '/repos/northwind/roadmap/issues/2', `${O}/issues/{issue_number}`);
    expect((issue.json as Json).issue_field_values).toEqual([
      expect.objectContaining({ issue_field_id: 811, data_type: 'single_select', value: 'Medium', single_select_option: expect.objectContaining({ name: 'Medium' }) }),
      expect.objectContaining({ issue_field_id: 812, data_type: 'number', value: 3 }),
    ]);
    const added = await valid('POST', '/repos/northwind/roadmap/issues/2/issue-field-values', V, { body: { issue_field_values: [{ field_id: 812, value: 5 }] } });
    expect((added.json as Json[]).map((v) => [v.issue_field_id, v.value])).toEqual([[811, 'Medium'], [812, 5]]);
    expect((await call('DELETE', '/repos/northwind/roadmap/issues/2/issue-field-values/812')).status).toBe(204);
    expect(((await valid('GET', '/repos/northwind/roadmap/issues/2/issue-field-values', V)).json as Json[]).map((v) => v.issue_field_id)).toEqual([811]);
    expect((await call('DELETE', '/repos/northwind/roadmap/issues/2/issue-field-values/812')).status).toBe(404);
  });

  it('PUT replaces every value; a wrong type is 422; a field the repository lacks is dropped silently', async () => {
    await valid('PUT', '/repos/northwind/roadmap/issues/2/issue-field-values', V, { body: { issue_field_values: [{ field_id: 813, value: 2 }] } });
    expect(((await call('GET', '/repos/northwind/roadmap/issues/2/issue-field-values')).json as Json[]).map((v) => v.issue_field_id)).toEqual([813]);
    expect((await call('POST', '/repos/northwind/roadmap/issues/2/issue-field-values', { body: { issue_field_values: [{ field_id: 812, value: 'three' }] } })).status).toBe(422);
    const personal = await call('POST', '/repos/alice/notes/issues/1/issue-field-values', { body: { issue_field_values: [{ field_id: 812, value: 3 }] } });
    expect(personal.status).toBe(200);
    expect(personal.json).toEqual([]);
    expect((await call('POST', '/repos/northwind/roadmap/issues/2/issue-field-values', { token: BOB, body: { issue_field_values: [{ field_id: 812, value: 1 }] } })).status).toBe(403);
  });
});

describe('creating issues and sub-issues', () => {
  it('POST /issues creates an issue (201); POST …/sub_issues adds it under a parent; GET lists them; the summary counts them', async () => {
    const created = await valid('POST', '/repos/acme/widgets/issues', `${O}/issues`, { status: 201, body: { title: 'Part one', body: 'Part of #5.', labels: ['workflow::refinement'] } });
    const child = created.json as Json;
    expect(child).toMatchObject({ title: 'Part one', body: 'Part of #5.', state: 'open' });
    expect((child.labels as Json[]).map((l) => l.name)).toEqual(['workflow::refinement']);
    const parent = await valid('POST', '/repos/acme/widgets/issues/5/sub_issues', `${O}/issues/{issue_number}/sub_issues`, { status: 201, body: { sub_issue_id: child.id } });
    expect((parent.json as Json).sub_issues_summary).toEqual({ total: 1, completed: 0, percent_completed: 0 });
    const list = await valid('GET', '/repos/acme/widgets/issues/5/sub_issues', `${O}/issues/{issue_number}/sub_issues`);
    expect((list.json as Json[]).map((i) => i.number)).toEqual([child.number]);
  });

  it('refuses a second parent, the same sub-issue twice, another owner’s issue, and a missing title (422)', async () => {
    const child = (await call('POST', '/repos/acme/widgets/issues', { body: { title: 'Part two' } })).json as Json;
    expect((await call('POST', '/repos/acme/widgets/issues/5/sub_issues', { body: { sub_issue_id: child.id } })).status).toBe(201);
    expect((await call('POST', '/repos/acme/widgets/issues/5/sub_issues', { body: { sub_issue_id: child.id } })).status).toBe(422);
    expect((await call('POST', '/repos/acme/widgets/issues/6/sub_issues', { body: { sub_issue_id: child.id } })).status).toBe(422);
    const foreign = sb.github.state.repos.find((r) => r.name === 'roadmap')!.issues[0]!.id;
    expect((await call('POST', '/repos/acme/widgets/issues/5/sub_issues', { body: { sub_issue_id: foreign } })).status).toBe(422);
    expect((await call('POST', '/repos/acme/widgets/issues', { body: { title: ' ' } })).status).toBe(422);
  });
});

describe('issue types of a repository', () => {
  it("lists the organisation's types; a personal repository has none (404)", async () => {
    const types = await valid('GET', '/repos/acme/widgets/issue-types', `${O}/issue-types`);
    expect((types.json as Json[]).map((t) => t.name)).toEqual(['Task', 'Bug', 'Feature']);
    expect((await call('GET', '/repos/alice/notes/issue-types')).status).toBe(404);
  });
});
