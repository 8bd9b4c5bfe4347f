// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '@/lib/forge/model';
import { IMPLEMENTATION_PLAN_TEMPLATE } from '@/lib/handbook/templates/templates';
import { newPlanNote, watchPostedPlan } from './watchPostedPlan';

const at = '2026-03-01T10:00:00Z';
const note = (id: number, body: string, createdAt = at, system = false): Note => ({
  id,
  body,
  createdAt,
  updatedAt: createdAt,
  system,
  author: { id: 1, username: 'alice', name: 'Alice', avatarUrl: null, webUrl: null },
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('newPlanNote', () => {
  const older = note(1, IMPLEMENTATION_PLAN_TEMPLATE, '2026-02-01T00:00:00Z');
  it('is the plan note that was not there before', () => {
    const fresh = note(3, IMPLEMENTATION_PLAN_TEMPLATE);
    expect(newPlanNote([older, note(2, 'Looks good'), fresh], new Set([1, 2]), Date.parse(at))).toBe(fresh);
    expect(newPlanNote([older, note(2, 'Looks good')], new Set([1]), Date.parse(at))).toBeNull();
  });

  it('without the earlier notes, takes plans posted around the insert, never system notes', () => {
    expect(newPlanNote([older], null, Date.parse(at))).toBeNull();
    expect(newPlanNote([note(4, IMPLEMENTATION_PLAN_TEMPLATE, at, true)], null, Date.parse(at))).toBeNull();
    expect(newPlanNote([note(5, IMPLEMENTATION_PLAN_TEMPLATE)], null, Date.parse(at))?.id).toBe(5);
  });
});

describe('watchPostedPlan', () => {
  it('reads the notes once the plan leaves the editor, until the posted plan shows up', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<textarea></textarea>';
    const t = document.querySelector('textarea')!;
    t.value = IMPLEMENTATION_PLAN_TEMPLATE;
    const answers: (Note[] | null)[] = [null, [], [note(9, IMPLEMENTATION_PLAN_TEMPLATE)]];
    const listNotes = vi.fn(async () => answers.shift() ?? []);
    const onPosted = vi.fn();
    const stop = watchPostedPlan({ editor: { kind: 'textarea', element: t }, known: new Set(), since: Date.now(), listNotes, onPosted, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(500);
    expect(listNotes).not.toHaveBeenCalled(); // still being written
    t.value = '';
    await vi.advanceTimersByTimeAsync(1000);
    expect(listNotes).toHaveBeenCalledTimes(3);
    expect(onPosted).toHaveBeenCalledWith(expect.objectContaining({ id: 9 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(listNotes).toHaveBeenCalledTimes(3);
    stop();
  });

  it('stops when told to', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<textarea></textarea>';
    const t = document.querySelector('textarea')!;
    const listNotes = vi.fn(async () => []);
    const stop = watchPostedPlan({ editor: { kind: 'textarea', element: t }, known: null, since: 0, listNotes, onPosted: vi.fn(), intervalMs: 100 });
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(listNotes).not.toHaveBeenCalled();
  });
});
