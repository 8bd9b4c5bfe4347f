// Weight validation while browsing: badges on GitLab issue lists, work-item lists, boards and epics' child items and on
// GitHub issue lists,
// read in bulk (one API request per page of up to 100 issues), a summary bar with filters, and the picker on a click.
import type { Page } from '@playwright/test';
import type { RecordedRequest } from '../sandbox/core';
import type { Sandbox } from '../sandbox/server';
import { expect, openSection, panel, test } from './fixtures';

const BACKEND = 'acme/platform/backend';

/** GitLab's bulk read: GET /projects/:id/issues?iids[]=… (never /issues/:iid one by one). */
const gitlabBulk = (sb: Sandbox) =>
  sb.requests.filter((r) => r.forge === 'gitlab' && r.method === 'GET' && /^\/api\/v4\/projects\/[^/]+\/issues$/.test(r.path) && r.query.includes('iids'));
const gitlabSingles = (sb: Sandbox) => sb.requests.filter((r) => r.forge === 'gitlab' && /\/issues\/\d+$/.test(r.path));
const iidsOf = (r: RecordedRequest) => new URLSearchParams(r.query).getAll('iids[]').map(Number);
/** GitHub's bulk read: one GraphQL query (api.github.com/graphql, routed to the sandbox's /api/v3/graphql). */
const githubBulk = (sb: Sandbox) => sb.requests.filter((r) => r.forge === 'github' && /graphql$/.test(r.path));
const numbersOf = (r: RecordedRequest) => [...JSON.stringify(r.body).matchAll(/issue\(number: (\d+)\)/g)].map((m) => Number(m[1]));

const summary = (page: Page) => page.locator('[data-refinery="summary"]').getByRole('region', { name: 'Refinery weight check' });
const badge = (page: Page, iid: number) => page.locator('[data-refinery="badge"]').getByRole('button', { name: new RegExp(`^#${iid} weight check: `) });
const anyBadge = (page: Page, iid: number) => page.locator('[data-refinery="badge"]').getByRole('button', { name: new RegExp(`^#${iid} weight`) });

/** Numbers of the issue rows the page shows, read from the title links (what a user sees). */
async function shownIids(page: Page, selector: string): Promise<number[]> {
  const hrefs = await page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => Number(/\/(\d+)(?:\?|$)/.exec(h)![1]));
}

const STAGES = ['problem validation', 'design', 'solution validation', 'planning breakdown', 'refinement', 'ready for development', 'in dev', 'in review', 'verification', 'staging', 'complete'];

/** The summary's figures worked out from the forge's data directly (the handbook's rules, restated plainly). */
function expectedFigures(issues: { weight: number | null; labels: string[] }[]) {
  const out = { total: 0, unweighted: 0, oversized: 0, ready: 0 };
  for (const i of issues) {
    const part = (scope: string) => Number(i.labels.find((l) => l.startsWith(`${scope}::`))?.split('::')[1] ?? NaN);
    const label = part('weight');
    const weight = i.weight ?? (Number.isNaN(label) ? null : label);
    const [be, fe] = [part('backend-weight'), part('frontend-weight')];
    const load = weight ?? (!Number.isNaN(be) && !Number.isNaN(fe) ? be + fe : null);
    const stages = i.labels.filter((l) => l.startsWith('workflow::')).map((l) => STAGES.indexOf(l.slice('workflow::'.length)));
    const stage = stages.length === 1 ? stages[0]! : -1;
    out.total += load ?? 0;
    if (load === null) out.unweighted += 1;
    if ((weight ?? 0) > 3 || be > 3 || fe > 3) out.oversized += 1;
    if (load === null && stage >= STAGES.indexOf('ready for development') && stage < STAGES.indexOf('complete')) out.ready += 1;
  }
  return out;
}

async function expectSummary(page: Page, f: ReturnType<typeof expectedFigures>, count: number) {
  const bar = summary(page);
  await expect(bar.getByRole('status')).toHaveText(`${count} issues checked.`);
  await expect(bar).toContainText(`Total weight ${f.total}`);
  await expect(bar.getByRole('button', { name: `Show only the ${f.unweighted} unweighted issues` })).toBeVisible();
  await expect(bar.getByRole('button', { name: `Show only the ${f.oversized} issues weighted over 3` })).toBeVisible();
  await expect(bar.getByRole('button', { name: `Show only the ${f.ready} issues ready for development without a weight` })).toBeVisible();
}

