// The default layout (issue 19): a compact Refinery section in the issue's own sidebar, edited with popover pickers,
// the full panel on demand (remembered), the panel with a note where the page has no sidebar. On the sandbox's
// current React views and on the real captures that have a sidebar; axe checks the section and the open popover.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { REAL_PAGES } from '../real-pages/catalogue';
import type { Sandbox } from '../sandbox/server';
import { popupFor } from './diagnose';
import { expect, isWrite, panel, quiet, test } from './fixtures';
import { seedRealIssue, serveRealPage } from './real-pages';

test.use({ layout: null });

const GITLAB_ISSUE = 'https://gitlab.com/acme/platform/frontend/-/issues/1';
const GITHUB_ISSUE = 'https://github.com/acme/widgets/issues/1';

const sidebarHost = (page: Page) => page.locator('[data-refinery="sidebar"]');
const section = (page: Page) => sidebarHost(page).getByRole('region', { name: 'Refinery' });
const row = (page: Page, name: string) => section(page).locator('.sb-row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) });
const writes = (sandbox: Sandbox) => sandbox.requests.filter(isWrite);

async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === (el.getRootNode() as ShadowRoot | Document).activeElement && el.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached the target with Tab');
}

async function expectNoViolations(page: Page) {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[data-refinery="sidebar"]').analyze();
  expect(passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0).toBeGreaterThan(0);
  const report = violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}: ${v.help}\n    ${n.failureSummary ?? ''}`));
  expect(report, report.join('\n')).toEqual([]);
}

for (const [forge, url, sidebar] of [
  ['GitLab', GITLAB_ISSUE, '[data-testid="work-item-overview-right-sidebar"]'],
  ['GitHub', GITHUB_ISSUE, '[data-testid="issue-viewer-metadata-pane"]'],
] as const) {
  test(`${forge}: the section is the first in the issue's sidebar, with its rows, and no full panel`, async ({ page, connect }) => {
    await connect();
    await page.goto(url);
    await expect(section(page)).toBeVisible();
    expect(await sidebarHost(page).evaluate((el, s) => el.parentElement === document.querySelector(s), sidebar)).toBe(true);
    for (const name of ['Weight', 'Workflow stage', 'Health']) await expect(row(page, name)).toBeVisible();
    await expect(row(page, 'Workflow stage').locator('.sb-value')).toHaveText('refinement');
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(0);
    await expect(section(page).getByRole('button', { name: 'Open Refinery' })).toHaveAttribute('aria-expanded', 'false');
  });

  test(`${forge}: keyboard alone: Tab to a row's Edit, Enter opens the picker, arrows and Enter write once, the row shows it`, async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(url);
    await expect(section(page)).toBeVisible();
    await quiet(sandbox);
    const before = writes(sandbox).length;
    const edit = section(page).getByRole('button', { name: 'Edit weight' });
    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    const list = section(page).getByRole('listbox', { name: 'Weight' });
    await expect(list).toBeFocused();
    // No weight yet: the first option is the active one; one step down is 2.
    await expect(list.getByRole('option', { selected: true })).toHaveCount(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(list).toHaveCount(0);
    await expect(edit).toBeFocused();
    await expect(row(page, 'Weight').locator('.sb-value')).toHaveText('2 · Small');
    await expect(section(page).getByRole('status')).toHaveText('Saved: 2 · Small');
    await quiet(sandbox);
    expect(writes(sandbox).length - before).toBe(1);

    // Escape closes the next picker without writing; focus is back on its row.
    const health = section(page).getByRole('button', { name: 'Edit health' });
    await tabTo(page, health);
    await page.keyboard.press('Enter');
    await expect(section(page).getByRole('listbox', { name: 'Health' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(section(page).getByRole('listbox')).toHaveCount(0);
    await expect(health).toBeFocused();
    // Health is edited with the keyboard too.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(row(page, 'Health').locator('.sb-value')).toHaveText('Needs attention');
    await quiet(sandbox);
    expect(writes(sandbox).length - before).toBe(2);
  });

  test(`${forge}: "Open Refinery" opens the full panel where it sat; the choice is remembered across pages`, async ({ page, connect }) => {
    await connect();
    await page.goto(url);
    const open = section(page).getByRole('button', { name: 'Open Refinery' });
    await open.click();
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(panel(page).getByRole('note')).toHaveCount(0);
    await page.reload();
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await expect(section(page)).toBeVisible();
    const close = section(page).getByRole('button', { name: 'Close full panel' });
    await expect(close).toHaveAttribute('aria-expanded', 'true');
    // A pick in the full panel shows in the section.
    await panel(page).getByRole('radiogroup', { name: 'Weight', exact: true }).getByRole('radio', { name: /^3 Medium/ }).check();
    await expect(row(page, 'Weight').locator('.sb-value')).toHaveText('3 · Medium');
    await close.click();
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(0);
    await page.reload();
    await expect(section(page)).toBeVisible();
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`${forge}, ${scheme}: the section and its open popover have no WCAG 2.1 A/AA violations`, async ({ page, connect }) => {
      await connect();
      if (scheme === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(scheme === 'dark' && forge === 'GitLab' ? `${url}?theme=dark` : url);
      await expect(section(page)).toBeVisible();
      await expectNoViolations(page);
      await section(page).getByRole('button', { name: 'Edit weight' }).click();
      await expect(section(page).getByRole('listbox', { name: 'Weight' })).toBeVisible();
      await expectNoViolations(page);
    });
  }
}

test('in-page navigation to another issue: one section, showing the new issue', async ({ page, connect }) => {
  await connect();
  for (const url of [GITLAB_ISSUE.replace('frontend', 'backend'), GITHUB_ISSUE]) {
    await page.goto(url);
    await expect(row(page, 'Workflow stage').locator('.sb-value')).toHaveText('refinement');
    await page.locator('a[data-sandbox-nav]').first().click();
    await expect(page).toHaveURL(/\/issues\/2$/);
    await expect(row(page, 'Workflow stage').locator('.sb-value')).toHaveText('ready for development');
    await expect(row(page, 'Weight').locator('.sb-value')).toHaveText('3 · Medium');
    await expect(sidebarHost(page)).toHaveCount(1);
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(0);
    await page.goBack();
    await expect(row(page, 'Workflow stage').locator('.sb-value')).toHaveText('refinement');
    await expect(sidebarHost(page)).toHaveCount(1);
  }
});

test('keyboard alone: the split weight (a list per side, Tab between them) and the workflow stage are edited too', async ({ page, connect, sandbox }) => {
  await connect();
  // Issue 3 of the backend project: backend-weight::2, frontend-weight::3, workflow::in dev (labels).
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/3');
  await expect(row(page, 'Split weight').locator('.sb-value')).toHaveText('backend 2 · frontend 3');
  await quiet(sandbox);
  const before = writes(sandbox).length;
  const split = section(page).getByRole('button', { name: 'Edit split weight' });
  await tabTo(page, split);
  await page.keyboard.press('Enter');
  await expect(section(page).getByRole('listbox', { name: 'Backend weight' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(section(page).getByRole('listbox', { name: 'Frontend weight' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(split).toBeFocused();
  await expect(row(page, 'Split weight').locator('.sb-value')).toHaveText('backend 2 · frontend 2');
  await quiet(sandbox);
  expect(writes(sandbox).length - before).toBe(1);

  const stage = section(page).getByRole('button', { name: 'Edit workflow stage' });
  await tabTo(page, stage);
  await page.keyboard.press('Enter');
  const list = section(page).getByRole('listbox', { name: 'Workflow stage' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option', { selected: true })).toHaveText('in dev');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Workflow stage').locator('.sb-value')).toHaveText('in review');
  await quiet(sandbox);
  expect(writes(sandbox).length - before).toBe(2);
});

test('Tab walks every control of the section (and of an open picker), each showing its focus', async ({ page, connect }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/3'); // with a split weight: all four rows
  await expect(section(page)).toBeVisible();
  const controls = section(page).getByRole('button');
  const count = await controls.count();
  expect(count).toBeGreaterThanOrEqual(5); // Open Refinery and four Edits (and any finding's fix)
  const ring = (target: Locator) =>
    target.evaluate((el) => {
      const s = getComputedStyle(el);
      return { visible: el.matches(':focus-visible'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' };
    });
  for (let i = 0; i < count; i++) {
    const target = controls.nth(i);
    await tabTo(page, target);
    const r = await ring(target);
    expect(r.visible && (r.outline || r.shadow), `focus ring on ${await target.textContent()}`).toBe(true);
  }
  await tabTo(page, section(page).getByRole('button', { name: 'Edit split weight' }));
  await page.keyboard.press('Enter');
  for (const name of ['Backend weight', 'Frontend weight']) {
    const list = section(page).getByRole('listbox', { name });
    await expect(list).toBeFocused();
    const r = await ring(list);
    expect(r.visible && (r.outline || r.shadow), name).toBe(true);
    await page.keyboard.press('Tab');
  }
  await expect(section(page).getByRole('listbox')).toHaveCount(0); // Tab out of the popover closes it
});

test('a page script cannot drive the section: forged clicks and keys on its edit buttons, options and fixes write nothing', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/5'); // weight 5: a finding with a fix
  await expect(section(page)).toBeVisible();
  await quiet(sandbox);
  const before = writes(sandbox).length;
  await page.evaluate(() => {
    const root = document.querySelector('[data-refinery="sidebar"]')!.shadowRoot!;
    for (const b of root.querySelectorAll<HTMLButtonElement>('button')) b.click();
    for (const o of root.querySelectorAll<HTMLElement>('[role="option"]')) o.click();
    const list = root.querySelector('[role="listbox"]');
    list?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await expect(section(page).getByRole('listbox')).toHaveCount(0);
  await expect(page.locator('[data-refinery="panel"]')).toHaveCount(0);
  await quiet(sandbox);
  expect(writes(sandbox).length - before).toBe(0);
  // The user's own click still works.
  await section(page).getByRole('button', { name: 'Edit weight' }).click();
  await section(page).getByRole('option', { name: /^3 · Medium/ }).click();
  await expect(row(page, 'Weight').locator('.sb-value')).toHaveText('3 · Medium');
  await quiet(sandbox);
  expect(writes(sandbox).length - before).toBe(1);
});

test('the section is at most 160 px tall on an issue without findings, and moves nothing after it shows', async ({ page, connect }) => {
  await connect();
  await page.addInitScript(() => {
    (window as unknown as { __shifts: number[] }).__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (!e.hadRecentInput) (window as unknown as { __shifts: number[] }).__shifts.push(e.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Issue 2 of the backend project: weight 3 in the field, ready for development: no handbook finding.
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/2');
  await expect(section(page)).toBeVisible();
  await expect(section(page).getByRole('list', { name: 'Handbook checks' })).toHaveCount(0);
  const box = await sidebarHost(page).boundingBox();
  expect(box!.height).toBeLessThanOrEqual(160);
  // Shifts after the section first appeared: none (the section is rendered before it enters the page).
  const at = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.length);
  await page.waitForFunction(() => document.readyState === 'complete');
  await expect.poll(() => page.evaluate((n) => (window as unknown as { __shifts: number[] }).__shifts.slice(n).reduce((a, b) => a + b, 0), at)).toBe(0);
});

for (const real of REAL_PAGES) {
  test(`real page ${real.file}: ${real.sidebar ? 'the section is in the page’s own sidebar' : 'no sidebar: the full panel, saying so'}`, async ({ page, context, connect, sandbox, worker, extensionId, selfManagedGitlab }) => {
    await connect();
    seedRealIssue(sandbox, real);
    const selfManaged = !['https://gitlab.com', 'https://github.com'].includes(real.baseUrl);
    const pageUrl = `${selfManaged ? selfManagedGitlab : real.baseUrl}${real.path}`;
    await serveRealPage(context, sandbox, real, pageUrl);
    await page.goto(pageUrl);
    const popupText = async () => {
      const popup = await popupFor(context, worker, extensionId, pageUrl);
      return popup.getByRole('list', { name: 'Where Refinery looked' });
    };
    if (!real.sidebar) {
      await expect(panel(page)).toHaveAttribute('data-state', 'ready');
      await expect(panel(page).getByRole('note')).toContainText("could not find this issue's sidebar");
      await expect(sidebarHost(page)).toHaveCount(0);
      await expect(await popupText()).toContainText('sidebar: no issue sidebar found: shown in the full panel instead');
      return;
    }
    await expect(section(page)).toBeVisible();
    expect(await sidebarHost(page).evaluate((el, s) => el.parentElement?.closest(s) === document.querySelector(s), real.sidebar)).toBe(true);
    await expect(row(page, 'Weight').locator('.sb-value')).toHaveText('2 · Small');
    await expect(row(page, 'Workflow stage').locator('.sb-value')).toHaveText('refinement');
    await expect(page.locator('[data-refinery="panel"]')).toHaveCount(0);
    // The height budget on the forge's own page: 160 px, and 24 px more per finding line.
    const lines = await section(page).getByRole('list', { name: 'Handbook checks' }).getByRole('listitem').count();
    expect((await sidebarHost(page).boundingBox())!.height).toBeLessThanOrEqual(160 + 26 * lines);
    for (const keep of real.keeps) expect(await page.locator(keep).count(), keep).toBeGreaterThan(0);
    await expect(await popupText()).toContainText('sidebar: placed next to the page content');
  });
}
