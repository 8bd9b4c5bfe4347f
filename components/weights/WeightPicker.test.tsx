// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, type IssueView, type Result, type WriteResult } from '@/lib/messaging';
import { WeightPicker } from './WeightPicker';
import { Harness, answer, deferred, fail, makeView, ok, withIssue } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

function show(view: IssueView) {
  render(<Harness view={view}>{(p) => <WeightPicker {...p} />}</Harness>);
  return screen.getByRole('radiogroup', { name: 'Weight' });
}

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const checked = () => screen.queryAllByRole('radio').filter((r) => (r as HTMLInputElement).checked).map((r) => r.getAttribute('value'));
const status = () => screen.getByRole('status').textContent;

describe('WeightPicker', () => {
  it('offers the handbook weights by number and name, with their confidence', () => {
    const group = show(makeView());
    const names = within(group).getAllByRole('radio').map((r) => r.getAttribute('value'));
    expect(names).toEqual(['1', '2', '3', '5']);
    for (const name of ['1 Trivial', '2 Small', '3 Medium', '5 Larger']) expect(radio(name)).toBeTruthy();
    expect(radio('1 Trivial').getAttribute('aria-describedby')).toBeTruthy();
    expect(group.closest('section')?.dataset.refinery).toBe('weight');
    expect(screen.getByText('confidence ≥ 90%')).toBeTruthy();
    expect(checked()).toEqual([]);
  });

  it('checks the weight field on a tier that has it, else the weight:: label', () => {
    show(makeView({ weight: 3, labels: ['weight::5'] }, { weight: true }));
    expect(checked()).toEqual(['3']);
    cleanup();
    show(makeView({ weight: 3, labels: ['weight::5'] }));
    expect(checked()).toEqual(['5']);
  });

  it('picks optimistically, then replaces the issue and says it went to the weight field', async () => {
    const view = makeView({ weight: 1 }, { weight: true });
    const write = deferred<Result<WriteResult>>();
    answer(callMock, { setWeight: () => write.promise });
    show(view);
    await userEvent.click(radio('3 Medium'));
    expect(callMock).toHaveBeenCalledWith('setWeight', { ref: view.issue.ref, weight: 3 });
    expect(checked()).toEqual(['3']);
    expect(status()).toBe('Saving…');
    await act(async () => write.resolve(ok({ issue: withIssue(view, { weight: 3 }), via: 'field' })));
    expect(checked()).toEqual(['3']);
    expect(status()).toBe("Saved as the issue's weight");
  });

  it('says when the weight was stored as a label', async () => {
    const view = makeView({ labels: ['weight::1'] });
    answer(callMock, { setWeight: () => ok({ issue: withIssue(view, { labels: ['weight::2'] }), via: 'label' }) });
    show(view);
    await userEvent.click(radio('2 Small'));
    expect(status()).toBe('Saved as label weight::2');
    expect(checked()).toEqual(['2']);
  });

  it('rolls back and shows the error when the write fails', async () => {
    answer(callMock, { setWeight: () => fail('network', 'offline') });
    show(makeView({ labels: ['weight::2'] }));
    await userEvent.click(radio('5 Larger'));
    expect(checked()).toEqual(['2']);
    expect(screen.getByRole('alert').textContent).toBe('Could not save the weight. Network down: offline');
    expect(status()).toBe('');
  });

  it('clears the weight', async () => {
    const view = makeView({ labels: ['weight::3', 'backend'] });
    answer(callMock, { setWeight: () => ok({ issue: withIssue(view, { labels: ['backend'] }), via: 'label' }) });
    show(view);
    await userEvent.click(screen.getByRole('button', { name: 'Clear weight' }));
    expect(callMock).toHaveBeenCalledWith('setWeight', { ref: view.issue.ref, weight: null });
    expect(checked()).toEqual([]);
    expect(status()).toBe('Removed the weight:: label');
    expect(screen.getByRole('button', { name: 'Clear weight' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('clearing the field also removes a weight:: label that would still read as the weight', async () => {
    const view = makeView({ weight: null, labels: ['weight::3'] }, { weight: true });
    answer(callMock, {
      setWeight: () => ok({ issue: view.issue, via: 'field' }),
      changeLabels: () => ok(withIssue(view, { labels: [] })),
    });
    show(view);
    expect(checked()).toEqual(['3']);
    await userEvent.click(screen.getByRole('button', { name: 'Clear weight' }));
    expect(callMock).toHaveBeenLastCalledWith('changeLabels', { ref: view.issue.ref, change: { add: [], remove: ['weight::3'] } });
    expect(checked()).toEqual([]);
  });

  it('is keyboard operable: arrow keys move and pick', async () => {
    const view = makeView({ labels: ['weight::2'] });
    answer(callMock, {
      setWeight: (p: { weight: number }) => ok({ issue: withIssue(view, { labels: [`weight::${p.weight}`] }), via: 'label' }),
    });
    show(view);
    await userEvent.tab();
    expect(document.activeElement).toBe(radio('2 Small'));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(radio('3 Medium'));
    expect(callMock).toHaveBeenLastCalledWith('setWeight', { ref: view.issue.ref, weight: 3 });
    expect(checked()).toEqual(['3']);
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(checked()).toEqual(['1']);
    expect(status()).toBe('Saved as label weight::1');
  });

  it('sends only the latest of several quick picks', async () => {
    const view = makeView();
    const first = deferred<Result<WriteResult>>();
    answer(callMock, { setWeight: () => first.promise });
    show(view);
    await userEvent.click(radio('1 Trivial'));
    await userEvent.click(radio('2 Small'));
    await userEvent.click(radio('5 Larger'));
    expect(checked()).toEqual(['5']);
    answer(callMock, { setWeight: () => ok({ issue: withIssue(view, { labels: ['weight::5'] }), via: 'label' }) });
    await act(async () => first.resolve(ok({ issue: withIssue(view, { labels: ['weight::1'] }), via: 'label' })));
    expect(callMock.mock.calls.map(([, p]) => (p as { weight: number }).weight)).toEqual([1, 5]);
    expect(checked()).toEqual(['5']);
    expect(status()).toBe('Saved as label weight::5');
  });

  it('notes that security issues go one level up and spikes are weight 2', () => {
    show(makeView({ labels: ['security'] }));
    const note = screen.getByRole('note', { name: 'Weighting notes' }).textContent ?? '';
    expect(note).toContain('one level higher');
    expect(note).toContain('1 → 2, 2 → 3, 3 → 5');
    expect(note).not.toContain('Spike');
    cleanup();
    show({ ...makeView(), issue: { ...makeView().issue, title: 'Spike: streaming parser' } });
    expect(screen.getByRole('note', { name: 'Weighting notes' }).textContent).toContain('weight of 2 (timeboxed)');
  });

  it('says where the weight is stored', () => {
    show(makeView({}, { weight: true }));
    expect(screen.getByText("Stored in the issue's weight field.")).toBeTruthy();
    cleanup();
    show(makeView({}, { weight: true, weightField: 'Story points' }));
    expect(screen.getByText('Stored in the organization\'s "Story points" issue field.')).toBeTruthy();
  });
});
