// Tokens never travel in clear text without the user's say-so: an http:// base URL is refused unless it is loopback
// or the user confirmed the risk, by the protocol's schema, when saved, and again before the token is used.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { insecureWarning, isInsecureBaseUrl, isLoopbackUrl } from '@/lib/forge/model';
import { protocol } from '@/lib/messaging';
import { loadConnections, saveConnection } from './connections';

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

describe('http:// base URLs', () => {
  it('counts loopback hosts as safe, in every spelling the URL parser accepts', () => {
    for (const url of ['http://127.0.0.1:3000', 'http://127.1', 'http://0x7f.0.0.1', 'http://127.255.0.9/gitlab', 'http://localhost:8080', 'http://LOCALHOST',
      'http://[::1]:9000', 'http://[0:0:0:0:0:0:0:1]']) {
      expect(isLoopbackUrl(url), url).toBe(true);
      expect(isInsecureBaseUrl(url), url).toBe(false);
    }
    for (const url of ['http://10.0.0.5', 'http://gitlab.example.com', 'http://127.0.0.1.nip.io', 'http://localhost.evil.com', 'http://[::2]', 'HTTP://git.corp']) {
      expect(isInsecureBaseUrl(url), url).toBe(true);
    }
    expect(isInsecureBaseUrl('https://gitlab.example.com')).toBe(false);
  });

  it('names the host and the risk in the confirmation', () => {
    expect(insecureWarning('http://git.corp:8080/gitlab')).toBe(
      'Send my token unencrypted over http:// to git.corp:8080: anyone on the network can read it',
    );
  });

  it('the protocol refuses a new http:// connection without the confirmation, and takes loopback and confirmed ones', () => {
    const save = protocol.saveConnection.request;
    expect(save.safeParse({ kind: 'gitlab', baseUrl: 'http://git.corp' }).success).toBe(false);
    expect(save.safeParse({ kind: 'gitlab', baseUrl: 'http://git.corp', allowInsecure: false }).success).toBe(false);
    expect(save.safeParse({ kind: 'gitlab', baseUrl: 'http://git.corp', allowInsecure: true }).success).toBe(true);
    expect(save.safeParse({ kind: 'gitlab', baseUrl: 'http://127.0.0.1:4000' }).success).toBe(true);
    expect(save.safeParse({ kind: 'github', baseUrl: 'https://ghe.corp' }).success).toBe(true);
  });

  it('the store refuses an http:// host without the confirmation, saving nothing', async () => {
    await expect(saveConnection({ kind: 'gitlab', baseUrl: 'http://git.corp', token: 'glpat-abcdefghijkl' })).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect((await loadConnections()).map((c) => c.baseUrl)).not.toContain('http://git.corp');
  });

  it('the store keeps loopback hosts working (the e2e sandbox is http://127.0.0.1)', async () => {
    const saved = await saveConnection({ kind: 'gitlab', baseUrl: 'http://127.0.0.1:5123', token: 'glpat-abcdefghijkl' });
    expect(saved).toMatchObject({ baseUrl: 'http://127.0.0.1:5123' });
    expect(saved.allowInsecure).toBeUndefined();
  });

  it('the store takes a confirmed http:// host, remembers the confirmation, and keeps it for a later token change', async () => {
    const saved = await saveConnection({ kind: 'gitlab', baseUrl: 'http://git.corp', token: 'glpat-abcdefghijkl', allowInsecure: true });
    expect(saved).toMatchObject({ baseUrl: 'http://git.corp', allowInsecure: true });
    const again = await saveConnection({ id: saved.id, kind: 'gitlab', baseUrl: 'http://git.corp', token: 'glpat-mnopqrstuvwx' });
    expect(again).toMatchObject({ token: 'glpat-mnopqrstuvwx', allowInsecure: true });
  });

  it('a stored http:// connection without the confirmation is never used with its token', async () => {
    // As an older version could have stored it (moved into the vault when a fresh background first reads).
    await fakeBrowser.storage.local.set({
      connections: [{ id: 'gitlab:http://git.corp', kind: 'gitlab', baseUrl: 'http://git.corp', token: 'glpat-abcdefghijkl' }],
    });
    vi.resetModules();
    const fresh = await import('./handlers');
    let used = false;
    const handlers = fresh.createHandlers(() => {
      used = true;
      throw new Error('the forge must not be built');
    });
    await expect(handlers.testConnection({ id: 'gitlab:http://git.corp' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(used).toBe(false);
  });
});
