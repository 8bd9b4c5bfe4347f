import type { Sandbox } from '../sandbox/server';
import { diagnose } from './diagnose';
import { expect, panel, quiet, test, TOKENS } from './fixtures';

const api = (sandbox: Sandbox) => sandbox.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

test.describe('the panel on issue pages', () => {
  test('gitlab.com issue: shows weight, split weights, workflow stage and health status read through the background', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/3');
    const region = panel(page);
    await expect(region).toHaveAttribute('data-state', 'ready');
    await expect(region).toContainText('Backend weight');
    await expect(region.getByText('2', { exact: true }).first()).toBeVisible();
    await expect(region).toContainText('in dev');
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(1);
  });

  test('gitlab.com issue on the Free tier: weight comes from the weight:: label', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/community/website/-/issues/2');
    const region = panel(page);
    await expect(region).toHaveAttribute('data-state', 'ready');
    await expect(region).toContainText('weight::3');
    await expect(region).toContainText('ready for development');
  });

  test('self-managed GitLab under a relative URL root (/gitlab)', async ({ page, connect, selfManagedGitlab }) => {
    await connect();
    await page.goto(`${selfManagedGitlab}/acme/platform/frontend/-/issues/2`);
    const region = panel(page);
    await expect(region).toHaveAttribute('data-state', 'ready');
    await expect(region).toContainText('ready for development');
  });

  test('GitLab 18.1-style work item page (projects:work_items:show, no page-type-id) still gets the panel', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1?variant=work-item');
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(panel(page)).toContainText('refinement');
  });

  test('github.com and GitHub Enterprise issues', async ({ page, connect, enterpriseGithub }) => {
    await connect();
    await page.goto('https://github.com/acme/widgets/issues/3');
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(panel(page)).toContainText('in dev');
    await page.goto(`${enterpriseGithub}/acme/widgets/issues/2`);
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(panel(page)).toContainText('weight::3');
  });

  test('nothing on merge requests and pull requests, and no panel on lists', async ({ page, connect, sandbox, worker }) => {
    await connect();
    for (const url of ['https://gitlab.com/acme/platform/backend/-/merge_requests/11', 'https://github.com/acme/widgets/pull/21']) {
      await page.goto(url);
      // Once the content script answers, it has run and decided: it stayed away (no fixed wait can tell that).
      expect((await diagnose(worker, url)).recognition, url).toEqual({ status: 'not-served' });
      await expect(page.locator('[data-refinery]'), url).toHaveCount(0);
    }
    expect(sandbox.requests).toHaveLength(0);
    for (const url of ['https://gitlab.com/acme/platform/backend/-/issues', 'https://github.com/acme/widgets/issues']) {
      await page.goto(url);
      // The list feature is on the page (its chunk loaded and started); the panel feature never started.
      const d = await diagnose(worker, url, (x) => x.features.some((f) => f.feature === 'badges'));
      expect(d.recognition, url).toMatchObject({ status: 'recognised', page: expect.stringMatching(/^issue list/) });
      expect(d.features.map((f) => f.feature), url).not.toContain('panel');
      await expect(page.locator('[data-refinery="panel"]'), url).toHaveCount(0);
    }
  });

  test('a page without any known anchor gets the docked panel', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/2?variant=bare');
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(page.locator('[data-refinery="panel"]')).toHaveAttribute('data-docked', /.*/);
  });

  test('in-page navigation to another issue updates the one panel', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1');
    await expect(panel(page)).toContainText('refinement');
    await page.locator('a[data-sandbox-nav]').first().click();
    await expect(page).toHaveURL(/\/issues\/2$/);
    await expect(panel(page)).toContainText('ready for development');
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(1);
    await page.goBack();
    await expect(page).toHaveURL(/\/issues\/1$/);
    await expect(panel(page)).toContainText('refinement');
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(1);

    await page.goto('https://github.com/acme/widgets/issues/1');
    await expect(panel(page)).toContainText('refinement');
    await page.locator('a[data-sandbox-nav]').first().click();
    await expect(page).toHaveURL(/\/issues\/2$/);
    await expect(panel(page)).toContainText('ready for development');
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(1);
  });

  test('follows the host dark theme', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/2?theme=dark');
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(page.locator('[data-refinery="panel"]')).toHaveAttribute('data-theme', 'dark');
    const bg = await panel(page).evaluate((el) => getComputedStyle(el).color);
    // Light text on a dark page.
    const [r = 0, g = 0, b = 0] = bg.match(/\d+/g)!.map(Number);
    expect((r + g + b) / 3).toBeGreaterThan(128);
  });
});

