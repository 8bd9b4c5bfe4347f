import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { DEFAULT_TEMPLATES } from '../handbook/templates/templates';
import { InvalidTemplatesError, loadUserTemplates, saveUserTemplates, templatesFrom, watchUserTemplates } from './templates-store';

beforeEach(() => fakeBrowser.reset());

const own = { id: 'release-note', title: 'Release note', body: 'What changed for users.' };
const planEdit = { id: 'implementation-plan', title: 'Plan', body: '### Plan\n\n- [ ] Requires ~backend' };

describe('templates store', () => {
  it('starts empty: the menu shows the handbook defaults', async () => {
    expect(await loadUserTemplates()).toEqual([]);
    expect(templatesFrom([]).map((t) => t.id)).toEqual(DEFAULT_TEMPLATES.map((t) => t.id));
  });

  it('saves and loads the team templates, merged into the defaults', async () => {
    await saveUserTemplates([planEdit, own]);
    const loaded = await loadUserTemplates();
    expect(loaded).toEqual([planEdit, own]);
    const merged = templatesFrom(loaded);
    expect(merged[0]).toEqual({ ...planEdit, builtIn: true });
    expect(merged.at(-1)).toEqual({ ...own, builtIn: false });
    expect(merged).toHaveLength(DEFAULT_TEMPLATES.length + 1);
  });

  it('refuses an invalid list and keeps what was stored', async () => {
    await saveUserTemplates([own]);
    const error = await saveUserTemplates([own, { ...own, title: 'Again' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTemplatesError);
    expect((error as InvalidTemplatesError).problems.join(' ')).toMatch(/already used/);
    await expect(saveUserTemplates([{ ...own, body: '   ' }])).rejects.toThrow(/text is empty/);
    expect(await loadUserTemplates()).toEqual([own]);
  });

  it('reads damaged storage leniently: bad entries and repeated ids are dropped, the rest kept', async () => {
    await storage.setItem('local:templates', [own, { id: 'x' }, { ...own, body: 'second copy' }, planEdit, 42]);
    expect(await loadUserTemplates()).toEqual([own, planEdit]);
    await storage.setItem('local:templates', { not: 'a list' });
    expect(await loadUserTemplates()).toEqual([]);
  });

  it('tells watchers about changes from another page', async () => {
    const seen: string[][] = [];
    const stop = watchUserTemplates((list) => seen.push(list.map((t) => t.id)));
    await saveUserTemplates([own]);
    await saveUserTemplates([]);
    stop();
    expect(seen).toEqual([['release-note'], []]);
  });
});
