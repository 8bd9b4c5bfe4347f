// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeSettings } from '@/lib/handbook/settings';
import { call, type IssueView } from '@/lib/messaging';
import { Findings } from './Findings';
import { Harness, answer, fail, makeView, ok, withIssue } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const onPickWeight = vi.fn();
const onAskClarification = vi.fn();

beforeEach(() => {
  callMock.mockReset();
  onPickWeight.mockReset();
  onAskClarification.mockReset();
});
afterEach(cleanup);

function show(view: IssueView, settings = mergeSettings()) {
  render(
    <Harness view={view} settings={settings}>
      {(p) => <Findings {...p} onPickWeight={onPickWeight} onAskClarification={onAskClarification} />}
    </Harness>,
  );
}

const items = () => within(screen.getByRole('list', { name: 'Weighting findings' })).getAllByRole('listitem');
const finding = (text: RegExp) => items().find((li) => text.test(li.textContent ?? '')) as HTMLElement;

describe('Findings', () => {
  it('lists findings with the severity as text, and says when there are none', () => {
    show(makeView({ labels: ['workflow::ready for development'] }));
    const missing = finding(/has no weight/);
    expect(missing.textContent).toMatch(/^Warning: This issue is labelled workflow::ready for development/);
    expect(within(missing).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Choose a weight',
      'Ask for clarification',
      'Move to workflow::refinement',
    ]);
    cleanup();
    show(makeView({ labels: ['weight::2'] }));
    expect(screen.queryByRole('list', { name: 'Weighting findings' })).toBeNull();
    expect(screen.getByText('No weighting findings.')).toBeTruthy();
  });

  it('a fix writes, the finding disappears with the new issue, and focus stays in the section', async () => {
    const view = makeView({ labels: ['workflow::in dev'] });
    const spike: IssueView = { ...view, issue: { ...view.issue, title: 'Spike: parser' } };
    answer(callMock, {
      setWeight: () => ok({ issue: withIssue(spike, { labels: ['workflow::in dev', 'weight::2'] }), via: 'label' }),
    });
    show(spike);
    expect(finding(/This is a spike/).textContent).toMatch(/^Note:/);
    await userEvent.click(within(finding(/This is a spike/)).getByRole('button', { name: 'Set weight 2' }));
    expect(callMock).toHaveBeenCalledWith('setWeight', { ref: view.issue.ref, weight: 2 });
    // The write's answer is awaited through a few promise turns: wait for its outcome rather than assume their number.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done: Set weight 2'));
    expect(screen.queryByText(/This is a spike/)).toBeNull();
    expect(screen.queryByText(/has no weight/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Done: Set weight 2');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Handbook checks' }));
  });

  it('findings appear and disappear as the issue changes', async () => {
    const view = makeView({ labels: ['workflow::refinement'] });
    const next = [
      withIssue(view, { labels: ['workflow::refinement', 'workflow::in dev'] }),
      withIssue(view, { labels: ['workflow::in dev', 'weight::2'] }),
    ];
    render(
      <Harness view={view}>
        {(p) => (
          <>
            <button onClick={() => p.onIssue(next.shift()!)}>Issue changes</button>
            <Findings {...p} onPickWeight={onPickWeight} onAskClarification={onAskClarification} />
          </>
        )}
      </Harness>,
    );
    expect(screen.queryByRole('list', { name: 'Weighting findings' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Issue changes' }));
    expect(finding(/2 workflow:: labels/).textContent).toMatch(/^Error:/);
    await userEvent.click(screen.getByRole('button', { name: 'Issue changes' }));
    expect(screen.queryByRole('list', { name: 'Weighting findings' })).toBeNull();
  });

  it('label fixes add or remove single labels, never replace the set; a split part goes through setSplitWeight', async () => {
    const view = makeView({ labels: ['workflow::design', 'workflow::in dev', 'weight::big', 'backend-weight::4'] });
    answer(callMock, { changeLabels: () => ok(view.issue), setSplitWeight: () => ok({ issue: view.issue, via: 'label' }) });
    show(view);
    await userEvent.click(screen.getByRole('button', { name: 'Keep workflow::in dev' }));
    expect(callMock).toHaveBeenLastCalledWith('changeLabels', { ref: view.issue.ref, change: { add: [], remove: ['workflow::design'] } });
    await userEvent.click(screen.getByRole('button', { name: 'Remove weight::big' }));
    expect(callMock).toHaveBeenLastCalledWith('changeLabels', { ref: view.issue.ref, change: { add: [], remove: ['weight::big'] } });
    await userEvent.click(screen.getByRole('button', { name: 'Set backend-weight::5' }));
    // The background writes the part's field where the forge has one, else this label.
    expect(callMock).toHaveBeenLastCalledWith('setSplitWeight', { ref: view.issue.ref, side: 'backend', weight: 5 });
  });

  it('set-workflow adds the stage label with the configured scope', async () => {
    const settings = mergeSettings({ scopes: { workflow: 'flow' } });
    const view = makeView({ labels: ['flow::ready for development'] });
    answer(callMock, { changeLabels: () => ok(view.issue) });
    show(view, settings);
    await userEvent.click(screen.getByRole('button', { name: 'Move to flow::refinement' }));
    expect(callMock).toHaveBeenCalledWith('changeLabels', { ref: view.issue.ref, change: { add: ['flow::refinement'], remove: [] } });
  });

  it('pick-weight and ask-clarification hand over to the picker and the form', async () => {
    show(makeView({ labels: ['workflow::in dev'] }));
    await userEvent.click(screen.getByRole('button', { name: 'Choose a weight' }));
    expect(onPickWeight).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Ask for clarification' }));
    expect(onAskClarification).toHaveBeenCalledTimes(1);
    expect(callMock).not.toHaveBeenCalled();
  });

  it('a failed fix keeps the finding and shows why', async () => {
    answer(callMock, { changeLabels: () => fail('network', 'offline') });
    show(makeView({ labels: ['weight::1', 'weight::3'] }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep weight::3' }));
    expect(screen.getByRole('alert').textContent).toBe('Could not keep weight::3. Network down: offline');
    expect(finding(/2 weight:: labels/)).toBeTruthy();
  });

  it('ignores a second fix while one is being written', async () => {
    let finish!: () => void;
    const view = makeView({ labels: ['weight::1', 'weight::3'] });
    answer(callMock, { changeLabels: () => new Promise((r) => (finish = () => r(ok(view.issue)))) });
    show(view);
    await userEvent.click(screen.getByRole('button', { name: 'Keep weight::3' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep weight::1' }));
    expect(callMock).toHaveBeenCalledTimes(1);
    await act(async () => finish());
  });

  it('a split part kept in a native field is fixed through setSplitWeight, named by its field', async () => {
    const base = makeView({ labels: ['workflow::in dev'] }, { splitWeightFields: { backend: 'Backend weight', frontend: 'Frontend weight' } });
    const view = { ...base, issue: { ...base.issue, splitWeights: { backend: 4, frontend: 2 } } };
    answer(callMock, { setSplitWeight: () => ok({ issue: { ...view.issue, splitWeights: { backend: 5, frontend: 2 } }, via: 'field' }) });
    show(view);
    await userEvent.click(screen.getByRole('button', { name: 'Set Backend weight to 5' }));
    expect(callMock).toHaveBeenLastCalledWith('setSplitWeight', { ref: view.issue.ref, side: 'backend', weight: 5 });
  });
});
