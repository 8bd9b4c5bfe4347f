// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabelChange } from '@/lib/forge/model';
import { applyTick } from '@/lib/handbook/refinement/checklist-merge';
import { call, type Request } from '@/lib/messaging';
import { answer, deferred, facts, fail, Host, note, ok, pasted, refinementView, withLabels, type Answers } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const nav = () => screen.getByRole('navigation', { name: 'Workflow' });
const step = (name: string) => within(nav()).getByRole('button', { name });
const calls = <M extends 'changeLabels' | 'tickChecklist' | 'getChecklist'>(method: M) =>
  callMock.mock.calls.filter(([m]) => m === method).map(([, p]) => p as Request<M>);
const project = (names: string[]) => ok(names.map((name) => ({ name, color: '#428bca', description: null })));

function setup(answers: Answers) {
  answer(callMock, { listLabels: () => ok([]), getChecklist: () => facts([]), ...answers });
}

/** The issue after a label change, as the forge would return it. */
function changed(labels: string[], change: LabelChange): string[] {
  return [...labels.filter((l) => !change.remove.includes(l)), ...change.add];
}

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

describe('the stepper', () => {
  it('shows the handbook stages in order with the current one marked, and the project’s other workflow labels', async () => {
    setup({ listLabels: () => project(['workflow::refinement', 'workflow::ready for design', 'workflow::blocked']) });
    render(<Host initial={refinementView()} />);
    await waitFor(() => expect(within(nav()).getAllByRole('button').map((b) => b.textContent)).toContain('ready for design'));
    const names = within(nav())
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(names).toEqual([
      'problem validation',
      'ready for design',
      'design',
      'solution validation',
      'planning breakdown',
      'refinement',
      'ready for development',
      'in dev',
      'in review',
      'verification',
      'staging',
      'complete',
      'blocked',
    ]);
    expect(step('refinement').getAttribute('aria-current')).toBe('step');
    expect(step('design').getAttribute('aria-current')).toBeNull();
    expect(within(nav()).getByRole('button', { name: 'Move to ready for development' })).toBeTruthy();
  });

  it('"Move to" the next stage adds its label and removes the current one; shown at once', async () => {
    const view = refinementView({ labels: ['workflow::planning breakdown', 'type::feature'] });
    const reply = deferred<ReturnType<typeof ok>>();
    setup({ changeLabels: () => reply.promise });
    render(<Host initial={view} />);
    await userEvent.click(within(nav()).getByRole('button', { name: 'Move to refinement' }));
    expect(calls('changeLabels')).toEqual([{ ref: view.issue.ref, change: { add: ['workflow::refinement'], remove: ['workflow::planning breakdown'] } }]);
    expect(step('refinement').getAttribute('aria-current')).toBe('step');
    reply.resolve(ok(withLabels(view, ['type::feature', 'workflow::refinement'])));
    expect(await within(nav()).findByText('Moved to workflow::refinement.')).toBeTruthy();
    expect(within(nav()).getByRole('button', { name: 'Move to ready for development' })).toBeTruthy();
  });

  it('any stage is one click away, and a failed move rolls back with a message', async () => {
    const view = refinementView();
    setup({ changeLabels: () => fail('forbidden', 'Your token may read this issue but not change it') });
    render(<Host initial={view} />);
    await userEvent.click(step('in review'));
    expect(calls('changeLabels')[0]!.change).toEqual({ add: ['workflow::in review'], remove: ['workflow::refinement'] });
    expect((await within(nav()).findByRole('alert')).textContent).toMatch(/Could not move the issue to workflow::in review/);
    expect(step('refinement').getAttribute('aria-current')).toBe('step');
  });

  it('several workflow labels (GitLab Free, GitHub): says so, and picking one removes the others', async () => {
    const view = refinementView({ labels: ['workflow::in dev', 'workflow::in review'] });
    setup({ changeLabels: (p: Request<'changeLabels'>) => ok(withLabels(view, changed(view.issue.labels, p.change as LabelChange))) });
    render(<Host initial={view} />);
    expect(within(nav()).getByRole('note').textContent).toMatch(/2 workflow labels: workflow::in dev, workflow::in review/);
    expect(within(nav()).queryByRole('button', { name: /^Move to/ })).toBeNull();
    await userEvent.click(step('in review'));
    expect(calls('changeLabels')[0]!.change).toEqual({ add: [], remove: ['workflow::in dev'] });
    await waitFor(() => expect(step('in review').getAttribute('aria-current')).toBe('step'));
    expect(within(nav()).queryByRole('note')).toBeNull();
  });

  it('the current stage is not a move', async () => {
    setup({});
    render(<Host initial={refinementView()} />);
    await userEvent.click(step('refinement'));
    expect(calls('changeLabels')).toEqual([]);
  });
});