const glIssues = (sb: Sandbox, iids: number[]) =>
  iids.map((iid) => sb.gitlab.state.issues.find((i) => i.projectId === 1001 && i.iid === iid)!).map((i) => ({ weight: i.weight, labels: i.labels }));

test.describe('GitLab issue list (legacy) with 100 issues on the page', () => {
  test('badges the seeded cases from one bulk request, with the summary’s figures', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(`https://gitlab.com/${BACKEND}/-/issues?first_page_size=100`);
    const rows = await shownIids(page, 'a[data-testid="issuable-title-link"]');
    expect(rows).toHaveLength(100);
    await expectSummary(page, expectedFigures(glIssues(sandbox, rows)), 100);

    await expect(badge(page, 4)).toHaveAccessibleName('#4 weight check: No weight, ready for development');
    await expect(badge(page, 5)).toHaveAccessibleName('#5 weight check: Over 3: break down');
    await expect(badge(page, 6)).toHaveAccessibleName('#6 weight check: Spike: weight 2');
    await expect(badge(page, 8)).toHaveAccessibleName('#8 weight check: 2 workflow labels');
    // Healthy issues get no badge: #2 (weight 3, ready), #3 (backend + frontend weights), #7 (security, weighted).
    for (const iid of [2, 3, 7]) await expect(anyBadge(page, iid)).toHaveCount(0);

    const bulk = gitlabBulk(sandbox);
    expect(bulk).toHaveLength(1);
    expect(iidsOf(bulk[0]!).sort((a, b) => a - b)).toEqual([...rows].sort((a, b) => a - b));
    expect(gitlabSingles(sandbox)).toHaveLength(0);
    // The badge sits right after the title link, inside the row.
    expect(await page.locator('li.issue:has(a[href$="/issues/4"]) [data-testid="issuable-title"] > [data-refinery="badge"]').count()).toBe(1);
  });

  test('the summary filters the rows, and "Show all" brings them back', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(`https://gitlab.com/${BACKEND}/-/issues?first_page_size=100`);
    const rows = await shownIids(page, 'a[data-testid="issuable-title-link"]');
    const f = expectedFigures(glIssues(sandbox, rows));
    const bar = summary(page);
    await expect(bar.getByRole('status')).toHaveText('100 issues checked.');
    await bar.getByRole('button', { name: `Show only the ${f.oversized} issues weighted over 3` }).click();
    await expect(page.locator('li.issue:visible')).toHaveCount(f.oversized);
    await expect(page.locator('li.issue:visible a[href$="/issues/5"]')).toBeVisible();
    await bar.getByRole('button', { name: `Show only the ${f.ready} issues ready for development without a weight` }).click();
    await expect(page.locator('li.issue:visible')).toHaveCount(f.ready);
    await expect(page.locator('li.issue:visible a[href$="/issues/4"]')).toBeVisible();
    await bar.getByRole('button', { name: 'Show all' }).click();
    await expect(page.locator('li.issue:visible')).toHaveCount(100);
  });

  test('paging in place reads only the new page’s issues, and going back reads nothing', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(`https://gitlab.com/${BACKEND}/-/issues`);
    await expect(summary(page).getByRole('status')).toHaveText('20 issues checked.');
    const first = await shownIids(page, 'a[data-testid="issuable-title-link"]');
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect.poll(() => gitlabBulk(sandbox).length).toBe(2);
    await expect(summary(page).getByRole('status')).toHaveText('20 issues checked.');
    const second = await shownIids(page, 'a[data-testid="issuable-title-link"]');
    expect(iidsOf(gitlabBulk(sandbox)[1]!).sort((a, b) => a - b)).toEqual([...second].sort((a, b) => a - b));
    expect(second.some((n) => first.includes(n))).toBe(false);
    // New rows got their badges (every fifth list issue has no weight; those in a refined stage are badged).
    const f = expectedFigures(glIssues(sandbox, second));
    await expect(summary(page)).toContainText(`Total weight ${f.total}`);

    await page.goBack();
    await expect(page.locator('a[data-testid="issuable-title-link"][href$="/issues/4"]')).toBeVisible();
    await expect(badge(page, 4)).toBeVisible();
    expect(gitlabBulk(sandbox)).toHaveLength(2);
  });

  test('a rate limit mid-way leaves the known badges, says until when, and "Try again" reads the rest', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(`https://gitlab.com/${BACKEND}/-/issues`);
    await expect(badge(page, 4)).toBeVisible();
    sandbox.faults.add({ forge: 'gitlab', path: /\/projects\/[^/]+\/issues$/, status: 429, headers: { 'retry-after': '3600' }, body: { message: 'Retry later' }, times: 1 });
    await page.getByRole('link', { name: 'Next' }).click();
    const status = summary(page).getByRole('status');
    await expect(status).toContainText('Rate limited by the forge: 20 issues not checked yet. Refinery tries again after');
    await summary(page).getByRole('button', { name: 'Try again' }).click();
    await expect(status).toHaveText('20 issues checked.');
    await page.goBack();
    await expect(badge(page, 4)).toBeVisible();
  });

  test('a click on a badge opens the weight picker; the pick is saved and the badge follows', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(`https://gitlab.com/${BACKEND}/-/issues`);
    await badge(page, 4).click();
    const dialog = page.locator('[data-refinery="list-picker"]').getByRole('dialog', { name: 'Weight of #4' });
    await expect(dialog).toBeVisible();
    // A click on the badge stays ours: the row did not navigate.
    await expect(page).toHaveURL(new RegExp(`/${BACKEND}/-/issues$`));
    await dialog.getByRole('radio', { name: /^2 Small/ }).check();
    await expect(dialog).toContainText("Saved as the issue's weight");
    await expect(anyBadge(page, 4)).toHaveCount(0);
    const writes = sandbox.requests.filter((r) => r.method === 'PUT');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.body).toMatchObject({ weight: 2 });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(gitlabBulk(sandbox)).toHaveLength(1);
  });
});

