// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTick } from '@/lib/handbook/refinement/checklist-merge';
import { CHECKLIST_MARKER } from '@/lib/handbook/refinement/checklists';
import { call, type Request, type Result } from '@/lib/messaging';
import { answer, deferred, facts, fail, Host, note, ok, pasted, refinementView, type Answers } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const TITLE = 'Issue title clearly describes the feature or change';
const PERMISSIONS = 'Required permissions and access levels defined';
const SMALL = "Issue is small and doesn't need to be broken down";

const group = () => screen.getByRole('group', { name: 'Refinement checklist' });
const box = (name: string) => within(group()).getByRole('checkbox', { name });
const calls = <M extends 'tickChecklist' | 'startRefinement' | 'getChecklist'>(method: M) =>
  callMock.mock.calls.filter(([m]) => m === method).map(([, p]) => p as Request<M>);

function setup(answers: Answers) {
  answer(callMock, { listLabels: () => ok([]), ...answers });
}

/** The answer to a tick: the body with that tick applied (and whatever else `theirs` holds). */
function ticked(id: number, theirs: string, ...ticks: [string, boolean][]) {
  let body = theirs;
  for (const [text, checked] of ticks) body = applyTick(body, text, checked)!;
  return ok({ note: note(id, body), changed: ticks.map(([t]) => t), dropped: [] });
}

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

