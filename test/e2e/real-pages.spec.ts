// The forges' own pages, not our imitation: each real capture (../shared/real-pages) served at its real URL (the
// self-managed GitLab 9 page on the sandbox's self-managed host), nothing else let out, the APIs answered by the
// sandbox. The panel must mount next to the issue, show its data, leave the page's own title, description and sidebar
// in place, and the popup must say what the page was recognised as, without a title, path or user name.
import { REAL_PAGES } from '../real-pages/catalogue';
import { popupFor } from './diagnose';
import { expect, panel, test } from './fixtures';
import { seedRealIssue, serveRealPage } from './real-pages';

for (const real of REAL_PAGES) {
  test(`real page ${real.file}: the panel is placed next to the issue with its data, the page's own parts stay`, async ({ page, context, connect, sandbox, worker, extensionId, selfManagedGitlab }) => {
    await connect();
    seedRealIssue(sandbox, real);
    const selfManaged = !['https://gitlab.com', 'https://github.com'].includes(real.baseUrl);
    const url = `${selfManaged ? selfManagedGitlab : real.baseUrl}${real.path}`;
    const { refused } = await serveRealPage(context, sandbox, real, url);
    await page.goto(url);

    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    const host = page.locator('[data-refinery="panel"]');
    await expect(host).not.toHaveAttribute('data-docked', /.*/);
    // Next to the page's own anchor: right after it, right before it, or inside it at the top.
    const placed = await host.evaluate((el, anchor) => {
      const a = document.querySelector(anchor);
      return !!a && (a.nextElementSibling === el || a.previousElementSibling === el || a.firstElementChild === el);
    }, real.anchor);
    expect(placed).toBe(true);
    // The issue's own data, from the sandbox's copy: weight 2, workflow stage refinement.
    await expect(panel(page).getByRole('radiogroup', { name: 'Weight', exact: true }).getByRole('radio', { name: /^2 Small/ })).toBeChecked();
    await expect(panel(page)).toContainText('refinement');

    // The page's own title, description and sidebar are still there, once each.
    await expect(page.locator(real.title)).toHaveCount(1);
    if (real.titleText) await expect(page.locator(real.title)).toHaveText(real.titleText);
    for (const keep of real.keeps) expect(await page.locator(keep).count(), keep).toBeGreaterThan(0);
    // Nothing left the machine: the page's asset hosts were asked and refused.
    if (real.file !== 'gitlab-issue-2025-excerpt.html') expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((u) => !u.startsWith('http://127.0.0.1'))).toBe(true);

    const popup = await popupFor(context, worker, extensionId, url);
    await expect(popup.locator('p.recognition')).toHaveText(/^Git(Lab|Hub): recognised as issue \(/);
    await expect(popup.getByRole('list', { name: 'Where Refinery looked' })).toContainText('panel: placed next to the page content');
    await popup.getByText('What is copied').click();
    const text = await popup.getByRole('textbox', { name: 'Diagnostics text' }).inputValue();
    expect(text).toMatch(/^Refinery diagnostics\nVersion: \d/);
    expect(text).toContain(`Forge: ${real.forge === 'gitlab' ? 'GitLab' : 'GitHub'} (${selfManaged ? 'self-managed' : 'built-in'})`);
    for (const secret of [real.titleText, real.project, real.project.split('/')[0]!, 'sandbox-'].filter(Boolean)) {
      expect(text.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
  });
}
