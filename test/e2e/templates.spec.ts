import type { Page, Worker } from '@playwright/test';
import { IMPLEMENTATION_PLAN_TEMPLATE, SUPPORT_REQUEST_TEMPLATE } from '../../lib/handbook/templates/templates';
import type { Sandbox } from '../sandbox/server';
import { expect, openSection, panel, test } from './fixtures';

const templates = (page: Page) => panel(page).getByRole('region', { name: 'Templates' });
const tick = (body: string, ...labels: string[]) =>
  labels.reduce((b, l) => b.replace(`- [ ] Requires ~${l}`, `- [x] Requires ~${l}`), body);
/** The texts of the drafts in extension storage (`drafts:<key>` entries, lib/drafts/store.ts). */
const draftTexts = (worker: Worker) =>
  worker.evaluate(async () =>
    Object.entries(await chrome.storage.local.get(null))
      .filter(([k]) => k.startsWith('drafts:'))
      .map(([, d]) => (d as { value?: { text?: string } }).value?.text ?? ''),
  );
const labelWrites = (sandbox: Sandbox) =>
  sandbox.requests.filter((r) => r.forge === 'gitlab' && r.method === 'PUT' && /\/issues\/\d+$/.test(r.path));

test('GitLab: the plan lands at the caret of the comment editor, the typed text intact around it', async ({ page, connect }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  const editor = page.locator('textarea[data-testid="markdown-editor-form-field"]');
  await editor.click();
  await page.keyboard.type('Before the plan.\nAfter the plan.');
  for (let i = 0; i < 'After the plan.'.length; i++) await page.keyboard.press('ArrowLeft');

  await templates(page).getByRole('button', { name: 'Insert implementation plan' }).click();
  const expected = `Before the plan.\n\n${IMPLEMENTATION_PLAN_TEMPLATE}\n\nAfter the plan.`;
  await expect(editor).toHaveValue(expected);
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
    `Before the plan.\n\n${IMPLEMENTATION_PLAN_TEMPLATE}`.length,
  );
  await expect(templates(page).getByRole('status').first()).toContainText('Inserted “Implementation plan” into the comment editor.');
  // Inserted like typing: one undo takes it back out.
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveValue('Before the plan.\nAfter the plan.');
});

