// Sandbox support for the lists feature: list pages with up to 100 rows and in-place paging, boards that load more
// cards, GitHub's issue search page, GraphQL for bulk reads, and `milestone_id` timeboxes on GitLab.
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exhaustRateLimit } from './github';
import { startSandbox, type Sandbox } from './server';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

async function load(base: string, path: string) {
  const res = await fetch(`${base}${path}`);
  const window = new Window({ url: `${base}${path}` });
  return new window.DOMParser().parseFromString(await res.text(), 'text/html');
}

const gql = (query: string, token: string | null = 'sandbox-github-token') =>
  fetch(`${sb.github.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

describe('GitLab list pages', () => {
  it('show up to 100 rows with first_page_size, and page in place', async () => {
    const doc = await load(sb.gitlab.url, '/acme/platform/backend/-/issues?first_page_size=100');
    expect(doc.querySelectorAll('[data-testid="issuable-item-wrapper"]').length).toBe(100);
    expect(doc.querySelector('[data-sandbox-swap="issues-list"] a[rel="next"][data-sandbox-nav]')).not.toBeNull();
    const wi = await load(sb.gitlab.url, '/acme/platform/backend/-/work_items?first_page_size=500');
    expect(wi.querySelectorAll('[data-testid="issuable-item-wrapper"]').length).toBe(100);
  });

  it('board lists show 20 cards and keep the rest for "Load more"; cards open a drawer', async () => {
    const doc = await load(sb.gitlab.url, '/acme/platform/backend/-/boards/1');
    const open = doc.querySelector('[data-list-id="open"]')!;
    expect(open.querySelectorAll('ul [data-testid="board-card"]').length).toBe(20);
    expect(open.querySelector('template[data-sandbox-more]')).not.toBeNull();
    expect(open.querySelector('[data-testid="board-list-load-more"]')?.textContent).toBe('Load more issues');
    expect(doc.querySelector('[data-testid="work-item-drawer"][hidden]')).not.toBeNull();
  });
});

describe('GitLab milestone_id', () => {
  const list = (q: string) => fetch(`${sb.gitlab.url}/api/v4/issues?${q}`, { headers: { 'private-token': 'sandbox-gitlab-token' } });

  it('Started: issues in open milestones whose start date has passed', async () => {
    const res = await list('scope=all&assignee_username[]=alice&milestone_id=Started&per_page=100');
    const titles = ((await res.json()) as { milestone: { title: string } | null }[]).map((i) => i.milestone?.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(['18.11']));
  });

  it('refuses unknown timeboxes and milestone together with milestone_id', async () => {
    expect((await list('milestone_id=Later')).status).toBe(400);
    expect((await list('milestone_id=Started&milestone=18.11')).status).toBe(400);
  });
});

describe('GitHub search page', () => {
  it('lists issues of every repository in results-list rows, oldest first on request', async () => {
    const doc = await load(sb.github.url, `/search?q=${encodeURIComponent('is:issue state:open sort:created-asc')}&type=issues`);
    const links = [...doc.querySelectorAll('[data-testid="results-list"] .search-title a')].map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(25);
    expect(links[0]).toBe('/acme/widgets/issues/1');
    expect(links).toContain('/acme/gadgets/issues/1');
    expect(links.some((l) => l!.includes('/pull/'))).toBe(false);
    expect(doc.querySelector('meta[name="route-pattern"]')?.getAttribute('content')).toBe('/search(.:format)');
  });
});

describe('GitHub GraphQL', () => {
  it('answers aliases, with NOT_FOUND next to the data for what does not resolve', async () => {
    const res = await gql('query { r0: repository(owner: "acme", name: "widgets") { a: issue(number: 4) { number title state labels(first: 10) { nodes { name } } } b: issue(number: 21) { number } } r1: repository(owner: "acme", name: "nope") { name } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-resource')).toBe('graphql');
    const body = (await res.json()) as { data: Record<string, Record<string, unknown> | null>; errors: { type: string; path: string[] }[] };
    expect(body.data.r0!.a).toMatchObject({ number: 4, state: 'OPEN', labels: { nodes: [{ name: 'workflow::ready for development' }, { name: 'type::feature' }, { name: 'frontend' }] } });
    expect(body.data.r0!.b).toBeNull();
    expect(body.data.r1).toBeNull();
    expect(body.errors.map((e) => [e.type, e.path.join('.')])).toEqual([
      ['NOT_FOUND', 'r0.b'],
      ['NOT_FOUND', 'r1'],
    ]);
  });

  it('refuses unknown fields and unbounded connections without data', async () => {
    const unknown = (await (await gql('{ repository(owner: "acme", name: "widgets") { issue(number: 4) { weight } } }')).json()) as { data?: unknown; errors: { extensions?: { code: string } }[] };
    expect(unknown.data).toBeUndefined();
    expect(unknown.errors[0]!.extensions?.code).toBe('undefinedField');
    const unbounded = (await (await gql('{ repository(owner: "acme", name: "widgets") { issue(number: 4) { labels { nodes { name } } } } }')).json()) as { errors: { type: string }[] };
    expect(unbounded.errors[0]!.type).toBe('MISSING_PAGINATION_BOUNDARIES');
  });

  it('needs a token, and reports the exhausted rate limit as RATE_LIMITED with HTTP 200', async () => {
    expect((await gql('{ viewer { login } }', null)).status).toBe(401);
    expect((await gql('{ viewer { login } }', 'wrong')).status).toBe(401);
    exhaustRateLimit(sb.github.state, 101, 'graphql');
    const res = await gql('{ viewer { login } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await res.json()) as { errors: { type: string }[] }).errors[0]!.type).toBe('RATE_LIMITED');
  });

  it('searches issues with the REST qualifiers; pull requests are not Issue nodes', async () => {
    const res = await gql('{ s: search(query: "assignee:alice milestone:\\"18.1\\"", type: ISSUE, first: 100) { issueCount nodes { ... on Issue { number repository { nameWithOwner } } } } }');
    const body = (await res.json()) as { data: { s: { issueCount: number; nodes: { number?: number }[] } } };
    expect(body.data.s.nodes.map((n) => n.number).sort((a, b) => a! - b!)).toEqual([2, 3, 6, 7]);
    const prs = (await (await gql('{ s: search(query: "is:pr", type: ISSUE, first: 5) { nodes { ... on Issue { number } } } }')).json()) as { data: { s: { nodes: object[] } } };
    expect(prs.data.s.nodes.every((n) => Object.keys(n).length === 0)).toBe(true);
  });
});
