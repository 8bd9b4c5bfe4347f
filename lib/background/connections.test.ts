import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionForUrl, loadConnections, removeConnection, saveConnection, toInfo } from './connections';

beforeEach(() => fakeBrowser.reset());

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
});
