// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ChildrenRead } from '@/lib/forge/children-model';
import type { IssueRef, Note } from '@/lib/forge/model';
import { child, update } from '@/lib/handbook/plan/__fixtures__/children';
import { mergeSettings } from '@/lib/handbook/settings';
import { call, type PostedUpdate } from '@/lib/messaging';
import { answer, gitlabRef, makeView, ok, fail } from '@/components/weights/testing';
import { PlanSection } from './PlanSection';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const epicRef: IssueRef = { ...gitlabRef, container: 'group', path: 'group', iid: 2, kind: 'epic' };
const owner = { id: 5, username: 'erin', name: 'Erin Evans', avatarUrl: null, webUrl: null };
const note = (id: number, body: string, createdAt: string): Note => ({ id, body, author: owner, createdAt, updatedAt: createdAt, system: false });

const read: ChildrenRead = {
  source: 'hierarchy',
  parent: { weight: null, rolledUpWeight: 8, rolledUpCompletedWeight: 1 },
  children: [
    child({ iid: 1, title: 'Tree API', weight: 3, comments: [update(ago(10), 'Complete: 20%'), update(ago(1), 'Complete: 60%\nConfidence: 80%')] }),
    child({ iid: 2, title: 'Blame', weight: 5, healthStatus: 'at_risk', comments: [update(ago(1), 'Complete: 10%\nConfidence: 40%')] }),
    child({ iid: 3, title: 'Audit', weight: 1, state: 'closed', closedAt: ago(2) }),
    child({ iid: 4, title: 'Docs', webUrl: 'javascript:alert(1)' }),
  ],
  unreadable: { count: 1, names: ['secret/project#9'] },
  leftOut: 2,
  requests: 1,
};
const lastWeekly = note(20, '**Status**: ok — started\n\n- Done: 0 of 4 issues. Remaining: 4, ETA end of 19.0.\n- Confidence: 60%', ago(7));

const show = (ref: IssueRef = epicRef) => render(<PlanSection view={makeView({}, {}, ref)} settings={mergeSettings()} onIssue={() => undefined} />);
const figure = (key: string) => document.querySelector(`[data-plan-figure="${key}"] dd`)?.textContent;

beforeEach(() => {
  fakeBrowser.reset();
  callMock.mockReset();
});
afterEach(cleanup);

describe('PlanSection', () => {
  it('shows the roll-up with a link per child, unreadable and left-out children', async () => {
    answer(callMock, { listChildren: () => ok(read), listNotes: () => ok([lastWeekly]) });
    show();
    await screen.findByText('4 children (child items), read in 1 request.');
    expect(figure('weight')).toBe("9 (open 8, closed 1); the parent has no weight");
    expect(figure('rolled-up')).toBe('8');
    // (3×60 + 5×10 + 1×100) / 9 = 36.7
    expect(figure('completion')).toBe('37%');
    expect(figure('health')).toBe('At risk at worst: 1 at risk, 0 needing attention');
    const table = screen.getByRole('table', { name: 'Children' });
    expect(within(table).getByRole('link', { name: 'acme/app#1 Tree API' }).getAttribute('href')).toBe('https://gitlab.example/acme/app/-/issues/1');
    // A hostile URL is shown as text, never as a link.
    expect(within(table).queryByRole('link', { name: /Docs/ })).toBeNull();
    expect(document.querySelector('[data-plan-list="oversized"]')?.textContent).toContain('acme/app#2 Blame — weight 5');
    expect(document.querySelector('[data-plan-list="unweighted"]')?.textContent).toContain('acme/app#4 Docs');
    expect(screen.getByText('1 child this token cannot read: secret/project#9.')).toBeTruthy();
    expect(screen.getByText('2 more children not read: the figures count the first ones only.')).toBeTruthy();
    expect(callMock.mock.calls.map(([m, p]) => [m, (p as { fresh: boolean }).fresh])).toEqual([
      ['listChildren', false],
      ['listNotes', false],
    ]);
  });

  it('"Draft weekly update" prefills the epic form from the children; it posts only when the user posts, once', async () => {
    const posted: PostedUpdate = { note: note(30, '**Status**: bad', new Date().toISOString()), outcome: 'created', healthVia: 'none', issue: null, healthError: null };
    answer(callMock, { listChildren: () => ok(read), listNotes: () => ok([lastWeekly]), listMembers: () => ok([owner]), postStatusUpdate: () => ok(posted) });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Draft weekly update' }));
    const form = await screen.findByRole('form', { name: 'Epic update' });
    expect(within(form).getByRole('radio', { name: 'bad' })).toHaveProperty('checked', true);
    expect((within(form).getByRole('textbox', { name: 'Done' }) as HTMLInputElement).value).toBe('37% by weight, 1 of 4 issues closed, weight 1 of 9');
    expect((within(form).getByRole('textbox', { name: 'ETA' }) as HTMLInputElement).value).toBe('end of 19.0');
    const changes = (within(form).getByRole('textbox', { name: 'Since the last update (one line per child)' }) as HTMLTextAreaElement).value;
    expect(changes.split('\n')).toEqual([
      '- acme/app#2 Blame: 10% complete, 40% confident, at risk',
      '- acme/app#1 Tree API: 20% → 60% complete, 80% confident',
      '- acme/app#3 Audit: closed',
    ]);
    expect(callMock.mock.calls.some(([m]) => m === 'postStatusUpdate')).toBe(false);
    await userEvent.click(within(form).getByRole('button', { name: 'Post update' }));
    await screen.findByText('Epic update posted.');
    const posts = callMock.mock.calls.filter(([m]) => m === 'postStatusUpdate');
    expect(posts).toHaveLength(1);
    expect(posts[0]![1]).toMatchObject({ kind: 'epic', ref: epicRef, update: { status: 'bad', changes: expect.stringContaining('acme/app#2 Blame') } });
  });

  it('GitLab: items hidden from the token are counted, not named; a GitLab without counts says it cannot count them', async () => {
    answer(callMock, { listChildren: () => ok({ ...read, unreadable: { count: 3, names: [], counted: true }, leftOut: 0 }), listNotes: () => ok([]) });
    show();
    expect(await screen.findByText('3 items under this parent this token cannot read: GitLab counts them and names none.')).toBeTruthy();
    expect(document.querySelector('[data-plan-uncounted]')).toBeNull();
    cleanup();
    answer(callMock, { listChildren: () => ok({ ...read, children: [], unreadable: { count: 0, names: [], counted: false }, leftOut: 0 }), listNotes: () => ok([]) });
    show();
    expect((await screen.findByText(/does not count what it hides from this token/)).textContent).toContain('before 17.3');
    // Not "no children": some may be hidden.
    expect(document.querySelector('[data-plan-empty]')).toBeNull();
  });

  it('says so when there are no children, and offers to read again after a failure', async () => {
    answer(callMock, { listChildren: () => ok({ ...read, children: [], unreadable: { count: 0, names: [] }, leftOut: 0 }), listNotes: () => ok([]) });
    show({ forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'acme/widgets', iid: 3, kind: 'issue' });
    expect(await screen.findByText(/No children: this issue has no child items or sub-issues/)).toBeTruthy();
    cleanup();
    answer(callMock, { listChildren: () => fail('network', 'offline'), listNotes: () => ok([]) });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Try reading again' }));
    expect(callMock.mock.calls.filter(([m]) => m === 'listChildren').at(-1)![1]).toMatchObject({ fresh: true });
  });
});
