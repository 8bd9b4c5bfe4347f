// resolveConnection is what content scripts may ask about their own page's host: it never carries any part of a token.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
});

describe('resolveConnection', () => {
  it('names the connection of a page, without the token or its last characters', async () => {
    const { saveConnection } = await import('./connections');
    const { createHandlers } = await import('./handlers');
    await saveConnection({ kind: 'gitlab', baseUrl: 'https://git.corp.example/gitlab', token: 'glpat-verysecret-7788' });
    const handlers = createHandlers(() => {
      throw new Error('no forge is needed');
    });
    const info = await handlers.resolveConnection({ url: 'https://git.corp.example/gitlab/g/p/-/issues/1' });
    expect(info).toMatchObject({ kind: 'gitlab', baseUrl: 'https://git.corp.example/gitlab', hasToken: true, tokenHint: null });
    expect(JSON.stringify(info)).not.toMatch(/7788|secret|glpat/);
  });
});
