// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { fail, makeView, ok } from '@/components/weights/testing';
import { useWriter } from '@/components/weights/useWriter';
import type { Issue } from '@/lib/forge/model';
import { TypeOffer } from './TypeOffer';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);
beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

const ref: IssueRef = { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'acme/app', iid: 3, kind: 'issue' };
const TYPES = [{ name: 'Bug', description: null }, { name: 'Task', description: 'A piece of work' }, { name: 'Feature', description: 'New functionality' }];

function Offer({ type = 'bug' }: { type?: string }) {
  const writer = useWriter();
  return <TypeOffer issueRef={ref} currentType={type} writer={writer} onIssue={vi.fn()} onDismiss={vi.fn()} />;
}

describe('TypeOffer', () => {
  it("offers the organisation's Feature and Task, and sets the one picked", async () => {
    callMock.mockImplementation(async (method) => (method === 'listIssueTypes' ? ok(TYPES) : ok({ ...makeView().issue, type: 'feature' })) as never);
    render(<Offer />);
    const buttons = await screen.findAllByRole('button', { name: /^Set type: / });
    expect(buttons.map((b) => b.textContent)).toEqual(['Set type: Feature', 'Set type: Task']);
    await userEvent.click(buttons[0]!);
    expect(await screen.findByText('Type set: Feature.')).toBeTruthy();
    expect(callMock).toHaveBeenLastCalledWith('setIssueType', { ref, type: 'Feature' });
  });

  it('offers nothing where the organisation has neither type, or the issue already is one', async () => {
    callMock.mockResolvedValue(ok([{ name: 'Bug', description: null }]) as never);
    const { container } = render(<Offer />);
    await vi.waitFor(() => expect(callMock).toHaveBeenCalled());
    expect(container.textContent).toBe('');
    cleanup();
    callMock.mockResolvedValue(ok(TYPES) as never);
    const again = render(<Offer type="task" />);
    await vi.waitFor(() => expect(callMock).toHaveBeenCalledTimes(2));
    expect(again.container.textContent).toBe('');
  });

  it('keeps the click and its result when the panel hands it a new copy of the issue (as every answer does)', async () => {
    let answer: (issue: Issue) => void = () => undefined;
    callMock.mockImplementation(((method: string) =>
      method === 'listIssueTypes' ? Promise.resolve(ok(TYPES)) : new Promise((resolve) => (answer = (issue) => resolve(ok(issue)))) as never) as never);
    function Panel() {
      const writer = useWriter();
      const [issue, setIssue] = useState({ ref, type: 'bug' });
      return (
        <>
          <button type="button" onClick={() => setIssue({ ref: { ...ref }, type: 'feature' })}>
            Refresh
          </button>
          <TypeOffer issueRef={issue.ref} currentType={issue.type} writer={writer} onIssue={(i) => setIssue({ ref: { ...i.ref }, type: i.type })} onDismiss={vi.fn()} />
        </>
      );
    }
    render(<Panel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Set type: Feature' }));
    expect(screen.getByRole('status').textContent).toBe('Setting the type…');
    // Another read of the issue lands first (a refresh after the write), already typed Feature.
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByRole('status').textContent).toBe('Setting the type…');
    await act(async () => answer({ ...makeView().issue, ref: { ...ref }, type: 'feature' }));
    expect(screen.getByRole('status').textContent).toBe('Type set: Feature.');
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(screen.getByRole('status').textContent).toBe('Type set: Feature.');
    expect(callMock.mock.calls.filter(([m]) => m === 'listIssueTypes')).toHaveLength(1);
  });

  it('says why when GitHub refused the type', async () => {
    callMock.mockImplementation(async (method) => (method === 'listIssueTypes' ? ok(TYPES) : fail('forbidden', 'GitHub did not set the type Task')) as never);
    render(<Offer />);
    await userEvent.click(await screen.findByRole('button', { name: 'Set type: Task' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not set the type Task');
  });
});
