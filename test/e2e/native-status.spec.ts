// GitLab Status drives the workflow stepper where the namespace has statuses (globex, Premium 18.x); GitLab Free keeps
// writing workflow:: labels as before.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, openSection, panel, quiet, test } from './fixtures';

const workflow = (page: Page) => panel(page).getByRole('navigation', { name: 'Workflow' });
const step = (page: Page, name: string) => workflow(page).getByRole('button', { name, exact: true });
const globexIssue = (sandbox: Sandbox, iid: number) => sandbox.gitlab.state.issues.find((i) => i.projectId === 1004 && i.iid === iid)!;
const graphql = (sandbox: Sandbox, kind: 'query' | 'mutation') =>
  sandbox.requests.filter((r) => r.forge === 'gitlab' && r.path === '/api/graphql' && /^\s*(\w+)/.exec(String((r.body as { query?: string }).query))?.[1] === kind);
const writes = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method !== 'GET' && r.path !== '/api/graphql');

test.describe('GitLab Premium 18.x with statuses', () => {
  test('the stepper moves the status (one GraphQL mutation, no workflow:: label written)', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/globex/app/-/issues/1');
    await openSection(page, 'Refinement');
    await expect(workflow(page)).toContainText('GitLab Status: Refinement');
    await expect(step(page, 'refinement')).toHaveAttribute('aria-current', 'step');
    // No status maps to design: disabled, and it says why.
    await expect(step(page, 'design')).toHaveAttribute('aria-disabled', 'true');
    await expect(step(page, 'design')).toHaveAccessibleDescription(/No status of this namespace maps to "design"/);
    // Before the move: complete sets Done, which closes the issue.
    await expect(step(page, 'complete')).toHaveAccessibleDescription('Sets the status Done, which closes the issue.');

    await workflow(page).getByRole('button', { name: 'Move to ready for development' }).click();
    await expect(workflow(page).getByRole('status').filter({ hasText: 'Status set to To do.' })).toBeVisible();
    await expect(step(page, 'ready for development')).toHaveAttribute('aria-current', 'step');
    expect(globexIssue(sandbox, 1).statusId).toBe(1);
    expect(globexIssue(sandbox, 1).labels.filter((l) => l.startsWith('workflow::'))).toEqual([]);
    await quiet(sandbox);
    expect(graphql(sandbox, 'mutation')).toHaveLength(1);
    expect(graphql(sandbox, 'mutation')[0]!.body).toMatchObject({ variables: { input: { statusWidget: { status: 'gid://gitlab/WorkItems::Statuses::SystemDefined::Status/1' } } } });
    expect(writes(sandbox)).toEqual([]);
  });

  test('the status stepper passes axe (WCAG 2.1 A/AA) inside our shadow roots', async ({ page, connect }) => {
    await connect();
    await page.goto('https://gitlab.com/globex/app/-/issues/1');
    await openSection(page, 'Refinement');
    await expect(workflow(page)).toContainText('GitLab Status: Refinement');
    const { violations, passes } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[data-refinery]').analyze();
    expect(passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0).toBeGreaterThan(0); // axe reached our text
    expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}`))).toEqual([]);
  });

  test('a first view: the issue, then (Premium) its status and the group\'s custom fields in one query; moving to complete closes the issue', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/globex/app/-/issues/2');
    await expect(panel(page)).toHaveAttribute('data-state', 'ready');
    await quiet(sandbox);
    // Two on the first view in a group (the budget): the issue, then Status and custom fields in one query.
    expect(sandbox.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`)).toEqual(['GET /api/v4/projects/globex/app/issues/2', 'POST /api/graphql']);

    await openSection(page, 'Refinement');
    await expect(step(page, 'in dev')).toHaveAttribute('aria-current', 'step');
    await step(page, 'complete').click();
    await expect(workflow(page).getByRole('status').filter({ hasText: 'Status set to Done. The issue is closed.' })).toBeVisible();
    expect(globexIssue(sandbox, 2).state).toBe('closed');
  });

  test('where the schema lacks the statusWidget input, the move goes through the /status quick action, leaving no comment', async ({ page, connect, sandbox }) => {
    sandbox.gitlab.state.statusSchema.mutation = false;
    await connect();
    await page.goto('https://gitlab.com/globex/app/-/issues/1');
    await openSection(page, 'Refinement');
    await step(page, 'in review').click();
    await expect(workflow(page).getByRole('status').filter({ hasText: 'Status set to In review.' })).toBeVisible();
    expect(globexIssue(sandbox, 1).statusId).toBe(13);
    expect(writes(sandbox).map((r) => r.body)).toEqual([{ body: '/status "In review"' }]);
    const comments = sandbox.gitlab.state.notes.filter((n) => n.noteableId === globexIssue(sandbox, 1).id && !n.system);
    expect(comments).toEqual([]);
  });
});

test.describe('GitLab Free', () => {
  test('the stepper writes workflow:: labels as before', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/community/website/-/issues/5');
    await openSection(page, 'Refinement');
    await expect(step(page, 'planning breakdown')).toHaveAttribute('aria-current', 'step');
    await expect(workflow(page)).not.toContainText('GitLab Status');
    await workflow(page).getByRole('button', { name: 'Move to refinement' }).click();
    await expect(workflow(page).getByRole('status').filter({ hasText: 'Moved to workflow::refinement.' })).toBeVisible();
    const issue = sandbox.gitlab.state.issues.find((i) => i.projectId === 1003 && i.iid === 5)!;
    expect(issue.labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::refinement']);
    await quiet(sandbox);
    // Free: Status is never asked for, nor written.
    expect(sandbox.requests.filter((r) => r.path === '/api/graphql')).toEqual([]);
  });
});
