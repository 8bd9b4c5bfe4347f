import { beforeEach, describe, expect, it, vi } from 'vitest';

type Registered = { id: string; js?: string[]; matches?: string[] };
const state = vi.hoisted(() => ({ registered: [] as Registered[], granted: new Set<string>() }));
vi.mock('wxt/browser', () => ({
  browser: {
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)) },
    scripting: {
      getRegisteredContentScripts: async () => state.registered.map((r) => ({ ...r })),
      registerContentScripts: vi.fn(async (scripts: Registered[]) => {
        state.registered.push(...scripts.map(({ id, js, matches }) => ({ id, js, matches })));
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((r) => !ids.includes(r.id));
      }),
    },
  },
}));
const { syncContentScripts, scriptIdFor } = await import('./registration');
const { browser } = await import('wxt/browser');

const selfManaged = { id: 'gl-acme', kind: 'gitlab' as const, baseUrl: 'https://gitlab.acme.test/gitlab' };

beforeEach(() => {
  state.registered = [];
  state.granted = new Set(['https://gitlab.acme.test/*']);
  vi.mocked(browser.scripting.registerContentScripts).mockClear();
  vi.mocked(browser.scripting.unregisterContentScripts).mockClear();
});

describe('syncContentScripts', () => {
  it('registers only the small content script for a self-managed host (it imports the UI module itself)', async () => {
    await syncContentScripts([selfManaged]);
    expect(state.registered).toEqual([
      { id: scriptIdFor('gitlab', selfManaged.baseUrl), js: ['content-scripts/gitlab.js'], matches: ['https://gitlab.acme.test/gitlab/*'] },
    ]);
  });

  it('replaces a registration an older version left (other files), and leaves a current one alone', async () => {
    const id = scriptIdFor('gitlab', selfManaged.baseUrl);
    state.registered = [{ id, js: ['content-ui.js', 'content-scripts/gitlab.js'], matches: ['https://gitlab.acme.test/gitlab/*'] }];
    await syncContentScripts([selfManaged]);
    expect(browser.scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: [id] });
    expect(state.registered).toEqual([{ id, js: ['content-scripts/gitlab.js'], matches: ['https://gitlab.acme.test/gitlab/*'] }]);

    vi.mocked(browser.scripting.registerContentScripts).mockClear();
    await syncContentScripts([selfManaged]);
    expect(browser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('registers nothing without the host permission, and drops what it had', async () => {
    const id = scriptIdFor('gitlab', selfManaged.baseUrl);
    state.registered = [{ id, js: ['content-scripts/gitlab.js'], matches: ['https://gitlab.acme.test/gitlab/*'] }];
    state.granted.clear();
    await syncContentScripts([selfManaged]);
    expect(state.registered).toEqual([]);
  });
});

describe('serialSync', () => {
  it('never runs two syncs at once, and a call during a run gets one more run with the newest connections', async () => {
    const { serialSync } = await import('./registration');
    let list = ['a'];
    const seen: string[][] = [];
    let active = 0;
    let most = 0;
    const sync = async (c: { id: string; kind: 'gitlab' | 'github'; baseUrl: string }[]) => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(c.map((x) => x.id));
      active--;
    };
    const run = serialSync(async () => list.map((id) => ({ id, kind: 'gitlab' as const, baseUrl: `https://${id}.example` })), sync);
    const first = run();
    list = ['a', 'b'];
    const second = run();
    const third = run();
    await Promise.all([first, second, third]);
    expect(most).toBe(1);
    expect(seen).toEqual([['a'], ['a', 'b']]);
  });
});
