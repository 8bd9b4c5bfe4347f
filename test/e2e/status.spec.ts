// Async status updates against the sandbox: the health status on GitLab Ultimate's field, as a health:: label on
// GitLab Free and GitHub; merge request rows prefilled; drafts surviving a reload; failures retried into exactly one
// comment; the history chart of earlier updates.
import type { Page, Worker } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, openSection, panel, test } from './fixtures';

const form = (page: Page) => page.getByRole('form', { name: 'Status update' });
const field = (page: Page, name: string) => form(page).getByRole('spinbutton', { name, exact: true });
const notePosts = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method === 'POST' && /\/(notes|comments)$/.test(r.path));
const glIssue = (sandbox: Sandbox, path: string, iid: number) => {
  const p = sandbox.gitlab.state.projects.find((x) => x.fullPath === path)!;
  return sandbox.gitlab.state.issues.find((i) => i.projectId === p.id && i.iid === iid)!;
};
const drafts = (worker: Worker) =>
  worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('drafts:')));

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Async status update');
  await expect(form(page)).toBeVisible();
}

test.describe('posting a status update', () => {
  test('GitLab Ultimate: MR rows prefilled; the health status is set on the issue field by the same comment', async ({ page, connect, sandbox, worker }) => {
    await connect();
    await open(page, 'https://gitlab.com/acme/platform/backend/-/issues/3');
    // alice's previous update: 40% / 80%, !11 at 60% / 90% "api update", !12 at 10% / 70% "frontend".
    await expect(field(page, 'Complete')).toHaveValue('40');
    await expect(field(page, 'Confidence')).toHaveValue('80');
    await expect(field(page, '!11 complete')).toHaveValue('60');
    await expect(field(page, '!12 confidence')).toHaveValue('70');
    await expect(form(page).getByRole('textbox', { name: '!11 title' })).toHaveValue('api update');
    await expect(form(page).getByText('Load repository tree entries page by page')).toBeVisible();

    await expect(panel(page).locator('.field', { hasText: 'Health status' })).toContainText('On track');
    await field(page, 'Complete').fill('55');
    await field(page, '!11 complete').fill('90');
    await form(page).getByRole('textbox', { name: 'Notes' }).fill('keyset pagination in review');
    await form(page).getByRole('radiogroup', { name: 'Health status' }).getByRole('radio', { name: 'At risk' }).check();
    await expect(form(page)).toContainText("Sets the issue's health status field (GitLab Ultimate)");
    await form(page).getByRole('button', { name: 'Post update' }).click();
    await expect(form(page).getByRole('status')).toHaveText("Update posted. Health status “At risk” set on the issue's health status field.");

    const posts = notePosts(sandbox);
    expect(posts).toHaveLength(1);
    const body = (posts[0]!.body as { body: string }).body;
    expect(body).toContain('Issue status: 55% complete, 80% confident');
    expect(body).toContain('!11 - 90% complete, 90% confident - api update - keyset pagination done, specs in progress');
    expect(body).toMatch(/^\/health_status at_risk$/m);
    expect(glIssue(sandbox, 'acme/platform/backend', 3).healthStatus).toBe('at_risk');
    expect(sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(0); // no label written
    // The panel's own Health status row follows the issue as GitLab has it now.
    await expect(panel(page).locator('.field', { hasText: 'Health status' })).toContainText('At risk');
    await expect(page.getByRole('img', { name: 'Status update history' }).locator('desc')).toContainText('3 updates');
    expect(await drafts(worker)).toEqual([]);
  });

  test('GitLab Free: the health status becomes an exclusive health:: label, and the UI says so', async ({ page, connect, sandbox }) => {
    await connect();
    await open(page, 'https://gitlab.com/acme/community/website/-/issues/3');
    await form(page).getByRole('textbox', { name: 'Notes' }).fill('API parameters done');
    await form(page).getByRole('radio', { name: 'Needs attention' }).check();
    await expect(form(page)).toContainText('Sets the label health::needs attention (this GitLab tier has no health status field)');
    await form(page).getByRole('button', { name: 'Post update' }).click();
    await expect(form(page).getByRole('status')).toHaveText('Update posted. Health status set as label health::needs attention.');
    expect(notePosts(sandbox)).toHaveLength(1);
    expect((notePosts(sandbox)[0]!.body as { body: string }).body).not.toContain('/health_status');
    expect(glIssue(sandbox, 'acme/community/website', 3).labels.filter((l) => l.startsWith('health::'))).toEqual(['health::needs attention']);
  });

  test('GitHub: pull request rows prefilled; the comment says "PR statuses" and the health:: label is set', async ({ page, connect, sandbox }) => {
    await connect();
    await open(page, 'https://github.com/acme/widgets/issues/3');
    await expect(field(page, 'Complete')).toHaveValue('40');
    await expect(field(page, 'Confidence')).toHaveValue('75');
    await expect(form(page).getByRole('textbox', { name: '#21 title' })).toHaveValue('Store viewed files per reviewer');
    await expect(form(page).getByRole('textbox', { name: '#22 title' })).toHaveValue('Add reviewer_file_states table');
    await field(page, '#21 complete').fill('70');
    await field(page, '#21 confidence').fill('85');
    await form(page).getByRole('radio', { name: 'On track' }).check();
    await form(page).getByRole('button', { name: 'Preview' }).click();
    const preview = form(page).getByRole('region', { name: 'Preview' });
    await expect(preview.getByRole('link', { name: '#21' })).toHaveAttribute('href', 'https://github.com/acme/widgets/issues/21');
    await expect(preview).toContainText('PR statuses:');
    await form(page).getByRole('button', { name: 'Post update' }).click();
    await expect(form(page).getByRole('status')).toHaveText('Update posted. Health status set as label health::on track.');
    const posts = notePosts(sandbox);
    expect(posts).toHaveLength(1);
    expect((posts[0]!.body as { body: string }).body).toContain('#21 - 70% complete, 85% confident - Store viewed files per reviewer');
    const labelWrites = sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/3/labels'));
    expect(JSON.stringify(labelWrites.map((r) => r.body))).toContain('health::on track');
  });
});

test('a reload mid-typing finds the draft', async ({ page, connect, sandbox }) => {
  await connect();
  await open(page, 'https://gitlab.com/acme/platform/backend/-/issues/3');
  await form(page).getByRole('textbox', { name: 'Notes' }).fill('half-written: the tree API returns');
  await field(page, 'Confidence').fill('65');
  await page.reload(); // right away: the draft is written when the page goes away
  await expect(form(page).getByRole('textbox', { name: 'Notes' })).toHaveValue('half-written: the tree API returns');
  await expect(field(page, 'Confidence')).toHaveValue('65');
  await expect(form(page).getByRole('status')).toHaveText('Draft restored');
  expect(notePosts(sandbox)).toHaveLength(0);
});

test('a 500 and a 429 on the way: exactly one comment, and the draft is removed only after it', async ({ page, connect, sandbox, worker }) => {
  await connect();
  await open(page, 'https://gitlab.com/acme/community/website/-/issues/3');
  await form(page).getByRole('textbox', { name: 'Notes' }).fill('retried, posted once');
  sandbox.faults.add({ forge: 'gitlab', method: 'POST', path: /\/issues\/3\/notes$/, status: 500, times: 1 });
  sandbox.faults.add({ forge: 'gitlab', method: 'POST', path: /\/issues\/3\/notes$/, status: 429, headers: { 'retry-after': '1' }, times: 1 });
  await form(page).getByRole('button', { name: 'Post update' }).click();
  await expect(form(page).getByRole('button', { name: 'Post update' })).toBeDisabled();
  expect(await drafts(worker)).toHaveLength(1); // kept while the forge has not confirmed
  await expect(form(page).getByRole('status')).toHaveText('Update posted.', { timeout: 15_000 });
  expect(notePosts(sandbox).map((r) => r.status)).toEqual([500, 429, 201]);
  const stored = sandbox.gitlab.state.notes.filter((n) => n.body.includes('retried, posted once'));
  expect(stored).toHaveLength(1);
  expect(await drafts(worker)).toEqual([]);
});

test('a forge that keeps failing: a clear message, the draft kept across a reload, then one comment', async ({ page, connect, sandbox }) => {
  test.setTimeout(60_000);
  await connect();
  await open(page, 'https://gitlab.com/acme/community/website/-/issues/3');
  await form(page).getByRole('textbox', { name: 'Notes' }).fill('must not be lost');
  sandbox.faults.add({ forge: 'gitlab', method: 'POST', path: /\/issues\/3\/notes$/, status: 503 });
  await form(page).getByRole('button', { name: 'Post update' }).click();
  await expect(form(page).getByRole('alert')).toContainText('Your update is kept as a draft.', { timeout: 20_000 });
  expect(notePosts(sandbox).length).toBeGreaterThanOrEqual(2); // retried with backoff
  await page.reload();
  await expect(form(page).getByRole('textbox', { name: 'Notes' })).toHaveValue('must not be lost');
  sandbox.faults.clear();
  await form(page).getByRole('button', { name: 'Post update' }).click();
  await expect(form(page).getByRole('status')).toHaveText('Update posted.');
  expect(sandbox.gitlab.state.notes.filter((n) => n.body.includes('must not be lost'))).toHaveLength(1);
});

test('percentages outside 0–100 are refused before anything is sent', async ({ page, connect, sandbox }) => {
  await connect();
  await open(page, 'https://gitlab.com/acme/platform/backend/-/issues/3');
  await field(page, 'Complete').fill('120');
  await form(page).getByRole('button', { name: 'Post update' }).click();
  await expect(form(page).getByRole('alert', { name: 'Problems with this update' })).toContainText('Complete cannot be above 100%');
  expect(notePosts(sandbox)).toHaveLength(0);
});

test('the history chart lists the seeded updates, and the panel says when the last one was', async ({ page, connect }) => {
  await connect();
  await open(page, 'https://github.com/acme/widgets/issues/3');
  const chart = page.getByRole('img', { name: 'Status update history' });
  await expect(chart.locator('desc')).toContainText('4 updates');
  await expect(chart.locator('desc')).toContainText('20% complete, 60% confident (alice)');
  await expect(chart.locator('desc')).toContainText('30% complete, 70% confident (erin)');
  await page.getByText('History as a table').click();
  await expect(page.getByRole('table', { name: 'Status update history' }).getByRole('row')).toHaveCount(5);
  await expect(panel(page)).toContainText('Last update yesterday');
});

test('GitLab epic: the weekly update form, prefilled from the last weekly update, posts to the epic', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/groups/acme/platform/-/epics/2');
  await openSection(page, 'Weekly epic update');
  const epic = page.getByRole('form', { name: 'Epic update' });
  await expect(epic.getByRole('radio', { name: 'so-so' })).toBeChecked();
  await expect(epic.getByRole('textbox', { name: 'Done', exact: true })).toHaveValue('3 of 8 issues');
  await epic.getByRole('textbox', { name: 'Done', exact: true }).fill('4 of 8 issues');
  await epic.getByRole('textbox', { name: "What's next" }).fill('merge !11');
  await epic.getByRole('button', { name: 'Post update' }).click();
  await expect(epic.getByRole('status')).toHaveText('Epic update posted.');
  const posts = notePosts(sandbox);
  expect(posts).toHaveLength(1);
  expect(posts[0]!.path).toMatch(/\/groups\/acme%2Fplatform\/epics\/\d+\/notes$/);
  expect((posts[0]!.body as { body: string }).body).toContain('- Done: 4 of 8 issues. Remaining: 5, ETA end of 18.11.');
});

