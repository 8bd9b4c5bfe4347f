// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { call, type CapacityReport, type ConnectionInfo } from '@/lib/messaging';
import { saveListSettings } from '@/lib/settings/lists';
import { Capacity } from './Capacity';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const GITHUB: ConnectionInfo = { id: 'gh', kind: 'github', baseUrl: 'https://github.com', hasToken: true, tokenHint: 'abcd', builtIn: true };
const GITLAB: ConnectionInfo = { id: 'gl', kind: 'gitlab', baseUrl: 'https://gitlab.com', hasToken: true, tokenHint: 'efgh', builtIn: true };

const ref = (iid: number) => ({ forge: 'github' as const, baseUrl: 'https://github.com', container: 'project' as const, path: 'acme/widgets', iid, kind: 'issue' as const });
const REPORT: CapacityReport = {
  milestones: ['18.1'],
  people: [
    { username: 'alice', me: true, total: 13, count: 4, unweighted: [], truncated: false, error: null },
    { username: 'erin', me: false, total: 6, count: 3, unweighted: [{ ref: ref(4), title: 'Show the rules', webUrl: 'https://github.com/acme/widgets/issues/4' }], truncated: false, error: null },
    { username: 'zed', me: false, total: 0, count: 0, unweighted: [], truncated: false, error: { kind: 'invalid', message: 'The listed users cannot be searched.' } },
  ],
};

beforeEach(async () => {
  fakeBrowser.reset();
  callMock.mockReset();
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ url: 'https://github.com/acme/widgets/issues/3' }]) as never);
  await saveListSettings({ quietChip: false, myAvailability: 100, team: [{ username: 'erin', availability: 80 }, { username: 'zed', availability: 50 }] });
});
afterEach(cleanup);

describe('Capacity', () => {
  it('asks for you and the team, in the repository of the tab, when asked', async () => {
    callMock.mockResolvedValue({ ok: true, data: REPORT });
    render(<Capacity connections={[GITLAB, GITHUB]} />);
    // Nothing is read until the user asks.
    expect(callMock).not.toHaveBeenCalled();
    await vi.waitFor(() => expect((screen.getByRole('combobox', { name: 'Forge' }) as HTMLSelectElement).value).toBe('gh'));
    await userEvent.click(screen.getByRole('button', { name: 'Show capacity' }));
    expect(callMock).toHaveBeenCalledWith('capacity', {
      forge: 'github',
      baseUrl: 'https://github.com',
      container: { kind: 'project', path: 'acme/widgets' },
      usernames: ['erin', 'zed'],
      includeMe: true,
      milestone: null,
    });
    const people = await screen.findByRole('list', { name: 'Capacity per person' });
    const alice = within(people).getByRole('listitem', { name: 'alice (you)' });
    expect(alice.textContent).toContain('13 of 10');
    expect(alice.textContent).toContain('Over budget');
    // erin is 80% available: a budget of 8.
    const erin = within(people).getByRole('listitem', { name: 'erin' });
    expect(erin.textContent).toContain('6 of 8');
    expect(erin.textContent).toContain('Within budget');
    const link = within(within(erin).getByRole('list', { name: 'Issues of erin without weight' })).getByRole('link', { name: 'acme/widgets#4' });
    expect(link.getAttribute('href')).toBe('https://github.com/acme/widgets/issues/4');
    expect(within(people).getByRole('listitem', { name: 'zed' }).textContent).toContain('The listed users cannot be searched.');
    expect(screen.getByText(/18\.1 · acme\/widgets/)).toBeTruthy();
  });

  it('passes a milestone title typed in, and says when the read fails', async () => {
    callMock.mockResolvedValue({ ok: false, error: { kind: 'invalid', message: 'GitHub has no current milestone outside a repository.' } });
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => []) as never);
    render(<Capacity connections={[GITHUB]} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Milestone' }), 'Sprint 9');
    await userEvent.click(screen.getByRole('button', { name: 'Show capacity' }));
    expect(callMock).toHaveBeenCalledWith('capacity', expect.objectContaining({ container: null, milestone: 'Sprint 9' }));
    expect((await screen.findByRole('alert')).textContent).toContain('GitHub has no current milestone outside a repository.');
  });

  it('shows nothing without a connection that has a token', () => {
    const { container } = render(<Capacity connections={[{ ...GITHUB, hasToken: false }]} />);
    expect(container.textContent).toBe('');
  });
});
