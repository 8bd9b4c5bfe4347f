import { describe, expect, it, vi } from 'vitest';
import type { Forge } from '../forge/forge';
import type { IssueRef } from '../forge/model';
import { CACHE_TTL_MS, withCache } from './cached-forge';

const ref: IssueRef = { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: 'g/p', iid: 1, kind: 'issue' };
const other: IssueRef = { ...ref, iid: 2 };

function fakeForge() {
  let version = 0;
  const calls: string[] = [];
  const forge = {
    getIssue: vi.fn(async (r: IssueRef) => (calls.push(`getIssue ${r.iid}`), { iid: r.iid, version })),
    listNotes: vi.fn(async (r: IssueRef) => (calls.push(`listNotes ${r.iid}`), [])),
    changeLabels: vi.fn(async (r: IssueRef) => (calls.push(`changeLabels ${r.iid}`), (version += 1), { iid: r.iid, version })),
    setSplitWeight: vi.fn(async (r: IssueRef) => (calls.push(`setSplitWeight ${r.iid}`), (version += 1), { iid: r.iid, version })),
  } as unknown as Forge;
  return { forge, calls };
}

describe('the background read cache', () => {
  it('answers a repeated read within a minute without a request, and asks again after it', async () => {
    let t = 0;
    const { forge, calls } = fakeForge();
    const cached = withCache(forge, () => t);
    expect(cached.isCached('getIssue', ref)).toBe(false);
    await cached.getIssue(ref);
    await cached.getIssue(ref);
    expect(calls).toEqual(['getIssue 1']);
    expect(cached.isCached('getIssue', ref)).toBe(true);
    t += CACHE_TTL_MS + 1;
    await cached.getIssue(ref);
    expect(calls).toEqual(['getIssue 1', 'getIssue 1']);
  });

  it('shares a read that is in flight', async () => {
    const { forge, calls } = fakeForge();
    const cached = withCache(forge);
    await Promise.all([cached.listNotes(ref), cached.listNotes(ref), cached.listNotes(ref)]);
    expect(calls).toEqual(['listNotes 1']);
  });

  it('drops what it knew about an issue when we write to it, not about other issues', async () => {
    const { forge, calls } = fakeForge();
    const cached = withCache(forge);
    await cached.getIssue(ref);
    await cached.getIssue(other);
    await cached.changeLabels(ref, { add: ['x'], remove: [] });
    expect(await cached.getIssue(ref)).toMatchObject({ version: 1 });
    await cached.getIssue(other);
    expect(calls).toEqual(['getIssue 1', 'getIssue 2', 'changeLabels 1', 'getIssue 1']);
  });

  it('a split weight written to a native field is a write too: the issue is read again', async () => {
    const { forge, calls } = fakeForge();
    const cached = withCache(forge);
    await cached.getIssue(ref);
    await cached.setSplitWeight(ref, 'backend', 2);
    expect(await cached.getIssue(ref)).toMatchObject({ version: 1 });
    expect(calls).toEqual(['getIssue 1', 'setSplitWeight 1', 'getIssue 1']);
  });

  it('drops a bulk list read when we write to one of its issues (the list page reloaded must not show the old weight)', async () => {
    const calls: string[] = [];
    const forge = {
      listIssuesByNumber: vi.fn(async (refs: IssueRef[]) => (calls.push(`list ${refs.map((r) => r.iid).join(',')}`), [])),
      changeLabels: vi.fn(async () => (calls.push('changeLabels'), {})),
    } as unknown as Forge;
    const cached = withCache(forge);
    await cached.listIssuesByNumber([ref, other]);
    await cached.listIssuesByNumber([ref, other]);
    await cached.changeLabels(other, { add: ['weight::2'], remove: [] });
    await cached.listIssuesByNumber([ref, other]);
    expect(calls).toEqual(['list 1,2', 'changeLabels', 'list 1,2']);
  });

  it('forgets on request (the page says the issue changed) and never keeps a failure', async () => {
    const { forge, calls } = fakeForge();
    const cached = withCache(forge);
    await cached.getIssue(ref);
    cached.invalidate(ref);
    await cached.getIssue(ref);
    expect(calls).toHaveLength(2);
    (forge.getIssue as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('500'));
    cached.invalidate(ref);
    await expect(cached.getIssue(ref)).rejects.toThrow('500');
    await cached.getIssue(ref);
    expect(calls).toHaveLength(3);
  });

  it("answers the project's labels and members once for all its issues, until one of them is written to", async () => {
    const calls: string[] = [];
    const forge = {
      listLabels: vi.fn(async (r: IssueRef) => (calls.push(`labels ${r.path}`), [])),
      listMembers: vi.fn(async (r: IssueRef) => (calls.push(`members ${r.path}`), [])),
      changeLabels: vi.fn(async () => (calls.push('changeLabels'), {})),
    } as unknown as Forge;
    const cached = withCache(forge);
    const elsewhere: IssueRef = { ...ref, path: 'g/q' };
    await cached.listLabels(ref);
    await cached.listLabels(other);
    await cached.listMembers(other);
    await cached.listMembers(ref);
    await cached.listLabels(elsewhere);
    expect(cached.isCached('listLabels', { ...ref, iid: 99 })).toBe(true);
    expect(calls).toEqual(['labels g/p', 'members g/p', 'labels g/q']);

    await cached.changeLabels(other, { add: ['new label'], remove: [] });
    await cached.listLabels(ref);
    await cached.listLabels(elsewhere);
    expect(calls).toEqual(['labels g/p', 'members g/p', 'labels g/q', 'changeLabels', 'labels g/p']);
  });
});
