// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Issue, WorkItemStatus } from '@/lib/forge/model';
import { mergeSettings } from '@/lib/handbook/settings';
import { call, type IssueView, type Request } from '@/lib/messaging';
import { applyTick } from '@/lib/handbook/refinement/checklist-merge';
import { answer, deferred, facts, fail, Host, note, ok, pasted, refinementView, type Answers } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const st = (id: number, name: string, category: WorkItemStatus['category']): WorkItemStatus => ({ id: `gid://gitlab/WorkItems::Statuses::Custom::Status/${id}`, name, category });
const STATUSES = [st(11, 'Needs validation', 'triage'), st(12, 'Refinement', 'to_do'), st(1, 'To do', 'to_do'), st(2, 'In progress', 'in_progress'), st(13, 'In review', 'in_progress'), st(3, 'Done', 'done'), st(4, "Won't do", 'canceled')];
const byName = (name: string) => STATUSES.find((s) => s.name === name)!;

const nav = () => screen.getByRole('navigation', { name: 'Workflow' });
const step = (name: string) => within(nav()).getByRole('button', { name });
const calls = <M extends 'changeLabels' | 'setStatus' | 'tickChecklist'>(method: M) => callMock.mock.calls.filter(([m]) => m === method).map(([, p]) => p as Request<M>);

function statusView(status: string | null, labels: string[] = ['type::feature']): IssueView {
  const view = refinementView({ labels });
  return { issue: { ...view.issue, ...(status ? { status: byName(status) } : {}) }, capabilities: { ...view.capabilities, statuses: STATUSES } };
}
const withStatus = (view: IssueView, name: string, over: Partial<Issue> = {}): Issue => ({ ...view.issue, status: byName(name), ...over });

function setup(answers: Answers) {
  answer(callMock, { listLabels: () => ok([]), getChecklist: () => facts([]), ...answers });
}

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

describe('the stepper over GitLab Status', () => {
  it('shows the status, the current stage, and unmapped stages disabled with the reason', async () => {
    setup({});
    render(<Host initial={statusView('Refinement')} />);
    expect(within(nav()).getByText('Refinement', { selector: 'strong' })).toBeTruthy();
    expect(step('refinement').getAttribute('aria-current')).toBe('step');
    const design = step('design');
    expect(design.getAttribute('aria-disabled')).toBe('true');
    expect(design.getAttribute('title')).toMatch(/No status of this namespace maps to "design"/);
    expect(within(nav()).getByText(/No status maps to design, solution validation, planning breakdown, verification, staging/)).toBeTruthy();
    await userEvent.click(design);
    expect(calls('setStatus')).toEqual([]);
  });

  it('a move sets the mapped status, not a label; shown at once', async () => {
    const view = statusView('Refinement');
    const reply = deferred<ReturnType<typeof ok<Issue>>>();
    setup({ setStatus: () => reply.promise });
    render(<Host initial={view} />);
    await userEvent.click(within(nav()).getByRole('button', { name: 'Move to ready for development' }));
    expect(calls('setStatus')).toEqual([{ ref: view.issue.ref, statusId: byName('To do').id }]);
    expect(step('ready for development').getAttribute('aria-current')).toBe('step');
    reply.resolve(ok(withStatus(view, 'To do')));
    expect(await within(nav()).findByText('Status set to To do.')).toBeTruthy();
    expect(calls('changeLabels')).toEqual([]);
  });

  it('says before the move that a done status closes the issue, and after it that it did', async () => {
    const view = statusView('In review');
    setup({ setStatus: () => ok(withStatus(view, 'Done', { state: 'closed' })) });
    render(<Host initial={view} />);
    const complete = step('complete');
    expect(complete.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(complete.getAttribute('aria-describedby')!)!.textContent).toBe('Sets the status Done, which closes the issue.');
    const moveNext = within(nav()).getByRole('button', { name: 'Move to complete' });
    expect(document.getElementById(moveNext.getAttribute('aria-describedby')!)!.textContent).toMatch(/closes the issue/);
    await userEvent.click(moveNext);
    expect(await within(nav()).findByText('Status set to Done. The issue is closed.')).toBeTruthy();
  });

  it('while migrating, also writes the workflow:: label', async () => {
    const view = statusView('Refinement', ['workflow::refinement']);
    const settings = mergeSettings({ nativeStatus: { mapping: {}, alsoWriteLabels: true } });
    setup({
      setStatus: () => ok(withStatus(view, 'In progress')),
      changeLabels: () => ok(withStatus(view, 'In progress', { labels: ['workflow::in dev'] })),
    });
    render(<Host initial={view} settings={settings} />);
    await userEvent.click(step('in dev'));
    await waitFor(() => expect(calls('changeLabels')).toEqual([{ ref: view.issue.ref, change: { add: ['workflow::in dev'], remove: ['workflow::refinement'] } }]));
    expect(calls('setStatus')).toHaveLength(1);
    expect(await within(nav()).findByText('Status set to In progress.')).toBeTruthy();
  });

  it('a failed or unstored status rolls back with a message', async () => {
    setup({ setStatus: () => fail('invalid', 'GitLab did not store the status "In progress".') });
    render(<Host initial={statusView('Refinement')} />);
    await userEvent.click(step('in dev'));
    expect((await within(nav()).findByRole('alert')).textContent).toMatch(/Could not set the status In progress.*did not store/);
    expect(step('refinement').getAttribute('aria-current')).toBe('step');
  });

  it('a status no stage maps to (Won’t do) is shown; nothing is current', async () => {
    setup({});
    render(<Host initial={statusView("Won't do")} />);
    expect(within(nav()).getByText(/\(no handbook stage maps to it\)/)).toBeTruthy();
    expect(within(nav()).queryAllByRole('button').filter((b) => b.getAttribute('aria-current') === 'step')).toEqual([]);
  });
});

describe('Finish refinement over GitLab Status', () => {
  it('sets the status mapped to ready for development, no label', async () => {
    const view = statusView('Refinement');
    const withWeight = { ...view, issue: { ...view.issue, weight: 2 } };
    const plan = note(3, '### Implementation Plan\n\n**1. Approach**\n\nAdd the limit in the mirror service.', 'bob');
    setup({
      getChecklist: () => facts([note(10, pasted('issue', ['title-describes-change', 'permissions-defined', 'small-enough'])), plan]),
      setStatus: () => ok(withStatus(withWeight, 'To do')),
      tickChecklist: (p: Request<'tickChecklist'>) => {
        let next = p.base;
        for (const t of p.ticks) next = applyTick(next, t.itemText, t.checked)!;
        return ok({ note: note(10, next), changed: p.ticks.map((t) => t.itemText), dropped: [] });
      },
    });
    render(<Host initial={withWeight} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Finish refinement' }));
    expect(await within(nav()).findByText('Refinement finished: the issue is now status To do.')).toBeTruthy();
    expect(calls('setStatus')).toEqual([{ ref: view.issue.ref, statusId: byName('To do').id }]);
    expect(calls('changeLabels')).toEqual([]);
  });
});
