import type { Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, isWrite, panel, test } from './fixtures';

const weightGroup = (page: Page) => page.locator('[data-refinery="weight"]').getByRole('radiogroup', { name: 'Weight' });
const writes = (sandbox: Sandbox, forge: 'gitlab' | 'github') =>
  sandbox.requests
    .filter((r) => r.forge === forge && isWrite(r))
    .map((r) => ({ method: r.method, path: decodeURIComponent(r.path), body: r.body, status: r.status }));

test.describe('weight picker', () => {
  test('GitLab Premium: picking a weight sets the issue weight field', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/1');
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    const picker = weightGroup(page);
    await expect(picker.getByRole('radio', { checked: true })).toHaveCount(0);
    await picker.getByRole('radio', { name: /^2 Small/ }).check();
    await expect(page.locator('[data-refinery="weight"]')).toContainText("Saved as the issue's weight");
    const w = writes(sandbox, 'gitlab');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ method: 'PUT', path: expect.stringMatching(/\/issues\/1$/), body: expect.objectContaining({ weight: 2 }), status: 200 });
    await page.reload();
    await expect(weightGroup(page).getByRole('radio', { name: /^2 Small/ })).toBeChecked();
  });

  test('GitLab Free: the weight becomes an exclusive weight:: label in one write', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/community/website/-/issues/2');
    const picker = weightGroup(page);
    await expect(picker.getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
    await picker.getByRole('radio', { name: /^5 Larger/ }).check();
    await expect(page.locator('[data-refinery="weight"]')).toContainText('weight::5');
    const w = writes(sandbox, 'gitlab');
    expect(w).toHaveLength(1);
    expect(JSON.stringify(w[0]!.body)).toContain('weight::5');
    expect(JSON.stringify(w[0]!.body)).toContain('weight::3');
    await page.reload();
    await expect(weightGroup(page).getByRole('radio', { name: /^5 Larger/ })).toBeChecked();
    await expect(panel(page)).not.toContainText('Conflicting');
  });

  test('GitHub: the weight label replaces the old one (add, then remove)', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://github.com/acme/widgets/issues/2');
    const picker = weightGroup(page);
    await expect(picker.getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
    await picker.getByRole('radio', { name: /^1 Trivial/ }).check();
    await expect(page.locator('[data-refinery="weight"]')).toContainText('weight::1');
    const w = writes(sandbox, 'github');
    expect(w.map((x) => `${x.method} ${x.path}`)).toEqual([
      'POST /api/v3/repos/acme/widgets/issues/2/labels',
      'DELETE /api/v3/repos/acme/widgets/issues/2/labels/weight::3',
    ]);
    await page.reload();
    await expect(weightGroup(page).getByRole('radio', { name: /^1 Trivial/ })).toBeChecked();
  });

  test('the picker works with the keyboard alone', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/2');
    const picker = weightGroup(page);
    await expect(picker.getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
    await picker.getByRole('radio', { name: /^3 Medium/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(picker.getByRole('radio', { name: /^5 Larger/ })).toBeChecked();
    await expect(picker.getByRole('radio', { name: /^5 Larger/ })).toBeFocused();
  });

  test('a failed write rolls back with a message', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/2');
    const picker = weightGroup(page);
    await expect(picker.getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
    sandbox.faults.add({ forge: 'gitlab', method: 'PUT', status: 403, body: { message: '403 Forbidden' } });
    // click(), not check(): check() asserts the radio stays checked, which races the rollback under test.
    await picker.getByRole('radio', { name: /^1 Trivial/ }).click();
    await expect(page.locator('[data-refinery="weight"]').getByRole('alert')).toContainText('Could not save the weight');
    await expect(picker.getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
    await expect(picker.getByRole('radio', { name: /^1 Trivial/ })).not.toBeChecked();
    const w = writes(sandbox, 'gitlab');
    expect(w.map((x) => x.status)).toEqual([403]);
    await page.reload();
    await expect(weightGroup(page).getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
  });
});

test('split labels replace each other', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/community/website/-/issues/3');
  const backend = page.getByRole('radiogroup', { name: 'Backend weight' });
  await expect(backend.getByRole('radio', { name: /^2/ })).toBeChecked();
  await backend.getByRole('radio', { name: /^3/ }).check();
  await expect(backend.getByRole('radio', { name: /^3/ })).toBeChecked();
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Backend weight' }).getByRole('radio', { name: /^3/ })).toBeChecked();
  const labels = sandbox.requests.filter((r) => r.method === 'PUT').map((r) => JSON.stringify(r.body));
  expect(labels.join()).toContain('backend-weight::3');
  await expect(panel(page)).not.toContainText('Conflicting');
});

test('findings appear and disappear as the issue changes', async ({ page, connect }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/4');
  const findings = page.getByRole('list', { name: 'Weighting findings' });
  await expect(findings).toContainText(/ready for development/i);
  await weightGroup(page).getByRole('radio', { name: /^2 Small/ }).check();
  await expect(findings.getByText(/ready for development/i)).toHaveCount(0);
  await weightGroup(page).getByRole('radio', { name: /^5 Larger/ }).check();
  await expect(findings).toContainText(/break/i);
});

test("Can't weight yet: asks for clarification with mentions and leaves the weight unset", async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/community/website/-/issues/1');
  await page.getByRole('button', { name: "Can't weight yet" }).click();
  const form = page.getByRole('form', { name: "Can't weight yet" });
  await form.getByRole('radio', { name: 'Needs clarification' }).check();
  await form.getByRole('textbox', { name: 'What needs clarifying' }).fill('Which API clients need the new rate limit headers?');
  await form.getByRole('checkbox', { name: /@carol/ }).check();
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(form.getByRole('status').or(page.getByRole('status').filter({ hasText: /posted/i })).first()).toBeVisible();
  const posts = sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/notes'));
  expect(posts).toHaveLength(1);
  const body = JSON.stringify(posts[0]!.body);
  expect(body).toContain('@carol');
  expect(body).toContain('Which API clients need the new rate limit headers?');
  expect(sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
});
