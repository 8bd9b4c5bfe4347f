// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import { call, type IssueView } from '@/lib/messaging';
import { Findings } from './Findings';
import { Harness, answer, fail, makeView, ok, withIssue } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);
const open = vi.fn();

beforeEach(() => {
  callMock.mockReset();
  open.mockReset();
  vi.stubGlobal('open', open);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const githubRef: IssueRef = { forge: 'github', baseUrl: 'https://ghe.example.com', container: 'project', path: 'acme/app', iid: 12, kind: 'issue' };

function show(view: IssueView) {
  render(<Harness view={view}>{(p) => <Findings {...p} onPickWeight={vi.fn()} onAskClarification={vi.fn()} />}</Harness>);
}

async function openBreakDown() {
  await userEvent.click(screen.getAllByRole('button', { name: 'Break down' })[0]!);
  return screen.getByRole('group', { name: 'Break down' });
}

const over3 = (capabilities: Partial<IssueView['capabilities']>, ref?: IssueRef) =>
  makeView({ weight: 5 }, { weight: true, ...capabilities }, ref);

describe('Break down', () => {
  it('GitLab Premium: promotes to an epic only after the confirm step, then shows the closed issue', async () => {
    const view = over3({ epics: true });
    answer(callMock, {
      createNote: () => ok({ id: 1, body: 'promoted to epic &4', author: { id: 1, username: 'me', name: 'Me', avatarUrl: null, webUrl: null }, createdAt: '', updatedAt: '', system: true }),
      getIssue: () => ok({ ...view, issue: withIssue(view, { state: 'closed' }) }),
    });
    show(view);
    expect(screen.getAllByText(/weight of 5/).length).toBeGreaterThan(0);
    const group = await openBreakDown();
    expect(callMock).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(group);
    await userEvent.click(within(group).getByRole('button', { name: 'Promote to epic' }));
    expect(callMock).toHaveBeenCalledWith('createNote', { ref: view.issue.ref, body: '/promote_to epic' });
    expect(callMock).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toBe(
      'Promoted: GitLab turned this issue into an epic (GitLab: “promoted to epic &4”). Break the work into sub-issues there.',
    );
    expect(screen.queryAllByText(/weight of 5/)).toEqual([]); // closed: planning advice is gone
  });

  it('an older GitLab that did not run /promote_to gets the older /promote once', async () => {
    const view = over3({ epics: true });
    const bodies: string[] = [];
    answer(callMock, {
      createNote: (p) => {
        const body = (p as { body: string }).body;
        bodies.push(body);
        if (body === '/promote_to epic') return fail('invalid', 'GitLab did not run /promote_to');
        return ok({ id: 2, body: 'promoted to epic &5', author: { id: 1, username: 'me', name: 'Me', avatarUrl: null, webUrl: null }, createdAt: '', updatedAt: '', system: true });
      },
      getIssue: () => ok({ ...view, issue: withIssue(view, { state: 'closed' }) }),
    });
    show(view);
    const group = await openBreakDown();
    await userEvent.click(within(group).getByRole('button', { name: 'Promote to epic' }));
    expect(bodies).toEqual(['/promote_to epic', '/promote']);
    expect(screen.getByRole('status').textContent).toContain('promoted to epic &5');
  });

  it('a failed promotion says why and keeps the choice open', async () => {
    answer(callMock, { createNote: () => fail('forbidden', '403 Forbidden') });
    show(over3({ epics: true }));
    const group = await openBreakDown();
    await userEvent.click(within(group).getByRole('button', { name: 'Promote to epic' }));
    expect(within(group).getByRole('alert').textContent).toContain('Could not promote the issue. Read-only');
    expect(within(group).getByRole('button', { name: 'Promote to epic' })).toBeTruthy();
  });

  it('GitLab Free: no promotion; split opens the prefilled new issue form with a link back', async () => {
    const view = over3({ epics: false });
    show(view);
    const group = await openBreakDown();
    expect(within(group).queryByRole('button', { name: 'Promote to epic' })).toBeNull();
    await userEvent.click(within(group).getByRole('button', { name: 'Split into a new issue' }));
    const [url, target] = open.mock.calls[0] as [string, string];
    expect(target).toBe('_blank');
    expect(url.startsWith('https://gitlab.com/group/project/-/issues/new?issue[title]=')).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get('issue[title]')).toBe('Issue 7 (part 2)');
    expect(params.get('issue[description]')).toBe('Split from #7\n\n/relate #7');
    expect(callMock).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain('Opened the new issue form in a new tab');
  });

  it('GitHub: split opens issues/new with title and body', async () => {
    show(makeView({ labels: ['weight::5'] }, { epics: true }, githubRef));
    const group = await openBreakDown();
    expect(within(group).queryByRole('button', { name: 'Promote to epic' })).toBeNull();
    await userEvent.click(within(group).getByRole('button', { name: 'Split into a new issue' }));
    const url = new URL(open.mock.calls[0]![0] as string);
    expect(url.origin + url.pathname).toBe('https://ghe.example.com/acme/app/issues/new');
    expect(url.searchParams.get('title')).toBe('Issue 12 (part 2)');
    expect(url.searchParams.get('body')).toBe('Split from #12');
  });

  it('Cancel closes the choice and returns focus to Break down', async () => {
    show(over3({ epics: true }));
    const group = await openBreakDown();
    await userEvent.click(within(group).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Break down' })).toBeNull();
    expect(document.activeElement).toBe(screen.getAllByRole('button', { name: 'Break down' })[0]);
  });
});