test('the rows do not move when the badges and figures arrive', async ({ page, connect, sandbox }) => {
  await connect();
  sandbox.faults.add({ forge: 'gitlab', path: /\/projects\/[^/]+\/issues$/, latencyMs: 1500, times: 1 });
  await page.goto(`https://gitlab.com/${BACKEND}/-/issues`);
  await expect(summary(page).getByRole('status')).toHaveText('Checking 20 issues…');
  const boxes = () => page.locator('li.issue').evaluateAll((rows) => rows.map((r) => { const b = r.getBoundingClientRect(); return [Math.round(b.top), Math.round(b.height)]; }));
  const before = await boxes();
  await expect(summary(page).getByRole('status')).toHaveText('20 issues checked.');
  await expect(badge(page, 4)).toBeVisible();
  expect(await boxes()).toEqual(before);
});

test('GitLab work-item list: badges from one bulk request for 100 rows', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto(`https://gitlab.com/${BACKEND}/-/work_items?first_page_size=100`);
  const rows = await shownIids(page, 'a[data-testid="issuable-title-link"]');
  expect(rows).toHaveLength(100);
  await expectSummary(page, expectedFigures(glIssues(sandbox, rows)), 100);
  await expect(badge(page, 4)).toHaveAccessibleName('#4 weight check: No weight, ready for development');
  await expect(badge(page, 8)).toHaveAccessibleName('#8 weight check: 2 workflow labels');
  expect(gitlabBulk(sandbox)).toHaveLength(1);
});

test.describe('GitLab board', () => {
  test('cards get badges from one request; cards loaded later are read alone; a badge opens the picker in the drawer', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(`https://gitlab.com/${BACKEND}/-/boards/1`);
    const cards = async () => shownIids(page, 'a[data-testid="board-card-title-link"]');
    const before = await cards();
    const distinct = [...new Set(before)];
    await expect(summary(page).getByRole('status')).toHaveText(`${distinct.length} issues checked.`);
    expect(gitlabBulk(sandbox)).toHaveLength(1);
    expect(iidsOf(gitlabBulk(sandbox)[0]!).sort((a, b) => a - b)).toEqual(distinct.sort((a, b) => a - b));
    // #8 sits in two lists (in dev and in review): two cards, two badges, one issue read once.
    await expect(badge(page, 8)).toHaveCount(2);
    await expect(badge(page, 5)).toHaveAccessibleName('#5 weight check: Over 3: break down');
    await expect(badge(page, 6)).toHaveAccessibleName('#6 weight check: Spike: weight 2');

    await page.locator('[data-list-id="open"]').getByRole('button', { name: 'Load more issues' }).click();
    await expect.poll(() => gitlabBulk(sandbox).length).toBe(2);
    const added = (await cards()).filter((n) => !before.includes(n));
    expect(added.length).toBeGreaterThan(0);
    expect(iidsOf(gitlabBulk(sandbox)[1]!).sort((a, b) => a - b)).toEqual([...new Set(added)].sort((a, b) => a - b));
    await expect(summary(page).getByRole('status')).toHaveText(`${new Set(await cards()).size} issues checked.`);

    await badge(page, 5).click();
    const drawer = page.locator('[data-testid="work-item-drawer"]');
    await expect(drawer).toBeVisible();
    const picker = drawer.locator('[data-refinery="list-picker"]').getByRole('dialog', { name: 'Weight of #5' });
    await expect(picker.getByRole('radio', { name: /^5 Larger/ })).toBeChecked();
    await picker.getByRole('radio', { name: /^3 Medium/ }).check();
    await expect(picker).toContainText("Saved as the issue's weight");
    await expect(anyBadge(page, 5)).toHaveCount(0);
  });
});

