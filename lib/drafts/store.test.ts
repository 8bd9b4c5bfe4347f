import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import type { IssueRef } from '@/lib/forge/model';
import { DRAFT_MAX_AGE_DAYS, draftKey, listDrafts, loadDraft, removeDraft, saveDraft, watchDraft } from './store';

const ref: IssueRef = { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: 'acme/platform/backend', iid: 3, kind: 'issue' };
const status = draftKey(ref, 'status');
const form = { complete: 40, confidence: 80, notes: 'keyset pagination done, specs in progress', concern: 'backend' };

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const DAY = 86_400_000;
function travel(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
}

describe('draftKey', () => {
  it('is the same for the same issue reached through a differently written URL', () => {
    expect(draftKey({ ...ref, baseUrl: 'https://GitLab.com/', path: 'Acme/Platform/Backend' }, 'status')).toBe(status);
    expect(status).toBe('status|gitlab|https://gitlab.com|acme/platform/backend|issue|3');
  });

  it('differs per form, issue, epic and host', () => {
    const keys = [
      status,
      draftKey(ref, 'plan'),
      draftKey({ ...ref, iid: 4 }, 'status'),
      draftKey({ ...ref, container: 'group', path: 'acme', kind: 'epic' }, 'epic'),
      draftKey({ ...ref, kind: 'epic', path: 'acme' }, 'status'),
      draftKey({ ...ref, baseUrl: 'https://git.example.com/gitlab' }, 'status'),
      draftKey({ ...ref, forge: 'github', baseUrl: 'https://github.com', path: 'acme/web' }, 'status'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the draft store', () => {
  it('restores what was typed, with one update id kept across saves', async () => {
    const first = await saveDraft(status, { ...form, notes: 'keyset' });
    const second = await saveDraft(status, form);
    expect(second.updateId).toBe(first.updateId);
    expect(await loadDraft(status)).toEqual({ key: status, value: form, updatedAt: second.updatedAt, updateId: first.updateId });
    expect(await loadDraft(draftKey({ ...ref, iid: 4 }, 'status'))).toBeNull();
  });

  it('survives a restart: a freshly loaded store reads the same draft', async () => {
    const saved = await saveDraft(status, form);
    vi.resetModules();
    const again = await import('./store');
    expect(await again.loadDraft(status)).toMatchObject({ value: form, updateId: saved.updateId });
  });

  it('keeps drafts of different issues saved at the same moment (two tabs)', async () => {
    const other = draftKey({ ...ref, iid: 5 }, 'status');
    await Promise.all([saveDraft(status, form), saveDraft(other, { notes: 'other tab' })]);
    expect((await loadDraft(status))?.value).toEqual(form);
    expect((await loadDraft(other))?.value).toEqual({ notes: 'other tab' });
  });

  it('removes a draft only once posted, and only the draft that was posted', async () => {
    const posted = await saveDraft(status, form);
    expect(await removeDraft(status, 'some-other-update-id')).toBe(false);
    expect(await loadDraft(status)).not.toBeNull();
    expect(await removeDraft(status, posted.updateId)).toBe(true);
    expect(await loadDraft(status)).toBeNull();
    const next = await saveDraft(status, { notes: 'next day' });
    expect(next.updateId).not.toBe(posted.updateId);
  });

  it('applies a save and the removal after the post in the order they were asked for', async () => {
    const d = await saveDraft(status, { notes: 'a' });
    // The save's read is slow (a busy storage): the removal must still wait for it.
    const getItem = storage.getItem.bind(storage);
    vi.spyOn(storage, 'getItem').mockImplementationOnce(async (key) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return getItem(key);
    });
    const save = saveDraft(status, { notes: 'a, b' });
    const remove = removeDraft(status, d.updateId);
    expect(await Promise.all([save, remove])).toMatchObject([{ value: { notes: 'a, b' } }, true]);
    expect(await loadDraft(status)).toBeNull();
  });

  it(`forgets drafts older than ${DRAFT_MAX_AGE_DAYS} days`, async () => {
    await saveDraft(status, form);
    travel(29 * DAY);
    expect(await loadDraft(status)).not.toBeNull();
    travel(2 * DAY);
    expect(await loadDraft(status)).toBeNull();
    expect(await storage.getItem(`local:drafts:${status}`)).toBeNull();
  });

  it('lists drafts newest first, pruning expired and unreadable entries', async () => {
    const old = draftKey({ ...ref, iid: 1 }, 'status');
    await saveDraft(old, { notes: 'old' });
    travel(31 * DAY);
    await saveDraft(status, form);
    travel(60_000);
    const epic = draftKey({ ...ref, container: 'group', path: 'acme', kind: 'epic', iid: 2 }, 'epic');
    await saveDraft(epic, { status: 'so-so' });
    await storage.setItem('local:drafts:broken', 'not a draft');
    await storage.setItem('local:settings', { scopes: {} });
    expect((await listDrafts()).map((d) => d.key)).toEqual([epic, status]);
    expect(await storage.getItem(`local:drafts:${old}`)).toBeNull();
    expect(await storage.getItem('local:drafts:broken')).toBeNull();
    expect(await storage.getItem('local:settings')).not.toBeNull();
  });

  it('tells other tabs when a draft changes or goes away', async () => {
    const seen: unknown[] = [];
    const stop = watchDraft(status, (d) => seen.push(d?.value ?? null));
    const saved = await saveDraft(status, form);
    await removeDraft(status, saved.updateId);
    stop();
    await saveDraft(status, { notes: 'after stop' });
    expect(seen).toEqual([form, null]);
  });
});
