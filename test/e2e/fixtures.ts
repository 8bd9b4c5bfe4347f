// Playwright fixtures: one sandbox per worker, a fresh browser profile with the extension per test.
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launch, routeForgesToSandbox, seedConnections, type ConnectionSeed } from './browser';

export const TOKENS = {
  gitlab: 'sandbox-gitlab-token',
  github: 'sandbox-github-token',
} as const;

/** The layout stored before the test (components/panel/layout.ts); null: nothing stored, the default (sidebar). */
export type LayoutSeed = { layout: 'sidebar' | 'panel'; fullPanel?: boolean } | null;

interface Fixtures {
  /**
   * The specs written before the sidebar section (issue 19) test the full panel's contents and place: they run with
   * the "panel" layout, a setting users have. sidebar.spec.ts and the specs of the default layout set null.
   */
  layout: LayoutSeed;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  page: Page;
  /** The sandbox GitLab as a self-managed host under a relative URL root: `${url}/gitlab`. */
  selfManagedGitlab: string;
  /** The sandbox GitHub as a GitHub Enterprise host. */
  enterpriseGithub: string;
  /** Configures gitlab.com, github.com and the two sandbox hosts; `tokens` overrides a connection's token by id. */
  connect: (tokens?: Record<string, string | null>) => Promise<void>;
}

export const test = base.extend<Fixtures, { sandbox: Sandbox }>({
  sandbox: [
    async ({}, use) => {
      const sandbox = await startSandbox();
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  layout: [{ layout: 'panel' }, { option: true }],
  context: async ({ sandbox }, use) => {
    sandbox.reset();
    const launched = await launch();
    await routeForgesToSandbox(launched.context, sandbox);
    await use(launched.context);
    await launched.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  page: async ({ context, worker, layout }, use) => {
    if (layout) await worker.evaluate((value) => chrome.storage.local.set({ layout: value }), layout);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.warn('page error:', e.message));
    await use(page);
  },
  selfManagedGitlab: async ({ sandbox }, use) => use(`${sandbox.gitlab.url}/gitlab`),
  enterpriseGithub: async ({ sandbox }, use) => use(sandbox.github.url),
  connect: async ({ worker, selfManagedGitlab, enterpriseGithub }, use) => {
    await use(async (tokens = {}) => {
      const list: ConnectionSeed[] = [
        { id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: TOKENS.gitlab },
        { id: 'github.com', kind: 'github', baseUrl: 'https://github.com', token: TOKENS.github },
        { id: `gitlab:${selfManagedGitlab}`, kind: 'gitlab', baseUrl: selfManagedGitlab, token: TOKENS.gitlab },
        { id: `github:${enterpriseGithub}`, kind: 'github', baseUrl: enterpriseGithub, token: TOKENS.github },
      ];
      await seedConnections(
        worker,
        list.map((c) => (c.id in tokens ? { ...c, token: tokens[c.id] ?? null } : c)),
      );
      // Self-managed hosts get their content scripts registered by the background; wait for that.
      await expect
        .poll(async () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))
        .toBeGreaterThanOrEqual(2);
    });
  },
});

export { expect };

/** The panel's shadow root content; Playwright locators pierce open shadow roots. */
export function panel(page: Page) {
  return page.locator('[data-refinery="panel"]').getByRole('region', { name: 'Refinery' });
}

/**
 * Opens a collapsed panel section by its toggle's name ("Refinement", "Async status update", "Templates"…); a
 * section the user keeps open (remembered across pages) is left open.
 */
export async function openSection(page: Page, name: string) {
  const toggle = panel(page).getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

export { quiet } from '../sandbox/quiet';

/** Requests that change something (not a GET, nor a GraphQL query sent as POST): test/sandbox/requests.ts. */
export { isWrite } from '../sandbox/requests';
