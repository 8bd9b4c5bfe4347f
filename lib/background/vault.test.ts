import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { migrateOnce, readVault, watchVault, writeVault } from './vault';

describe('the vault (IndexedDB of the extension origin)', () => {
  it('keeps connections with their tokens, says when it was never written, and tells watchers of writes', async () => {
    expect(await readVault()).toBeNull();
    const heard = vi.fn();
    const stop = watchVault(heard);
    const list = [{ id: 'gitlab.com', kind: 'gitlab' as const, baseUrl: 'https://gitlab.com', token: 'glpat-secret-0123' }];
    await writeVault(list);
    expect(await readVault()).toEqual(list);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    stop();
  });

  it('moves an older version\'s connections in once, keeping what the vault has, never twice', async () => {
    const old = [
      { id: 'gitlab.com', kind: 'gitlab' as const, baseUrl: 'https://gitlab.com', token: 'old' },
      { id: 'x', kind: 'gitlab' as const, baseUrl: 'https://x.example', token: 'old-x' },
    ];
    expect(await migrateOnce(old)).toBe(true);
    expect((await readVault())!.map((c) => [c.id, c.token])).toEqual([
      ['gitlab.com', 'glpat-secret-0123'],
      ['x', 'old-x'],
    ]);
    expect(await migrateOnce([{ id: 'y', kind: 'gitlab', baseUrl: 'https://y.example', token: 'late' }])).toBe(false);
    expect((await readVault())!.map((c) => c.id)).toEqual(['gitlab.com', 'x']);
  });
});
