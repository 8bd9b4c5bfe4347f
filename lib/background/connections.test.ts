import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// A fresh browser profile per test: storage, the vault's IndexedDB, and the module's one-time move.
let connectionForUrl: typeof import('./connections').connectionForUrl;
let loadConnections: typeof import('./connections').loadConnections;
let removeConnection: typeof import('./connections').removeConnection;
let saveConnection: typeof import('./connections').saveConnection;
let toInfo: typeof import('./connections').toInfo;
beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  ({ connectionForUrl, loadConnections, removeConnection, saveConnection, toInfo } = await import('./connections'));
});

describe('connections store', () => {
  it('always has gitlab.com and github.com, without tokens at first', async () => {
    const all = await loadConnections();
    expect(all.map((c) => [c.id, c.token])).toEqual([
      ['gitlab.com', null],
      ['github.com', null],
    ]);
  });

  it('adds a self-managed host under a relative root, normalising its address', async () => {
    const saved = await saveConnection({ kind: 'gitlab', baseUrl: 'HTTPS://Git.Example.com/gitlab/', token: ' glpat-abcdefghijkl ' });
    expect(saved).toMatchObject({ baseUrl: 'https://git.example.com/gitlab', token: 'glpat-abcdefghijkl' });
    expect((await loadConnections()).map((c) => c.id)).toContain(saved.id);
  });

  it('keeps the stored token when saved again without one, and replaces it when given', async () => {
    await saveConnection({ id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: 'first-token-1234' });
    await saveConnection({ id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com' });
    expect((await loadConnections())[0]!.token).toBe('first-token-1234');
    await saveConnection({ id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: 'second-token-5678' });
    expect((await loadConnections())[0]!.token).toBe('second-token-5678');
  });

  it('describes a connection without its token: only whether one is set and its last four characters', async () => {
    const saved = await saveConnection({ kind: 'github', baseUrl: 'https://ghe.example.com', token: 'ghp_secretsecret9876' });
    const info = toInfo(saved);
    expect(JSON.stringify(info)).not.toContain('secret');
    expect(info).toMatchObject({ hasToken: true, tokenHint: '9876', builtIn: false });
  });

  it('removes self-managed hosts but never the built-ins', async () => {
    const saved = await saveConnection({ kind: 'github', baseUrl: 'https://ghe.example.com' });
    expect(await removeConnection('github.com')).toBe(false);
    expect(await removeConnection(saved.id)).toBe(true);
    expect((await loadConnections()).map((c) => c.id)).toEqual(['gitlab.com', 'github.com']);
  });

  it('finds the connection for a page, preferring the longest base path on a shared origin', async () => {
    await saveConnection({ kind: 'gitlab', baseUrl: 'https://git.example.com/gitlab' });
    const all = await loadConnections();
    expect(connectionForUrl(all, 'https://git.example.com/gitlab/g/p/-/issues/1')?.baseUrl).toBe('https://git.example.com/gitlab');
    expect(connectionForUrl(all, 'https://git.example.com/wiki/page')).toBeNull();
    expect(connectionForUrl(all, 'https://gitlab.com/g/p/-/issues/1')?.id).toBe('gitlab.com');
    expect(connectionForUrl(all, 'https://evil.example/g/p/-/issues/1')).toBeNull();
  });

  it('keeps no connection in storage.local, where content scripts can read and write', async () => {
    await saveConnection({ id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: 'glpat-abcdefghijkl' });
    await saveConnection({ kind: 'github', baseUrl: 'https://ghe.example.com', token: 'ghp_secretsecret9876' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/glpat|ghp_|ghe\.example/);
    expect((await loadConnections()).map((c) => c.token)).toEqual(['glpat-abcdefghijkl', null, 'ghp_secretsecret9876']);
  });
});

describe('moving connections of an older version out of storage.local', () => {
  const old = [
    { id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: 'glpat-old-token-1111' },
    { id: 'gitlab:https://git.corp.example', kind: 'gitlab', baseUrl: 'https://git.corp.example', token: 'glpat-old-token-2222' },
  ];

  it('moves them into the vault once and deletes the old copies', async () => {
    await fakeBrowser.storage.local.set({ connections: old });
    const all = await loadConnections();
    expect(all.map((c) => [c.id, c.token])).toEqual([
      ['gitlab.com', 'glpat-old-token-1111'],
      ['github.com', null],
      ['gitlab:https://git.corp.example', 'glpat-old-token-2222'],
    ]);
    expect(await fakeBrowser.storage.local.get('connections')).toEqual({});
  });

  it('after the move, ignores and deletes whatever appears there (a content script can write storage.local)', async () => {
    await loadConnections(); // the move, with nothing to move
    vi.resetModules(); // the background starts again (service workers do)
    const again = await import('./connections');
    const hostile = [{ id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: 'attacker' }, { id: 'x', kind: 'gitlab', baseUrl: 'https://evil.example', token: 't' }];
    await fakeBrowser.storage.local.set({ connections: hostile });
    const all = await again.loadConnections();
    expect(all.map((c) => [c.id, c.token])).toEqual([
      ['gitlab.com', null],
      ['github.com', null],
    ]);
    expect(await fakeBrowser.storage.local.get('connections')).toEqual({});
  });
});
