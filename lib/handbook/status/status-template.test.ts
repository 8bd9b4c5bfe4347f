import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_TEMPLATE, renderTemplate, resolveTemplate, statusTemplateSchema, templateProblems } from './status-template';

describe('renderTemplate', () => {
  it('fills placeholders and leaves out lines whose placeholders are all empty', () => {
    expect(renderTemplate('Complete: {{complete}}%\nNotes: {{notes}}\nThanks!', { complete: '80', notes: '' })).toBe(
      'Complete: 80%\nThanks!',
    );
  });

  it('writes the empty text for an empty placeholder on a line that is kept', () => {
    expect(renderTemplate('{{a}}% and {{b}}%', { a: '', b: '5' }, { a: '?' })).toBe('?% and 5%');
  });

  it('leaves out optional parts whose placeholders are all empty', () => {
    const t = '{{reference}} - {{complete}}%[[ - {{title}}]][[ - {{note}}]]';
    expect(renderTemplate(t, { reference: '!1', complete: '5', title: '', note: 'merged' })).toBe('!1 - 5% - merged');
    expect(renderTemplate(t, { reference: '!1', complete: '5', title: 'docs', note: '' })).toBe('!1 - 5% - docs');
  });

  it('inserts values once: text that looks like a placeholder stays as typed', () => {
    expect(renderTemplate('Notes: {{notes}}', { notes: '{{complete}} [[x]]', complete: '1' })).toBe('Notes: {{complete}} [[x]]');
  });

  it('does not leave runs of blank lines where lines were left out', () => {
    expect(renderTemplate('{{a}}\n\n{{b}}\n\n{{c}}', { a: 'x', b: '', c: 'y' })).toBe('x\n\ny');
  });
});

describe('template checks', () => {
  it('accepts the defaults', () => {
    for (const part of ['single', 'withChanges', 'change'] as const) expect(templateProblems(part, DEFAULT_STATUS_TEMPLATE[part])).toEqual([]);
  });

  it('refuses unknown placeholders, unclosed ones and unbalanced optional parts', () => {
    expect(templateProblems('change', '{{reference}} {{complete}} {{confidence}} {{note}} {{url}}')).toEqual([
      expect.stringMatching(/^Unknown placeholder \{\{url\}\}/),
    ]);
    expect(templateProblems('change', '{{reference}} {{complete}} {{confidence}} {{note}} {{title')).toContain(
      'A placeholder is not closed: write it as {{name}}',
    );
    expect(templateProblems('change', '{{reference}} {{complete}} {{confidence}}[[ {{note}}')[0]).toMatch(/must open and close on one line/);
  });

  it('requires the merge request list in the template for updates with merge requests', () => {
    expect(templateProblems('withChanges', '{{complete}} {{confidence}} {{notes}} {{concern}}')).toEqual([
      'The template must contain {{changes}}, or what the user types there is lost',
    ]);
  });

  it('merges an override over the defaults and validates stored overrides', () => {
    const t = resolveTemplate({ change: '* {{reference}}: {{complete}}% / {{confidence}}% — {{note}}' });
    expect(t.single).toBe(DEFAULT_STATUS_TEMPLATE.single);
    expect(t.change).toBe('* {{reference}}: {{complete}}% / {{confidence}}% — {{note}}');
    expect(statusTemplateSchema.safeParse({ single: '' }).success).toBe(false);
    expect(() => resolveTemplate({ change: '{{reference}}\n{{complete}} {{confidence}} {{note}}' })).toThrow(/single line/);
  });
});
