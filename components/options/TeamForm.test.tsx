// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadListSettings, saveListSettings } from '@/lib/settings/lists';
import { TeamForm } from './TeamForm';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const save = () => userEvent.click(screen.getByRole('button', { name: 'Save list and capacity settings' }));

describe('TeamForm', () => {
  it('saves the quiet chip, your availability and the team', async () => {
    render(<TeamForm />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Show a quiet weight chip on issues without findings' }));
    const mine = screen.getByRole('textbox', { name: 'Your availability (%)' });
    await userEvent.clear(mine);
    await userEvent.type(mine, '80');
    await userEvent.click(screen.getByRole('button', { name: 'Add team member' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Username of team member 1' }), '@erin');
    const availability = screen.getByRole('textbox', { name: 'Availability of team member 1 (%)' });
    await userEvent.clear(availability);
    await userEvent.type(availability, '50');
    await save();
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect(await loadListSettings()).toEqual({ quietChip: true, myAvailability: 80, team: [{ username: 'erin', availability: 50 }] });
  });

  it('marks what cannot be saved and keeps the draft as typed', async () => {
    await saveListSettings({ quietChip: false, myAvailability: 100, team: [{ username: 'carol', availability: 100 }] });
    render(<TeamForm />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add team member' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Username of team member 2' }), 'Carol');
    const availability = screen.getByRole('textbox', { name: 'Availability of team member 2 (%)' });
    await userEvent.clear(availability);
    await userEvent.type(availability, '140');
    await save();
    expect(screen.getByRole('status').textContent).toBe('Not saved: fix the marked fields.');
    expect(screen.getByRole('textbox', { name: 'Username of team member 2' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('This person is listed twice.')).toBeTruthy();
    expect(availability.getAttribute('aria-invalid')).toBe('true');
    expect((availability as HTMLInputElement).value).toBe('140');
    expect((await loadListSettings()).team).toEqual([{ username: 'carol', availability: 100 }]);
  });

  it('removes a team member', async () => {
    await saveListSettings({ quietChip: false, myAvailability: 100, team: [{ username: 'carol', availability: 100 }, { username: 'erin', availability: 60 }] });
    render(<TeamForm />);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove team member 1' }));
    await save();
    expect((await loadListSettings()).team).toEqual([{ username: 'erin', availability: 60 }]);
  });
});