test('GitLab rich-text editor: the plan is pasted as Markdown at the caret', async ({ page, connect }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1?editor=rich');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  const rich = page.locator('[data-testid="content-editor"] .ProseMirror');
  await rich.click();
  await page.keyboard.type('Hello world');
  for (let i = 0; i < ' world'.length; i++) await page.keyboard.press('ArrowLeft');
  // Templates opened only now: the caret left in the page's editor before is still where the plan goes.
  await openSection(page, 'Templates');

  await templates(page).getByRole('button', { name: 'Insert implementation plan' }).click();
  await expect(rich).toHaveAttribute('data-sandbox-last-insert', 'paste');
  await expect(rich.getByRole('heading', { name: 'Implementation Plan' })).toBeVisible();
  const markdown = page.locator('input[type="hidden"][name="note[note]"]');
  await expect(markdown).toHaveValue(/^Hello\n\n### Implementation Plan\n\n\*\*1\. Approach\*\*[\s\S]*please review this implementation plan\.[\s\S]* world$/);
});

test('GitHub composer: a template from the menu, by keyboard, reaches the app state and gets posted', async ({ page, connect }) => {
  await connect();
  await page.goto('https://github.com/acme/widgets/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  const composer = page.locator('[data-testid="comment-composer"] textarea');
  await composer.fill('Thanks for the report.');

  const menuButton = templates(page).getByRole('button', { name: 'Insert template' });
  await menuButton.focus();
  await page.keyboard.press('ArrowDown');
  const menu = templates(page).getByRole('menu', { name: 'Templates' });
  await expect(menu.getByRole('menuitem', { name: 'Async status update' })).toBeFocused();
  await page.keyboard.press('s');
  await expect(menu.getByRole('menuitem', { name: 'Support request' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);

  const expected = `Thanks for the report.\n\n${SUPPORT_REQUEST_TEMPLATE}`;
  await expect(composer).toHaveValue(expected);
  // The page's framework saw the change (its state is what gets posted).
  await expect(page.locator('[data-testid="comment-composer"] [data-sandbox-model]')).toHaveValue(expected);
  await page.getByTestId('comment-composer-submit').click();
  await expect(page).toHaveURL(/#issuecomment-\d+$/);
  await expect(page.getByTestId('issue-timeline')).toContainText('The ask');
  await expect(page.getByTestId('issue-timeline')).toContainText('Thanks for the report.');
});

test('no editor on the page: our editor posts the plan, a 500 keeps the text, ticked Dependencies become labels', async ({ page, connect, sandbox, worker }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/4?variant=bare');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  const t = templates(page);
  await t.getByRole('button', { name: 'Pick a reviewer' }).click();
  await t.getByRole('group', { name: 'Reviewer' }).getByRole('checkbox', { name: /@carol/ }).check();
  await t.getByRole('button', { name: 'Insert implementation plan' }).click();
  await expect(t.getByRole('status').first()).toContainText('No comment editor found on this page');
  const box = t.getByRole('textbox', { name: 'Comment' });
  await expect(box).toHaveValue(/^### Implementation Plan[\s\S]*@carol please review this implementation plan\./);
  const body = tick(await box.inputValue(), 'backend', 'database', 'API changes');
  await box.fill(body);

  sandbox.faults.add({ forge: 'gitlab', method: 'POST', path: /\/notes$/, status: 500, body: { message: '500 Internal Server Error' } });
  await t.getByRole('button', { name: 'Post comment' }).click();
  await expect(t.getByRole('alert')).toContainText('Could not post the comment');
  await expect(box).toHaveValue(body);

  // The text survives a reload too.
  // Wait for the draft to be in storage (a debounced save), rather than for a time that a loaded machine may exceed.
  await expect.poll(() => draftTexts(worker)).toContain(body);
  await page.reload();
  await expect(templates(page).getByRole('textbox', { name: 'Comment' })).toHaveValue(body);
  await expect(templates(page).getByRole('status').first()).toContainText('Your unposted comment was restored');

  sandbox.faults.clear();
  await templates(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(templates(page).getByText('Comment posted.')).toBeVisible();
  const posts = sandbox.requests.filter((r) => r.forge === 'gitlab' && r.method === 'POST' && r.path.endsWith('/notes') && r.status === 201);
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body).toMatchObject({ body });
  await expect(templates(page).getByRole('textbox', { name: 'Comment' })).toHaveValue('');

  // ~backend is already on the issue; ~database and ~API are offered.
  await templates(page).getByRole('button', { name: 'Add labels: ~database ~API' }).click();
  await expect(templates(page).getByText('Labels added: ~database ~API.')).toBeVisible();
  const writes = labelWrites(sandbox);
  expect(writes).toHaveLength(1);
  expect(JSON.stringify(writes[0]!.body)).toMatch(/database/);
  expect(JSON.stringify(writes[0]!.body)).toMatch(/API/);

  // The comment is on the issue, as the forge shows it.
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/4');
  await expect(page.locator('#notes-list')).toContainText('@carol please review this implementation plan.');
});

test('a plan posted with the page editor: its ticked Dependencies are offered as labels', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  await templates(page).getByRole('button', { name: 'Insert implementation plan' }).click();
  const editor = page.locator('textarea[data-testid="markdown-editor-form-field"]');
  await expect(editor).toHaveValue(IMPLEMENTATION_PLAN_TEMPLATE);
  await editor.fill(tick(IMPLEMENTATION_PLAN_TEMPLATE, 'frontend').replace('@engineer_username', '@erin'));
  await page.getByTestId('confirm-button').click(); // GitLab's own Comment button
  await expect(editor).toHaveValue('');

  const offer = templates(page).getByRole('group', { name: 'Labels from the plan' });
  await offer.getByRole('button', { name: 'Add labels: ~frontend' }).click();
  await expect(offer).toContainText('Labels added: ~frontend.');
  expect(JSON.stringify(labelWrites(sandbox)[0]!.body)).toMatch(/frontend/);
});

test('older pages: the legacy GitLab note form and the Rails GitHub composer take the text at the end', async ({ page, connect }) => {
  await connect();
  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1?variant=legacy');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  const note = page.locator('textarea#note-body');
  await note.evaluate((el: HTMLTextAreaElement) => (el.value = 'Restored draft')); // never focused by the user
  await templates(page).getByRole('button', { name: 'Insert template' }).click();
  await templates(page).getByRole('menuitem', { name: 'Needs a spike' }).click();
  await expect(note).toHaveValue(/^Restored draft\n\n@em_username this issue needs a spike before it can be weighted\./);
  await expect(templates(page).getByRole('status').first()).toContainText('Replace @em_username before posting.');

  await page.goto('https://github.com/acme/widgets/issues/1?variant=rails');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  await templates(page).getByRole('button', { name: 'Insert implementation plan' }).click();
  await expect(page.locator('textarea#new_comment_field')).toHaveValue(IMPLEMENTATION_PLAN_TEMPLATE);
});

test("the team's edit of a template in the options is what the panel inserts", async ({ page, connect, extensionId }) => {
  await connect();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const list = page.getByRole('list', { name: 'Templates' });
  await list.getByRole('button', { name: 'Edit Implementation plan' }).click();
  const form = page.getByRole('form', { name: 'Edit Implementation plan' });
  await form.getByRole('textbox', { name: 'Template text' }).fill('### Implementation plan\n\n- [ ] Requires ~backend\n\n@engineer_username please review.');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Implementation plan”.' })).toBeVisible();

  await page.goto('https://gitlab.com/acme/platform/backend/-/issues/1');
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  await templates(page).getByRole('button', { name: 'Insert implementation plan' }).click();
  await expect(page.locator('textarea[data-testid="markdown-editor-form-field"]')).toHaveValue(
    '### Implementation plan\n\n- [ ] Requires ~backend\n\n@engineer_username please review.',
  );
});

test('GitHub: inserting the tracking-issue template offers the organisation’s Feature and Task types, and sets one', async ({ page, connect, sandbox }) => {
  await connect();
  await page.goto('https://github.com/acme/widgets/issues/2'); // typed Bug
  await expect(panel(page)).toHaveAttribute('data-state', 'ready');
  await openSection(page, 'Templates');
  await templates(page).getByRole('button', { name: 'Insert template' }).click();
  await templates(page).getByRole('menu', { name: 'Templates' }).getByRole('menuitem', { name: 'Tracking issue' }).click();
  const offer = templates(page).getByRole('group', { name: 'Issue type for a tracking issue' });
  await expect(offer.getByRole('button', { name: /^Set type: / })).toHaveText(['Set type: Feature', 'Set type: Task']);
  await offer.getByRole('button', { name: 'Set type: Feature' }).click();
  await expect(offer.getByRole('status')).toHaveText('Type set: Feature.');
  expect(sandbox.github.state.repos.find((r) => r.name === 'widgets')!.issues.find((i) => i.number === 2)!.type).toBe('Feature');
  const patches = sandbox.requests.filter((r) => r.forge === 'github' && r.method === 'PATCH');
  expect(patches.map((r) => [r.path, r.body])).toEqual([['/api/v3/repos/acme/widgets/issues/2', { type: 'Feature' }]]);
});