test.describe('GitHub issue list', () => {
  test('badges from one GraphQL request for the page’s 20 issues; paging in place reads only the new ones', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://github.com/acme/widgets/issues?q=is%3Aissue%20state%3Aopen&page=5');
    const rows = await shownIids(page, 'a[data-testid="issue-pr-title-link"]');
    expect(rows).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6, 7, 8]));
    const widgets = sandbox.github.state.repos.find((r) => r.name === 'widgets')!;
    const f = expectedFigures(rows.map((n) => widgets.issues.find((i) => i.number === n)!).map((i) => ({ weight: null, labels: i.labels })));
    await expectSummary(page, f, rows.length);
    await expect(badge(page, 4)).toHaveAccessibleName('#4 weight check: No weight, ready for development');
    await expect(badge(page, 5)).toHaveAccessibleName('#5 weight check: Over 3 after refinement: research first');
    await expect(badge(page, 6)).toHaveAccessibleName('#6 weight check: Spike: weight 2');
    await expect(badge(page, 8)).toHaveAccessibleName('#8 weight check: 2 workflow labels');
    expect(githubBulk(sandbox)).toHaveLength(1);
    expect(numbersOf(githubBulk(sandbox)[0]!).sort((a, b) => a - b)).toEqual([...rows].sort((a, b) => a - b));
    expect(sandbox.requests.filter((r) => /\/issues\/\d+$/.test(r.path))).toHaveLength(0);

    await page.getByRole('link', { name: 'Previous' }).click();
    await expect(page).toHaveURL(/page=4/);
    await expect.poll(() => githubBulk(sandbox).length).toBe(2);
    const previous = await shownIids(page, 'a[data-testid="issue-pr-title-link"]');
    expect(numbersOf(githubBulk(sandbox)[1]!).sort((a, b) => a - b)).toEqual([...previous].sort((a, b) => a - b));
    await expect(summary(page).getByRole('status')).toHaveText('25 issues checked.');
  });

  test('the picker writes a weight:: label from the list', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://github.com/acme/widgets/issues?q=is%3Aissue%20state%3Aopen&page=5');
    await badge(page, 4).click();
    const dialog = page.locator('[data-refinery="list-picker"]').getByRole('dialog', { name: 'Weight of #4' });
    await dialog.getByRole('radio', { name: /^2 Small/ }).check();
    await expect(dialog).toContainText('Saved as label weight::2');
    await expect(anyBadge(page, 4)).toHaveCount(0);
    const widgets = sandbox.github.state.repos.find((r) => r.name === 'widgets')!;
    expect(widgets.issues.find((i) => i.number === 4)!.labels).toContain('weight::2');
  });

  test('search results across repositories: one request for all, and issues the token cannot read are named', async ({ page, connect, sandbox }) => {
    await connect();
    // Hold the read back, and meanwhile the issue disappears (deleted, or moved out of the token's reach).
    sandbox.faults.add({ forge: 'github', path: /graphql$/, latencyMs: 1500, times: 1 });
    await page.goto('https://github.com/search?q=is%3Aissue%20state%3Aopen%20sort%3Acreated-asc&type=issues');
    const widgets = sandbox.github.state.repos.find((r) => r.name === 'widgets')!;
    widgets.issues = widgets.issues.filter((i) => i.number !== 2);
    const links = await page.locator('[data-testid="results-list"] .search-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/acme/gadgets/issues/1', '/acme/widgets/issues/4']));
    await expect(summary(page).getByRole('status')).toHaveText(`${links.length - 1} issues checked.`);
    expect(githubBulk(sandbox)).toHaveLength(1);
    expect(JSON.stringify(githubBulk(sandbox)[0]!.body)).toContain('name: \\"gadgets\\"');
    await expect(badge(page, 4)).toHaveAccessibleName('#4 weight check: No weight, ready for development');
    await summary(page).getByText('1 issue not readable').click();
    await expect(summary(page)).toContainText('Your token cannot read this issue, or it no longer exists: acme/widgets#2.');
  });
});

