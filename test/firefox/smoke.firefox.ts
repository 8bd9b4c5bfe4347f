// Firefox smoke tests: the production build (what ships to addons.mozilla.org) in Debian's Firefox ESR against the
// sandbox forge, self-managed hosts added through the options page as a user would (Firefox grants the host
// permission request without a prompt here: see firefox.ts). One browser for the file; the tests run in order and
// later ones use the hosts the first one added.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { quiet } from '../sandbox/quiet';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchFirefox, openExtensionPage, until, type Firefox } from './firefox';

const BUILD = path.resolve(process.env.REFINERY_OUT_DIR ?? '.output', 'firefox-mv3');
// The sidebar section's "Edit weight" button (its first row; `>>>` reaches into shadow roots), and its picker's options.
const EDIT_WEIGHT = '[data-refinery="sidebar"] >>> [data-row="weight"] button.sb-edit';
const WEIGHT_OPTION = '[data-refinery="sidebar"] >>> [role="listbox"] [role="option"]';
const TOKENS = { gitlab: 'sandbox-gitlab-token', github: 'sandbox-github-token' };

let sandbox: Sandbox;
let firefox: Firefox;
let gitlab: string; // the sandbox GitLab as a self-managed host under a relative URL root
let github: string; // the sandbox GitHub as a GitHub Enterprise host

beforeAll(async () => {
  sandbox = await startSandbox();
  gitlab = `${sandbox.gitlab.url}/gitlab`;
  github = sandbox.github.url;
  firefox = await launchFirefox(BUILD);
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await sandbox?.close();
});

/** Text of the first element matching `selector` inside the shadow root of `[data-refinery=feature]`s, or null. */
function shadowText(page: Page, feature: string, selector: string): Promise<string | null> {
  return page.evaluate(
    (f, s) => {
      for (const host of document.querySelectorAll(`[data-refinery="${f}"]`)) {
        const found = host.shadowRoot?.querySelector(s);
        if (found) return found.textContent;
      }
      return null;
    },
    feature,
    selector,
  );
}

/** The sidebar section's `data-state` (ready, error), or null while there is none (the default layout, issue 19). */
const sectionState = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-refinery="sidebar"]')?.shadowRoot?.querySelector('section.refinery-sidebar')?.getAttribute('data-state') ?? null);

async function sectionReady(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await until(`the sidebar section on ${url}`, () => sectionState(page), (s) => s === 'ready');
  return (await shadowText(page, 'sidebar', 'section.refinery-sidebar')) ?? '';
}

const weightShown = (page: Page) => shadowText(page, 'sidebar', '[data-row="weight"] .sb-value');

async function addHost(kind: 'GitLab (self-managed)' | 'GitHub Enterprise', address: string, token: string) {
  const page = await openExtensionPage(firefox, 'options.html');
  try {
    const form = await page.waitForSelector('::-p-aria([name="Add a self-managed host"][role="form"])', { timeout: 15_000 });
    await (await form!.waitForSelector(`::-p-aria([name="${kind}"][role="radio"])`))!.click();
    await (await form!.waitForSelector('::-p-aria(Server address)'))!.type(address);
    await (await form!.waitForSelector('input[type="password"]'))!.type(token);
    // Loopback over http:// is accepted, after the user says they know it is http://.
    const risk = await form!.$('.risk input[type="checkbox"]');
    if (risk) await risk.click();
    await (await form!.waitForSelector('::-p-aria([name="Add host"][role="button"])'))!.click();
    const host = new URL(address).host;
    await until(`"Added ${host}."`, () => form!.evaluate((f) => f.querySelector('[role="status"]')?.textContent ?? ''), (t) => t.includes(`Added ${host}`));
  } finally {
    await page.close();
  }
}

describe('Firefox: the production build', () => {
  test('a self-managed GitLab added in the options page (host permission asked and granted) gets the sidebar section with its data', async () => {
    await addHost('GitLab (self-managed)', gitlab, TOKENS.gitlab);
    const page = await firefox.browser.newPage();
    const text = await sectionReady(page, `${gitlab}/acme/platform/frontend/-/issues/2`);
    expect(text).toContain('ready for development');
    // The permission Firefox granted from the options page's request, and the manifest's hosts granted at install
    // (extensions.originControls.grantByDefault, Firefox 127+): what the README tells Firefox users.
    const options = await openExtensionPage(firefox, 'options.html');
    const host = new URL(gitlab);
    const granted = (origin: string) =>
      until(`the extension page to answer for ${origin}`, () => options.evaluate((o) => (globalThis as unknown as { browser?: typeof chrome }).browser?.permissions.contains({ origins: [o] }), origin), (g) => g !== undefined);
    expect(await granted(`${host.protocol}//${host.hostname}/*`)).toBe(true); // match patterns have no port
    for (const origin of ['https://gitlab.com/*', 'https://github.com/*', 'https://api.github.com/*']) expect(await granted(origin), origin).toBe(true);
    expect(await granted('https://gitlab.example.com/*')).toBe(false);
    await options.close();
    await page.close();
  });

  test('GitHub Enterprise: the sidebar section on an issue with data', async () => {
    await addHost('GitHub Enterprise', github, TOKENS.github);
    const page = await firefox.browser.newPage();
    const text = await sectionReady(page, `${github}/acme/widgets/issues/2`);
    expect(text).toContain('3 · Medium'); // from its weight::3 label
    await page.close();
  });

  test("a weight picked in the sidebar section's popover is written once and is there after a reload", async () => {
    const page = await firefox.browser.newPage();
    const url = `${gitlab}/acme/platform/frontend/-/issues/1`;
    await sectionReady(page, url);
    const before = sandbox.requests.length;
    await (await page.waitForSelector(EDIT_WEIGHT))!.click();
    await page.waitForSelector(WEIGHT_OPTION);
    const options = await page.$$(WEIGHT_OPTION);
    expect(await options[1]!.evaluate((o) => o.textContent)).toContain('2 · Small');
    await options[1]!.click();
    await until('"Saved: 2 · Small"', () => shadowText(page, 'sidebar', '[role="status"]'), (t) => (t ?? '').includes('Saved: 2 · Small'));
    await quiet(sandbox); // a second write would come after the first one's answer
    const writes = sandbox.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${decodeURIComponent(r.path)} ${JSON.stringify(r.body)} ${r.status}`)).toEqual([
      expect.stringMatching(/^PUT \/api\/v4\/projects\/.+\/issues\/1 .*"weight":2.* 200$/),
    ]);
    await sectionReady(page, url);
    expect(await weightShown(page)).toBe('2 · Small');
    await page.close();
  });

  test('a list page gets its weight badges and the summary bar', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${gitlab}/acme/platform/backend/-/issues`);
    const status = await until('the summary bar', () => shadowText(page, 'summary', '[role="status"]'), (t) => /^\d+ issues checked\.$/.test(t ?? ''));
    const shown = await page.$$eval('a[data-testid="issuable-title-link"]', (links) => links.length);
    expect(status).toBe(`${shown} issues checked.`);
    const badges = await page.$$eval('[data-refinery="badge"]', (hosts) => hosts.map((h) => h.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? h.shadowRoot?.querySelector('button')?.textContent));
    expect(badges).toContain('#4 weight check: No weight, ready for development');
    expect(badges).toContain('#5 weight check: Over 3: break down');
    await page.close();
  });
});
