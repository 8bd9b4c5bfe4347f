// `npm run demo`: the sandbox as a self-managed GitLab and a GitHub Enterprise on localhost, connections
// pre-configured, Chromium with the extension on a sandbox issue. `-- --headless` (or no display) writes screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { launch, seedConnections } from '../e2e/browser';

const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = path.resolve('.demo');

async function main(): Promise<void> {
  const sandbox = await startSandbox({ gitlabPort: headless ? 0 : 3080, githubPort: headless ? 0 : 3081 });
  const gitlab = `${sandbox.gitlab.url}/gitlab`;
  const github = sandbox.github.url;
  const browser = await launch({ headless });
  if (!browser.worker) throw new Error('The extension did not start.');
  await seedConnections(browser.worker, [
    { id: `gitlab:${gitlab}`, kind: 'gitlab', baseUrl: gitlab, token: 'sandbox-gitlab-token' },
    { id: `github:${github}`, kind: 'github', baseUrl: github, token: 'sandbox-github-token' },
  ]);
  await browser.worker.evaluate(async () => {
    for (let i = 0; i < 50 && (await chrome.scripting.getRegisteredContentScripts()).length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  const pages: { name: string; url: string; feature?: 'summary' | 'plan'; dark?: boolean }[] = [
    { name: 'gitlab-issue', url: `${gitlab}/acme/platform/backend/-/issues/3` },
    { name: 'gitlab-issue-dark', url: `${gitlab}/acme/platform/frontend/-/issues/2?theme=dark` },
    { name: 'github-issue', url: `${github}/acme/widgets/issues/3` },
    // GitHub's sandbox page follows the system colour scheme ("auto").
    { name: 'github-issue-dark', url: `${github}/acme/widgets/issues/2`, dark: true },
    { name: 'gitlab-list', url: `${gitlab}/acme/platform/backend/-/issues`, feature: 'summary' },
    { name: 'github-list', url: `${github}/acme/widgets/issues`, feature: 'summary' },
    // An epic shows the full panel; its Plan section opened.
    { name: 'gitlab-epic-plan', url: `${gitlab}/groups/acme/platform/-/epics/2`, feature: 'plan' },
    { name: 'github-plan', url: `${github}/acme/plans/issues/1`, feature: 'plan' },
  ];
  console.log(`Sandbox GitLab (self-managed): ${gitlab}\nSandbox GitHub (Enterprise): ${github}`);
  if (!headless) {
    const page = await browser.context.newPage();
    await page.goto(pages[0]!.url);
    console.log('Chromium is open on a sandbox issue. Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  } else {
    fs.mkdirSync(outDir, { recursive: true });
    for (const p of pages) {
      const page = await browser.context.newPage();
      if (p.dark) await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(p.url);
      const full = path.join(outDir, `${p.name}.png`);
      if (p.feature === 'plan') {
        const region = page.locator('[data-refinery="panel"]').getByRole('region', { name: 'Refinery' });
        const open = page.locator('[data-refinery="sidebar"]').getByRole('button', { name: 'Open Refinery' });
        await region.or(open).first().waitFor({ timeout: 15_000 });
        if (await open.isVisible()) await open.click();
        const toggle = region.getByRole('button', { name: 'Plan', exact: true });
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click(); // remembered open
        await region.locator('[data-plan-source]').waitFor({ timeout: 15_000 });
        await region.locator('section[data-refinery="plan"]').screenshot({ path: full });
        console.log(`screenshot: ${full}`);
      } else if (p.feature === 'summary') {
        await page.locator('[data-refinery="badge"]').first().waitFor({ timeout: 15_000 });
        await page.screenshot({ path: full, fullPage: false });
        console.log(`screenshot: ${full}`);
      } else {
        // The default layout: the section in the sidebar, then its weight popover, then the full panel.
        const host = page.locator('[data-refinery="sidebar"]');
        const section = host.getByRole('region', { name: 'Refinery' });
        await section.waitFor({ timeout: 15_000 });
        await page.screenshot({ path: full, fullPage: true });
        const sectionShot = path.join(outDir, `${p.name}-sidebar.png`);
        await host.screenshot({ path: sectionShot });
        await section.getByRole('button', { name: 'Edit weight' }).click();
        const popover = section.locator('.popover');
        await popover.waitFor();
        const a = (await host.boundingBox())!;
        const b = (await popover.boundingBox())!;
        const x = Math.min(a.x, b.x) - 8;
        const y = Math.min(a.y, b.y) - 8;
        const popoverShot = path.join(outDir, `${p.name}-popover.png`);
        await page.screenshot({
          path: popoverShot,
          fullPage: true,
          clip: { x, y, width: Math.max(a.x + a.width, b.x + b.width) + 8 - x, height: Math.max(a.y + a.height, b.y + b.height) + 8 - y },
        });
        await page.keyboard.press('Escape');
        await section.getByRole('button', { name: 'Open Refinery' }).click();
        const region = page.locator('[data-refinery="panel"]').getByRole('region', { name: 'Refinery' });
        await region.and(page.locator('[data-state="ready"]')).or(region.and(page.locator('[data-state="error"]'))).waitFor({ timeout: 15_000 });
        const panelShot = path.join(outDir, `${p.name}-panel.png`);
        await page.locator('[data-refinery="panel"]').screenshot({ path: panelShot });
        await section.getByRole('button', { name: 'Close full panel' }).click();
        console.log(`screenshot: ${full}\nscreenshot: ${sectionShot}\nscreenshot: ${popoverShot}\nscreenshot: ${panelShot}`);
      }
      await page.close();
    }
  }
  await browser.close();
  await sandbox.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