test('GitLab Ultimate epic (a work item): its rolled-up weight shows, and the weekly status sets its health status once', async ({ page, connect, sandbox }) => {
  sandbox.gitlab.state.groups.find((g) => g.fullPath === 'acme/platform')!.tier = 'ultimate';
  const epic2 = sandbox.gitlab.state.epics.find((e) => e.groupId === 51 && e.iid === 2)!;
  const total = sandbox.gitlab.state.issues.filter((i) => i.epicId === epic2.id).reduce((n, i) => n + (i.weight ?? 0), 0);
  await connect();
  await page.goto('https://gitlab.com/groups/acme/platform/-/epics/2');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await expect(panel(page).getByTestId('rolled-up-weight')).toContainText(`Weight ${total}, 0 of it closed: GitLab adds it up from the epic’s child items`);
  await openSection(page, 'Weekly epic update');
  const epic = page.getByRole('form', { name: 'Epic update' });
  await expect(epic).toContainText('Also sets the epic’s health status');
  await epic.getByRole('radio', { name: 'bad' }).check();
  await epic.getByRole('button', { name: 'Post update' }).click();
  await expect(epic.getByRole('status')).toHaveText('Epic update posted. Epic health status: At risk.');
  expect(notePosts(sandbox)).toHaveLength(1);
  expect(epic2.healthStatus).toBe('at_risk');
  const healthWrites = sandbox.requests.filter((r) => /mutation RefinerySetEpicHealth/.test(JSON.stringify(r.body ?? '')));
  expect(healthWrites).toHaveLength(1);
});