test.describe('what a view costs the forge', () => {
  test('a first view reads the issue (and, once per group, its custom fields and Status); a section reads its data when opened and stays open on the next page', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/3');
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(panel(page).getByRole('radiogroup', { name: 'Weight', exact: true })).toBeVisible();
    await quiet(sandbox);
    // Sent after the issue, once per top-level group, in one GraphQL query: its split-weight custom fields and whether it
    // has GitLab Status (acme has neither, so neither is asked again). Two requests: the budget of a first view.
    expect(api(sandbox)).toEqual(['GET /api/v4/projects/acme/platform/backend/issues/3', 'POST /api/graphql']);

    const status = panel(page).getByRole('button', { name: 'Async status update', exact: true });
    await expect(status).toHaveAttribute('aria-expanded', 'false');
    await expect(panel(page).getByRole('button', { name: 'Refinement', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await status.click();
    await expect(page.getByRole('form', { name: 'Status update' })).toBeVisible();
    expect(api(sandbox)).toEqual(
      expect.arrayContaining(['GET /api/v4/projects/acme/platform/backend/issues/3/notes', 'GET /api/v4/user']),
    );

    // Kept open: the next issue opens it at once; Refinement, still closed, reads nothing.
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/4');
    await expect(page.getByRole('form', { name: 'Status update' })).toBeVisible();
    await expect(panel(page).getByRole('button', { name: 'Async status update', exact: true })).toHaveAttribute('aria-expanded', 'true');
    await expect(panel(page).getByRole('button', { name: 'Refinement', exact: true })).toHaveAttribute('aria-expanded', 'false');
    expect(api(sandbox)).toContain('GET /api/v4/projects/acme/platform/backend/issues/4/notes');
    expect(api(sandbox).filter((r) => r.endsWith('/links'))).toEqual([]); // the checklist's blockers
  });

  for (const url of ['https://gitlab.com/acme/platform/backend/-/issues/9', 'https://github.com/acme/widgets/issues/9']) {
    test(`a revisit within a minute costs nothing; after someone else's change, only the issue (${new URL(url).host})`, async ({ page, connect, sandbox }) => {
      await connect();
      await page.goto(url);
      await expect(panel(page)).toHaveAttribute('data-state', 'ready');
      await quiet(sandbox);
      const first = sandbox.requests.length;
      // The issue, and what a first view of the group or organisation asks once: GitLab's custom fields and Status (one
      // GraphQL query), GitHub's issue fields. Two either way: the budget of a first view.
      expect(first).toBe(2);

      await page.reload();
      await expect(panel(page)).toHaveAttribute('data-state', 'ready');
      await quiet(sandbox);
      expect(sandbox.requests).toHaveLength(first);

      // Someone else adds a label: the freshly loaded page shows it, so the cached copy is dropped.
      if (url.includes('gitlab')) sandbox.gitlab.state.issues.find((i) => i.projectId === 1001 && i.iid === 9)!.labels.push('backend');
      else sandbox.github.state.repos.find((r) => r.name === 'widgets')!.issues.find((i) => i.number === 9)!.labels.push('backend');
      await page.reload();
      await expect(panel(page)).toHaveAttribute('data-state', 'ready');
      await quiet(sandbox);
      expect(sandbox.requests.slice(first).map((r) => r.path)).toEqual([expect.stringMatching(/\/issues\/9$/)]);
    });
  }
});

test.describe('errors reach the panel as readable states', () => {
  test('a bad token shows "Connect / fix your token", which opens the options', async ({ page, context, connect }) => {
    await connect({ 'gitlab.com': 'sandbox-gitlab-expired' });
    await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1');
    const region = panel(page);
    await expect(region).toHaveAttribute('data-state', 'error');
    await expect(region.getByRole('alert')).toContainText(/token/i);
    const optionsPage = context.waitForEvent('page');
    await region.getByRole('button', { name: 'Connect / fix your token' }).click();
    expect((await optionsPage).url()).toContain('options.html');
  });

  test('a forge error (500) says so and Retry recovers', async ({ page, connect, sandbox }) => {
    await connect();
    sandbox.faults.add({ forge: 'github', path: '/issues/3', status: 500, times: 10 });
    await page.goto('https://github.com/acme/widgets/issues/3');
    const region = panel(page);
    await expect(region).toHaveAttribute('data-state', 'error');
    await expect(region.getByRole('alert')).toBeVisible();
    sandbox.faults.clear();
    await region.getByRole('button', { name: /retry/i }).click();
    await expect(region).toHaveAttribute('data-state', 'ready');
  });
});

test('a page script cannot read the token', async ({ page, connect }) => {
  await connect();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    document.addEventListener('refinery', (e) => seen.push(JSON.stringify((e as CustomEvent).detail)));
  });
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/3');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const leaked = await page.evaluate((tokens) => {
    const texts: string[] = [document.documentElement.outerHTML];
    document.querySelectorAll('[data-refinery]').forEach((h) => texts.push(h.shadowRoot?.innerHTML ?? ''));
    const globals = Object.keys(window).map((k) => {
      try {
        return `${k}=${JSON.stringify((window as unknown as Record<string, unknown>)[k])}`;
      } catch {
        return k;
      }
    });
    texts.push(globals.join('\n'), ...(window as unknown as { __seen: string[] }).__seen);
    texts.push(JSON.stringify(localStorage), JSON.stringify(sessionStorage), document.cookie);
    const hasRuntime = typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage === 'function';
    return { found: tokens.filter((t) => texts.some((x) => x.includes(t))), hasRuntime };
  }, [TOKENS.gitlab, TOKENS.github]);
  expect(leaked.found).toEqual([]);
  expect(leaked.hasRuntime).toBe(false);
});
