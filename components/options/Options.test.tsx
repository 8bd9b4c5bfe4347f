// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { call, type ConnectionInfo } from '@/lib/messaging';
import { Options } from './Options';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const gitlabCom: ConnectionInfo = { id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', hasToken: true, tokenHint: 'x9Kq', builtIn: true };
const githubCom: ConnectionInfo = { id: 'github.com', kind: 'github', baseUrl: 'https://github.com', hasToken: false, tokenHint: null, builtIn: true };
const selfManaged: ConnectionInfo = { id: 'sm1', kind: 'gitlab', baseUrl: 'https://git.acme.test/gitlab', hasToken: true, tokenHint: 'abcd', builtIn: false };

type Answer = { ok: true; data: unknown } | { ok: false; error: { kind: string; message: string } };
let answers: Record<string, (params: unknown) => Answer>;

let request: ReturnType<typeof vi.fn>;
let removePermission: ReturnType<typeof vi.fn>;

beforeEach(() => {
  answers = { listConnections: () => ({ ok: true, data: [gitlabCom, githubCom, selfManaged] }) };
  callMock.mockReset();
  callMock.mockImplementation((async (method: string, params: unknown) => {
    const answer = answers[method];
    if (!answer) throw new Error(`unexpected call ${method}`);
    return answer(params);
  }) as never);
  request = vi.fn(async () => true);
  removePermission = vi.fn(async () => true);
  fakeBrowser.permissions.request = request as never;
  fakeBrowser.permissions.remove = removePermission as never;
});
afterEach(cleanup);

async function renderOptions() {
  render(<Options />);
  await screen.findByRole('list', { name: 'Connections' });
}

const card = (name: string) => screen.getByRole('article', { name });

describe('Options: connections list', () => {
  it('lists each connection with kind, address and a masked token', async () => {
    await renderOptions();
    expect(screen.getByRole('heading', { level: 1, name: 'Refinery options' })).toBeTruthy();
    const gl = card('GitLab — gitlab.com');
    expect(gl.textContent).toContain('https://gitlab.com');
    expect(gl.textContent).toContain('•••• x9Kq');
    expect(within(gl).getByText('Built-in')).toBeTruthy();
    expect(within(gl).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(card('GitHub — github.com').textContent).toContain('No token');
    const sm = card('GitLab (self-managed) — git.acme.test/gitlab');
    expect(within(sm).queryByText('Built-in')).toBeNull();
    expect(within(sm).getByRole('button', { name: 'Remove git.acme.test/gitlab' })).toBeTruthy();
  });

  it('shows a failure to load and retries', async () => {
    answers.listConnections = () => ({ ok: false, error: { kind: 'unknown', message: 'The background did not answer' } });
    render(<Options />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The background did not answer');
    answers.listConnections = () => ({ ok: true, data: [gitlabCom] });
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('article', { name: 'GitLab — gitlab.com' })).toBeTruthy();
  });
});

describe('Options: test connection', () => {
  it('shows who the token belongs to and each problem', async () => {
    answers.testConnection = () => ({
      ok: true,
      data: {
        user: { id: 1, username: 'ada', name: 'Ada Lovelace', avatarUrl: null, webUrl: null },
        problems: ['The token has no api scope.'],
      },
    });
    await renderOptions();
    const gl = card('GitLab — gitlab.com');
    await userEvent.click(within(gl).getByRole('button', { name: 'Test connection to gitlab.com' }));
    expect((await within(gl).findByRole('status')).textContent).toContain('Connected as Ada Lovelace (@ada)');
    expect(within(gl).getByRole('list', { name: 'Problems' }).textContent).toBe('The token has no api scope.');
    expect(callMock).toHaveBeenCalledWith('testConnection', { id: 'gitlab.com' });
  });

  it('shows a refused token as an error', async () => {
    answers.testConnection = () => ({ ok: false, error: { kind: 'auth', message: '401' } });
    await renderOptions();
    const gh = card('GitHub — github.com');
    await userEvent.click(within(gh).getByRole('button', { name: /Test connection/ }));
    expect((await within(gh).findByRole('alert')).textContent).toContain('The token was refused');
  });
});

describe('Options: set token', () => {
  it('sends the token once and never shows it again', async () => {
    const save = vi.fn(() => ({ ok: true, data: { ...githubCom, hasToken: true, tokenHint: 'WXYZ' } }) as Answer);
    answers.saveConnection = save;
    await renderOptions();
    const gh = card('GitHub — github.com');
    await userEvent.click(within(gh).getByRole('button', { name: 'Set token for github.com' }));
    const input = within(gh).getByLabelText('Token for github.com') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(within(gh).getByRole('link', { name: 'Create a GitHub token' }).getAttribute('href')).toBe(
      'https://github.com/settings/personal-access-tokens/new',
    );
    await userEvent.type(input, 'github_pat_secretWXYZ');
    await userEvent.click(within(gh).getByRole('button', { name: 'Save token' }));
    expect(await within(gh).findByText('Token saved.')).toBeTruthy();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ id: 'github.com', kind: 'github', baseUrl: 'https://github.com', token: 'github_pat_secretWXYZ' });
    expect(within(gh).queryByLabelText('Token for github.com')).toBeNull();
    expect(gh.textContent).toContain('•••• WXYZ');
    expect(document.body.innerHTML).not.toContain('secret');
    // Built-in hosts are granted in the manifest: no permission prompt.
    expect(request).not.toHaveBeenCalled();
  });

  it('keeps what was typed when saving fails', async () => {
    answers.saveConnection = () => ({ ok: false, error: { kind: 'network', message: 'offline' } });
    await renderOptions();
    const gl = card('GitLab — gitlab.com');
    await userEvent.click(within(gl).getByRole('button', { name: /Set token/ }));
    const input = within(gl).getByLabelText('Token for gitlab.com') as HTMLInputElement;
    await userEvent.type(input, 'glpat-123');
    await userEvent.click(within(gl).getByRole('button', { name: 'Save token' }));
    expect((await within(gl).findByRole('alert')).textContent).toContain('The token was not saved');
    expect((within(gl).getByLabelText('Token for gitlab.com') as HTMLInputElement).value).toBe('glpat-123');
  });

  it('asks for the host permission again for a self-managed host', async () => {
    answers.saveConnection = () => ({ ok: true, data: selfManaged });
    await renderOptions();
    const sm = card('GitLab (self-managed) — git.acme.test/gitlab');
    await userEvent.click(within(sm).getByRole('button', { name: /Set token/ }));
    expect(within(sm).getByRole('link', { name: 'Create a GitLab token' }).getAttribute('href')).toBe(
      'https://git.acme.test/gitlab/-/user_settings/personal_access_tokens?name=Refinery&scopes=api',
    );
    await userEvent.type(within(sm).getByLabelText(/Token for/), 'glpat-1');
    await userEvent.click(within(sm).getByRole('button', { name: 'Save token' }));
    await within(sm).findByText('Token saved.');
    expect(request).toHaveBeenCalledWith({ origins: ['https://git.acme.test/*'] });
  });
});

