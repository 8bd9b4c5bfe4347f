// Keyboard-only use: every step below is a key press (Tab, Shift+Tab, Space, Enter, arrows), never a click or a
// programmatic focus, from a freshly loaded page. Each control reached must show where the focus is (:focus-visible
// with a real outline or box-shadow), inside our shadow roots as on our extension pages.
import type { Locator, Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, panel, quiet, test, TOKENS } from './fixtures';

/** Whether `target` is the focused element, looking through open shadow roots (document.activeElement is the host). */
const isFocused = (target: Locator) =>
  target.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });

/** Presses `key` until `target` has the focus: it must be reachable in the tab order at all. */
async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', max = 250) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of ${key}`);
}

/** The focused control matches :focus-visible and draws something for it: an outline of some width, or a box-shadow. */
async function expectFocusVisible(target: Locator) {
  const ring = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { focusVisible: el.matches(':focus-visible'), outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
  });
  expect(ring.focusVisible, 'the focused control matches :focus-visible').toBe(true);
  const outlined = ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) > 0;
  expect(outlined || ring.boxShadow !== 'none', `a visible focus indicator, got ${JSON.stringify(ring)}`).toBe(true);
}

const writes = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method !== 'GET');

test('a weight picked with Tab and an arrow key is written once and says so', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/1');
  const picker = page.locator('[data-refinery="weight"]').getByRole('radiogroup', { name: 'Weight' });
  await expect(picker.getByRole('radio', { checked: true })).toHaveCount(0);
  // Tab enters a radio group with nothing checked on its first radio; the arrow moves to the next one and picks it.
  const first = picker.getByRole('radio', { name: /^1 Trivial/ });
  await pressUntilFocused(page, first);
  await expectFocusVisible(first);
  await expect(first).not.toBeChecked();
  await page.keyboard.press('ArrowDown');
  const small = picker.getByRole('radio', { name: /^2 Small/ });
  await expect(small).toBeChecked();
  await expect(small).toBeFocused();
  await expectFocusVisible(small);
  await expect(page.locator('[data-refinery="weight"]').getByRole('status')).toHaveText("Saved as the issue's weight");
  await quiet(sandbox);
  const w = writes(sandbox);
  expect(w).toHaveLength(1);
  expect(w[0]).toMatchObject({ method: 'PUT', path: expect.stringMatching(/\/issues\/1$/), body: expect.objectContaining({ weight: 2 }), status: 200 });
});

test('Enter opens the collapsed Refinement section; Space ticks a checklist item, saved in the comment', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const toggle = panel(page).getByRole('button', { name: 'Refinement', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await pressUntilFocused(page, toggle);
  await expectFocusVisible(toggle);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  const checklist = panel(page).getByRole('group', { name: 'Refinement checklist' });
  const item = checklist.getByRole('checkbox', { name: 'Required permissions and access levels defined' });
  await expect(item).not.toBeChecked();
  await expect(item).toHaveAttribute('aria-disabled', 'false');
  await pressUntilFocused(page, item);
  await expectFocusVisible(item);
  await page.keyboard.press('Space');
  await expect(item).toBeChecked();
  await expect(checklist.getByRole('status').filter({ hasText: 'Saved in the checklist comment.' })).toBeVisible();
  await quiet(sandbox);
  const w = writes(sandbox);
  expect(w).toHaveLength(1);
  expect(w[0]).toMatchObject({ method: 'PUT', path: expect.stringMatching(/\/notes\/\d+$/), status: 200 });
  expect(JSON.stringify(w[0]!.body)).toContain('- [x] Required permissions and access levels defined');
});

test('options: "Add a self-managed host" filled in and submitted with the keyboard alone', async ({ page, extensionId, selfManagedGitlab }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const form = page.getByRole('form', { name: 'Add a self-managed host' });
  const gitlab = form.getByRole('radio', { name: /GitLab/ });
  const github = form.getByRole('radio', { name: /GitHub/ });
  await expect(gitlab).toBeChecked();
  // Into the kind radios, over to GitHub and back with the arrows.
  await pressUntilFocused(page, gitlab);
  await expectFocusVisible(gitlab);
  await page.keyboard.press('ArrowRight');
  await expect(github).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(gitlab).toBeChecked();

  const address = form.getByLabel('Server address');
  await page.keyboard.press('Tab');
  await expect(address).toBeFocused();
  await expectFocusVisible(address);
  await page.keyboard.type(selfManagedGitlab);
  const token = form.getByLabel(/Personal access token/);
  await pressUntilFocused(page, token);
  await expectFocusVisible(token);
  await page.keyboard.type(TOKENS.gitlab);
  const submit = form.getByRole('button', { name: 'Add host' });
  await pressUntilFocused(page, submit);
  await expectFocusVisible(submit);
  // Shift+Tab goes back to the token field, Tab forward again: the order holds both ways.
  await page.keyboard.press('Shift+Tab');
  await expect(submit).not.toBeFocused();
  await pressUntilFocused(page, submit);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toContainText('Added');
  await expect(page.getByText(`•••• ${TOKENS.gitlab.slice(-4)}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Test connection to .*127\.0\.0\.1/ })).toBeVisible();
});
