// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
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

describe('SplitWeights in native fields', () => {
  const githubRef: IssueRef = { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'northwind/roadmap', iid: 1, kind: 'issue' };
  const FIELDS = { splitWeightFields: { backend: 'Backend weight', frontend: 'Frontend weight' } };
  const native = (split: { backend: number | null; frontend: number | null }, labels: string[] = [], ref = githubRef) => {
    const view = makeView({ labels }, FIELDS, ref);
    return { ...view, issue: { ...view.issue, splitWeights: split } };
  };
  const status = (name: string) => within(group(name).parentElement as HTMLElement).getByRole('status').textContent;

  it('opens on native values, checks the fields (not an old label beside them) and says where they are stored', () => {
    show(native({ backend: 2, frontend: null }, ['backend-weight::5']));
    expect((screen.getByText('Split weight: backend / frontend').parentElement as HTMLDetailsElement).open).toBe(true);
    expect(checkedIn('Backend weight')).toEqual(['2']);
    expect(checkedIn('Frontend weight')).toEqual(['None']);
    expect(screen.getByText('Stored in the organization\'s "Backend weight" issue field.')).toBeTruthy();
    expect(screen.getByText('Stored in the organization\'s "Frontend weight" issue field.')).toBeTruthy();
  });

  it('a pick writes the field through setSplitWeight, never a label', async () => {
    const view = native({ backend: null, frontend: null });
    answer(callMock, { setSplitWeight: () => ok({ issue: { ...view.issue, splitWeights: { backend: null, frontend: 3 } }, via: 'field' }) });
    show(view);
    await userEvent.click(screen.getByText('Split weight: backend / frontend'));
    await userEvent.click(within(group('Frontend weight')).getByRole('radio', { name: '3' }));
    expect(callMock).toHaveBeenCalledWith('setSplitWeight', { ref: view.issue.ref, side: 'frontend', weight: 3 });
    expect(callMock).not.toHaveBeenCalledWith('changeLabels', expect.anything());
    expect(checkedIn('Frontend weight')).toEqual(['3']);
    expect(status('Frontend weight')).toBe('Saved in the organization\'s "Frontend weight" issue field');
  });

  it('GitLab: the group\'s custom field; None clears it', async () => {
    const view = native({ backend: 2, frontend: 3 }, [], { ...githubRef, forge: 'gitlab', baseUrl: 'https://gitlab.com', path: 'initech/portal' });
    answer(callMock, { setSplitWeight: () => ok({ issue: { ...view.issue, splitWeights: { backend: null, frontend: 3 } }, via: 'field' }) });
    show(view);
    expect(screen.getByText('Stored in the group\'s "Backend weight" custom field.')).toBeTruthy();
    await userEvent.click(within(group('Backend weight')).getByRole('radio', { name: 'None' }));
    expect(callMock).toHaveBeenCalledWith('setSplitWeight', { ref: view.issue.ref, side: 'backend', weight: null });
    expect(status('Backend weight')).toBe('Cleared the group\'s "Backend weight" custom field');
  });

  it('rolls back with an alert when the field write fails', async () => {
    answer(callMock, { setSplitWeight: () => fail('forge', 'GitHub did not keep the backend weight') });
    show(native({ backend: 1, frontend: null }));
    await userEvent.click(within(group('Backend weight')).getByRole('radio', { name: '5' }));
    expect(checkedIn('Backend weight')).toEqual(['1']);
    expect(screen.getByRole('alert').textContent).toContain('Could not save the backend weight');
  });
});
