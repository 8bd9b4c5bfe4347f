// The GitHub-like pages: anchors real GitHub pages carry, variants, redirects, the web composer and the
// soft navigation (history.pushState + content swap + soft-nav events), run in happy-dom.
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../server';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

async function load(path: string) {
  const res = await fetch(`${sb.github.url}${path}`, { redirect: 'manual' });
  const html = await res.text();
  const window = new Window({ url: `${sb.github.url}${path}` });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return { res, doc, html };
}

const texts = (doc: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> }, sel: string) =>
  [...doc.querySelectorAll(sel)].map((e) => (e.textContent ?? '').trim());

describe('issue page (React view)', () => {
  it('carries GitHub’s route pattern, theme attributes and issue anchors', async () => {
    const { res, doc } = await load('/acme/widgets/issues/2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(doc.title).toBe('Merge request diff fails to load for binary files · Issue #2 · acme/widgets');
    expect(doc.querySelector('meta[name="route-pattern"]')?.getAttribute('content')).toBe('/_view_fragments/issues/show/:user_id/:repository/:id/issue_layout(.:format)');
    const html = doc.documentElement;
    expect([html.getAttribute('data-color-mode'), html.getAttribute('data-light-theme'), html.getAttribute('data-dark-theme')]).toEqual(['auto', 'light', 'dark']);
    // The real React issue view's anchors (shared/reference/dom-anchors.md).
    const app = doc.querySelector('#repo-content-turbo-frame react-app[app-name="issues-react"]')!;
    expect(app.querySelector(':scope [data-testid="issue-viewer-container"] [data-testid="issue-viewer-issue-container"] [data-testid="issue-body"]')).not.toBeNull();
    expect(app.querySelectorAll('[data-testid="issue-viewer-metadata-pane"] > [data-testid="sidebar-section"]').length).toBeGreaterThanOrEqual(5);
    expect(app.querySelector('[data-testid="issue-header"] [data-testid="issue-title"]')?.textContent).toBe('Merge request diff fails to load for binary files');
    expect(app.querySelector('[data-testid="header-state"]')?.textContent).toBe('Open');
    expect(app.querySelector('[data-testid="issue-body"] .markdown-body h2')?.textContent).toBe('Summary');
    expect(app.querySelector('[data-testid="issue-body-header-author"]')?.textContent).toBe('erin');
    const pane = app.querySelector('[data-testid="issue-viewer-metadata-pane"]')!;
    expect(pane.querySelector('[data-testid="sidebar-assignees-section"]')?.textContent).toContain('alice');
    expect(texts(pane, '[data-testid="issue-labels"] .IssueLabel .TokenTextContainer')).toEqual(['type::bug', 'severity::2', 'workflow::ready for development', 'weight::3']);
    expect(pane.querySelector('[data-testid="issue-type-container"]')?.textContent?.trim()).toBe('Bug');
    expect(app.querySelector('[data-testid="comment-composer"] textarea[aria-labelledby="comment-composer-heading"]')).not.toBeNull();
  });

  it('renders comments with GitHub task-list markup', async () => {
    const { doc } = await load('/acme/widgets/issues/2');
    const comments = doc.querySelectorAll('.react-issue-comment[data-testid^="comment-viewer-outer-box-"]');
    expect(comments).toHaveLength(3);
    const checklist = comments[0]!;
    expect(checklist.querySelector('h1')?.textContent).toBe('Bug Refinement Checklist');
    expect(checklist.querySelectorAll('li.task-list-item input.task-list-item-checkbox')).toHaveLength(16);
    expect(checklist.querySelectorAll('input.task-list-item-checkbox[checked]')).toHaveLength(13);
  });

  it('shows the state the API changed, and linked pull requests', async () => {
    await fetch(`${sb.github.apiUrl}/repos/acme/widgets/issues/3/labels`, {
      method: 'POST',
      headers: { authorization: 'token sandbox-github-token', 'content-type': 'application/json' },
      body: JSON.stringify({ labels: ['health::at risk'] }),
    });
    const { doc } = await load('/acme/widgets/issues/3');
    expect(texts(doc, '[data-testid="issue-labels"] .TokenTextContainer')).toContain('health::at risk');
    expect(texts(doc, '[data-testid="issue-viewer-linked-pr-container"] a')).toEqual(['Add reviewer_file_states table #22', 'Store viewed files per reviewer #21']);
  });

  it('uses relative links only', async () => {
    const { doc } = await load('/acme/widgets/issues/3');
    const hrefs = [...doc.querySelectorAll('[href], [action]')].map((e) => e.getAttribute('href') ?? e.getAttribute('action') ?? '');
    expect(hrefs.length).toBeGreaterThan(20);
    expect(hrefs.filter((h) => !/^[/#]/.test(h))).toEqual([]);
  });

  it('?theme=dark and ?theme=light set the color mode; links keep the theme', async () => {
    expect((await load('/acme/widgets/issues/2?theme=dark')).doc.documentElement.getAttribute('data-color-mode')).toBe('dark');
    const { doc } = await load('/acme/widgets/issues/2?theme=light');
    expect(doc.documentElement.getAttribute('data-color-mode')).toBe('light');
    expect(doc.querySelector('a[data-sandbox-nav]')?.getAttribute('href')).toBe('/acme/widgets/issues/3?theme=light');
  });
});

describe('variants and other pages', () => {
  it('?variant=bare has none of GitHub’s anchors', async () => {
    const { doc, html } = await load('/acme/widgets/issues/2?variant=bare');
    expect(doc.querySelector('h1')?.textContent).toContain('Merge request diff fails to load');
    expect(doc.querySelector('meta[name="route-pattern"]')).toBeNull();
    expect(doc.documentElement.hasAttribute('data-color-mode')).toBe(false);
    expect(html).not.toMatch(/data-testid|react-app|turbo-frame|js-issue/);
  });

  it('?variant=rails is the older GitHub Enterprise issue view', async () => {
    const { doc } = await load('/acme/widgets/issues/2?variant=rails');
    expect(doc.querySelector('meta[name="route-pattern"]')?.getAttribute('content')).toBe('/_view_fragments/issues/show/:user_id/:repository/:id/issue_layout(.:format)');
    expect(doc.querySelector('#partial-discussion-header .js-issue-title')?.textContent).toBe('Merge request diff fails to load for binary files');
    expect(doc.querySelector('textarea#new_comment_field')).not.toBeNull();
    expect(texts(doc, '#partial-discussion-sidebar .js-issue-labels .TokenTextContainer')).toHaveLength(4);
    expect(doc.querySelector('[data-testid]')).toBeNull();
  });

  it('redirects between /issues/N and /pull/N like GitHub; the PR page has the pull route', async () => {
    const a = await load('/acme/widgets/issues/21?theme=dark');
    expect(a.res.status).toBe(302);
    expect(a.res.headers.get('location')).toBe('/acme/widgets/pull/21?theme=dark');
    expect((await load('/acme/widgets/pull/2')).res.headers.get('location')).toBe('/acme/widgets/issues/2');
    const pr = await load('/acme/widgets/pull/21');
    expect(pr.doc.querySelector('meta[name="route-pattern"]')?.getAttribute('content')).toBe('/:user_id/:repository/pull/:id(.:format)');
    expect(pr.doc.querySelector('[data-testid="issue-title"]')).toBeNull();
  });

  it('unknown repositories and issues are GitHub’s 404 page', async () => {
    for (const path of ['/acme/nothing/issues/1', '/acme/widgets/issues/999']) {
      const { res, doc } = await load(path);
      expect(res.status).toBe(404);
      expect(doc.title).toBe('Page not found · GitHub');
    }
  });

  it('the issue list shows 25 issues a page with list-row anchors, filters with q and never lists PRs', async () => {
    const { doc } = await load('/acme/widgets/issues');
    expect(doc.querySelector('meta[name="route-pattern"]')?.getAttribute('content')).toBe('/:user_id/:repository/issues(.:format)');
    const rows = doc.querySelectorAll('li[role="listitem"]');
    expect(rows).toHaveLength(25);
    const first = rows[0]!;
    expect(first.querySelector('a[data-testid="issue-pr-title-link"]')?.getAttribute('href')).toMatch(/^\/acme\/widgets\/issues\/\d+$/);
    expect(first.querySelector('[data-testid="list-row-repo-name-and-number"]')?.textContent).toMatch(/#\d+/);
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toContain('page=2');
    const q = encodeURIComponent('is:issue state:open label:"workflow::in dev" label:"workflow::in review"');
    const filtered = await load(`/acme/widgets/issues?q=${q}`);
    expect(texts(filtered.doc, '[data-testid="issue-pr-title-link"]')).toEqual(['Paginate the protected tags API']);
    const all = await load(`/acme/widgets/issues?q=${encodeURIComponent('state:open')}&page=1`);
    expect(texts(all.doc, '[data-testid="list-row-repo-name-and-number"] > span > span')).not.toContain('#21');
  });

  it('the web composer posts a comment as the signed-in user and returns to the issue', async () => {
    const res = await fetch(`${sb.github.url}/acme/widgets/issues/4/comments`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'comment[body]': 'Complete: 10%' }).toString(),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/acme\/widgets\/issues\/4#issuecomment-\d+$/);
    const comments = sb.github.state.repos[0]!.comments.filter((c) => c.issueNumber === 4);
    expect(comments.map((c) => [c.authorId, c.body])).toEqual([[101, 'Complete: 10%']]);
  });
});

describe('soft navigation', () => {
  it('swaps the issue in place with pushState and soft-nav events, and goes back on popstate', async () => {
    const url = `${sb.github.url}/acme/widgets/issues/2`;
    const window = new Window({ url, settings: { enableJavaScriptEvaluation: true } });
    const doc = window.document;
    doc.write(await (await fetch(url)).text());
    await window.happyDOM.waitUntilComplete();
    const marker = doc.createElement('div');
    marker.id = 'survives-soft-nav';
    doc.body.append(marker);
    const events: string[] = [];
    for (const type of ['soft-nav:start', 'soft-nav:end', 'soft-nav:react-done']) doc.addEventListener(type, () => events.push(type));
    const ended = () => new Promise<void>((resolve) => doc.addEventListener('soft-nav:end', () => resolve(), { once: true }));

    let done = ended();
    (doc.querySelector('a[data-sandbox-nav]') as unknown as { click(): void }).click();
    await done;
    expect(window.location.pathname).toBe('/acme/widgets/issues/3');
    expect(doc.title).toBe('Remember viewed files across merge request force pushes · Issue #3 · acme/widgets');
    expect(doc.querySelector('[data-testid="issue-title"]')?.textContent).toBe('Remember viewed files across merge request force pushes');
    expect(doc.getElementById('survives-soft-nav')).not.toBeNull();
    expect(events).toEqual(['soft-nav:start', 'soft-nav:end', 'soft-nav:react-done']);

    done = ended();
    window.history.back();
    await done;
    expect(window.location.pathname).toBe('/acme/widgets/issues/2');
    expect(doc.querySelector('[data-testid="issue-title"]')?.textContent).toBe('Merge request diff fails to load for binary files');
    await window.happyDOM.close();
  });
});
