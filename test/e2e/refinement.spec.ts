// Refinement on real issue pages: the checklist comment (start, tick, teammates' ticks kept, deleted → re-post) and
// the workflow stepper with "Finish refinement", on GitLab Premium, GitLab Free and GitHub.
import type { Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { expect, openSection, panel, test } from './fixtures';

const TITLE = 'Issue title clearly describes the feature or change';
const PERMISSIONS = 'Required permissions and access levels defined';
const SMALL = "Issue is small and doesn't need to be broken down";
const PLAN_TEXT = '### Implementation Plan\n\n**1. Approach**\n\nAdd an application rate limit to the mirror update endpoint.';

const checklist = (page: Page) => panel(page).getByRole('group', { name: 'Refinement checklist' });
const workflow = (page: Page) => panel(page).getByRole('navigation', { name: 'Workflow' });
const box = (page: Page, name: string) => checklist(page).getByRole('checkbox', { name });

const gitlabIssue = (sandbox: Sandbox, projectId: number, iid: number) => sandbox.gitlab.state.issues.find((i) => i.projectId === projectId && i.iid === iid)!;
const gitlabNotes = (sandbox: Sandbox, projectId: number, iid: number) => {
  const issue = gitlabIssue(sandbox, projectId, iid);
  return sandbox.gitlab.state.notes.filter((n) => n.noteableType === 'Issue' && n.noteableId === issue.id && !n.system);
};
const checklistNote = (sandbox: Sandbox, projectId: number, iid: number) =>
  gitlabNotes(sandbox, projectId, iid).filter((n) => /^# (Issue|Bug) Refinement Checklist/.test(n.body)).at(-1);
const widgets = (sandbox: Sandbox) => sandbox.github.state.repos.find((r) => r.name === 'widgets')!;

/** The lines of `after` that differ from `before` (same number of lines: only boxes change). */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const now = after.split('\n');
  expect(now).toHaveLength(old.length);
  return now.filter((line, i) => line !== old[i]);
}

function addPlanNote(sandbox: Sandbox, projectId: number, iid: number) {
  const at = new Date().toISOString();
  sandbox.gitlab.state.notes.push({
    id: sandbox.gitlab.state.seq.note++,
    noteableType: 'Issue',
    noteableId: gitlabIssue(sandbox, projectId, iid).id,
    body: PLAN_TEXT,
    authorId: 3,
    system: false,
    internal: false,
    createdAt: at,
    updatedAt: at,
  });
}

test.describe('GitLab Premium', () => {
  test('Start refinement posts the handbook checklist; a tick changes only its box; a teammate’s tick meanwhile is kept', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/12');
    await openSection(page, 'Refinement');
    await expect(box(page, 'Issue label is workflow::refinement')).not.toBeChecked();
    await checklist(page).getByRole('button', { name: 'Start refinement' }).click();
    await expect(box(page, TITLE)).toBeEnabled();

    const posted = checklistNote(sandbox, 1002, 12)!;
    expect(posted.body).toMatch(/^# Issue Refinement Checklist\n\n## Problem verification\n- \[ \] Issue label is ~"workflow::refinement"/);
    expect(posted.body).toContain('<!-- refinery:checklist v1 -->');
    expect(posted.authorId).toBe(1);
    expect(sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/notes'))).toHaveLength(1);
    // Decided items say where their answer comes from and cannot be ticked by hand.
    await expect(box(page, 'There are no blockers')).toBeDisabled();
    await expect(checklist(page)).toContainText('Not yet, from the issue: label workflow::problem validation, before workflow::refinement');

    const before = posted.body;
    await box(page, TITLE).check();
    await expect(checklist(page).getByRole('status').filter({ hasText: 'Saved in the checklist comment.' })).toBeVisible();
    expect(changedLines(before, posted.body)).toEqual([`- [x] ${TITLE}`]);

    // Someone else ticks a box in GitLab while the page stays open; our next tick keeps it.
    posted.body = posted.body.replace(`- [ ] ${PERMISSIONS}`, `- [x] ${PERMISSIONS}`);
    const theirs = posted.body;
    await box(page, SMALL).check();
    await expect(box(page, PERMISSIONS)).toBeChecked();
    expect(changedLines(theirs, posted.body)).toEqual([`- [x] ${SMALL}`]);
    expect(posted.body).toContain(`- [x] ${PERMISSIONS}`);
    await page.reload();
    await expect(box(page, SMALL)).toBeChecked();
    await expect(box(page, PERMISSIONS)).toBeChecked();
  });

  test('the hand-written checklist is recognised; Finish refinement names open items, then sets ready for development', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/1');
    await openSection(page, 'Refinement');
    await expect(box(page, TITLE)).toBeChecked();
    await expect(box(page, 'There are no blockers')).not.toBeChecked();
    await expect(checklist(page)).toContainText('Not yet, from the issue: 1 open blocker');
    // One page view: the blockers are read once.
    expect(sandbox.requests.filter((r) => r.path.endsWith('/links'))).toHaveLength(1);

    await workflow(page).getByRole('button', { name: 'Finish refinement' }).click();
    const open = workflow(page).getByRole('alert');
    await expect(open).toContainText('5 items are still open');
    for (const item of [PERMISSIONS, 'A comment with an implementation plan is created', SMALL, 'This issue has a weight', 'There are no blockers']) {
      await expect(open).toContainText(item);
    }
    expect(sandbox.requests.filter((r) => r.method === 'PUT' && /\/issues\/1$/.test(r.path))).toHaveLength(0);

    // The team does the rest: weight, a plan, the blocker closed; the engineer ticks the judgement items.
    gitlabIssue(sandbox, 1002, 1).weight = 2;
    addPlanNote(sandbox, 1002, 1);
    gitlabIssue(sandbox, 1002, 6).state = 'closed';
    await page.reload();
    await box(page, PERMISSIONS).check();
    await expect(checklist(page).getByRole('status').filter({ hasText: 'Saved in the checklist comment.' })).toBeVisible();
    await box(page, SMALL).check();
    await expect(box(page, SMALL)).toBeChecked();
    await expect(checklist(page).getByRole('status').filter({ hasText: 'Saved in the checklist comment.' })).toBeVisible();
    await workflow(page).getByRole('button', { name: 'Finish refinement' }).click();
    await expect(workflow(page)).toContainText('Refinement finished: the issue is now workflow::ready for development.');

    const labels = gitlabIssue(sandbox, 1002, 1).labels;
    expect(labels).toContain('workflow::ready for development');
    expect(labels).not.toContain('workflow::refinement');
    await expect(workflow(page).getByRole('button', { name: 'ready for development' })).toHaveAttribute('aria-current', 'step');
    // The comment tells teammates too: the decided boxes are ticked in it.
    const body = checklistNote(sandbox, 1002, 1)!.body;
    for (const item of ['This issue has a weight', 'There are no blockers', 'Issue has ~"workflow::ready for development" label', PERMISSIONS, SMALL]) {
      expect(body).toContain(`- [x] ${item}`);
    }
  });

  test('a deleted checklist comment: the tick fails and re-posting it is offered, with its ticks', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/1');
    await openSection(page, 'Refinement');
    await expect(box(page, TITLE)).toBeChecked();
    const original = checklistNote(sandbox, 1002, 1)!;
    sandbox.gitlab.state.notes.splice(sandbox.gitlab.state.notes.indexOf(original), 1);
    // click(), not check(): the tick fails, and check() would race the checkbox settling back.
    await box(page, PERMISSIONS).click();
    await expect(checklist(page).getByRole('alert')).toContainText('The checklist comment was deleted');
    await checklist(page).getByRole('button', { name: 'Re-post the checklist' }).click();
    await expect(box(page, PERMISSIONS)).toBeEnabled();
    await expect(box(page, PERMISSIONS)).toBeChecked();
    await expect.poll(() => checklistNote(sandbox, 1002, 1)).toBeDefined();
    const reposted = checklistNote(sandbox, 1002, 1)!;
    expect(reposted.id).not.toBe(original.id);
    expect(reposted.body).toContain(`- [x] ${TITLE}`);
    expect(reposted.body).toContain(`- [x] ${PERMISSIONS}`);
    expect(reposted.body).toContain('<!-- refinery:checklist v1 -->');
  });

  test('an unreadable checklist comment is linked and left alone', async ({ page, connect, sandbox }) => {
    const note = checklistNote(sandbox, 1002, 1)!;
    note.body = `${note.body}\n[x] Asked the PM about permissions`;
    const before = note.body;
    await connect();
    await page.goto('https://gitlab.com/acme/platform/frontend/-/issues/1');
    await openSection(page, 'Refinement');
    const notice = checklist(page).getByRole('note');
    await expect(notice).toContainText('checklist comment Refinery cannot read');
    await expect(notice.getByRole('link', { name: 'Open the checklist comment' })).toHaveAttribute('href', `https://gitlab.com/acme/platform/frontend/-/issues/1#note_${note.id}`);
    await expect(checklist(page).getByRole('checkbox')).toHaveCount(0);
    expect(note.body).toBe(before);
  });
});

