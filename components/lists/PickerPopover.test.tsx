// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '@/lib/messaging';
import { makeView } from '../panel/fixtures';
import { answer, ok, withIssue } from '../weights/testing';
import { PickerPopover } from './PickerPopover';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);
// A hook's returned function runs as its teardown: keep mockReset's return value out of it.
beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

describe('PickerPopover', () => {
  it('is a dialog named after the issue, focuses the picker, and hands the written issue on', async () => {
    const view = makeView({ labels: ['workflow::ready for development'] }, { weight: true });
    answer(callMock, { setWeight: () => ok({ issue: withIssue(view, { weight: 2 }), via: 'field' as const }) });
    const onIssue = vi.fn();
    render(<PickerPopover view={view} onIssue={onIssue} onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Weight of #7' }).textContent).toContain('Issue 7');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /^1 Trivial/ }));
    await userEvent.click(screen.getByRole('radio', { name: /^2 Small/ }));
    await vi.waitFor(() => expect(onIssue).toHaveBeenCalledWith(expect.objectContaining({ weight: 2 })));
    expect(screen.getByRole('radio', { name: /^2 Small/ })).toHaveProperty('checked', true);
  });

  it('closes with Escape or the Close button', async () => {
    const onClose = vi.fn();
    render(<PickerPopover view={makeView({ weight: 3 }, { weight: true })} onIssue={() => undefined} onClose={onClose} />);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /^3 Medium/ }));
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