test.describe('capacity in the popup', () => {
  const loadOf = (i: { weight: number | null; labels: string[] }) => expectedFigures([i]).total;

  test('you and the team list against the handbook budget, over budget shown as such, unweighted issues listed', async ({ page, connect, sandbox, worker, extensionId }) => {
    await connect();
    await worker.evaluate(async () => {
      await chrome.storage.local.set({ lists: { quietChip: false, myAvailability: 100, team: [{ username: 'erin', availability: 50 }] } });
    });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('combobox', { name: 'Forge' }).selectOption({ label: 'GitLab — gitlab.com' });
    await page.getByRole('button', { name: 'Show capacity' }).click();
    const people = page.getByRole('list', { name: 'Capacity per person' });
    await expect(people).toBeVisible();

    // Expected sums from the forge's data: issues assigned in started milestones (18.11 and 19.0 have started).
    const started = sandbox.gitlab.state.milestones.filter((m) => m.state === 'active' && m.startDate! <= new Date().toISOString().slice(0, 10)).map((m) => m.id);
    const userId = (name: string) => sandbox.gitlab.state.users.find((u) => u.username === name)!.id;
    const sum = (name: string) => {
      const mine = sandbox.gitlab.state.issues.filter((i) => i.assigneeIds.includes(userId(name)) && started.includes(i.milestoneId ?? -1));
      const premium = (projectId: number) => sandbox.gitlab.state.projects.find((p) => p.id === projectId)!.tier !== 'free';
      return {
        total: mine.reduce((n, i) => n + loadOf({ weight: premium(i.projectId) ? i.weight : null, labels: i.labels }), 0),
        unweighted: mine.filter((i) => loadOf({ weight: premium(i.projectId) ? i.weight : null, labels: i.labels }) === 0).length,
      };
    };
    const alice = sum('alice');
    const erin = sum('erin');
    expect(alice.total).toBeGreaterThan(10);
    const aliceItem = people.getByRole('listitem', { name: 'alice (you)' });
    await expect(aliceItem).toContainText(`${alice.total} of 10`);
    await expect(aliceItem).toContainText('Over budget');
    await expect(aliceItem.getByRole('list', { name: 'Issues of alice without weight' }).getByRole('listitem')).toHaveCount(alice.unweighted);
    const erinItem = people.getByRole('listitem', { name: 'erin' });
    await expect(erinItem).toContainText(`${erin.total} of 5`);
    // Bounded: the user once, then one request per person.
    const issueReads = sandbox.requests.filter((r) => r.forge === 'gitlab' && r.path === '/api/v4/issues');
    expect(issueReads).toHaveLength(2);
    expect(issueReads.every((r) => new URLSearchParams(r.query).get('milestone_id') === 'Started')).toBe(true);
  });

  test('GitHub needs a milestone title outside a repository, then reads the whole team in one request', async ({ page, connect, sandbox, extensionId }) => {
    await connect();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('combobox', { name: 'Forge' }).selectOption({ label: 'GitHub — github.com' });
    await page.getByRole('button', { name: 'Show capacity' }).click();
    await expect(page.getByRole('alert')).toContainText('GitHub has no current milestone outside a repository');
    await page.getByRole('textbox', { name: 'Milestone' }).fill('18.1');
    await page.getByRole('button', { name: 'Show capacity' }).click();
    const widgets = sandbox.github.state.repos.find((r) => r.name === 'widgets')!;
    const mine = widgets.issues.filter((i) => !i.pull && i.assigneeIds.includes(101) && i.milestone === 1);
    const total = mine.reduce((n, i) => n + loadOf({ weight: null, labels: i.labels }), 0);
    const alice = page.getByRole('list', { name: 'Capacity per person' }).getByRole('listitem', { name: 'alice (you)' });
    await expect(alice).toContainText(`${total} of 10`);
    await expect(alice).toContainText(total > 10 ? 'Over budget' : 'Within budget');
    expect(sandbox.requests.filter((r) => r.forge === 'github' && /graphql$/.test(r.path))).toHaveLength(1);
  });
});

