import { vaultConnections } from './browser';
import { expect, panel, test, TOKENS } from './fixtures';

test('options: add a self-managed GitLab, test it, see the token masked, and its content script come and go', async ({
  page,
  context,
  extensionId,
  worker,
  selfManagedGitlab,
}) => {
  const registered = () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByText('gitlab.com').first()).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a self-managed host' });
  await form.getByRole('radio', { name: /GitLab/ }).check();
  await form.getByLabel('Server address').fill(selfManagedGitlab);
  await form.getByLabel(/Personal access token/).fill(TOKENS.gitlab);
  await form.getByRole('button', { name: 'Add host' }).click();
  await expect(form.getByRole('status')).toContainText('Added');

  // The token is never shown again: only its last four characters.
  await expect(page.locator('body')).not.toContainText(TOKENS.gitlab);
  await expect(page.getByText(`•••• ${TOKENS.gitlab.slice(-4)}`)).toBeVisible();
  const storedInPage = await page.evaluate(() => document.documentElement.outerHTML);
  expect(storedInPage).not.toContain(TOKENS.gitlab);

  await page.getByRole('button', { name: /^Test connection to .*127\.0\.0\.1/ }).click();
  await expect(page.getByText('Connected as Alice Example (@alice)')).toBeVisible();
  await expect.poll(registered).toContain('http://127.0.0.1/gitlab/*');

  const issue = await context.newPage();
  await issue.goto(`${selfManagedGitlab}/acme/platform/backend/-/issues/1`);
  await expect(panel(issue)).toHaveAttribute('data-state', 'ready');
  await issue.close();

  await page.getByRole('button', { name: /^Remove .*127\.0\.0\.1/ }).click();
  await page.getByRole('group', { name: /Confirm removing/ }).getByRole('button', { name: /Remove/ }).click();
  await expect.poll(registered).not.toContain('http://127.0.0.1/gitlab/*');
});

test('options: a bad base URL is refused with a message and nothing is saved', async ({ page, extensionId, worker }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const form = page.getByRole('form', { name: 'Add a self-managed host' });
  await form.getByLabel('Server address').fill('not a url');
  await form.getByRole('button', { name: 'Add host' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  await expect(form.getByLabel('Server address')).toHaveValue('not a url');
  const stored = (await vaultConnections(worker)) as { baseUrl: string }[];
  expect(stored.map((c) => c.baseUrl)).not.toContain('not a url');
  expect(stored.filter((c) => !['https://gitlab.com', 'https://github.com'].includes(c.baseUrl))).toEqual([]);
});

test('options: "Test connection" with an expired token says what is wrong', async ({ page, extensionId, connect }) => {
  await connect({ 'gitlab.com': 'sandbox-gitlab-expired' });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('button', { name: /^Test connection to gitlab\.com/ }).click();
  await expect(page.getByRole('alert').first()).toContainText(/token/i);
});