describe('Finish refinement', () => {
  const ALL_PERSON_TICKS = ['title-describes-change', 'permissions-defined', 'small-enough'];
  const PLAN = note(3, '### Implementation Plan\n\n**1. Approach**\n\nAdd the limit in the mirror service.', 'bob');

  it('with items open, names them and changes nothing; it re-reads the checklist first', async () => {
    const view = refinementView({ weight: 2 });
    setup({ getChecklist: () => facts([note(10, pasted('issue', ['title-describes-change']))], 1) });
    render(<Host initial={view} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Finish refinement' }));
    const alert = await within(nav()).findByRole('alert');
    expect(alert.textContent).toBe(
      'Not finished yet. 4 items are still open: Required permissions and access levels defined; A comment with an implementation plan is created; ' +
        "Issue is small and doesn't need to be broken down; There are no blockers.",
    );
    expect(calls('getChecklist').at(-1)).toMatchObject({ fresh: true });
    expect(calls('changeLabels')).toEqual([]);
  });

  it('with everything done, sets ready for development, removes the refinement label and ticks the decided boxes in the comment', async () => {
    const view = refinementView({ weight: 2 });
    const body = pasted('issue', ALL_PERSON_TICKS);
    setup({
      getChecklist: () => facts([note(10, body), PLAN]),
      changeLabels: (p: Request<'changeLabels'>) => ok(withLabels(view, changed(view.issue.labels, p.change as LabelChange))),
      tickChecklist: (p: Request<'tickChecklist'>) => {
        let next = p.base;
        for (const t of p.ticks) next = applyTick(next, t.itemText, t.checked)!;
        return ok({ note: note(10, next), changed: p.ticks.map((t) => t.itemText), dropped: [] });
      },
    });
    render(<Host initial={view} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Finish refinement' }));
    expect(await within(nav()).findByText('Refinement finished: the issue is now workflow::ready for development.')).toBeTruthy();
    expect(calls('changeLabels')).toEqual([{ ref: view.issue.ref, change: { add: ['workflow::ready for development'], remove: ['workflow::refinement'] } }]);
    expect(step('ready for development').getAttribute('aria-current')).toBe('step');
    expect(calls('tickChecklist')[0]!.ticks.map((t) => t.itemText)).toEqual([
      'Issue label is ~"workflow::refinement"',
      'Issue description defines requirements and expectations',
      'A comment with an implementation plan is created',
      'This issue has a weight',
      'There are no blockers',
      'Issue has ~"workflow::ready for development" label',
    ]);
    const group = screen.getByRole('group', { name: 'Refinement checklist' });
    expect(within(group).getByRole('checkbox', { name: 'Issue has workflow::ready for development label' })).toHaveProperty('checked', true);
  });

  it('a weight over 3 shows the handbook’s warning and asks; Cancel changes nothing, "Finish anyway" goes on', async () => {
    const view = refinementView({ weight: 5 });
    setup({
      getChecklist: () => facts([note(10, pasted('issue', ALL_PERSON_TICKS)), PLAN]),
      changeLabels: (p: Request<'changeLabels'>) => ok(withLabels(view, changed(view.issue.labels, p.change as LabelChange))),
      tickChecklist: () => fail('forbidden', 'not the author'),
    });
    render(<Host initial={view} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Finish refinement' }));
    const confirm = await screen.findByRole('group', { name: 'Confirm finishing refinement' });
    expect(confirm.textContent).toMatch(/Weight 5 is over 3\..*it may indicate the IC may not have a full idea of what is needed and further research is needed/);
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Finish anyway' }));
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Confirm finishing refinement' })).toBeNull();
    expect(calls('changeLabels')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Finish refinement' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Finish anyway' }));
    expect(await within(nav()).findByText('Refinement finished: the issue is now workflow::ready for development.')).toBeTruthy();
    expect(calls('changeLabels')).toHaveLength(1);
    // The label is set; the comment could not be updated: said, not hidden.
    expect(within(nav()).getByText(/Could not tick the decided boxes in the checklist comment/)).toBeTruthy();
  });

  it('already ready for development: says so instead of moving back', async () => {
    setup({ getChecklist: () => facts([]) });
    render(<Host initial={refinementView({ labels: ['workflow::in dev'] })} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Finish refinement' }));
    expect(await within(nav()).findByText('The issue is already at workflow::in dev.')).toBeTruthy();
    expect(calls('changeLabels')).toEqual([]);
  });

  it('a failure to re-read the checklist is said, and nothing is written', async () => {
    let first = true;
    setup({
      getChecklist: () => {
        if (first) {
          first = false;
          return facts([]);
        }
        return fail('network', 'offline');
      },
    });
    render(<Host initial={refinementView()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Finish refinement' }));
    expect((await within(nav()).findByRole('alert')).textContent).toMatch(/Could not check the checklist/);
    expect(calls('changeLabels')).toEqual([]);
  });
});
