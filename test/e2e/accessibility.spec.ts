// WCAG 2.1 A/AA checks with axe-core on everything Refinery draws: the issue panel with every section open (GitLab
// and GitHub, light and dark), the list page's badges and summary bar, the options page and the popup. On forge pages
// axe is scoped to our own shadow roots (`[data-refinery]` hosts; axe reads open shadow roots), not the sandbox's
// markup; our extension pages are checked whole.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openSection, panel, test } from './fixtures';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe and fails with one readable line per offending node: rule, target, what is wrong. */
async function expectNoViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(WCAG);
  if (include) builder.include(include);
  const { violations, passes } = await builder.analyze();
  // Not a vacuous pass: axe did reach our text (inside the shadow roots) and measured its contrast.
  expect(passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0).toBeGreaterThan(0);
  const report = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) ${JSON.stringify(n.target)}: ${v.help}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
  );
  expect(report, `axe found ${report.length} violation(s):\n${report.join('\n')}`).toEqual([]);
}

/**
 * axe does not check WCAG 1.4.11 (non-text contrast): a text field's outline must reach 3:1 against what surrounds it
 * (sliders, checkboxes and radios are drawn by the browser and left out).
 * Measured in the page: the border colour is composited over the nearest opaque background outside the field with a
 * canvas (which also resolves `color-mix()` and alpha), then compared by relative luminance. Looks inside shadow roots.
 */
async function expectFieldOutlines(page: Page, minimum: number, hosts?: string) {
  const fields = await page.evaluate((hosts) => {
    const all: Element[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('textarea, select, input:not([type="checkbox"], [type="radio"], [type="range"], [type="hidden"], [type="submit"], [type="button"])')) all.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    // On a forge page only our own shadow roots count, not the forge's (sandbox) fields.
    if (hosts) for (const host of document.querySelectorAll(hosts)) { if (host.shadowRoot) collect(host.shadowRoot); }
    else collect(document);
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const paint = (...colours: string[]) => {
      ctx.clearRect(0, 0, 1, 1);
      for (const c of colours) { ctx.fillStyle = '#fff'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = (rgb: number[]) => {
      const [r = 0, g = 0, b = 0] = rgb.map((v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const behind = (el: Element) => {
      for (let node: Element | null = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null; node; ) {
        const bg = getComputedStyle(node).backgroundColor;
        if (!/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) return bg;
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
      }
      // Nothing painted: the page canvas shows, in the page's colour scheme.
      const probe = document.body.appendChild(document.createElement('div'));
      probe.style.background = 'Canvas';
      const canvas = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return canvas;
    };
    return all.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => {
      const style = getComputedStyle(el);
      const outside = behind(el);
      const [a, b] = [luminance(paint(outside, style.borderTopColor)), luminance(paint(outside))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return { field: `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') || el.id}]`, ratio: Math.round(ratio * 100) / 100 };
    });
  }, hosts);
  expect(fields.length, 'no text field was found to measure').toBeGreaterThan(0);
  expect(fields.filter((f) => f.ratio < minimum), `field outlines under ${minimum}:1`).toEqual([]);
}

/** Opens every section of the panel and every disclosure in the Weights section, and waits until each has loaded. */
async function openEverything(page: Page) {
  const p = panel(page);
  await expect(p).toHaveAttribute('data-state', 'ready');
  for (const name of ['Async status update', 'Refinement', 'Templates']) await openSection(page, name);
  await expect(p.getByRole('form', { name: 'Status update' })).toBeVisible();
  await expect(p.getByRole('group', { name: 'Refinement checklist' })).toBeVisible();
  await expect(p.getByRole('button', { name: 'Insert implementation plan' })).toBeVisible();
  await expect(p.getByRole('navigation', { name: 'Workflow' })).toBeVisible();

  // The split weights, the weight table and the handbook labels are <details>; "Can't weight yet" is a disclosure button.
  const closed = p.locator('details:not([open])');
  for (let n = await closed.count(); n > 0; n--) await closed.first().locator('> summary').click();
  await expect(closed).toHaveCount(0);
  await expect(p.getByRole('radiogroup', { name: 'Backend weight' })).toBeVisible();
  await p.getByRole('button', { name: "Can't weight yet" }).click();
  await expect(p.getByRole('form', { name: "Can't weight yet" })).toBeVisible();
  await expect(p.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

const ISSUES = [
  { forge: 'GitLab', url: 'https://gitlab.com/acme/platform/frontend/-/issues/4' },
  { forge: 'GitHub', url: 'https://github.com/acme/widgets/issues/4' },
];

for (const { forge, url } of ISSUES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${forge} issue panel, every section open, ${scheme}: no WCAG 2.1 A/AA violations`, async ({ page, connect }) => {
      test.slow(); // four sections' data and code, then axe over the whole panel, on a loaded machine
      await connect();
      // GitHub's sandbox page follows the system ("auto"); GitLab's needs its own dark theme (html.gl-dark), as on gitlab.com.
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(scheme === 'dark' && forge === 'GitLab' ? `${url}?theme=dark` : url);
      await expect(page.locator('[data-refinery="panel"]')).toHaveAttribute('data-theme', scheme);
      await openEverything(page);
      await expectNoViolations(page, '[data-refinery="panel"]');
      await expectFieldOutlines(page, 3, '[data-refinery]');
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`GitLab issue list badges and summary bar, ${scheme}: no WCAG 2.1 A/AA violations`, async ({ page, connect }) => {
    await connect();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`https://gitlab.com/acme/platform/backend/-/issues${scheme === 'dark' ? '?theme=dark' : ''}`);
    const bar = page.locator('[data-refinery="summary"]').getByRole('region', { name: 'Refinery weight check' });
    await expect(bar.getByRole('status')).toHaveText(/issues checked/);
    await expect(page.locator('[data-refinery="badge"]').first()).toHaveAttribute('data-theme', scheme);
    for (const tone of ['error', 'warning']) await expect(page.locator(`[data-refinery="badge"] button[data-tone="${tone}"]`).first()).toBeVisible();
    await expectNoViolations(page, '[data-refinery]');
  });

  test(`GitLab "Move workflow labels to Status" preview, ${scheme}: no WCAG 2.1 A/AA violations`, async ({ page, connect }) => {
    await connect();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`https://gitlab.com/globex/backlog/-/issues?first_page_size=50${scheme === 'dark' ? '&theme=dark' : ''}`);
    const bar = page.locator('[data-refinery="summary"]').getByRole('region', { name: 'Refinery weight check' });
    await bar.getByRole('button', { name: /^Move \d+ workflow labels to GitLab Status…$/ }).click();
    await expect(bar.getByRole('region', { name: 'Move workflow labels to Status' }).getByRole('list', { name: 'Preview' }).getByRole('listitem').first()).toBeVisible();
    await expectNoViolations(page, '[data-refinery="summary"]');
  });

  test(`options page, ${scheme}: no WCAG 2.1 A/AA violations`, async ({ page, extensionId, connect }) => {
    await connect();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByRole('form', { name: 'Add a self-managed host' })).toBeVisible();
    await expect(page.getByText('gitlab.com').first()).toBeVisible();
    await expectNoViolations(page);
    await expectFieldOutlines(page, 3);
  });

  test(`popup, ${scheme}: no WCAG 2.1 A/AA violations`, async ({ page, extensionId, connect }) => {
    // One connection without a token, so the popup shows its "No token" warning too.
    await connect({ 'github.com': null });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(page.getByRole('list', { name: 'Connections' })).toContainText('No token');
    await expectNoViolations(page);
  });
}
