// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import type { ListState } from './controller';
import { SummaryBar } from './SummaryBar';

afterEach(cleanup);

const ref = (iid: number, path = 'g/p'): IssueRef => ({ forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path, iid, kind: 'issue' });
const state = (over: Partial<ListState> = {}): ListState => ({
  issues: 20,
  figures: { count: 20, totalWeight: 37, unweighted: 4, oversized: 2, readyWithoutWeight: 0 },
  pending: 0,
  missing: [],
  failed: null,
  filter: null,
  shown: 20,
  spansProjects: false,
  ...over,
});

function show(s: ListState | null) {
  const onFilter = vi.fn();
  const onRetry = vi.fn();
  render(<SummaryBar state={s} onFilter={onFilter} onRetry={onRetry} />);
  return { onFilter, onRetry };
}

describe('SummaryBar', () => {
  it('shows the total weight and a toggle per kind of problem', async () => {
    const { onFilter } = show(state());
    expect(screen.getByRole('region', { name: 'Refinery weight check' }).textContent).toContain('Total weight 37');
    const unweighted = screen.getByRole('button', { name: 'Show only the 4 unweighted issues' });
    expect(unweighted.textContent).toBe('4 unweighted');
    expect(unweighted.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(unweighted);
    expect(onFilter).toHaveBeenLastCalledWith('unweighted');
    await userEvent.click(screen.getByRole('button', { name: 'Show only the 2 issues weighted over 3' }));
    expect(onFilter).toHaveBeenLastCalledWith('oversized');
    // Nothing to show: the toggle does nothing.
    await userEvent.click(screen.getByRole('button', { name: 'Show only the 0 issues ready for development without a weight' }));
    expect(onFilter).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toBe('20 issues checked.');
  });

  it('shows which filter is on, and "Show all" takes it off', async () => {
    const { onFilter } = show(state({ filter: 'oversized', shown: 2 }));
    expect(screen.getByRole('button', { name: 'Show only the 2 issues weighted over 3' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('20 issues checked, 2 shown.');
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(onFilter).toHaveBeenLastCalledWith(null);
  });

  it('says what is still being checked', () => {
    show(state({ pending: 1 }));
    expect(screen.getByRole('status').textContent).toBe('Checking 1 issue…');
  });

  it('says when a rate limit stopped it, until when, and offers to try again', async () => {
    const retryAt = Date.parse('2026-11-21T10:42:00Z');
    const { onRetry } = show(state({ failed: { count: 30, error: { kind: 'rate-limited', message: 'x', retryAt } } }));
    expect(screen.getByRole('status').textContent).toBe(
      `Rate limited by the forge: 30 issues not checked yet. Refinery tries again after ${new Date(retryAt).toLocaleTimeString()}.`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('names the issues the token cannot read, with their project when the page spans several', async () => {
    show(state({ missing: [ref(12), ref(3, 'g/q')], spansProjects: true }));
    await userEvent.click(screen.getByText('2 issues not readable'));
    expect(screen.getByText(/Your token cannot read these issues/).textContent).toContain('g/p#12, g/q#3');
  });
});

describe('a list whose rows Refinery cannot find', () => {
  it('says so instead of "No issues on this page" when the page links to issues outside any row found', () => {
    render(<SummaryBar state={state({ issues: 0, figures: { count: 0, totalWeight: 0, unweighted: 0, oversized: 0, readyWithoutWeight: 0 }, shown: 0 })} unplaced={14} onFilter={vi.fn()} onRetry={vi.fn()} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe("Refinery could not find this page's issue rows (it links to 14 issues): no badges here. The toolbar popup says what it looked for.");
    expect(status.className).toBe('problem');
    cleanup();
    render(<SummaryBar state={state({ issues: 0, figures: { count: 0, totalWeight: 0, unweighted: 0, oversized: 0, readyWithoutWeight: 0 }, shown: 0 })} unplaced={0} onFilter={vi.fn()} onRetry={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('No issues on this page.');
  });
});
