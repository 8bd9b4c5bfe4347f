// Split weights in native fields: a GitHub organisation's "Backend weight" / "Frontend weight" number issue fields and
// a GitLab group's custom fields of those names take the backend / frontend picks, with no label; a GitLab without
// custom fields keeps the labels (weights.spec.ts has the label behaviour on acme).
import type { Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, isWrite, panel, test } from './fixtures';

const split = (page: Page) => panel(page).getByRole('region', { name: 'Backend and frontend weights' });
const part = (page: Page, name: 'Backend weight' | 'Frontend weight') => split(page).getByRole('radiogroup', { name });
const openSplit = (page: Page) => panel(page).getByText('Split weight: backend / frontend').click();
const writes = (sandbox: Sandbox, forge: 'gitlab' | 'github') =>
  sandbox.requests.filter((r) => r.forge === forge && isWrite(r)).map((r) => ({ call: `${r.method} ${decodeURIComponent(r.path)}`, body: r.body }));

test('GitHub org with Backend/Frontend weight fields: split picks write the fields, no labels', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://github.com/northwind/roadmap/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSplit(page);
  await expect(split(page)).toContainText('Stored in the organization\'s "Backend weight" issue field.');
  await part(page, 'Backend weight').getByRole('radio', { name: '2' }).check();
  await expect(part(page, 'Backend weight').locator('..').getByRole('status')).toHaveText('Saved in the organization\'s "Backend weight" issue field');
  await part(page, 'Frontend weight').getByRole('radio', { name: '3' }).check();
  await expect(part(page, 'Frontend weight').locator('..').getByRole('status')).toHaveText('Saved in the organization\'s "Frontend weight" issue field');
  expect(writes(sandbox, 'github')).toEqual([
    { call: 'POST /api/v3/repos/northwind/roadmap/issues/1/issue-field-values', body: { issue_field_values: [{ field_id: 813, value: 2 }] } },
    { call: 'POST /api/v3/repos/northwind/roadmap/issues/1/issue-field-values', body: { issue_field_values: [{ field_id: 814, value: 3 }] } },
  ]);
  const issue = sandbox.github.state.repos.find((r) => r.name === 'roadmap')!.issues.find((i) => i.number === 1)!;
  expect(issue.fieldValues).toEqual(expect.arrayContaining([{ fieldId: 813, value: 2 }, { fieldId: 814, value: 3 }]));
  expect(issue.labels.filter((l) => l.includes('-weight::'))).toEqual([]);
  // Both parts set: the issue counts as weighted, and the disclosure opens by itself on the next visit.
  await page.reload();
  await expect(part(page, 'Backend weight').getByRole('radio', { name: '2' })).toBeChecked();
  await expect(part(page, 'Frontend weight').getByRole('radio', { name: '3' })).toBeChecked();
  await expect(panel(page)).toContainText('Split weight');
});

test('GitLab group with custom fields: split picks write custom fields', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/initech/portal/-/issues/2');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  // Seeded 2 / 3 in the fields: the disclosure is open and shows them.
  await expect(part(page, 'Backend weight').getByRole('radio', { name: '2' })).toBeChecked();
  await expect(part(page, 'Frontend weight').getByRole('radio', { name: '3' })).toBeChecked();
  await expect(split(page)).toContainText('Stored in the group\'s "Frontend weight" custom field.');
  await part(page, 'Frontend weight').getByRole('radio', { name: '5' }).check();
  await expect(part(page, 'Frontend weight').locator('..').getByRole('status')).toHaveText('Saved in the group\'s "Frontend weight" custom field');
  await part(page, 'Backend weight').getByRole('radio', { name: 'None' }).check();
  await expect(part(page, 'Backend weight').locator('..').getByRole('status')).toHaveText('Cleared the group\'s "Backend weight" custom field');
  const sent = writes(sandbox, 'gitlab');
  expect(sent.map((w) => w.call)).toEqual(['POST /api/graphql', 'POST /api/graphql']);
  const two = sandbox.gitlab.state.issues.find((i) => i.projectId === 1010 && i.iid === 2)!;
  expect(sent.map((w) => (w.body as { variables: unknown }).variables)).toEqual([
    { input: { id: `gid://gitlab/WorkItem/${two.id}`, customFieldsWidget: [{ customFieldId: 'gid://gitlab/Issuables::CustomField/42', numberValue: 5 }] } },
    { input: { id: `gid://gitlab/WorkItem/${two.id}`, customFieldsWidget: [{ customFieldId: 'gid://gitlab/Issuables::CustomField/41', numberValue: null }] } },
  ]);
  expect(sandbox.gitlab.state.customFieldValues.filter((v) => v.issueId === two.id)).toEqual([{ issueId: two.id, fieldId: 42, value: 5 }]);
  expect(two.labels.filter((l) => l.includes('-weight::'))).toEqual([]);
  await page.reload();
  await expect(part(page, 'Frontend weight').getByRole('radio', { name: '5' })).toBeChecked();
  await expect(part(page, 'Backend weight').getByRole('radio', { name: 'None' })).toBeChecked();
});

test('GitLab without custom fields: the same group falls back to split labels', async ({ page, connect, sandbox }) => {
  sandbox.gitlab.state.features.customFields = false;
  await connect();
  await page.goto('https://gitlab.com/initech/portal/-/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSplit(page);
  await expect(split(page)).toContainText('handbook uses backend-weight:: and frontend-weight:: labels instead');
  await part(page, 'Backend weight').getByRole('radio', { name: '3' }).check();
  await expect(part(page, 'Backend weight').locator('..').getByRole('status')).toHaveText('Saved as label backend-weight::3');
  expect(writes(sandbox, 'gitlab').map((w) => w.call)).toEqual(['PUT /api/v4/projects/initech/portal/issues/1']);
  expect(sandbox.gitlab.state.issues.find((i) => i.projectId === 1010 && i.iid === 1)!.labels).toContain('backend-weight::3');
});

for (const withFields of [true, false]) {
  test(`GitLab list in initech: badges read the split custom fields (${withFields ? 'with' : 'without'} custom fields)`, async ({ page, connect, sandbox }) => {
    sandbox.gitlab.state.features.customFields = withFields;
    await connect();
    await page.goto('https://gitlab.com/initech/portal/-/issues');
    const badge = (iid: number) => page.locator('[data-refinery="badge"]').getByRole('button', { name: new RegExp(`^#${iid} weight`) });
    await expect(page.locator('[data-refinery="summary"]').getByRole('status')).toHaveText(/2 issues checked/);
    // #2 is ready for development with backend 2 / frontend 3 in the fields and no split label: weighted only where
    // the fields can be read.
    if (withFields) await expect(badge(2)).toHaveCount(0);
    else await expect(badge(2)).toHaveAccessibleName('#2 weight check: No weight, ready for development');
  });
}
