// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings } from '@/lib/handbook/settings';
import { DEFAULT_STATUS_TEMPLATE } from '@/lib/handbook/status/status-template';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { SettingsForm } from './SettingsForm';

vi.mock('@/lib/settings/store', () => ({ loadSettings: vi.fn(), saveSettings: vi.fn(), watchSettings: vi.fn() }));
const load = vi.mocked(loadSettings);
const save = vi.mocked(saveSettings);

beforeEach(() => {
  load.mockReset();
  save.mockReset();
  load.mockResolvedValue(mergeSettings());
  save.mockResolvedValue(undefined);
});
afterEach(cleanup);

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement | HTMLTextAreaElement;
async function retype(name: string, value: string) {
  await userEvent.clear(box(name));
  if (value) await userEvent.type(box(name), value.replace(/[{[]/g, (c) => c + c));
}

describe('status update settings in the handbook settings form', () => {
  it("shows the handbook's defaults, template included", async () => {
    render(<SettingsForm />);
    await screen.findByRole('form', { name: 'Handbook settings' });
    expect(box('Working days without an update before an issue is flagged').value).toBe('2');
    expect(box('Stages that expect updates').value).toBe('in dev, in review');
    expect(box('Epic label (GitHub)').value).toBe('epic');
    expect(box('One merge request line').value).toBe(DEFAULT_STATUS_TEMPLATE.change);
  });

  it('saves the limits and stages; an untouched template stays the default', async () => {
    render(<SettingsForm />);
    await screen.findByRole('form', { name: 'Handbook settings' });
    await retype('Working days without an update before an issue is flagged', '3');
    await retype('Stages that expect updates', 'in dev, in review, verification');
    await retype('Epic label (GitHub)', 'type::epic');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].statusUpdates).toEqual({ template: {}, maxWorkingDays: 3, developmentStages: ['in dev', 'in review', 'verification'], epicLabel: 'type::epic' });
  });

  it('a template losing what the user types is refused next to its field; a usable one is saved', async () => {
    render(<SettingsForm />);
    await screen.findByRole('form', { name: 'Handbook settings' });
    await userEvent.click(screen.getByText('Comment template'));
    await retype('One merge request line', '{{reference}}: {{complete}}% done');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).not.toHaveBeenCalled();
    expect(box('One merge request line').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/must contain \{\{confidence\}\}/)).toBeTruthy();
    await retype('One merge request line', '{{reference}}: {{complete}}% done, {{confidence}}% sure[[ ({{note}})]]');
    await retype('Working days without an update before an issue is flagged', '99');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a whole number of working days from 0 to 60.')).toBeTruthy();
    await retype('Working days without an update before an issue is flagged', '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save.mock.calls[0]![0].statusUpdates.template).toEqual({ change: '{{reference}}: {{complete}}% done, {{confidence}}% sure[[ ({{note}})]]' });
  });
});

describe('stored status update settings', () => {
  it('fall back to the defaults field by field', () => {
    const parsed = parseSettings({ statusUpdates: { maxWorkingDays: -4, epicLabel: 'initiative', template: { change: 'no placeholders' } } });
    expect(parsed.statusUpdates).toEqual({ ...DEFAULT_SETTINGS.statusUpdates, epicLabel: 'initiative' });
  });
});