describe('without a checklist comment', () => {
  it('shows the handbook’s items: decided ones from the data with their source, the rest waiting for the comment', async () => {
    setup({ getChecklist: () => facts([note(1, 'Can we refine this?')], 1) });
    render(<Host initial={refinementView()} />);
    const label = await waitFor(() => box('Issue label is workflow::refinement'));
    expect(label).toHaveProperty('checked', true);
    expect(label.getAttribute('aria-disabled')).toBe('true');
    expect(label.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(label.getAttribute('aria-describedby')!)!.textContent).toBe('From the issue: label workflow::refinement');
    const blockers = box('There are no blockers');
    expect(blockers).toHaveProperty('checked', false);
    expect(document.getElementById(blockers.getAttribute('aria-describedby')!)!.textContent).toBe('Not yet, from the issue: 1 open blocker');
    expect(box(TITLE).getAttribute('aria-disabled')).toBe('true');
    expect(within(group()).getAllByRole('checkbox')).toHaveLength(9);
  });

  it('"Start refinement" posts the issue checklist with the decided items ticked, then its boxes can be ticked', async () => {
    const posted = note(20, `${pasted('issue', ['label-refinement', 'description-requirements'])}\n\n${CHECKLIST_MARKER}`);
    setup({
      getChecklist: () => facts([]),
      startRefinement: () => ok({ note: posted, created: true }),
      tickChecklist: () => ticked(20, posted.body, [TITLE, true]),
    });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Start refinement' }));
    expect(calls('startRefinement')).toEqual([{ ref: refinementView().issue.ref, kind: 'issue', ticks: ['label-refinement', 'description-requirements', 'no-blockers'] }]);
    await waitFor(() => expect(box(TITLE).getAttribute('aria-disabled')).toBe('false'));
    expect(screen.queryByRole('button', { name: 'Start refinement' })).toBeNull();
    expect(document.activeElement).toBe(box(TITLE));
    expect(screen.getByRole('link', { name: 'the comment by @alice' }).getAttribute('href')).toBe('https://gitlab.com/group/project/-/issues/7#note_20');
    await userEvent.click(box(TITLE));
    expect(calls('tickChecklist')).toEqual([{ ref: refinementView().issue.ref, noteId: 20, base: posted.body, ticks: [{ itemText: TITLE, checked: true }] }]);
  });

  it('a bug gets the bug checklist', async () => {
    setup({ getChecklist: () => facts([]), startRefinement: () => fail('network', 'offline') });
    render(<Host initial={refinementView({ labels: ['workflow::refinement', 'type::bug', 'severity::2'] })} />);
    expect(await screen.findByText(/posts the handbook's Bug Refinement Checklist/)).toBeTruthy();
    expect(box('Issue label is type::bug')).toHaveProperty('checked', true);
    expect(box('Severity labels are defined')).toHaveProperty('checked', true);
    await userEvent.click(screen.getByRole('button', { name: 'Start refinement' }));
    expect(calls('startRefinement')[0]).toMatchObject({ kind: 'bug', ticks: ['label-refinement', 'label-type-bug', 'severity', 'no-blockers'] });
  });

  it('a failed post says so and keeps the button; a checklist someone else posted meanwhile is shown instead', async () => {
    const theirs = note(30, pasted('issue'), 'carol');
    let reply: Result<unknown> = fail('network', 'offline');
    setup({ getChecklist: () => facts([]), startRefinement: () => reply });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Start refinement' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not post the checklist/);
    reply = ok({ note: theirs, created: false });
    await userEvent.click(screen.getByRole('button', { name: 'Start refinement' }));
    expect(await screen.findByText('The issue already had a checklist comment: it is shown now.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'the comment by @carol' })).toBeTruthy();
  });
});

describe('ticking the comment’s boxes', () => {
  const body = pasted('issue', ['label-refinement']);
  const comment = note(10, body);

  it('a hand-written comment is recognised: one checkbox per item, named by its text, with the comment’s ticks', async () => {
    setup({ getChecklist: () => facts([note(9, 'Please refine'), note(10, pasted('issue', ['title-describes-change']))]) });
    render(<Host initial={refinementView()} />);
    expect(await waitFor(() => box(TITLE))).toHaveProperty('checked', true);
    expect(box(PERMISSIONS)).toHaveProperty('checked', false);
    expect(box(PERMISSIONS).getAttribute('aria-disabled')).toBe('false');
    const names = within(group())
      .getAllByRole('checkbox')
      .map((c) => document.querySelector(`label[for="${c.id}"]`)!.textContent);
    expect(names).toEqual([
      'Issue label is workflow::refinement',
      TITLE,
      'Issue description defines requirements and expectations',
      PERMISSIONS,
      'A comment with an implementation plan is created',
      SMALL,
      'This issue has a weight',
      'There are no blockers',
      'Issue has workflow::ready for development label',
    ]);
  });

  it('shows the tick at once, sends it against the comment as seen, and shows the comment as returned', async () => {
    const reply = deferred<ReturnType<typeof ok>>();
    const theirs = applyTick(body, SMALL, true)!; // a teammate ticked this meanwhile
    setup({ getChecklist: () => facts([comment]), tickChecklist: () => reply.promise });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await waitFor(() => box(PERMISSIONS)));
    expect(box(PERMISSIONS)).toHaveProperty('checked', true);
    expect(screen.getByText('Saving…')).toBeTruthy();
    expect(calls('tickChecklist')).toEqual([{ ref: refinementView().issue.ref, noteId: 10, base: body, ticks: [{ itemText: PERMISSIONS, checked: true }] }]);
    reply.resolve(ticked(10, theirs, [PERMISSIONS, true]));
    expect(await screen.findByText('Saved in the checklist comment.')).toBeTruthy();
    expect(box(PERMISSIONS)).toHaveProperty('checked', true);
    expect(box(SMALL)).toHaveProperty('checked', true);
  });

  it('ticks are sent one at a time, each from the comment the previous one returned', async () => {
    const first = deferred<ReturnType<typeof ok>>();
    const afterFirst = applyTick(body, PERMISSIONS, true)!;
    let n = 0;
    setup({
      getChecklist: () => facts([comment]),
      tickChecklist: () => (++n === 1 ? first.promise : ticked(10, afterFirst, [TITLE, true])),
    });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await waitFor(() => box(PERMISSIONS)));
    await userEvent.click(box(TITLE));
    expect(box(TITLE)).toHaveProperty('checked', true);
    expect(calls('tickChecklist')).toHaveLength(1);
    first.resolve(ok({ note: note(10, afterFirst), changed: [PERMISSIONS], dropped: [] }));
    await waitFor(() => expect(calls('tickChecklist')).toHaveLength(2));
    expect(calls('tickChecklist')[1]).toMatchObject({ base: afterFirst, ticks: [{ itemText: TITLE, checked: true }] });
    await screen.findByText('Saved in the checklist comment.');
    expect(box(PERMISSIONS)).toHaveProperty('checked', true);
    expect(box(TITLE)).toHaveProperty('checked', true);
  });

  it('a failed tick rolls back with a message naming the item', async () => {
    setup({ getChecklist: () => facts([comment]), tickChecklist: () => fail('forbidden', 'Your token may read this issue but not change it') });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await waitFor(() => box(PERMISSIONS)));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not save “Required permissions and access levels defined” in the checklist comment/);
    expect(alert.textContent).toMatch(/Only its author or a Maintainer can edit that comment/);
    expect(box(PERMISSIONS)).toHaveProperty('checked', false);
  });

  it('an item someone removed from the comment meanwhile is not ticked, and says so', async () => {
    setup({ getChecklist: () => facts([comment]), tickChecklist: () => ok({ note: comment, changed: [], dropped: [SMALL] }) });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await waitFor(() => box(SMALL)));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer in the checklist comment/);
  });

  it('decided items cannot be ticked by hand', async () => {
    setup({ getChecklist: () => facts([comment]) });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await waitFor(() => box('This issue has a weight')));
    expect(box('This issue has a weight')).toHaveProperty('checked', false);
    expect(calls('tickChecklist')).toEqual([]);
  });

  it('with blockers unreadable, the blockers item is ticked by hand and says why', async () => {
    setup({ getChecklist: () => facts([comment], null, 'Not found'), tickChecklist: () => ticked(10, body, ['There are no blockers', true]) });
    render(<Host initial={refinementView()} />);
    const item = await waitFor(() => box('There are no blockers'));
    expect(document.getElementById(item.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Tick it yourself: blocking links could not be read/);
    await userEvent.click(item);
    expect(calls('tickChecklist')[0]!.ticks).toEqual([{ itemText: 'There are no blockers', checked: true }]);
  });
});

