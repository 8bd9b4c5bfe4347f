import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { isMigrated, markMigrated, readVault, watchVault, writeVault } from './vault';

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
    expect(await isMigrated()).toBe(false);
    await markMigrated();
    expect(await isMigrated()).toBe(true);
  });
});
