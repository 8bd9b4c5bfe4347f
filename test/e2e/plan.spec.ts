// The Plan section against the sandbox (issue 18): a GitLab epic with children in two projects, a GitHub parent with
// sub-issues, a GitHub tracking issue with a task list — figures right, the children read within its request budget
// (one GraphQL request for each, two for the task list or for sub-issues four levels deep), and the weekly update
// drafted from the children, posted once.
import type { Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, openSection, panel, test } from './fixtures';

const plan = (page: Page) => panel(page).locator('section[data-refinery="plan"]');
const figure = (page: Page, key: string) => plan(page).locator(`[data-plan-figure="${key}"] dd`);
const body = (r: { body?: unknown }) => JSON.stringify(r.body ?? '');
const childrenReads = (sandbox: Sandbox) => sandbox.requests.filter((r) => /RefineryWorkItemChildren|RefineryWorkItemDescendants|RefineryChildren|RefineryTrackedIssues/.test(body(r)));
const plansRepo = (sandbox: Sandbox) => sandbox.github.state.repos.find((r) => r.owner === 'acme' && r.name === 'plans')!;
const notePosts = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method === 'POST' && /\/(notes|comments)$/.test(r.path));

/** The source line and the figures shown, by their data-plan-figure key. */
async function expectFigures(page: Page, source: string, figures: Record<string, string>) {
  await expect(plan(page).locator('[data-plan-source]')).toHaveText(source);
  for (const [key, text] of Object.entries(figures)) await expect(figure(page, key)).toHaveText(text);
}

async function openPlan(page: Page, url: string) {
  await page.goto(url);
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Plan');
}

