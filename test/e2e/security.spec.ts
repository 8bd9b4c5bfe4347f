// What a hostile page or content-script context can get from us: nothing. Each test reproduces an attack.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { vaultConnections } from './browser';
import { inContentWorld } from './content-world';
import { expect, isWrite, panel, test, TOKENS } from './fixtures';

const writes = (requests: { method: string; path: string; body?: unknown }[]) => requests.filter(isWrite);

test('a page script cannot drive our controls: forged clicks, submits and in-place navigation write nothing', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/2');
  const picker = panel(page).getByRole('radiogroup', { name: 'Weight', exact: true });
  await expect(picker.getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
  // The page reaches into our open shadow root and clicks, dispatches and submits.
  await page.evaluate(() => {
    const root = document.querySelector('[data-refinery="panel"]')!.shadowRoot!;
    const radio = root.querySelector<HTMLInputElement>('input[type="radio"][value="1"]')!;
    radio.click();
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    for (const b of root.querySelectorAll<HTMLButtonElement>('button')) if (/Can't weight yet|Clear weight/.test(b.textContent ?? '')) b.click();
  });
  // … and after moving the page to another issue in place.
  await page.evaluate(() => history.pushState({}, '', '/acme/platform/frontend/-/issues/3'));
  await page.evaluate(() => {
    const root = document.querySelector('[data-refinery="panel"]')!.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[type="radio"][value="5"]')?.click();
  });
  // A real click is still ours: the one write that follows proves the page had every chance to write before it.
  await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/2');
  await expect(picker.getByRole('radio', { name: /^3 Medium/ })).toBeChecked();
  expect(writes(sandbox.requests)).toEqual([]);
  await picker.getByRole('radio', { name: /^2 Small/ }).click();
  await expect(page.locator('[data-refinery="weight"]')).toContainText("Saved as the issue's weight");
  expect(writes(sandbox.requests)).toHaveLength(1);
});

test('a page element named like our loader global cannot stop the UI (DOM clobbering)', async ({ page, context, connect, sandbox }) => {
  await connect();
  const path = '/acme/platform/backend/-/issues/1';
  await context.route(`https://gitlab.com${path}`, async (route) => {
    const response = await route.fetch({ url: `${sandbox.gitlab.url}${path}`, headers: { 'x-forwarded-host': 'gitlab.com', 'x-forwarded-proto': 'https' } });
    const html = (await response.text()).replace(/<body([^>]*)>/, '<body$1><div id="__refineryStartUi"></div><img name="__refineryStartUi"><form id="startUi"></form>');
    await route.fulfill({ response, body: html });
  });
  await page.goto(`https://gitlab.com${path}`);
  expect(await page.evaluate(() => document.getElementById('__refineryStartUi') !== null)).toBe(true);
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
});

test("from the github.com content script's world, other hosts' issues, capacity and connections are refused", async ({ page, connect, sandbox, selfManagedGitlab }) => {
  await connect();
  await page.goto('https://github.com/acme/widgets/issues/2');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const before = sandbox.requests.length;
  const send = (type: string, data: unknown) =>
    `chrome.runtime.sendMessage({ id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() })`;
  const otherRef = { forge: 'gitlab', baseUrl: selfManagedGitlab, container: 'project', path: 'acme/platform/backend', iid: 1, kind: 'issue' };
  const answers = await inContentWorld<{ res: { ok: boolean; data?: unknown; error?: { kind: string } } }[]>(
    page,
    `Promise.all([
      ${send('listIssues', { refs: [otherRef] })},
      ${send('capacity', { forge: 'gitlab', baseUrl: selfManagedGitlab, container: null, usernames: ['alice'], includeMe: true, milestone: null })},
      ${send('resolveConnection', { url: `${selfManagedGitlab}/acme/platform/backend/-/issues/1` })},
      ${send('listConnections', {})},
      ${send('getIssue', { ref: otherRef })},
      ${send('constructor', {})},
    ])`,
  );
  for (const a of answers) {
    expect(a.res.ok, JSON.stringify(a)).toBe(false);
    expect(JSON.stringify(a)).not.toMatch(/sandbox-|tokenHint|acme\/platform/);
  }
  expect(sandbox.requests.slice(before)).toEqual([]);
});

test("no token in any storage a content script can read, and its writes there cannot change a connection", async ({ page, connect, worker }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const seen = await inContentWorld<string>(
    page,
    `(async () => {
      const read = async (area) => { try { return await chrome.storage[area].get(null); } catch (e) { return 'refused: ' + e.message; } };
      const dbs = await indexedDB.databases();
      return JSON.stringify({ local: await read('local'), sync: await read('sync'), session: await read('session'), pageDatabases: dbs });
    })()`,
  );
  for (const token of Object.values(TOKENS)) expect(seen).not.toContain(token);
  expect(seen).not.toMatch(/sandbox-|"token"/);

  // A content script writes what an older version kept there: a connection pointing gitlab.com at another server.
  await inContentWorld(page, `chrome.storage.local.set({ connections: [{ id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: 'stolen' }, { id: 'gitlab:https://evil.example', kind: 'gitlab', baseUrl: 'https://evil.example', token: 'x' }] })`);
  await page.reload();
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const stored = (await vaultConnections(worker)) as { id: string; token: string | null }[];
  expect(stored.find((c) => c.id === 'gitlab.com')?.token).toBe(TOKENS.gitlab);
  expect(stored.map((c) => c.id)).not.toContain('gitlab:https://evil.example');
});

test('a hostile comment (64 KB of what made the status parser backtrack) leaves the page responsive', async ({ page, connect, sandbox }) => {
  await connect();
  const issue = sandbox.gitlab.state.issues.find((i) => i.projectId === 1001 && i.iid === 3)!;
  const at = new Date().toISOString();
  const bodies = [
    `Complete:${' '.repeat(65_000)}x`,
    `${'Confidence: '.repeat(5_400)}`,
    `${'- [ ] '.repeat(10_900)}`,
    `${'[['.repeat(16_000)}`,
    `Issue status:${' \t'.repeat(32_000)}80% complete`,
  ];
  for (const body of bodies) {
    sandbox.gitlab.state.notes.push({ id: sandbox.gitlab.state.seq.note++, noteableType: 'Issue', noteableId: issue.id, body, authorId: 5, system: false, internal: false, createdAt: at, updatedAt: at });
  }
  // Long tasks of the page's main thread (our content script runs there too), from the first byte on.
  await page.addInitScript(() => {
    const longest = { ms: 0 };
    (window as unknown as { longest: { ms: number } }).longest = longest;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/3');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await panel(page).getByRole('button', { name: 'Async status update', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Status update' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Status update history' })).toBeVisible();
  // The page still answers at once, and no task held its main thread for long (the cubic pattern took seconds).
  const answered = await page.evaluate(() => new Promise<number>((resolve) => {
    const start = performance.now();
    setTimeout(() => resolve(performance.now() - start), 0);
  }));
  expect(answered).toBeLessThan(1_000);
  expect(await page.evaluate(() => (window as unknown as { longest: { ms: number } }).longest.ms)).toBeLessThan(1_500);
});

test('a redirect from the API to another origin: the token does not follow, and the panel says what happened', async ({ page, context, connect }) => {
  // Another origin on this machine that records what reaches it.
  const reached: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
  const elsewhere = http.createServer((req, res) => {
    reached.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{}');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  try {
    await connect();
    for (const [api, pageUrl] of [
      ['https://gitlab.com/api/v4/**', 'https://gitlab.com/acme/platform/backend/-/issues/1'],
      ['https://api.github.com/**', 'https://github.com/acme/widgets/issues/1'],
    ] as const) {
      await context.route(api, (route) => route.fulfill({ status: 302, headers: { location: `${target}/steal` } }));
      await page.goto(pageUrl);
      await expect(panel(page)).toHaveAttribute('data-state', 'error');
      await expect(panel(page).getByRole('alert')).toContainText('The server sent us to another address');
      await context.unroute(api);
    }
    for (const r of reached) {
      expect(r.headers.authorization, r.url).toBeUndefined();
      expect(r.headers['private-token'], r.url).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toMatch(/sandbox-/);
    }
  } finally {
    elsewhere.close();
  }
});
