// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftKey, loadDraft } from '@/lib/drafts/store';
import type { Issue, Note, User } from '@/lib/forge/model';
import { DEFAULT_SETTINGS } from '@/lib/handbook/settings';
import { IMPLEMENTATION_PLAN_TEMPLATE, SUPPORT_REQUEST_TEMPLATE } from '@/lib/handbook/templates/templates';
import { call, type IssueView } from '@/lib/messaging';
import { loadUserTemplates, saveUserTemplates } from '@/lib/settings/templates-store';
import { answer, fail, gitlabRef, makeView, ok, type Answers } from '@/components/weights/testing';
import { TemplatesSection } from './TemplatesSection';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const person = (id: number, username: string, name: string): User => ({ id, username, name, avatarUrl: null, webUrl: null });
const members = [person(1, 'erin', 'Erin EM'), person(3, 'dev', 'Dana Dev')];
const noteOf = (id: number, body: string, createdAt = new Date().toISOString()): Note => ({
  id,
  body,
  author: members[1]!,
  createdAt,
  updatedAt: createdAt,
  system: false,
});

const onIssue = vi.fn();
function Host({ view: initial }: { view: IssueView }) {
  const [view, setView] = useState(initial);
  const update = useCallback((issue: Issue) => {
    onIssue(issue);
    setView((v) => ({ ...v, issue }));
  }, []);
  return <TemplatesSection view={view} settings={DEFAULT_SETTINGS} onIssue={update} />;
}

const view = makeView({ labels: ['workflow::refinement', 'backend'] });

function setup(extra: Answers = {}) {
  answer(callMock, {
    listMembers: () => ok(members),
    listNotes: () => ok([]),
    createNote: (p: { body: string }) => ok(noteOf(50, p.body)),
    ...extra,
  });
  return render(<Host view={view} />);
}

/** A GitLab-like page: the main comment composer below the timeline. */
function pageComposer(value = '') {
  document.body.insertAdjacentHTML(
    'afterbegin',
    `<form class="js-main-target-form"><textarea id="note-body" name="note[note]" class="js-gfm-input"></textarea></form>`,
  );
  const t = document.getElementById('note-body') as HTMLTextAreaElement;
  t.value = value;
  return t;
}

const calls = (method: string) => callMock.mock.calls.filter(([m]) => m === method).map(([, p]) => p as Record<string, unknown>);
const status = () => screen.getAllByRole('status').map((s) => s.textContent).join(' | ');
const planButton = () => screen.getByRole('button', { name: 'Insert implementation plan' });
const comment = () => screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement;
const ticked = (body: string, ...labels: string[]) =>
  labels.reduce((b, l) => b.replace(`- [ ] Requires ~${l}`, `- [x] Requires ~${l}`), body);

