// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import type { Result, IssueView } from '@/lib/messaging';
import { call } from '@/lib/messaging';
import { PanelContainer } from './PanelContainer';
import { gitlabRef, makeView } from './fixtures';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const ok = (view: IssueView): Result<IssueView> => ({ ok: true, data: view });
const refB: IssueRef = { ...gitlabRef, iid: 8 };

function weightRow(): string {
  return (screen.getByText('Weight', { selector: 'dt' }).nextElementSibling as HTMLElement).textContent ?? '';
}

beforeEach(() => callMock.mockReset());
afterEach(cleanup);

describe('PanelContainer', () => {
  it('loads the issue for its ref and shows it', async () => {
    callMock.mockResolvedValueOnce(ok(makeView({ labels: ['weight::3'] })));
    render(<PanelContainer issueRef={gitlabRef} />);
    expect(screen.getByRole('status').textContent).toBe('Loading issue…');
    expect(await screen.findByText('Weight', { selector: 'dt' })).toBeTruthy();
    expect(weightRow()).toBe('3 (from label weight::3)');
    expect(callMock).toHaveBeenCalledWith('getIssue', { ref: gitlabRef });
    expect(callMock).toHaveBeenCalledTimes(1);
  });

  it('does not reload when re-rendered with an equal ref object', async () => {
    callMock.mockResolvedValue(ok(makeView()));
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByText('Weight', { selector: 'dt' });
    rerender(<PanelContainer issueRef={{ ...gitlabRef }} />);
    expect(callMock).toHaveBeenCalledTimes(1);
  });

  it('retry calls the background again and shows the new answer', async () => {
    callMock
      .mockResolvedValueOnce({ ok: false, error: { kind: 'network', message: 'offline' } })
      .mockResolvedValueOnce(ok(makeView({ labels: ['weight::2'] })));
    render(<PanelContainer issueRef={gitlabRef} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Weight', { selector: 'dt' })).toBeTruthy();
    expect(weightRow()).toBe('2 (from label weight::2)');
    expect(callMock).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not offer Retry for a missing token; offers the options page instead', async () => {
    callMock.mockResolvedValueOnce({ ok: false, error: { kind: 'auth', message: '401' } });
    render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    callMock.mockResolvedValueOnce({ ok: true, data: { opened: true } });
    await userEvent.click(screen.getByRole('button', { name: 'Connect / fix your token' }));
    expect(callMock).toHaveBeenLastCalledWith('openOptions', {});
  });

  it('reloads when the user returns to the tab after fixing the token', async () => {
    callMock
      .mockResolvedValueOnce({ ok: false, error: { kind: 'auth', message: '401' } })
      .mockResolvedValueOnce(ok(makeView({ weight: 5 }, { weight: true })));
    render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByRole('alert');
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    expect(await screen.findByText('Weight', { selector: 'dt' })).toBeTruthy();
    expect(weightRow()).toBe('5 (from issue weight)');
  });

  it('re-fetches on in-page navigation and never shows the previous issue on the new one', async () => {
    const first = deferred<Result<IssueView>>();
    const second = deferred<Result<IssueView>>();
    callMock.mockReturnValueOnce(first.promise as never).mockReturnValueOnce(second.promise as never);
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    rerender(<PanelContainer issueRef={refB} />);
    expect(callMock).toHaveBeenLastCalledWith('getIssue', { ref: refB });

    // The answer for the previous issue arrives late: it must be dropped.
    await act(async () => first.resolve(ok(makeView({ labels: ['weight::1'] }))));
    expect(screen.getByRole('region').dataset.state).toBe('loading');
    expect(screen.queryByText('Weight', { selector: 'dt' })).toBeNull();

    await act(async () => second.resolve(ok(makeView({ labels: ['weight::5'] }, {}, refB))));
    expect(weightRow()).toBe('5 (from label weight::5)');
  });

  it('shows loading, not the old issue, while the new ref loads', async () => {
    const second = deferred<Result<IssueView>>();
    callMock.mockResolvedValueOnce(ok(makeView({ labels: ['weight::1'] }))).mockReturnValueOnce(second.promise as never);
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByText('Weight', { selector: 'dt' });
    rerender(<PanelContainer issueRef={refB} />);
    expect(screen.getByRole('region').dataset.state).toBe('loading');
    expect(screen.queryByText(/weight::1/)).toBeNull();
    await act(async () => second.resolve({ ok: false, error: { kind: 'not-found', message: '404' } }));
    expect(screen.getByRole('heading', { name: 'Issue not found' })).toBeTruthy();
  });
});
