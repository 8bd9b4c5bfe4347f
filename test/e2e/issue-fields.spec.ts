// GitHub issue fields: where the organisation has a Weight number field, the picker writes the field and no label;
// a personal repository has none and gets labels; list badges read the field from the same single bulk request.
import type { Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, panel, test } from './fixtures';

const weight = (page: Page) => page.locator('[data-refinery="weight"]');
const picker = (page: Page) => weight(page).getByRole('radiogroup', { name: 'Weight' });
const writes = (sandbox: Sandbox) =>
  sandbox.requests.filter((r) => r.forge === 'github' && r.method !== 'GET' && !r.path.endsWith('graphql')).map((r) => ({ call: `${r.method} ${decodeURIComponent(r.path)}`, body: r.body }));

test('GitHub organisation with a Weight issue field: the pick is written to the field, once, and no label', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://github.com/northwind/roadmap/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await expect(weight(page)).toContainText('Stored in the organization\'s "Weight" issue field.');
  await picker(page).getByRole('radio', { name: /^2 Small/ }).check();
  await expect(weight(page)).toContainText("Saved as the issue's weight");
  expect(writes(sandbox)).toEqual([
    { call: 'POST /api/v3/repos/northwind/roadmap/issues/1/issue-field-values', body: { issue_field_values: [{ field_id: 812, value: 2 }] } },
  ]);
  const issue = sandbox.github.state.repos.find((r) => r.name === 'roadmap')!.issues.find((i) => i.number === 1)!;
  expect(issue.fieldValues).toEqual([{ fieldId: 812, value: 2 }]);
  expect(issue.labels.filter((l) => l.startsWith('weight::'))).toEqual([]);
  await page.reload();
  await expect(picker(page).getByRole('radio', { name: /^2 Small/ })).toBeChecked();
});

test('GitHub organisation: the field is what counts, not an old weight:: label beside it', async ({ page, connect }) => {
  await connect();
  await page.goto('https://github.com/northwind/roadmap/issues/4');
  await expect(picker(page).getByRole('radio', { name: /^2 Small/ })).toBeChecked();
});

test('GitHub personal repository: no issue fields, the weight is a label', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://github.com/alice/notes/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await expect(weight(page)).toContainText('Stored as a weight:: label: this forge has no weight field.');
  await picker(page).getByRole('radio', { name: /^3 Medium/ }).check();
  await expect(weight(page)).toContainText('Saved as label weight::3');
  expect(writes(sandbox)).toEqual([{ call: 'POST /api/v3/repos/alice/notes/issues/1/labels', body: { labels: ['weight::3'] } }]);
});

test('GitHub list: badges read the Weight field from the one bulk request', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://github.com/northwind/roadmap/issues');
  const badge = (iid: number) => page.locator('[data-refinery="badge"]').getByRole('button', { name: new RegExp(`^#${iid} weight`) });
  await expect(page.locator('[data-refinery="summary"]').getByRole('status')).toHaveText(/4 issues checked/);
  // #3 is ready for development without a weight; #2 is ready with 3 in the field (nothing to say); #4 has 2 in the
  // field and an old weight::5 label that disagrees with it.
  await expect(badge(3)).toHaveAccessibleName('#3 weight check: No weight, ready for development');
  await expect(badge(4)).toHaveAccessibleName('#4 weight check: Weight label differs');
  await expect(badge(2)).toHaveCount(0);
  expect(sandbox.requests.filter((r) => r.forge === 'github' && r.path.endsWith('graphql'))).toHaveLength(1);
});