describe('a deleted or unreadable comment', () => {
  it('deleted: offers to re-post it with its ticks and the one that could not be saved', async () => {
    const body = pasted('issue', ['title-describes-change']);
    const reposted = note(40, `${applyTick(body, PERMISSIONS, true)!}\n\n${CHECKLIST_MARKER}`);
    setup({
      getChecklist: () => facts([note(10, body)]),
      tickChecklist: () => fail('not-found', 'The checklist comment was deleted. Re-post the checklist to go on.'),
      startRefinement: () => ok({ note: reposted, created: true }),
    });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await waitFor(() => box(PERMISSIONS)));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The checklist comment was deleted/);
    // Its ticks, and the one that could not be saved, are still shown (not editable until it is back).
    expect(box(TITLE)).toHaveProperty('checked', true);
    expect(box(PERMISSIONS)).toHaveProperty('checked', true);
    expect(box(PERMISSIONS).getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Re-post the checklist' }));
    const repost = calls('startRefinement')[0]!;
    expect(repost.body).toContain('- [x] Issue title clearly describes the feature or change');
    expect(repost.body).toContain('- [x] Required permissions and access levels defined');
    await waitFor(() => expect(box(PERMISSIONS).getAttribute('aria-disabled')).toBe('false'));
    expect(box(PERMISSIONS)).toHaveProperty('checked', true);
    expect(screen.queryByRole('button', { name: 'Re-post the checklist' })).toBeNull();
  });

  it('unreadable: says so, links to it, offers a new one and never edits it', async () => {
    const broken = note(50, `${pasted('issue')}\n[x] Ask the PM`);
    setup({ getChecklist: () => facts([broken]) });
    render(<Host initial={refinementView()} />);
    const notice = await screen.findByRole('note');
    expect(notice.textContent).toMatch(/checklist comment Refinery cannot read: Line \d+ looks like a checkbox/);
    expect(within(notice).getByRole('link', { name: 'Open the checklist comment' }).getAttribute('href')).toBe('https://gitlab.com/group/project/-/issues/7#note_50');
    expect(within(group()).queryAllByRole('checkbox')).toHaveLength(0);
    expect(within(notice).getByRole('button', { name: 'Post a new checklist' })).toBeTruthy();
  });

  it('a failure to read the comments offers a retry', async () => {
    let reply: Result<unknown> = fail('network', 'offline');
    setup({ getChecklist: () => reply });
    render(<Host initial={refinementView()} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not read the issue's comments/);
    reply = facts([]);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('button', { name: 'Start refinement' })).toBeTruthy();
  });
});

describe('epics', () => {
  it('get the workflow stepper only', async () => {
    const view = refinementView();
    setup({});
    render(<Host initial={{ ...view, issue: { ...view.issue, ref: { ...view.issue.ref, container: 'group', kind: 'epic' } } }} />);
    expect(await screen.findByRole('navigation', { name: 'Workflow' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Refinement checklist' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Finish refinement' })).toBeNull();
    expect(calls('getChecklist')).toEqual([]);
  });
});
