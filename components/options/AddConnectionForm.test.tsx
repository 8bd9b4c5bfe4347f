// @vitest-environment happy-dom
// Adding an http:// host: refused unless it is loopback or the user ticks the box that names the risk.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { call, type ConnectionInfo } from '@/lib/messaging';
import { AddConnectionForm } from './AddConnectionForm';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);
const RISK = 'Send my token unencrypted over http:// to git.corp:8080: anyone on the network can read it';

let request: ReturnType<typeof vi.fn>;
beforeEach(() => {
  callMock.mockReset();
  callMock.mockImplementation((async (_method: string, params: { kind: 'gitlab'; baseUrl: string }) => ({
    ok: true,
    data: { id: `gitlab:${params.baseUrl}`, kind: params.kind, baseUrl: params.baseUrl, hasToken: false, tokenHint: null, builtIn: false } as ConnectionInfo,
  })) as never);
  request = vi.fn(async () => true);
  fakeBrowser.permissions.request = request as never;
});
afterEach(cleanup);

async function add(address: string) {
  render(<AddConnectionForm existing={[]} onSaved={() => undefined} />);
  await userEvent.type(screen.getByLabelText('Server address'), address);
}

describe('AddConnectionForm: http:// hosts', () => {
  it('refuses an http:// host until the risk is confirmed, asking for nothing meanwhile', async () => {
    await add('http://git.corp:8080');
    const box = screen.getByRole('checkbox', { name: RISK }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Add host' }));
    expect((await screen.findByRole('alert')).textContent).toContain('over http://');
    expect(request).not.toHaveBeenCalled();
    expect(callMock).not.toHaveBeenCalled();
  });

  it('adds it once the box is ticked, telling the background the user confirmed', async () => {
    await add('http://git.corp:8080');
    await userEvent.click(screen.getByRole('checkbox', { name: RISK }));
    await userEvent.click(screen.getByRole('button', { name: 'Add host' }));
    expect(await screen.findByText('Added git.corp:8080.')).toBeTruthy();
    expect(callMock).toHaveBeenCalledWith('saveConnection', { kind: 'gitlab', baseUrl: 'http://git.corp:8080', allowInsecure: true });
  });

  it('asks nothing for loopback or https:// hosts', async () => {
    await add('http://127.0.0.1:3000');
    expect(screen.queryByRole('checkbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Add host' }));
    expect(await screen.findByText('Added 127.0.0.1:3000.')).toBeTruthy();
    expect(callMock).toHaveBeenCalledWith('saveConnection', { kind: 'gitlab', baseUrl: 'http://127.0.0.1:3000' });
    cleanup();
    await add('https://git.corp');
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('a confirmation names one host: changing the address clears it', async () => {
    await add('http://git.corp:8080');
    await userEvent.click(screen.getByRole('checkbox', { name: RISK }));
    await userEvent.type(screen.getByLabelText('Server address'), '/gitlab');
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
  });
});
