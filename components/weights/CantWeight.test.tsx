// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note, User } from '@/lib/forge/model';
import { call, type IssueView } from '@/lib/messaging';
import { CantWeight } from './CantWeight';
import { Harness, answer, fail, makeView, ok, type Answers } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const person = (id: number, username: string, name: string): User => ({ id, username, name, avatarUrl: null, webUrl: null });
const members = [person(1, 'erin', 'Erin EM'), person(2, 'pat', 'Pat PM'), person(3, 'dev', 'Dana Dev')];
const note: Note = { id: 9, body: '', author: members[2]!, createdAt: '', updatedAt: '', system: false };
const view = makeView({ labels: ['workflow::refinement'] });

function Host({ view: v }: { view: IssueView }) {
  const [open, setOpen] = useState(false);
  return <Harness view={v}>{(p) => <CantWeight view={p.view} writer={p.writer} open={open} onOpenChange={setOpen} focusRequest={0} />}</Harness>;
}

function setup(extra: Answers = {}) {
  answer(callMock, { listMembers: () => ok(members), createNote: () => ok(note), ...extra });
  render(<Host view={view} />);
}

const openForm = async () => {
  await userEvent.click(screen.getByRole('button', { name: "Can't weight yet" }));
  return screen.findByRole('form', { name: "Can't weight yet" }); // its code loads on first opening
};
const bodies = () => callMock.mock.calls.filter(([m]) => m === 'createNote').map(([, p]) => (p as { body: string }).body);

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

describe("Can't weight yet", () => {
  it('opens a form and loads the people to mention once', async () => {
    setup();
    expect(screen.queryByRole('form')).toBeNull();
    const form = await openForm();
    expect(screen.getByRole('button', { name: "Can't weight yet" }).getAttribute('aria-expanded')).toBe('true');
    expect(await within(form).findByRole('checkbox', { name: 'Erin EM (@erin)' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: "Can't weight yet" }));
    await openForm();
    expect(callMock.mock.calls.filter(([m]) => m === 'listMembers')).toHaveLength(1);
  });

  it('keeps what was typed and ticked when closed and opened again', async () => {
    setup();
    let form = await openForm();
    await userEvent.type(within(form).getByRole('textbox', { name: 'What needs clarifying' }), 'Which API?');
    await userEvent.click(await within(form).findByRole('checkbox', { name: 'Erin EM (@erin)' }));
    await userEvent.click(screen.getByRole('button', { name: "Can't weight yet" }));
    expect(screen.queryByRole('form')).toBeNull();
    form = await openForm();
    expect((within(form).getByRole('textbox', { name: 'What needs clarifying' }) as HTMLTextAreaElement).value).toBe('Which API?');
    expect((within(form).getByRole('checkbox', { name: 'Erin EM (@erin)' }) as HTMLInputElement).checked).toBe(true);
  });

  it('posts the clarification comment mentioning the picked people, and leaves the weight alone', async () => {
    setup();
    const form = await openForm();
    await userEvent.type(within(form).getByRole('textbox', { name: 'What needs clarifying' }), 'Which endpoints change?');
    await userEvent.click(await within(form).findByRole('checkbox', { name: 'Erin EM (@erin)' }));
    await userEvent.type(within(form).getByRole('searchbox', { name: 'Filter people' }), 'pat');
    expect(within(form).queryByRole('checkbox', { name: 'Dana Dev (@dev)' })).toBeNull();
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Pat PM (@pat)' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(bodies()).toEqual([
      '@erin @pat this issue needs clarification before it can be weighted.\n\n**What needs clarification:**\n\n' +
        "> Which endpoints change?\n\nI'm leaving the weight unset until this is clear.",
    ]);
    expect(callMock.mock.calls.some(([m]) => m === 'setWeight')).toBe(false);
    expect(within(form).getByRole('status').textContent).toBe('Comment posted. The weight stays unset until this is resolved.');
    expect((within(form).getByRole('textbox', { name: 'What needs clarifying' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('posts the spike comment', async () => {
    setup();
    const form = await openForm();
    await userEvent.click(within(form).getByRole('radio', { name: 'Needs a spike' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'What the spike would investigate' }), 'Streaming');
    await userEvent.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(bodies()[0]).toMatch(/^This issue needs a spike before it can be weighted\.[\s\S]*> Streaming[\s\S]*weight of 2/);
  });

  it('refuses to post without text', async () => {
    setup();
    const form = await openForm();
    await userEvent.type(within(form).getByRole('textbox', { name: 'What needs clarifying' }), '   ');
    await userEvent.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(within(form).getByRole('alert').textContent).toBe('Write what needs clarifying before posting.');
    expect(bodies()).toEqual([]);
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'What needs clarifying' }));
  });

  it('keeps everything typed when posting fails', async () => {
    setup({ createNote: () => fail('network', 'offline') });
    const form = await openForm();
    await userEvent.type(within(form).getByRole('textbox', { name: 'What needs clarifying' }), 'Scope?');
    await userEvent.click(await within(form).findByRole('checkbox', { name: 'Pat PM (@pat)' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(within(form).getByRole('alert').textContent).toBe('Could not post the comment. Network down: offline');
    expect((within(form).getByRole('textbox', { name: 'What needs clarifying' }) as HTMLTextAreaElement).value).toBe('Scope?');
    expect((within(form).getByRole('checkbox', { name: 'Pat PM (@pat)' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says when the people cannot be loaded, and retries', async () => {
    setup({ listMembers: () => fail('forbidden', '403 Forbidden') });
    const form = await openForm();
    expect(await within(form).findByText(/Could not load the project's members/)).toBeTruthy();
    answer(callMock, { listMembers: () => ok(members) });
    await userEvent.click(within(form).getByRole('button', { name: 'Retry loading people' }));
    expect(await within(form).findByRole('checkbox', { name: 'Dana Dev (@dev)' })).toBeTruthy();
  });
});