beforeEach(() => {
  fakeBrowser.reset();
  callMock.mockReset();
  onIssue.mockReset();
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('Insert implementation plan into the page editor', () => {
  it("lands at the user's caret with their text intact on both sides", async () => {
    setup();
    const t = pageComposer('Before the plan.\nAfter the plan.');
    t.focus();
    t.setSelectionRange(16, 16);
    await userEvent.click(planButton());
    expect(t.value).toBe(`Before the plan.\n\n${IMPLEMENTATION_PLAN_TEMPLATE}\n\nAfter the plan.`);
    expect(document.activeElement).toBe(t);
    expect(status()).toContain('Inserted “Implementation plan” into the comment editor. Replace @engineer_username before posting.');
    expect(calls('createNote')).toEqual([]);
  });

  it('mentions the reviewer picked from the project members', async () => {
    setup();
    const t = pageComposer();
    await userEvent.click(screen.getByRole('button', { name: 'Pick a reviewer' }));
    const picker = screen.getByRole('group', { name: 'Reviewer' });
    await userEvent.click(await within(picker).findByRole('checkbox', { name: 'Erin EM (@erin)' }));
    await userEvent.click(within(picker).getByRole('checkbox', { name: 'Dana Dev (@dev)' }));
    expect((within(picker).getByRole('checkbox', { name: 'Erin EM (@erin)' }) as HTMLInputElement).checked).toBe(false);
    await userEvent.click(planButton());
    expect(t.value).toContain('@dev please review this implementation plan.');
    expect(t.value).not.toContain('@engineer_username');
    expect(status()).not.toContain('Replace');
  });

  it("uses the team's edited plan", async () => {
    await saveUserTemplates([{ id: 'implementation-plan', title: 'Plan', body: '## Our plan\n\n@engineer_username review' }]);
    setup();
    const t = pageComposer();
    // The section's own read of the team's templates was asked first, so it has answered once this one has.
    await act(async () => {
      await loadUserTemplates();
    });
    await userEvent.click(planButton());
    expect(t.value).toBe('## Our plan\n\n@engineer_username review');
  });

  it('offers the Dependencies labels once the plan typed into the page editor is posted', async () => {
    const old = noteOf(1, '### Implementation plan\n\n- [x] Requires ~frontend');
    let notes: Note[] = [old];
    setup({ listNotes: () => ok(notes), changeLabels: () => ok({ ...view.issue, labels: [...view.issue.labels, 'database'] }) });
    const t = pageComposer();
    await userEvent.click(planButton());
    await waitFor(() => expect(calls('listNotes')).toHaveLength(1));
    // The user ticks boxes and posts with GitLab's own button: the page empties its editor.
    const posted = ticked(t.value, 'backend', 'database');
    notes = [old, noteOf(2, posted)];
    t.value = '';
    const offer = await screen.findByRole('group', { name: 'Labels from the plan' }, { timeout: 4000 });
    await userEvent.click(within(offer).getByRole('button', { name: 'Add labels: ~database' }));
    expect(calls('changeLabels')).toEqual([{ ref: gitlabRef, change: { add: ['database'], remove: [] } }]);
    expect(onIssue).toHaveBeenCalledTimes(1);
    expect(within(offer).getByRole('status').textContent).toBe('Labels added: ~database.');
  });
});

describe('Template menu', () => {
  it("lists the handbook's other texts and inserts the chosen one, with the keyboard alone", async () => {
    setup();
    const t = pageComposer('Hi');
    const button = screen.getByRole('button', { name: 'Insert template' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Templates' });
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Async status update',
      'Epic weekly update',
      'Tracking issue',
      'Support request',
      'Needs clarification',
      'Needs a spike',
    ]);
    expect(document.activeElement?.textContent).toBe('Async status update');
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Needs a spike');
    await userEvent.keyboard('s');
    expect(document.activeElement?.textContent).toBe('Support request');
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(t.value).toBe(`Hi\n\n${SUPPORT_REQUEST_TEMPLATE}`);
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    setup();
    const button = screen.getByRole('button', { name: 'Insert template' });
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("offers the team's own templates after the handbook's", async () => {
    await saveUserTemplates([{ id: 'release-note', title: 'Release note', body: 'What changed.' }]);
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    expect(await screen.findByRole('menuitem', { name: 'Release note' })).toBeTruthy();
  });
});

describe('Our own editor, where the page has none', () => {
  it('opens with the plan, posts it, and offers the ticked Dependencies as labels', async () => {
    setup({ changeLabels: (p: { change: { add: string[] } }) => ok({ ...view.issue, labels: [...view.issue.labels, ...p.change.add] }) });
    await userEvent.click(planButton());
    expect(status()).toContain('No comment editor found on this page');
    await waitFor(() => expect(comment().value).toBe(IMPLEMENTATION_PLAN_TEMPLATE));
    const body = ticked(IMPLEMENTATION_PLAN_TEMPLATE, 'backend', 'database', 'documentation').replace('@engineer_username', '@dev');
    await userEvent.clear(comment());
    await userEvent.click(comment());
    await userEvent.paste(body);
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(calls('createNote')).toEqual([{ ref: gitlabRef, body }]);
    expect(comment().value).toBe('');
    // ~backend is already on the issue.
    await userEvent.click(screen.getByRole('button', { name: 'Add labels: ~database ~documentation' }));
    expect(calls('changeLabels')[0]).toMatchObject({ change: { add: ['database', 'documentation'] } });
  });

  it('inserts a second template at its own caret, keeping what was typed', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Needs a spike' }));
    await waitFor(() => expect(comment().value).toMatch(/^@em_username this issue needs a spike/));
    expect(status()).toContain('Replace @em_username before posting.');
    await userEvent.clear(comment());
    await userEvent.type(comment(), 'First.');
    await userEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Epic weekly update' }));
    await waitFor(() => expect(comment().value).toMatch(/^First\.\n\n\*\*Status\*\*/));
  });

  it('keeps the text when posting fails, in the form and in storage, and restores it after a reload', async () => {
    const first = setup({ createNote: () => fail('forge', '500 Internal Server Error') });
    await userEvent.click(planButton());
    await waitFor(() => expect(comment().value).toContain('### Implementation Plan'));
    await userEvent.type(comment(), ' My notes');
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' })); // past the placeholder warning
    expect(screen.getByText(/Could not post the comment/).getAttribute('role')).toBe('alert');
    expect(comment().value).toMatch(/My notes$/);
    await waitFor(async () => expect((await loadDraft<{ text: string }>(draftKey(gitlabRef, 'plan')))?.value.text).toMatch(/My notes$/));
    first.unmount();
    setup();
    await waitFor(() => expect(comment().value).toMatch(/^### Implementation Plan[\s\S]*My notes$/));
    expect(status()).toContain('Your unposted comment was restored below.');
  });

  it('saves what was typed at once when the page goes away (a reload does not unmount the panel)', async () => {
    setup();
    await userEvent.click(planButton());
    await waitFor(() => expect(comment().value).toContain('### Implementation Plan'));
    // The save's delay never ends in this test: only leaving the page can save the last words.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fireEvent.change(comment(), { target: { value: `${comment().value} Last words` } });
      const stored = async () => (await loadDraft<{ text: string }>(draftKey(gitlabRef, 'plan')))?.value.text ?? '';
      const settle = async () => {
        for (let i = 0; i < 50; i++) await Promise.resolve();
      };
      await settle();
      expect(await stored()).not.toMatch(/Last words$/);
      window.dispatchEvent(new Event('pagehide'));
      await settle();
      expect(await stored()).toMatch(/Last words$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('warns about placeholder mentions before posting', async () => {
    setup();
    await userEvent.click(planButton());
    await waitFor(() => expect(comment().value).not.toBe(''));
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(screen.getByRole('alert').textContent).toMatch(/still mentions @engineer_username/);
    expect(calls('createNote')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(calls('createNote')).toHaveLength(1);
  });

  it('after a post whose outcome is unknown, finds the comment instead of posting it twice', async () => {
    let notes: Note[] = [];
    setup({
      createNote: (p: { body: string }) => {
        notes = [noteOf(7, p.body)]; // it landed, but the answer was lost
        return fail('network', 'timeout');
      },
      listNotes: () => ok(notes),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Support request' }));
    await waitFor(() => expect(comment().value).toBe(SUPPORT_REQUEST_TEMPLATE));
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(screen.getByText(/Could not post the comment/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(calls('createNote')).toHaveLength(1);
    expect(comment().value).toBe('');
    expect(status()).toContain('Comment posted.');
  });

  it('refuses an empty comment', async () => {
    setup();
    await userEvent.click(planButton());
    await waitFor(() => expect(comment().value).not.toBe(''));
    await userEvent.clear(comment());
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(screen.getByRole('alert').textContent).toBe('Write the comment before posting.');
    await act(async () => undefined);
    expect(calls('createNote')).toEqual([]);
  });
});

describe('double clicks', () => {
  it('insert the plan once', async () => {
    setup();
    document.body.insertAdjacentHTML(
      'afterbegin',
      `<div data-testid="content-editor"><div id="pm" class="ProseMirror" contenteditable="true"><p>Hi</p></div></div>`,
    );
    const pasted: string[] = [];
    document.getElementById('pm')!.addEventListener('paste', (e) => {
      pasted.push((e as ClipboardEvent).clipboardData!.getData('text/plain'));
      e.preventDefault();
    });
    await userEvent.dblClick(planButton());
    await waitFor(() => expect(status()).toContain('Inserted “Implementation plan”'));
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(pasted).toEqual([IMPLEMENTATION_PLAN_TEMPLATE]);
  });
});