test.describe('GitLab Free', () => {
  test('moving to the next stage removes the old workflow label (Free keeps no exclusivity itself)', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://gitlab.com/acme/community/website/-/issues/5');
    await openSection(page, 'Refinement');
    await expect(workflow(page).getByRole('button', { name: 'planning breakdown' })).toHaveAttribute('aria-current', 'step');
    await workflow(page).getByRole('button', { name: 'Move to refinement' }).click();
    await expect(workflow(page).getByRole('button', { name: 'refinement', exact: true })).toHaveAttribute('aria-current', 'step');
    await expect(workflow(page).getByRole('status').filter({ hasText: 'Moved to workflow::refinement.' })).toBeVisible();
    const labels = gitlabIssue(sandbox, 1003, 5).labels;
    expect(labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::refinement']);
    const puts = sandbox.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toMatchObject({ add_labels: 'workflow::refinement', remove_labels: 'workflow::planning breakdown' });
  });

  test('Finish refinement warns about a weight over 3 as the handbook does, and goes on when asked to', async ({ page, connect, sandbox }) => {
    const issue = gitlabIssue(sandbox, 1003, 1);
    issue.labels.push('weight::5');
    addPlanNote(sandbox, 1003, 1);
    const note = checklistNote(sandbox, 1003, 1)!;
    note.body = note.body.replace(`- [ ] ${PERMISSIONS}`, `- [x] ${PERMISSIONS}`).replace(`- [ ] ${SMALL}`, `- [x] ${SMALL}`);
    await connect();
    await page.goto('https://gitlab.com/acme/community/website/-/issues/1');
    await openSection(page, 'Refinement');
    await expect(box(page, 'There are no blockers')).toBeChecked();
    await workflow(page).getByRole('button', { name: 'Finish refinement' }).click();
    const confirm = workflow(page).getByRole('group', { name: 'Confirm finishing refinement' });
    await expect(confirm).toContainText('Weight 5 is over 3.');
    await expect(confirm).toContainText('further research is needed');
    expect(issue.labels).toContain('workflow::refinement');
    await confirm.getByRole('button', { name: 'Finish anyway' }).click();
    await expect(workflow(page)).toContainText('Refinement finished: the issue is now workflow::ready for development.');
    expect(issue.labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::ready for development']);
  });
});

test.describe('GitHub', () => {
  test('start refinement, tick a box, finish names the open blocker, move to the next stage', async ({ page, connect, sandbox }) => {
    await connect();
    await page.goto('https://github.com/acme/widgets/issues/1');
    await openSection(page, 'Refinement');
    await checklist(page).getByRole('button', { name: 'Start refinement' }).click();
    await expect(box(page, TITLE)).toBeEnabled();
    const comment = widgets(sandbox).comments.filter((c) => c.issueNumber === 1).at(-1)!;
    expect(comment.body).toMatch(/^# Issue Refinement Checklist\n/);
    expect(comment.body).toContain('- [x] Issue label is ~"workflow::refinement"');
    expect(comment.body).toContain('- [ ] There are no blockers');

    const before = comment.body;
    await box(page, TITLE).check();
    await expect(checklist(page).getByRole('status').filter({ hasText: 'Saved in the checklist comment.' })).toBeVisible();
    expect(changedLines(before, comment.body)).toEqual([`- [x] ${TITLE}`]);
    expect(sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/'))).toHaveLength(1);

    await workflow(page).getByRole('button', { name: 'Finish refinement' }).click();
    await expect(workflow(page).getByRole('alert')).toContainText('There are no blockers');
    await expect(checklist(page)).toContainText('1 open blocker');

    await workflow(page).getByRole('button', { name: 'Move to ready for development' }).click();
    await expect(workflow(page).getByRole('button', { name: 'ready for development' })).toHaveAttribute('aria-current', 'step');
    await expect(workflow(page).getByRole('status').filter({ hasText: 'Moved to workflow::ready for development.' })).toBeVisible();
    const issue = widgets(sandbox).issues.find((i) => i.number === 1)!;
    expect(issue.labels.filter((l) => l.startsWith('workflow::'))).toEqual(['workflow::ready for development']);
  });
});
