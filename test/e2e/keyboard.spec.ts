// Keyboard-only use: every step below is a key press (Tab, Shift+Tab, Space, Enter, arrows), never a click or a
// programmatic focus, from a freshly loaded page. Each control reached must show where the focus is (:focus-visible
// with a real outline or box-shadow), inside our shadow roots as on our extension pages.
import type { Locator, Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, isWrite, panel, quiet, test, TOKENS } from './fixtures';

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

const writes = (sandbox: Sandbox) => sandbox.requests.filter(isWrite);

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

interface Stop {
  /** Inside the given `[data-refinery]` host's shadow root. */
  inside: boolean;
  what: string;
  focusVisible: boolean;
  ring: boolean;
  /** A closed disclosure (section toggle, <summary>, "Can't weight yet"…) that Enter opens. */
  closed: boolean;
}

/** Describes the focused element (through shadow roots) relative to the host `[data-refinery="<feature>"]`. */
const focusStop = (page: Page, feature: string) =>
  page.evaluate((feature): Stop => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const root = active?.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    if (!active || !(host instanceof HTMLElement) || host.dataset.refinery !== feature) {
      return { inside: false, what: active?.tagName ?? 'none', focusVisible: false, ring: false, closed: false };
    }
    const s = getComputedStyle(active);
    const name = (active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 40);
    const closed =
      (active.tagName === 'SUMMARY' && !(active.parentElement as HTMLDetailsElement).open) ||
      (active.tagName === 'BUTTON' && active.getAttribute('aria-expanded') === 'false' && !active.hasAttribute('aria-haspopup'));
    return {
      inside: true,
      what: `${active.tagName.toLowerCase()}${active.getAttribute('type') ? `[type=${active.getAttribute('type')}]` : ''} "${name}"`,
      focusVisible: active.matches(':focus-visible'),
      ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
      closed,
    };
  }, feature);

for (const { forge, url } of [
  { forge: 'GitLab', url: 'https://gitlab.com/acme/platform/frontend/-/issues/4' },
  { forge: 'GitHub', url: 'https://github.com/acme/widgets/issues/4' },
]) {
  test(`${forge}: Tab reaches every control of the panel, Enter opens every section, and each stop shows its focus`, async ({ page, connect }) => {
    test.slow(); // every section's data and code, and one round trip per Tab stop, on a loaded machine
    await connect();
    await page.goto(url);
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    // Into the panel: its first control is the first thing after the page's own controls before it.
    for (let i = 0; i < 250 && !(await focusStop(page, 'panel')).inside; i++) await page.keyboard.press('Tab');
    const seen: string[] = [];
    const missing: string[] = [];
    for (let i = 0; i < 400; i++) {
      const stop = await focusStop(page, 'panel');
      if (!stop.inside) break;
      seen.push(stop.what);
      if (!stop.focusVisible || !stop.ring) missing.push(stop.what);
      if (stop.closed) {
        await page.keyboard.press('Enter');
        // Opening may load the section's code and data first; its first control then follows in the tab order.
        await expect(page.locator('[data-refinery="panel"]').getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      }
      await page.keyboard.press('Tab');
    }
    expect(missing, `stops without a visible focus indicator (of ${seen.length}: ${seen.join(', ')})`).toEqual([]);
    // Every section was reached and opened on the way.
    for (const name of ['Async status update', 'Refinement', 'Templates']) {
      await expect(panel(page).getByRole('button', { name, exact: true })).toHaveAttribute('aria-expanded', 'true');
    }
    await expect(panel(page).locator('details:not([open])')).toHaveCount(0);
    expect(seen.length).toBeGreaterThan(30);
  });
}

for (const surface of ['options', 'popup'] as const) {
  test(`${surface} page: every Tab stop shows its focus`, async ({ page, extensionId, connect }) => {
    await connect();
    await page.goto(`chrome-extension://${extensionId}/${surface}.html`);
    await expect(page.getByRole('button').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    const seen: string[] = [];
    const missing: string[] = [];
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const visited = ((window as { visited?: WeakSet<Element> }).visited ??= new WeakSet());
        const again = visited.has(el);
        visited.add(el);
        const s = getComputedStyle(el);
        return {
          again,
          what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40)}"`,
          shown: el.matches(':focus-visible') && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'),
        };
      });
      // Past the last control the focus leaves the page (to the browser's UI): one full round.
      if (!stop || stop.again) break;
      seen.push(stop.what);
      if (!stop.shown) missing.push(stop.what);
    }
    expect(missing, `stops without a visible focus indicator (of ${seen.length}: ${seen.join(', ')})`).toEqual([]);
    expect(seen.length).toBeGreaterThan(surface === 'options' ? 10 : 1);
  });
}
