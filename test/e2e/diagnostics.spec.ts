// When a page does not fit, the user hears it from us: a docked panel says why it is docked; a page the URL names an
// issue but whose own data names another page is left alone and the popup says why; a list whose rows we cannot find
// says so in its bar; "Copy diagnostics" copies a short report without titles, paths, labels or user names.
import { diagnose, popupFor } from './diagnose';
import { expect, panel, test } from './fixtures';

test('a docked panel says it could not find its usual place; the popup names the anchors tried; Copy diagnostics copies them', async ({ page, context, connect, worker, extensionId }) => {
  await connect();
  const url = 'https://gitlab.com/acme/platform/backend/-/issues/2?variant=bare';
  await page.goto(url);
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const host = page.locator('[data-refinery="panel"]');
  await expect(host).toHaveAttribute('data-docked', /.*/);
  await expect(host.getByRole('note')).toHaveText(
    'Refinery could not find its usual place on this page, so it is docked here. The toolbar popup says what it looked for.',
  );

  const popup = await popupFor(context, worker, extensionId, url);
  const looked = popup.getByRole('list', { name: 'Where Refinery looked' });
  await expect(looked).toContainText('panel: docked: none of its usual places was found');
  await looked.getByText('Anchors tried').click();
  await expect(popup.getByRole('list', { name: 'Anchors tried for panel' })).toContainText('[data-testid="work-item-description-wrapper"] missing');

  // The system clipboard cannot be granted to an extension origin here: record what the page hands to it instead.
  await popup.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
  });
  await popup.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(popup.getByRole('status').filter({ hasText: /copied|copy/i })).toHaveText('Copied.');
  const all = await popup.evaluate(() => (window as unknown as { copied: string[] }).copied);
  expect(all).toHaveLength(1);
  const copied = all[0]!;
  expect(copied).toMatch(/^Refinery diagnostics\nVersion: \d+\.\d+\.\d+\nBrowser: Chrome \d+\nForge: GitLab \(built-in\)\nPage: recognised as issue \(issue\)\n/);
  expect(copied).toContain('panel: docked: none of its usual places was found');
  expect(copied).toContain('anchors missing: [data-testid="work-item-description-wrapper"]');
  // Nothing of the issue or its people: title, project path, labels, user names.
  for (const secret of ['Merge request diff', 'acme', 'platform', 'workflow::', 'alice', 'carol', 'sandbox-gitlab-token']) {
    expect(copied, secret).not.toContain(secret);
  }
});

test("an issue URL whose page says it is a merge request is left alone, and the popup says why", async ({ page, context, connect, sandbox, worker, extensionId }) => {
  await connect();
  const url = 'https://gitlab.com/acme/platform/backend/-/issues/3';
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><head><title>MR</title></head><body data-page="projects:merge_requests:show" data-project-full-path="acme/platform/backend"><main><div data-testid="work-item-description-wrapper">x</div></main></body></html>',
    }),
  );
  await page.goto(url);
  const d = await diagnose(worker, url, (x) => x.recognition.status !== 'unknown-host');
  expect(d.recognition).toEqual({ status: 'vetoed', page: 'issue (issue)', reason: 'data-page "projects:merge_requests:show" names a merge request' });
  await expect(page.locator('[data-refinery]')).toHaveCount(0);
  expect(sandbox.requests).toHaveLength(0);
  const popup = await popupFor(context, worker, extensionId, url);
  await expect(popup.locator('p.recognition')).toHaveText(
    'GitLab: the URL says issue (issue), but the page refused it: data-page "projects:merge_requests:show" names a merge request.',
  );
});

test('a list whose rows Refinery cannot find says so in its bar, and the popup counts the issue links it could not place', async ({ page, context, connect, worker, extensionId }) => {
  await connect();
  const url = 'https://github.com/acme/widgets/issues';
  // GitHub re-styled its list: rows of a shape we have never seen, each linking its issue.
  const rows = [1, 2, 3].map((n) => `<div class="NewRow"><a class="NewTitle" href="/acme/widgets/issues/${n}">Issue ${n}</a></div>`).join('');
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><title>Issues</title></head><body><main><section class="NewList">${rows}</section></main></body></html>` }));
  await page.goto(url);
  const bar = page.locator('[data-refinery="summary"]').getByRole('region', { name: 'Refinery weight check' });
  await expect(bar.getByRole('status')).toHaveText(
    "Refinery could not find this page's issue rows (it links to 3 issues): no badges here. The toolbar popup says what it looked for.",
  );
  const popup = await popupFor(context, worker, extensionId, url);
  await expect(popup.getByRole('list', { name: 'Where Refinery looked' })).toContainText('badges: not placed (0 rows with a badge, 3 issue links outside them)');
});
