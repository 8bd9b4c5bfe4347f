// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_TEMPLATES, IMPLEMENTATION_PLAN_TEMPLATE, exportTemplates } from '@/lib/handbook/templates/templates';
import { loadUserTemplates, saveUserTemplates } from '@/lib/settings/templates-store';
import { TemplatesOptions } from './TemplatesOptions';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const own = { id: 'release-note', title: 'Release note', body: 'What changed for users.' };

async function open() {
  render(<TemplatesOptions />);
  return screen.findByRole('list', { name: 'Templates' });
}
const item = (list: HTMLElement, title: string) =>
  within(list).getByRole('heading', { name: title }).closest('li') as HTMLElement;

async function retype(el: HTMLElement, text: string) {
  await userEvent.clear(el);
  await userEvent.click(el);
  if (text) await userEvent.paste(text);
}

describe('Templates options', () => {
  it("lists the handbook's templates, then the team's own", async () => {
    await saveUserTemplates([own]);
    const list = await open();
    const titles = within(list).getAllByRole('heading').map((h) => h.textContent);
    expect(titles).toEqual([...DEFAULT_TEMPLATES.map((t) => t.title), 'Release note']);
    expect(within(item(list, 'Release note')).getByText('Your own')).toBeTruthy();
    expect(within(item(list, 'Implementation plan')).getByText("Handbook's text")).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Delete Implementation plan' })).toBeNull();
  });

  it('edits a built-in template and resets it to the handbook text', async () => {
    const list = await open();
    await userEvent.click(within(list).getByRole('button', { name: 'Edit Implementation plan' }));
    const form = screen.getByRole('form', { name: 'Edit Implementation plan' });
    expect((within(form).getByRole('textbox', { name: 'Template text' }) as HTMLTextAreaElement).value).toBe(IMPLEMENTATION_PLAN_TEMPLATE);
    await retype(within(form).getByRole('textbox', { name: 'Template text' }), '### Our plan');
    await userEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(await loadUserTemplates()).toEqual([{ id: 'implementation-plan', title: 'Implementation plan', body: '### Our plan' }]);
    expect(screen.getByRole('status').textContent).toBe('Saved “Implementation plan”.');
    expect(within(item(list, 'Implementation plan')).getByText('Edited')).toBeTruthy();

    await userEvent.click(within(list).getByRole('button', { name: "Reset Implementation plan to the handbook's text" }));
    expect(await loadUserTemplates()).toEqual([]);
    expect(within(item(list, 'Implementation plan')).getByText("Handbook's text")).toBeTruthy();
  });

  it('adds and deletes an own template', async () => {
    const list = await open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a template' }));
    const form = screen.getByRole('form', { name: 'New template' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Release note');
    await retype(within(form).getByRole('textbox', { name: 'Template text' }), 'What changed for users.');
    await userEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(await loadUserTemplates()).toEqual([own]);
    await userEvent.click(within(item(list, 'Release note')).getByRole('button', { name: 'Delete Release note' }));
    expect(await loadUserTemplates()).toEqual([]);
    expect(within(list).queryByRole('heading', { name: 'Release note' })).toBeNull();
  });

  it('refuses an empty title or text and saves nothing', async () => {
    await open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a template' }));
    const form = screen.getByRole('form', { name: 'New template' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(within(form).getByText('The title is empty.')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Template text' }).getAttribute('aria-invalid')).toBe('true');
    expect(await loadUserTemplates()).toEqual([]);
  });

  it('exports the team templates as JSON', async () => {
    await saveUserTemplates([own]);
    await open();
    await userEvent.click(screen.getByRole('button', { name: 'Export templates' }));
    const json = (screen.getByRole('textbox', { name: 'Templates JSON' }) as HTMLTextAreaElement).value;
    expect(json).toBe(exportTemplates([own]));
    const link = screen.getByRole('link', { name: 'Download refinery-templates.json' });
    expect(decodeURIComponent(link.getAttribute('href')!.split(',')[1]!)).toBe(json);
  });

  it('imports pasted JSON, replacing templates with the same id', async () => {
    await saveUserTemplates([own]);
    const list = await open();
    const file = exportTemplates([{ ...own, body: 'Imported text' }, { id: 'demo', title: 'Demo script', body: 'Steps' }]);
    await retype(screen.getByRole('textbox', { name: 'Paste templates JSON' }), file);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await loadUserTemplates()).toEqual([{ ...own, body: 'Imported text' }, { id: 'demo', title: 'Demo script', body: 'Steps' }]);
    expect(screen.getByRole('status').textContent).toBe('Imported 2 templates (1 added, 1 replaced).');
    expect(within(list).getByRole('heading', { name: 'Demo script' })).toBeTruthy();
  });

  it('shows what is wrong with an import and saves nothing', async () => {
    await saveUserTemplates([own]);
    await open();
    const bad = JSON.stringify({ format: 'refinery-templates', version: 1, templates: [{ id: 'a', title: '', body: 'x' }, { id: 'a', title: 'B', body: 'y' }] });
    await retype(screen.getByRole('textbox', { name: 'Paste templates JSON' }), bad);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported');
    expect(alert.textContent).toContain('Template 1, title: the title is empty.');
    expect(alert.textContent).toContain('already used by template 1');
    expect(await loadUserTemplates()).toEqual([own]);
  });

  it('imports a file', async () => {
    await open();
    const input = screen.getByLabelText('Import from a file') as HTMLInputElement;
    const file = new File([exportTemplates([own])], 'templates.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('Imported 1 template (1 added).')).toBeTruthy();
    expect(await loadUserTemplates()).toEqual([own]);
  });
});