test('GitLab epic with children in two projects: figures, one request for the children, the weekly update drafted and posted once', async ({ page, connect, sandbox }) => {
  // A fresh update on one child since the epic's last weekly update (seeded in February).
  const backend5 = sandbox.gitlab.state.issues.find((i) => i.projectId === 1001 && i.iid === 5)!;
  const now = new Date().toISOString();
  sandbox.gitlab.state.notes.push({ id: 99_001, noteableType: 'Issue', noteableId: backend5.id, body: 'Complete: 50%\nConfidence: 70%\nHealth status: at risk', authorId: 1, system: false, internal: false, createdAt: now, updatedAt: now });
  await connect();
  await page.goto('https://gitlab.com/groups/acme/platform/-/epics/2');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const before = sandbox.requests.length;
  await openSection(page, 'Plan');
  // #3 (split 2 + 3) and #5 (weight 5) in both projects; the #4s are unweighted. Done: (5×40 + 5×50 + 5×40 + 5×0) / 20.
  await expectFigures(page, '6 children (child items), read in 1 request.', {
    weight: '20 (open 20, closed 0); the parent has no weight',
    'rolled-up': '10',
    completion: '33%; 1 open child without a complete % counted as 0%',
    health: 'At risk at worst: 1 at risk, 0 needing attention',
  });
  await expect(plan(page).getByRole('table', { name: 'Children' }).getByRole('row')).toHaveCount(7);
  await expect(plan(page).getByRole('link', { name: /^acme\/platform\/frontend#4 / }).first()).toHaveAttribute('href', 'https://gitlab.com/acme/platform/frontend/-/issues/4');
  await expect(plan(page).locator('[data-plan-list="unweighted"] li')).toHaveCount(2);
  await expect(plan(page).locator('[data-plan-list="blocked"] li')).toHaveText([/^acme\/platform\/backend#4 .* by 1 open item$/, /^acme\/platform\/frontend#4 .* by 1 open item$/]);
  expect(childrenReads(sandbox)).toHaveLength(1);
  // Opening the section: the children's one GraphQL request and the epic's comments (GitLab addresses epic notes by
  // the epic's id, known from the panel's read of the epic); the epic page's child list badges read their issues (and
  // their custom fields, in GraphQL) meanwhile.
  const badges = (r: Sandbox['requests'][number]) => (r.method === 'GET' && r.path.endsWith('/issues')) || (r.path === '/api/graphql' && !/RefineryWorkItemChildren/.test(body(r)));
  const opened = sandbox.requests.slice(before).filter((r) => !badges(r));
  expect(opened.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /api/v4/groups/acme%2Fplatform/epics/701/notes', 'POST /api/graphql']);

  await plan(page).getByRole('button', { name: 'Draft weekly update' }).click();
  const form = plan(page).getByRole('form', { name: 'Epic update' });
  await expect(form.getByRole('radio', { name: 'bad' })).toBeChecked();
  // At risk first; the #4s are blocked by the #3s (GitLab's linked items), which the February update did not say.
  await expect(form.getByRole('textbox', { name: 'Since the last update (one line per child)' })).toHaveValue(
    [
      '- acme/platform/backend#5 Stream blame ranges from Gitaly for very large files: 50% complete, 70% confident, at risk',
      '- acme/platform/backend#4 Record audit events for protected branch changes: new blocker: blocked by 1 open item',
      '- acme/platform/frontend#4 Record audit events for protected branch changes: new blocker: blocked by 1 open item',
    ].join('\n'),
  );
  await expect(form.getByRole('textbox', { name: 'ETA' })).toHaveValue('end of 18.11');
  expect(notePosts(sandbox)).toHaveLength(0); // nothing posted without the user
  await form.getByRole('button', { name: 'Post update' }).click();
  await expect(form.getByRole('status')).toHaveText('Epic update posted.');
  const posts = notePosts(sandbox);
  expect(posts).toHaveLength(1);
  expect(posts[0]!.path).toMatch(/\/groups\/acme%2Fplatform\/epics\/\d+\/notes$/);
  const first = (posts[0]!.body as { body: string }).body;
  expect(first).toContain('**Status**: bad — 33% done by weight; 1 child at risk');
  expect(first).toContain('- Since the last update:\n  - acme/platform/backend#5 Stream blame ranges');
});

test('GitLab epic: children in a project the token cannot read are counted from GitLab\'s counts; split weights from custom fields', async ({ page, connect, sandbox }) => {
  const st = sandbox.gitlab.state;
  // The token's user (1) is no member of the frontend project: its three children are hidden, as GitLab hides them.
  const frontend = st.projects.find((p) => p.fullPath === 'acme/platform/frontend')!;
  frontend.members = Object.fromEntries(Object.entries(frontend.members).filter(([id]) => id !== '1'));
  const acme = st.groups.find((g) => g.fullPath === 'acme')!;
  st.customFields.push({ id: 51, groupId: acme.id, name: 'Backend weight', fieldType: 'number', active: true }, { id: 52, groupId: acme.id, name: 'Frontend weight', fieldType: 'number', active: true });
  const backend5 = st.issues.find((i) => i.projectId === 1001 && i.iid === 5)!;
  st.customFieldValues.push({ issueId: backend5.id, fieldId: 51, value: 3 }, { issueId: backend5.id, fieldId: 52, value: 2 });
  await connect();
  await openPlan(page, 'https://gitlab.com/groups/acme/platform/-/epics/2');
  // backend#3 splits 2 + 3 by its labels (no field values), backend#5 3 + 2 by its custom fields.
  await expectFigures(page, '3 children (child items), read in 1 request.', { split: 'backend 5 (open 5), frontend 5 (open 5)' });
  await expect(plan(page).locator('[data-plan-unreadable]')).toHaveText('3 items under this parent this token cannot read: GitLab counts them and names none.');
  expect(childrenReads(sandbox)).toHaveLength(1);
});

test("GitLab issue with tasks (a work item with children): its tasks' figures in one request", async ({ page, connect, sandbox }) => {
  const st = sandbox.gitlab.state;
  const b3 = st.issues.find((i) => i.projectId === 1001 && i.iid === 3)!;
  const task = (id: number, iid: number, weight: number, state: 'opened' | 'closed') =>
    ({ ...b3, id, iid, weight, state, closedAt: state === 'closed' ? b3.updatedAt : null, issueType: 'task' as const, epicId: null, parentIssueId: b3.id, labels: [] });
  st.issues.push(task(70_001, 901, 2, 'opened'), task(70_002, 902, 1, 'closed'));
  await connect();
  await openPlan(page, 'https://gitlab.com/acme/platform/backend/-/issues/3');
  await expectFigures(page, '2 children (child items), read in 1 request.', { weight: '3 (open 2, closed 1); the parent has no weight' });
  await expect(plan(page).getByRole('link', { name: /^acme\/platform\/backend#901 / })).toHaveAttribute('href', 'https://gitlab.com/acme/platform/backend/-/issues/901');
  expect(childrenReads(sandbox)).toHaveLength(1);
});

test('GitHub parent with sub-issues, two levels: figures and one GraphQL request', async ({ page, connect, sandbox }) => {
  await connect();
  await openPlan(page, 'https://github.com/acme/plans/issues/1');
  // acme/widgets#3 (split 2 + 3), #5 (2, under #2), #3 (2), #4 (1, closed); #2 is counted through #5.
  // Done: (5×40 + 2×0 + 2×30 + 1×100) / 10.
  await expectFigures(page, '5 children (sub-issues), read in 1 request.', {
    weight: "10 (open 9, closed 1); 5 more than the parent's 5",
    split: 'backend 2 (open 2), frontend 3 (open 3)',
    completion: '36%; 1 open child without a complete % counted as 0%',
    health: 'At risk at worst: 1 at risk, 0 needing attention',
  });
  await expect(plan(page).locator('[data-plan-list="unrecognised"]')).toContainText('acme/plans#5 Tree API: frontend pagination');
  await expect(plan(page).locator('[data-plan-list="oversized"]')).toContainText('acme/widgets#3');
  await expect(plan(page).locator('[data-plan-row="acme/plans#5"]')).toHaveClass('plan-nested');
  expect(childrenReads(sandbox)).toHaveLength(1);
});

test('GitHub sub-issues four levels deep: levels 3 and 4 read in one more request, the deepest counted in place of its parents', async ({ page, connect, sandbox }) => {
  const plans = plansRepo(sandbox);
  const five = plans.issues.find((i) => i.number === 5)!;
  // #1 > #2 > #5 > #200 > #201, copies of #5 (weight::2, no update): #201 is counted in place of #5.
  const [three, four] = [200, 201].map((number, k) => ({ ...five, id: 9_800_000 + k, number, subIssueIds: undefined as number[] | undefined }));
  plans.issues.push(three!, four!);
  five.subIssueIds = [three!.id];
  three!.subIssueIds = [four!.id];
  await connect();
  await openPlan(page, 'https://github.com/acme/plans/issues/1');
  await expectFigures(page, '7 children (sub-issues), read in 2 requests.', {
    weight: "10 (open 9, closed 1); 5 more than the parent's 5",
    completion: '36%; 1 open child without a complete % counted as 0%',
  });
  await expect(plan(page).locator('[data-plan-row="acme/plans#201"]')).toHaveClass('plan-nested');
  await expect(plan(page).locator('[data-plan-list="unrecognised"]')).toContainText('acme/plans#5');
  expect(childrenReads(sandbox)).toHaveLength(2);
});

test('GitHub tracking issue: its task list read in one aliased query; an issue the token cannot read is named, pull requests are not counted', async ({ page, connect, sandbox }) => {
  const tracking = plansRepo(sandbox).issues.find((i) => i.number === 6)!;
  tracking.body = `${tracking.body}- [ ] acme/widgets#21\n- [x] acme/widgets#22\n`;
  await connect();
  await openPlan(page, 'https://github.com/acme/plans/issues/6');
  // #2 (3, 60%), #4 (1, closed), acme/widgets#3 (5, 40%): (180 + 100 + 200) / 9
  await expectFigures(page, '3 children (issues linked from the task list), read in 2 requests.', { weight: '9 (open 8, closed 1); the parent has no weight', completion: '53%' });
  await expect(plan(page).locator('[data-plan-unreadable]')).toHaveText('1 child this token cannot read: acme/hidden#1.');
  await expect(plan(page).locator('[data-plan-pull-requests]')).toHaveText('2 pull requests in the task list are not counted.');
  expect(childrenReads(sandbox)).toHaveLength(2);
});
