// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeSettings } from '@/lib/handbook/settings';
import { call, type IssueView } from '@/lib/messaging';
import { SplitWeights } from './SplitWeights';
import { Harness, answer, fail, makeView, ok, withIssue } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

function show(view: IssueView, settings = mergeSettings()) {
  render(<Harness view={view} settings={settings}>{(p) => <SplitWeights {...p} />}</Harness>);
}

const group = (name: string) => screen.getByRole('radiogroup', { name });
const checkedIn = (name: string) =>
  within(group(name))
    .getAllByRole('radio')
    .filter((r) => (r as HTMLInputElement).checked)
    .map((r) => r.parentElement?.textContent);

describe('SplitWeights', () => {
  it('shows both parts with 1, 2, 3, 5 and None, and why the handbook splits', () => {
    show(makeView({ labels: ['backend-weight::3'] }));
    const names = within(group('Frontend weight')).getAllByRole('radio').map((r) => r.parentElement?.textContent);
    expect(names).toEqual(['1', '2', '3', '5', 'None']);
    expect(checkedIn('Backend weight')).toEqual(['3']);
    expect(checkedIn('Frontend weight')).toEqual(['None']);
    expect(screen.getByText(/can only have a single weight/)).toBeTruthy();
  });

  it('adds the label of the picked weight, with the configured scope names', async () => {
    const view = makeView({ labels: ['be::1'] });
    answer(callMock, { changeLabels: () => ok(withIssue(view, { labels: ['be::2'] })) });
    show(view, mergeSettings({ scopes: { backendWeight: 'be', frontendWeight: 'fe' } }));
    await userEvent.click(within(group('Backend weight')).getByRole('radio', { name: '2' }));
    expect(callMock).toHaveBeenCalledWith('changeLabels', { ref: view.issue.ref, change: { add: ['be::2'], remove: [] } });
    expect(checkedIn('Backend weight')).toEqual(['2']);
    expect(within(group('Backend weight').parentElement as HTMLElement).getByRole('status').textContent).toBe('Saved as label be::2');
  });

  it('None removes the labels in that scope only', async () => {
    const view = makeView({ labels: ['frontend-weight::2', 'frontend-weight::5', 'backend-weight::1'] });
    answer(callMock, { changeLabels: () => ok(withIssue(view, { labels: ['backend-weight::1'] })) });
    show(view);
    expect(checkedIn('Frontend weight')).toEqual([]); // two labels: no guess
    await userEvent.click(within(group('Frontend weight')).getByRole('radio', { name: 'None' }));
    expect(callMock).toHaveBeenCalledWith('changeLabels', {
      ref: view.issue.ref,
      change: { add: [], remove: ['frontend-weight::2', 'frontend-weight::5'] },
    });
    expect(checkedIn('Frontend weight')).toEqual(['None']);
    expect(checkedIn('Backend weight')).toEqual(['1']);
  });

  it('rolls back with an alert when the write fails', async () => {
    answer(callMock, { changeLabels: () => fail('forbidden', '403 Forbidden') });
    show(makeView({ labels: ['frontend-weight::1'] }));
    await userEvent.click(within(group('Frontend weight')).getByRole('radio', { name: '3' }));
    expect(checkedIn('Frontend weight')).toEqual(['1']);
    expect(screen.getByRole('alert').textContent).toContain('Could not save the frontend weight. Read-only');
  });

  it('stays behind a disclosure on an issue with one weight, and opens on request', async () => {
    const view = makeView({ labels: ['weight::3'] });
    answer(callMock, { changeLabels: () => ok(withIssue(view, { labels: ['weight::3', 'frontend-weight::2'] })) });
    show(view);
    const toggle = screen.getByText('Split weight: backend / frontend');
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect((toggle.parentElement as HTMLDetailsElement).open).toBe(false);
    await userEvent.click(toggle);
    expect((toggle.parentElement as HTMLDetailsElement).open).toBe(true);
    expect(checkedIn('Backend weight')).toEqual(['None']);
    await userEvent.click(within(group('Frontend weight')).getByRole('radio', { name: '2' }));
    expect(checkedIn('Frontend weight')).toEqual(['2']);
  });

  it('opens when the issue has a split label', () => {
    show(makeView({ labels: ['frontend-weight::5'] }));
    expect((screen.getByText('Split weight: backend / frontend').parentElement as HTMLDetailsElement).open).toBe(true);
    expect(checkedIn('Frontend weight')).toEqual(['5']);
  });
});
