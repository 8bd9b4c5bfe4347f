import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, IMPLEMENTATION_PLAN_TEMPLATE } from '@/lib/handbook/templates/templates';
import { fieldErrors, isEdited, mergeImported, newTemplateId, removeTemplate, saveEdit } from './templateEdits';

const own = { id: 'release-note', title: 'Release note', body: 'What changed.' };
const plan = { id: 'implementation-plan', title: 'Plan', body: '### Plan' };

describe('template edits', () => {
  it('stores an edit of a built-in under its id, and drops it when it is the handbook text again', () => {
    const edited = saveEdit([own], plan);
    expect(edited).toEqual([own, plan]);
    expect(isEdited(edited, 'implementation-plan')).toBe(true);
    expect(isEdited(edited, 'release-note')).toBe(false);
    const back = saveEdit(edited, { id: 'implementation-plan', title: 'Implementation plan', body: IMPLEMENTATION_PLAN_TEMPLATE });
    expect(back).toEqual([own]);
  });

  it('replaces an edited template in place', () => {
    expect(saveEdit([plan, own], { ...own, body: 'New text' })).toEqual([plan, { ...own, body: 'New text' }]);
  });

  it('removes a template (a reset for built-ins)', () => {
    expect(removeTemplate([plan, own], 'Implementation-Plan')).toEqual([own]);
  });

  it('makes a free id from a title', () => {
    const taken = [...DEFAULT_TEMPLATES.map((t) => t.id), 'release-note'];
    expect(newTemplateId('Release note', taken)).toBe('release-note-2');
    expect(newTemplateId('Défi: ¿qué?', taken)).toBe('defi-que');
    expect(newTemplateId('!!!', taken)).toBe('template');
  });

  it('says what is wrong per field', () => {
    expect(fieldErrors({ id: 'x', title: ' ', body: '  ' })).toEqual({ title: 'The title is empty.', body: 'The text is empty.' });
    expect(fieldErrors(own)).toEqual({});
  });

  it('imports: same ids replace, new ones are added', () => {
    const r = mergeImported([own, plan], [{ ...own, body: 'Imported' }, { id: 'demo-script', title: 'Demo', body: 'Steps' }]);
    expect(r.list.map((t) => t.body)).toEqual(['Imported', '### Plan', 'Steps']);
    expect([r.replaced, r.added]).toEqual([1, 1]);
  });
});