test.describe('GitLab epic child items', () => {
  const EPIC = 'https://gitlab.com/groups/acme/platform/-/epics/2';
  const children = (sb: Sandbox) => {
    const epic = sb.gitlab.state.epics.find((e) => e.groupId === 51 && e.iid === 2)!;
    return sb.gitlab.state.issues.filter((i) => i.epicId === epic.id);
  };
  /** The badge in the child item linking to `project#iid` (both projects have a #4 and a #5 in this epic). */
  const childBadge = (page: Page, project: string, iid: number) =>
    page
      .locator('[data-testid="work-item-tree"] li.tree-item', { has: page.locator(`.item-title > a[href$="/acme/platform/${project}/-/issues/${iid}"]`) })
      .locator('[data-refinery="badge"]')
      .getByRole('button');
  /** iids read per project, from GitLab's bulk reads (`/projects/acme%2Fplatform%2Fbackend/issues?iids[]=…`). */
  const readByProject = (sb: Sandbox) =>
    gitlabBulk(sb).map((r) => `${decodeURIComponent(r.path.split('/')[4]!)}: ${iidsOf(r).sort((a, b) => a - b).join(',')}`).sort();

  test('the children of both projects get badges from one bulk request per project; the panel stays; the summary sums them up', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto(EPIC);
    const kids = children(sandbox);
    expect(kids.map((i) => `${i.projectId}#${i.iid}`)).toEqual(['1001#3', '1001#4', '1001#5', '1002#3', '1002#4', '1002#5']);
    await expectSummary(page, expectedFigures(kids), kids.length);
    // Right above the child items.
    await expect(page.locator('[data-refinery="summary"] + [data-testid="work-item-tree"]')).toHaveCount(1);

    for (const project of ['backend', 'frontend']) {
      await expect(childBadge(page, project, 4)).toHaveAccessibleName('#4 weight check: No weight, ready for development');
      await expect(childBadge(page, project, 5)).toHaveAccessibleName('#5 weight check: Over 3: break down');
      await expect(childBadge(page, project, 3)).toHaveCount(0);
    }
    expect(readByProject(sandbox)).toEqual(['acme/platform/backend: 3,4,5', 'acme/platform/frontend: 3,4,5']);
    expect(gitlabSingles(sandbox)).toHaveLength(0);

    // The epic's own panel runs beside the list feature.
    await expect(panel(page)).toBeVisible();
    await openSection(page, 'Weekly epic update');
    await expect(page.getByRole('form', { name: 'Epic update' })).toBeVisible();

    await summary(page).getByRole('button', { name: 'Show only the 2 issues ready for development without a weight' }).click();
    await expect(page.locator('[data-testid="work-item-tree"] li.tree-item:visible .item-title > a')).toHaveText([kids[1]!.title, kids[4]!.title]);
    await summary(page).getByRole('button', { name: 'Show all' }).click();
    await expect(page.locator('[data-testid="work-item-tree"] li.tree-item:visible')).toHaveCount(6);
  });

  test('as a group work item, children shown by "Load more" are read alone', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/groups/acme/platform/-/work_items/2?children_page_size=4');
    await expect(summary(page).getByRole('status')).toHaveText('4 issues checked.');
    expect(readByProject(sandbox)).toEqual(['acme/platform/backend: 3,4,5', 'acme/platform/frontend: 3']);
    await expect(childBadge(page, 'backend', 4)).toBeVisible();

    await page.locator('[data-testid="work-item-tree"]').getByRole('button', { name: 'Load more' }).click();
    await expect(summary(page).getByRole('status')).toHaveText('6 issues checked.');
    expect(readByProject(sandbox)).toEqual(['acme/platform/backend: 3,4,5', 'acme/platform/frontend: 3', 'acme/platform/frontend: 4,5']);
    await expect(childBadge(page, 'frontend', 5)).toHaveAccessibleName('#5 weight check: Over 3: break down');
    await expect(summary(page)).toContainText(`Total weight ${expectedFigures(children(sandbox)).total}`);
    await expect(panel(page)).toBeVisible();
  });
});
