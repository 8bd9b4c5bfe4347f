// The GitHub adapter's bulk reads against the sandbox: one GraphQL request per page of issues, capacity via search.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exhaustRateLimit } from '../../../test/sandbox/github';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { ForgeError } from '../errors';
import type { IssueRef } from '../model';
import { createGithubForge } from './adapter';
import { assignedSearch, currentMilestone, issuesQuery } from './bulk';
import { githubGraphqlBaseUrl } from './bulk-reads';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const ref = (iid: number, path = 'acme/widgets'): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path, iid, kind: 'issue' });
const forge = (token = 'sandbox-github-token') =>
  createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token }, { retryBaseMs: 5, maxAutoWaitSec: 0 });
const calls = () => sb.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

async function failure(p: Promise<unknown>): Promise<ForgeError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ForgeError);
  return e as ForgeError;
}

describe('listIssuesByNumber', () => {
  it('reads a page’s issues in one GraphQL request; pull requests and unknown numbers are left out', async () => {
    const f = forge();
    const issues = await f.listIssuesByNumber([4, 5, 6, 8, 21, 9999].map((n) => ref(n)));
    // The organisation's issue fields are read once per adapter (is there a weight field?), then one request a page.
    expect(calls()).toEqual(['GET /api/v3/orgs/acme/issue-fields', 'POST /api/graphql']);
    await f.listIssuesByNumber([ref(4)]);
    expect(calls()).toEqual(['GET /api/v3/orgs/acme/issue-fields', 'POST /api/graphql', 'POST /api/graphql']);
    expect(issues.map((i) => i.ref.iid)).toEqual([4, 5, 6, 8]);
    const five = issues.find((i) => i.ref.iid === 5)!;
    expect(five).toMatchObject({
      title: 'Rewrite the repository size calculation worker',
      state: 'opened',
      type: 'task',
      weight: null,
      milestone: { title: '18.2' },
      webUrl: `${sb.github.url}/acme/widgets/issues/5`,
    });
    expect(five.labels).toEqual(['workflow::ready for development', 'type::maintenance', 'backend', 'weight::5']);
    expect(issues.find((i) => i.ref.iid === 8)!.assignees).toEqual([expect.objectContaining({ id: 105, username: 'erin', name: 'Erin Evans' })]);
  });

  it('reads issues of several repositories (a search page) in the same single request', async () => {
    const issues = await forge().listIssuesByNumber([ref(4), ref(1, 'acme/gadgets'), ref(2, 'acme/nowhere')]);
    expect(calls()).toEqual(['GET /api/v3/orgs/acme/issue-fields', 'POST /api/graphql']);
    expect(issues.map((i) => `${i.ref.path}#${i.ref.iid}`)).toEqual(['acme/widgets#4', 'acme/gadgets#1']);
  });

  it('asks again without issue types where the server has none, and remembers', async () => {
    const refusal = { errors: [{ message: "Field 'issueType' doesn't exist on type 'Issue'", extensions: { code: 'undefinedField', typeName: 'Issue', fieldName: 'issueType' } }] };
    sb.faults.add({ forge: 'github', path: '/api/graphql', status: 200, body: refusal, times: 1 });
    const f = forge();
    const first = await f.listIssuesByNumber([ref(2)]);
    expect(first.map((i) => [i.ref.iid, i.type])).toEqual([[2, 'issue']]);
    expect(calls()).toEqual(['GET /api/v3/orgs/acme/issue-fields', 'POST /api/graphql', 'POST /api/graphql']);
    await f.listIssuesByNumber([ref(3)]);
    expect(calls()).toHaveLength(4);
  });

  it('turns GitHub’s GraphQL rate limit (HTTP 200, RATE_LIMITED) into a rate-limited failure with the reset time', async () => {
    const bucket = exhaustRateLimit(sb.github.state, 101, 'graphql', 1800);
    const e = await failure(forge().listIssuesByNumber([ref(4)]));
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAt).toBe(bucket.reset * 1000);
  });

  it('reports a refused token as an auth failure', async () => {
    const e = await failure(forge('not-a-token').listIssuesByNumber([ref(4)]));
    expect(e.kind).toBe('auth');
  });

  it('refuses more than 100 issues before sending anything', async () => {
    const e = await failure(forge().listIssuesByNumber(Array.from({ length: 101 }, (_, k) => ref(k + 1))));
    expect(e.kind).toBe('invalid');
    expect(calls()).toEqual([]);
  });
});