describe('Options: remove', () => {
  it('removes a self-managed host after confirmation and gives back its permission', async () => {
    answers.removeConnection = () => ({ ok: true, data: { removed: true } });
    await renderOptions();
    const sm = card('GitLab (self-managed) — git.acme.test/gitlab');
    await userEvent.click(within(sm).getByRole('button', { name: 'Remove git.acme.test/gitlab' }));
    expect(callMock).not.toHaveBeenCalledWith('removeConnection', expect.anything());
    await userEvent.click(within(sm).getByRole('button', { name: 'Remove connection' }));
    expect(callMock).toHaveBeenCalledWith('removeConnection', { id: 'sm1' });
    expect(screen.queryByRole('article', { name: /git.acme.test/ })).toBeNull();
    expect(removePermission).toHaveBeenCalledWith({ origins: ['https://git.acme.test/*'] });
  });
});

describe('Options: add a self-managed host', () => {
  const form = () => screen.getByRole('form', { name: 'Add a self-managed host' });

  it('explains a bad address and neither asks for permission nor saves', async () => {
    await renderOptions();
    await userEvent.type(within(form()).getByLabelText('Server address'), 'gitlab.acme.test');
    await userEvent.click(within(form()).getByRole('button', { name: 'Add host' }));
    expect(within(form()).getByRole('alert').textContent).toContain('Start the address with https://');
    expect(within(form()).getByLabelText('Server address').getAttribute('aria-invalid')).toBe('true');
    expect(request).not.toHaveBeenCalled();
    expect(callMock).not.toHaveBeenCalledWith('saveConnection', expect.anything());
  });

  it('saves nothing when the permission is refused, keeping what was typed', async () => {
    request.mockResolvedValueOnce(false);
    await renderOptions();
    await userEvent.type(within(form()).getByLabelText('Server address'), 'https://gitlab.acme.test:8443/');
    await userEvent.type(within(form()).getByLabelText(/Personal access token/), 'glpat-abc');
    await userEvent.click(within(form()).getByRole('button', { name: 'Add host' }));
    expect((await within(form()).findByRole('alert')).textContent).toContain('was refused, so nothing was saved');
    expect(request).toHaveBeenCalledWith({ origins: ['https://gitlab.acme.test/*'] });
    expect(callMock).not.toHaveBeenCalledWith('saveConnection', expect.anything());
    expect((within(form()).getByLabelText('Server address') as HTMLInputElement).value).toBe('https://gitlab.acme.test:8443/');
    expect((within(form()).getByLabelText(/Personal access token/) as HTMLInputElement).value).toBe('glpat-abc');
  });

  it('asks for the permission first, then saves and lists the new host', async () => {
    const added: ConnectionInfo = { id: 'new', kind: 'github', baseUrl: 'https://ghe.acme.test', hasToken: true, tokenHint: '7777', builtIn: false };
    const save = vi.fn(() => ({ ok: true, data: added }) as Answer);
    answers.saveConnection = save;
    await renderOptions();
    await userEvent.click(within(form()).getByRole('radio', { name: 'GitHub Enterprise' }));
    await userEvent.type(within(form()).getByLabelText('Server address'), 'https://ghe.acme.test/');
    expect(within(form()).getByRole('link', { name: 'Create a GitHub token' }).getAttribute('href')).toBe(
      'https://ghe.acme.test/settings/personal-access-tokens/new',
    );
    await userEvent.type(within(form()).getByLabelText(/Personal access token/), ' ghp_7777 ');
    await userEvent.click(within(form()).getByRole('button', { name: 'Add host' }));
    expect(await screen.findByRole('article', { name: 'GitHub Enterprise — ghe.acme.test' })).toBeTruthy();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ kind: 'github', baseUrl: 'https://ghe.acme.test', token: 'ghp_7777' });
    const saveOrder = callMock.mock.invocationCallOrder[callMock.mock.calls.findIndex(([m]) => m === 'saveConnection')] as number;
    expect(request.mock.invocationCallOrder[0]).toBeLessThan(saveOrder);
    expect(within(form()).getByRole('status').textContent).toBe('Added ghe.acme.test.');
    expect((within(form()).getByLabelText('Server address') as HTMLInputElement).value).toBe('');
  });

  it('keeps what was typed when the background refuses', async () => {
    answers.saveConnection = () => ({ ok: false, error: { kind: 'invalid', message: 'Refused before sending: bad url' } });
    await renderOptions();
    await userEvent.type(within(form()).getByLabelText('Server address'), 'https://gitlab.acme.test');
    await userEvent.click(within(form()).getByRole('button', { name: 'Add host' }));
    expect((await within(form()).findByRole('alert')).textContent).toContain('gitlab.acme.test was not added: Refused before sending');
    expect((within(form()).getByLabelText('Server address') as HTMLInputElement).value).toBe('https://gitlab.acme.test');
  });

  it('refuses a host that is already in the list', async () => {
    await renderOptions();
    await userEvent.type(within(form()).getByLabelText('Server address'), 'https://git.acme.test/gitlab/');
    await userEvent.click(within(form()).getByRole('button', { name: 'Add host' }));
    expect(within(form()).getByRole('alert').textContent).toContain('already connected');
    expect(request).not.toHaveBeenCalled();
  });
});
