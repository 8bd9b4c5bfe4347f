// The Plan section's read in the background: the protocol's listChildren, read-only, through the read cache (a
// second ask within a minute costs nothing; `fresh` asks again).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import type { ChildrenRead } from '../forge/children-model';
import type { Connection } from '../forge/forge';
import { createGithubForge } from '../forge/github';
import { GitlabForge } from '../forge/gitlab';
import type { IssueRef } from '../forge/model';
import { handle, type Result } from '../messaging';
import { withCache } from './cached-forge';
import { toErrorData } from './errors';
import { createHandlers } from './handlers';
import { METHOD_ACCESS } from './guard';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.reset();
  fakeBrowser.reset();
  await storage.setItem('local:connections', [
    { id: 'gl', kind: 'gitlab', baseUrl: sb.gitlab.url, token: 'sandbox-gitlab-token' },
    { id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' },
  ]);
});

describe('listChildren through the protocol', () => {
  const forges = new Map<string, ReturnType<typeof withCache>>();
  const forgeFor = (c: Connection) => {
    if (!forges.has(c.id)) forges.set(c.id, withCache(c.kind === 'gitlab' ? new GitlabForge(c) : createGithubForge(c, { retryBaseMs: 5 })));
    return forges.get(c.id)!;
  };
  const ask = async (ref: IssueRef, fresh = false) =>
    (await handle('listChildren', { ref, fresh }, { id: 'x' }, createHandlers(forgeFor), () => true, toErrorData)) as Result<ChildrenRead>;
  const epic = (): IssueRef => ({ forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'group', path: 'acme/platform', iid: 2, kind: 'epic' });

  it('answers the checked read once, then from the cache; fresh asks again; nothing is written', async () => {
    forges.clear();
    const first = await ask(epic());
    expect(first).toMatchObject({ ok: true, data: { source: 'hierarchy', requests: 1 } });
    expect((first as { data: ChildrenRead }).data.children).toHaveLength(6);
    await ask(epic());
    expect(sb.requests).toHaveLength(1);
    await ask(epic(), true);
    expect(sb.requests).toHaveLength(2);
    expect(sb.requests.every((r) => r.method === 'POST' && r.path === '/api/graphql')).toBe(true);
  });

  it('a content script may ask it about its own host only (a read)', () => {
    expect(METHOD_ACCESS.listChildren).not.toBe('pages');
    const access = METHOD_ACCESS.listChildren as (p: Record<string, unknown>) => { hosts: string[]; writes?: unknown[] };
    expect(access({ ref: epic() })).toEqual({ hosts: [sb.gitlab.url] });
  });

  it('refuses a malformed ref before any request', async () => {
    const bad = await ask({ ...epic(), path: '../x' });
    expect(bad.ok).toBe(false);
    expect(sb.requests).toHaveLength(0);
  });
});
