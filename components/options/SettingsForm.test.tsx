// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, RULE_TITLES, mergeSettings } from '@/lib/handbook/settings';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { SettingsForm } from './SettingsForm';

vi.mock('@/lib/settings/store', () => ({ loadSettings: vi.fn(), saveSettings: vi.fn(), watchSettings: vi.fn() }));
const load = vi.mocked(loadSettings);
const save = vi.mocked(saveSettings);

const stored = mergeSettings({
  scopes: { weight: 'estimate' },
  workflow: { stages: ['todo', 'refine', 'ready', 'done'], refinement: 'refine', readyForDevelopment: 'ready', complete: 'done' },
  rules: { 'security-weight': false },
});

beforeEach(() => {
  load.mockReset();
  save.mockReset();
  load.mockResolvedValue(stored);
  save.mockResolvedValue(undefined);
});
afterEach(cleanup);

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const toggle = (name: string) => screen.getByRole('switch', { name }) as HTMLInputElement;

async function renderForm() {
  render(<SettingsForm />);
  await screen.findByRole('form', { name: 'Handbook settings' });
}

async function retype(name: string, value: string) {
  await userEvent.clear(field(name));
  if (value) await userEvent.type(field(name), value);
}

describe('SettingsForm', () => {
  it('shows the stored settings: a switch per rule, the scope and label names', async () => {
    await renderForm();
    // One switch per rule, and GitLab Status's "We are migrating".
    expect(screen.getAllByRole('switch')).toHaveLength(Object.keys(RULE_TITLES).length + 1);
    expect(toggle(RULE_TITLES['security-weight']).checked).toBe(false);
    expect(toggle(RULE_TITLES['spike-weight']).checked).toBe(true);
    expect(field('Weight scope').value).toBe('estimate');
    expect(field('Backend weight scope').value).toBe('backend-weight');
    expect(field('Spike label').value).toBe('spike');
  });

  it('saves the edits, keeping the settings the form does not show', async () => {
    await renderForm();
    await userEvent.click(toggle(RULE_TITLES['spike-weight']));
    await retype('Workflow scope', 'stage');
    await retype('Security label', 'sec');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledTimes(1);
    const saved = save.mock.calls[0]![0];
    expect(saved.rules['spike-weight']).toBe(false);
    expect(saved.rules['security-weight']).toBe(false);
    expect(saved.scopes).toMatchObject({ weight: 'estimate', workflow: 'stage', type: 'type' });
    expect(saved.labels).toMatchObject({ security: 'sec', securityAliases: ['bug::vulnerability'] });
    expect(saved.workflow.stages).toEqual(['todo', 'refine', 'ready', 'done']);
    expect(screen.getByRole('status').textContent).toContain('Saved.');
  });

  it('names the GitHub weight issue field: the defaults shown, a list typed, empty for labels only', async () => {
    await renderForm();
    expect(field('GitHub weight issue field').value).toBe('Weight, Estimate, Effort, Story points');
    await retype('GitHub weight issue field', ' Story points ,, Size ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save.mock.calls[0]![0].fields.weight).toEqual(['Story points', 'Size']);
    await retype('GitHub weight issue field', '');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save.mock.calls[1]![0].fields.weight).toEqual([]);
  });

  it('GitLab Status mapping: a status name per configured stage, stored only where typed, and the migrating switch', async () => {
    await renderForm();
    const group = screen.getByRole('group', { name: 'GitLab Status mapping' });
    expect(group.querySelectorAll('input[type="text"]')).toHaveLength(4);
    // GitLab's default statuses are suggested in every field (a combobox: typed, or picked from the suggestions).
    const ready = screen.getByRole('combobox', { name: 'Status for ready' });
    const list = group.querySelector(`datalist#${CSS.escape(ready.getAttribute('list') ?? '')}`);
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual(['To do', 'In progress', 'Done', "Won't do", 'Duplicate']);
    expect(toggle('We are migrating: also write workflow:: labels').checked).toBe(false);
    await userEvent.type(ready, '  To do ');
    await userEvent.click(toggle('We are migrating: also write workflow:: labels'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save.mock.calls[0]![0].nativeStatus).toEqual({ mapping: { ready: 'To do' }, alsoWriteLabels: true });
  });

  it('refuses two scopes with the same name, marking the field and keeping the input', async () => {
    await renderForm();
    await retype('Frontend weight scope', 'Backend-Weight');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Not saved: fix the marked fields.');
    expect(field('Frontend weight scope').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Scope "Backend-Weight" is used twice')).toBeTruthy();
    expect(field('Frontend weight scope').value).toBe('Backend-Weight');
  });

  it('refuses empty names and clashes with scopes the form does not show', async () => {
    await renderForm();
    await retype('Spike label', '');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a label name.')).toBeTruthy();
    await userEvent.type(field('Spike label'), 'spike');
    await retype('Health status scope', 'type');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toContain('Scope "type" is used twice');
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps the edits and says why when storing fails', async () => {
    save.mockRejectedValueOnce(new Error('QUOTA_BYTES exceeded'));
    await renderForm();
    await retype('Weight scope', 'points');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Could not save the settings: QUOTA_BYTES exceeded');
    expect(field('Weight scope').value).toBe('points');
  });

  it("resets to the handbook's defaults", async () => {
    await renderForm();
    await userEvent.click(screen.getByRole('button', { name: "Reset to the handbook's defaults" }));
    expect(save).toHaveBeenCalledWith(DEFAULT_SETTINGS);
    expect(field('Weight scope').value).toBe('weight');
    expect(toggle(RULE_TITLES['security-weight']).checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe("Reset to the handbook's defaults and saved.");
  });

  it('shows the defaults when the stored settings cannot be read', async () => {
    load.mockRejectedValueOnce(new Error('broken'));
    await renderForm();
    expect(screen.getByText(/Could not read the stored settings/)).toBeTruthy();
    expect(field('Weight scope').value).toBe('weight');
  });
});
