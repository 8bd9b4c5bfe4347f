// Break down on GitHub: real sub-issues under the issue, created one at a time; a failure half-way keeps the titles not
// created yet, and trying again creates only those (nothing twice).
import { expect, panel, test } from './fixtures';

const CREATE = '/api/v3/repos/acme/widgets/issues';

test('GitHub: "Break down" creates sub-issues under the issue; after a failure half-way, trying again creates only the rest', async ({ page, connect, sandbox }) => {
  await connect();
  // The second creation fails once with a 500 (a creation is never retried): answered here, before the sandbox.
  let seen = 0;
  await page.context().route('https://api.github.com/repos/acme/widgets/issues', async (route) => {
    if (route.request().method() === 'POST' && ++seen === 2) return route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"Server Error"}' });
    return route.fallback();
  });
  await page.goto('https://github.com/acme/widgets/issues/5');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await panel(page).getByRole('button', { name: 'Break down' }).first().click();
  const group = panel(page).getByRole('group', { name: 'Break down' });
  const box = group.getByRole('textbox', { name: 'Sub-issues to create, one title per line' });
  await box.fill('Size calculation from packfiles\nBackfill sizes for existing repositories\nRemove the object walk');
  await group.getByRole('button', { name: 'Create 3 sub-issues' }).click();
  await expect(group.getByRole('alert')).toContainText('Could not create "Backfill sizes for existing repositories"', { timeout: 30_000 });
  // The created one left the box; what was not created is still there.
  await expect(box).toHaveValue('Backfill sizes for existing repositories\nRemove the object walk');
  await group.getByRole('button', { name: 'Create 2 sub-issues' }).click();
  // Octokit spaces GitHub's content-creating writes 3 s apart (GitHub's advice against secondary rate limits).
  await expect(group.getByRole('status')).toHaveText('Created 3 sub-issues; weight each one.', { timeout: 40_000 });
  await expect(box).toHaveValue('');
  await expect(group.getByRole('list', { name: 'Created sub-issues' }).getByRole('link')).toHaveText([/Size calculation from packfiles/, /Backfill sizes/, /Remove the object walk/]);

  const widgets = sandbox.github.state.repos.find((r) => r.name === 'widgets')!;
  const parent = widgets.issues.find((i) => i.number === 5)!;
  const children = (parent.subIssueIds ?? []).map((id) => widgets.issues.find((i) => i.id === id)!);
  expect(children.map((c) => [c.title, c.body])).toEqual([
    ['Size calculation from packfiles', 'Part of #5.'],
    ['Backfill sizes for existing repositories', 'Part of #5.'],
    ['Remove the object walk', 'Part of #5.'],
  ]);
  // Three creations reached the forge (the failed one never did): none twice.
  expect(sandbox.requests.filter((r) => r.method === 'POST' && r.path === CREATE)).toHaveLength(3);
  expect(seen).toBe(4);
});