describe('listAssignedIssues', () => {
  it('finds the repository’s current milestone, then searches for the whole team in one request', async () => {
    const work = await forge().listAssignedIssues({ container: { kind: 'project', path: 'acme/widgets' }, usernames: ['alice', 'erin'], milestone: null });
    expect(work.milestones).toEqual(['18.1']);
    expect(calls()).toEqual(['GET /api/v3/repos/acme/widgets/milestones', 'POST /api/graphql', 'GET /api/v3/orgs/acme/issue-fields']);
    expect(work.people[0]!.issues.every((i) => i.ref.path === 'acme/widgets' && i.milestone?.title === '18.1')).toBe(true);
    expect(work.people[0]!.issues.map((i) => i.ref.iid).sort((a, b) => a - b)).toEqual([2, 3, 6, 7]);
    expect(work.people[1]!.issues.map((i) => i.ref.iid)).toEqual([3]);
  });

  it('reports a person GitHub does not know without failing the others', async () => {
    const work = await forge().listAssignedIssues({ container: { kind: 'project', path: 'acme/widgets' }, usernames: ['nobody-here', 'alice'], milestone: '18.1' });
    expect(work.people[0]).toMatchObject({ username: 'nobody-here', issues: [], error: { kind: 'invalid' } });
    expect(work.people[1]!.issues).toHaveLength(4);
  });

  it('needs a repository or a milestone title: GitHub has no current milestone across repositories', async () => {
    const e = await failure(forge().listAssignedIssues({ container: null, usernames: ['alice'], milestone: null }));
    expect(e.kind).toBe('invalid');
  });
});

describe('pure helpers', () => {
  it('builds one alias per repository and per issue, each number once', () => {
    const q = issuesQuery([ref(4), ref(4), ref(1, 'acme/gadgets')], { issueType: false, issueFields: false });
    expect(q.slots.map((s) => `${s.repo}.${s.issue}`)).toEqual(['r0.i4', 'r1.i1']);
    expect(q.query).toContain('r0: repository(owner: "acme", name: "widgets")');
    expect(q.query).not.toContain('issueType');
    expect(q.query).not.toContain('issueFieldValues');
  });

  it('picks the open milestone due next, today included', () => {
    const now = Date.parse('2026-05-10T15:00:00Z');
    const ms = [
      { title: 'past', due_on: '2026-05-01T07:00:00Z', state: 'open' },
      { title: 'today', due_on: '2026-05-10T07:00:00Z', state: 'open' },
      { title: 'later', due_on: '2026-06-01T07:00:00Z', state: 'open' },
      { title: 'undated', due_on: null, state: 'open' },
    ];
    expect(currentMilestone(ms, now)).toBe('today');
    expect(currentMilestone(ms.filter((m) => m.title !== 'today' && m.title !== 'later'), now)).toBe('undated');
    expect(currentMilestone([], now)).toBeNull();
  });

  it('quotes milestone titles in searches', () => {
    expect(assignedSearch('alice', 'Sprint 3', { kind: 'project', path: 'o/r' })).toBe('is:issue assignee:alice milestone:"Sprint 3" repo:o/r');
  });

  it('knows where GraphQL lives', () => {
    expect(githubGraphqlBaseUrl('https://github.com')).toBe('https://api.github.com');
    expect(githubGraphqlBaseUrl('https://ghe.example.com/')).toBe('https://ghe.example.com/api');
    expect(githubGraphqlBaseUrl('https://acme.ghe.com')).toBe('https://api.acme.ghe.com');
  });
});
