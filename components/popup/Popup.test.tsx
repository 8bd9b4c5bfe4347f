// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { call } from '@/lib/messaging';
import { Popup } from './Popup';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);
afterEach(cleanup);

describe('Popup', () => {
  it('lists connections with their token state and opens the options page', async () => {
    callMock.mockResolvedValueOnce({
      ok: true,
      data: [
        { id: 'a', kind: 'gitlab', baseUrl: 'https://gitlab.com', hasToken: true, tokenHint: 'abcd', builtIn: true },
        { id: 'b', kind: 'github', baseUrl: 'https://ghe.acme.test', hasToken: false, tokenHint: null, builtIn: false },
      ],
    });
    const open = vi.fn(async () => undefined);
    fakeBrowser.runtime.openOptionsPage = open as never;
    render(<Popup />);
    const list = await screen.findByRole('list', { name: 'Connections' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['GitLab — gitlab.comToken set', 'GitHub Enterprise — ghe.acme.testNo token']);
    expect(document.body.textContent).not.toContain('abcd');
    await userEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('says when the connections cannot be loaded', async () => {
    callMock.mockResolvedValueOnce({ ok: false, error: { kind: 'unknown', message: 'The background did not answer' } });
    render(<Popup />);
    expect((await screen.findByRole('alert')).textContent).toContain('The background did not answer');
    expect(screen.getByRole('button', { name: 'Open options' })).toBeTruthy();
  });
});
