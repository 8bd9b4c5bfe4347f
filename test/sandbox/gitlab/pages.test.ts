// The sandbox GitLab pages carry the anchors real GitLab pages have (shared/reference/dom-anchors.md), per variant.
import { Browser, Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../server';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

async function load(path: string) {
  const res = await fetch(`${sandbox.gitlab.url}${path}`);
  const text = await res.text();
  const window = new Window({ url: `${sandbox.gitlab.url}${path}` });
  const doc = new window.DOMParser().parseFromString(text, 'text/html');
  return { status: res.status, type: res.headers.get('content-type'), doc, text, body: doc.body };
}

describe('issue page (modern work-item markup)', () => {
  it('has GitLab’s body data attributes and the work-item anchors', async () => {
    const { status, type, doc, body } = await load('/acme/platform/backend/-/issues/3');
    expect(status).toBe(200);
    expect(type).toBe('text/html; charset=utf-8');
    expect(body.getAttribute('data-page')).toBe('projects:issues:show');
    expect(body.getAttribute('data-page-type-id')).toBe('3');
    expect(body.getAttribute('data-project-id')).toBe('1001');
    expect(body.getAttribute('data-project-full-path')).toBe('acme/platform/backend');
    expect(body.getAttribute('data-group-full-path')).toBe('acme/platform');
    expect(body.getAttribute('data-namespace-id')).toBe('51');
    expect(doc.querySelector('[data-testid="work-item-type"] > h1[data-testid="work-item-title"]')?.textContent).toBe('Paginate the repository tree API for large directories');
    expect(doc.querySelector('[data-testid="work-item-description-wrapper"] h3')?.textContent).toContain('Problem to solve');
    for (const id of ['work-item-assignees', 'work-item-labels', 'work-item-milestone', 'work-item-weight', 'work-item-health-status']) {
      expect(doc.querySelector(`[data-testid="${id}"]`), id).not.toBeNull();
    }
    expect(doc.querySelector('[data-testid="work-item-health-status-value"]')?.textContent).toBe('On track');
    expect(doc.querySelectorAll('[data-testid="work-item-note-body"]').length).toBe(2);
    expect(doc.querySelectorAll('[data-testid="system-note-content"]').length).toBe(2);
    expect(doc.querySelector('textarea[data-testid="markdown-editor-form-field"]')).not.toBeNull();
    expect(doc.querySelector('[data-testid="confirm-button"]')).not.toBeNull();
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toMatch(/\(#3\) · Issues · /);
    const scoped = doc.querySelector('[data-testid="work-item-labels"] .gl-label-scoped');
    expect(scoped?.querySelector('.gl-label-text')?.textContent).toBeTruthy();
  });

  it('shows the weight widget from Premium and health status only on Ultimate', async () => {
    const premium = (await load('/acme/platform/frontend/-/issues/2')).doc;
    expect(premium.querySelector('[data-testid="work-item-weight-value"]')?.textContent).toBe('3');
    expect(premium.querySelector('[data-testid="work-item-health-status"]')).toBeNull();
    const free = (await load('/acme/community/website/-/issues/2')).doc;
    expect(free.querySelector('[data-testid="work-item-weight"]')).toBeNull();
    expect(free.querySelector('[data-testid="work-item-labels"]')?.textContent).toContain('weight');
  });

  it('renders task lists of checklists as checkboxes', async () => {
    const { doc } = await load('/acme/platform/backend/-/issues/2');
    const boxes = doc.querySelectorAll('[data-testid="work-item-note-body"] input.task-list-item-checkbox');
    expect(boxes.length).toBeGreaterThan(10);
    expect([...boxes].some((b) => b.hasAttribute('checked'))).toBe(true);
  });

  it('variant=work-item is GitLab 18.1: projects:work_items:show without data-page-type-id', async () => {
    const { body, doc } = await load('/acme/platform/backend/-/issues/1?variant=work-item');
    expect(body.getAttribute('data-page')).toBe('projects:work_items:show');
    expect(body.hasAttribute('data-page-type-id')).toBe(false);
    expect(doc.querySelector('h1[data-testid="work-item-title"]')?.textContent).toBe('Add rate limiting to the repository mirroring API');
    expect(doc.querySelector('a[data-sandbox-nav]')?.getAttribute('href')).toBe('/acme/platform/backend/-/issues/2?variant=work-item');
    const wi = await load('/acme/platform/backend/-/work_items/1');
    expect(wi.body.getAttribute('data-page')).toBe('projects:work_items:show');
  });

  it('variant=legacy is the old haml page', async () => {
    const { body, doc } = await load('/acme/platform/backend/-/issues/2?variant=legacy');
    expect(body.getAttribute('data-page')).toBe('projects:issues:show');
    expect(body.getAttribute('data-page-type-id')).toBe('2');
    for (const sel of ['.detail-page-header-body', '.issue-details', '.detail-page-description', 'aside.right-sidebar.issuable-sidebar', 'textarea#note-body']) {
      expect(doc.querySelector(sel), sel).not.toBeNull();
    }
    expect(doc.querySelector('[data-testid="work-item-title"]')).toBeNull();
  });

  it('variant=bare keeps the body data but none of the anchors', async () => {
    const { body, doc } = await load('/acme/platform/backend/-/issues/2?variant=bare');
    expect(body.getAttribute('data-page')).toBe('projects:issues:show');
    expect(body.getAttribute('data-page-type-id')).toBe('2');
    for (const sel of ['[data-testid^="work-item"]', '.detail-page-description', '.issue-details', 'textarea', 'aside.right-sidebar']) {
      expect(doc.querySelector(sel), sel).toBeNull();
    }
    expect(doc.body.textContent).toContain('Merge request diff fails to load for binary files');
  });

  it('theme=dark sets html.gl-dark', async () => {
    expect((await load('/acme/platform/backend/-/issues/2?theme=dark')).doc.documentElement.classList.contains('gl-dark')).toBe(true);
    expect((await load('/acme/platform/backend/-/issues/2')).doc.documentElement.classList.contains('gl-dark')).toBe(false);
  });

  it('under the /gitlab relative root every link is root-relative and starts with /gitlab', async () => {
    const { doc, text } = await load('/gitlab/acme/platform/frontend/-/issues/2');
    const hrefs = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#'));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) expect(h, h).toMatch(/^\/gitlab\//);
    expect(text).not.toContain(sandbox.gitlab.url);
    expect(doc.querySelector('a[data-sandbox-nav]')?.getAttribute('href')).toBe('/gitlab/acme/platform/frontend/-/issues/3');
  });

  it('legacy URLs without /-/ redirect; unknown issues are 404 pages', async () => {
    const res = await fetch(`${sandbox.gitlab.url}/gitlab/acme/platform/backend/issues/3`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/gitlab/acme/platform/backend/-/issues/3');
    expect((await load('/acme/platform/backend/-/issues/999')).status).toBe(404);
  });
});

describe('other pages', () => {
  it('epic and group work item pages', async () => {
    const epic = await load('/groups/acme/platform/-/epics/2');
    expect(epic.body.getAttribute('data-page')).toBe('groups:epics:show');
    expect(epic.body.getAttribute('data-page-type-id')).toBe('2');
    expect(epic.body.getAttribute('data-group-full-path')).toBe('acme/platform');
    expect(epic.body.hasAttribute('data-project-id')).toBe(false);
    expect(epic.doc.querySelector('h1[data-testid="work-item-title"]')?.textContent).toBe('Large monorepo performance');
    expect(epic.doc.querySelectorAll('[data-testid="work-item-note-body"]').length).toBe(1);
    const wi = await load('/groups/acme/platform/-/work_items/2');
    expect(wi.body.getAttribute('data-page')).toBe('groups:work_items:show');
    expect(wi.body.hasAttribute('data-page-type-id')).toBe(false);
    expect((await load('/groups/acme/community/-/epics/1')).status).toBe(404);
  });

  it('epic child items: the work-item tree below the description, filled after load, a page at a time', async () => {
    const { doc } = await load('/groups/acme/platform/-/epics/2?children_page_size=4');
    const tree = doc.querySelector('[data-testid="work-item-tree"]')!;
    expect(tree.previousElementSibling?.getAttribute('data-testid')).toBe('work-item-description-wrapper');
    expect(tree.querySelector('[data-testid="crud-title"]')?.textContent).toContain('Child items');
    expect(tree.querySelector('[data-testid="crud-loading"]')).not.toBeNull();
    // What the inline script shows, page by page: children of both projects, linked to their issues.
    const pages = [...tree.querySelectorAll('template[data-sandbox-children]')].map((t) => (t as unknown as HTMLTemplateElement).content);
    const links = pages.map((c) => [...c.querySelectorAll('li.tree-item [data-testid="links-child"] .item-title > a')].map((a) => new URL(a.getAttribute('href')!).pathname));
    expect(links).toEqual([
      ['/acme/platform/backend/-/issues/3', '/acme/platform/backend/-/issues/4', '/acme/platform/backend/-/issues/5', '/acme/platform/frontend/-/issues/3'],
      ['/acme/platform/frontend/-/issues/4', '/acme/platform/frontend/-/issues/5'],
    ]);
    expect(pages[0]!.querySelector('li.tree-item:nth-child(3) [data-testid="item-weight"]')?.textContent).toContain('5');
    const empty = await load('/groups/acme/platform/-/work_items/3');
    expect(empty.doc.querySelector('[data-testid="work-item-tree"] [data-testid="crud-empty"]')).not.toBeNull();
  });

  it('merge request page', async () => {
    const { body, doc } = await load('/acme/platform/backend/-/merge_requests/11');
    expect(body.getAttribute('data-page')).toBe('projects:merge_requests:show');
    expect(body.getAttribute('data-page-type-id')).toBe('11');
    expect(doc.querySelector('[data-testid="title-content"]')?.textContent).toBe('Add keyset pagination to the repository tree API');
    expect(doc.querySelector('[data-testid="work-item-title"]')).toBeNull();
  });

  it('issue list with real list markup, weights on Premium+, 20 per page, filters in the URL', async () => {
    const { body, doc } = await load('/acme/platform/backend/-/issues');
    expect(body.getAttribute('data-page')).toBe('projects:issues:index');
    expect(body.hasAttribute('data-page-type-id')).toBe(false);
    const rows = doc.querySelectorAll('li.issue[data-qa-issue-id]');
    expect(rows.length).toBe(20);
    expect(rows[0]!.querySelector('.issuable-reference')?.textContent).toMatch(/^#\d+$/);
    expect(doc.querySelectorAll('[data-testid="issuable-weight-content"]').length).toBeGreaterThan(0);
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toContain('page=2');
    const filtered = await load(`/acme/platform/backend/-/issues?label_name%5B%5D=${encodeURIComponent('workflow::in dev')}`);
    const titles = [...filtered.doc.querySelectorAll('[data-testid="issuable-title-link"]')].map((a) => a.textContent);
    expect(titles).toContain('Paginate the repository tree API for large directories');
    expect(filtered.doc.querySelectorAll('li.issue').length).toBeLessThan(20);
    expect((await load('/acme/community/website/-/issues')).doc.querySelector('[data-testid="issuable-weight-content"]')).toBeNull();
  });

  it('work item list and board', async () => {
    const list = await load('/acme/platform/backend/-/work_items');
    expect(list.body.getAttribute('data-page')).toBe('projects:work_items:index');
    expect(list.doc.querySelectorAll('[data-testid="issuable-item-wrapper"]').length).toBe(20);
    expect(list.doc.querySelector('[data-testid="work-item-health-status"]')).not.toBeNull();
    const board = await load('/acme/platform/backend/-/boards/1');
    expect(board.body.getAttribute('data-page')).toBe('projects:boards:show');
    expect(board.body.getAttribute('data-page-type-id')).toBe('1');
    const titles = [...board.doc.querySelectorAll('.board-title-text')].map((t) => t.textContent);
    expect(titles).toEqual(['Open', 'workflow::ready for development', 'workflow::in dev', 'workflow::in review', 'workflow::verification', 'Closed']);
    expect(board.doc.querySelector('.board-card[data-item-iid="3"]')).not.toBeNull();
  });

  it('avatars are served where GitLab serves uploads', async () => {
    const res = await fetch(`${sandbox.gitlab.url}/gitlab/uploads/-/system/user/avatar/1/avatar.png`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
  });
});

describe('in-page navigation script', () => {
  it('swaps title, description and body data without a reload, and follows back', async () => {
    const browser = new Browser({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableCSSFileLoading: true } });
    try {
      const page = browser.newPage();
      await page.goto(`${sandbox.gitlab.url}/acme/platform/backend/-/issues/1`);
      await page.waitUntilComplete();
      const doc = page.mainFrame.document;
      const marker = doc.createElement('div');
      marker.id = 'survives-navigation';
      doc.body.appendChild(marker);
      (doc.querySelector('a[data-sandbox-nav]') as unknown as { click(): void }).click();
      await page.waitUntilComplete();
      expect(page.mainFrame.url).toBe(`${sandbox.gitlab.url}/acme/platform/backend/-/issues/2`);
      expect(doc.body.getAttribute('data-page-type-id')).toBe('2');
      expect(doc.querySelector('h1[data-testid="work-item-title"]')?.textContent).toBe('Merge request diff fails to load for binary files');
      expect(doc.querySelector('[data-testid="work-item-description-wrapper"]')?.textContent).toContain('binary file');
      expect(doc.title).toMatch(/\(#2\)/);
      expect(doc.getElementById('survives-navigation')).not.toBeNull();
      page.mainFrame.window.history.back();
      // The page script answers popstate with a fetch: wait for its outcome, not for a time.
      await vi.waitFor(() => expect(doc.body.getAttribute('data-page-type-id')).toBe('1'), { timeout: 10_000, interval: 20 });
      await page.waitUntilComplete();
      expect(page.mainFrame.url).toBe(`${sandbox.gitlab.url}/acme/platform/backend/-/issues/1`);
      expect(doc.querySelector('h1[data-testid="work-item-title"]')?.textContent).toBe('Add rate limiting to the repository mirroring API');
      expect(doc.getElementById('survives-navigation')).not.toBeNull();
    } finally {
      await browser.close();
    }
  });
});
