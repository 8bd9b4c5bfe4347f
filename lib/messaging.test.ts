import { describe, expect, it } from 'vitest';
import { handle, type Handlers } from './messaging';
import { ForgeError } from './forge/errors';

const ref = { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: 'g/p', iid: 3, kind: 'issue' };
const allow = () => true;
const toError = (e: unknown) => (e instanceof ForgeError ? e.toData() : { kind: 'unknown' as const, message: String(e) });

function handlers(over: Partial<Handlers>): Handlers {
  return new Proxy(over as Handlers, {
    get: (t, k) => (t as Record<string | symbol, unknown>)[k] ?? (() => Promise.reject(new Error(`unexpected ${String(k)}`))),
  });
}

describe('protocol validation in the background', () => {
  it('refuses a weight outside the handbook table before any handler runs', async () => {
    let called = false;
    const h = handlers({ setWeight: async () => ((called = true), {} as never) });
    const r = await handle('setWeight', { ref, weight: 4 }, { id: 'x' }, h, allow, toError);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.kind).toBe('invalid');
    expect(called).toBe(false);
  });

  it('refuses malformed messages (missing ref, wrong types, non-object)', async () => {
    const h = handlers({});
    for (const bad of [undefined, 'x', 42, {}, { ref: { ...ref, iid: -1 } }, { ref: { ...ref, baseUrl: 'javascript:alert(1)' } }]) {
      const r = await handle('getIssue', bad, { id: 'x' }, h, allow, toError);
      expect(r).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    }
  });

  it('refuses senders the guard rejects without calling the handler', async () => {
    let called = false;
    const h = handlers({ listConnections: async () => ((called = true), []) });
    const r = await handle('listConnections', {}, { id: 'other' }, h, () => false, toError);
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(called).toBe(false);
  });

  it('turns thrown forge errors into typed states', async () => {
    const h = handlers({ getIssue: async () => Promise.reject(new ForgeError('auth', 'Connect / fix your token', 401)) });
    const r = await handle('getIssue', { ref }, { id: 'x' }, h, allow, toError);
    expect(r).toEqual({ ok: false, error: { kind: 'auth', message: 'Connect / fix your token', status: 401 } });
  });

  it('refuses to send a malformed answer (and never one carrying extra fields such as a token)', async () => {
    const h = handlers({
      listConnections: async () =>
        [{ id: 'a', kind: 'gitlab', baseUrl: 'https://gitlab.com', hasToken: true, tokenHint: 'abcd', builtIn: true, token: 'glpat-secret' }] as never,
    });
    const r = await handle('listConnections', {}, { id: 'x' }, h, allow, toError);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('glpat-secret');
    const bad = await handle('listConnections', {}, { id: 'x' }, handlers({ listConnections: async () => [{ id: 1 }] as never }), allow, toError);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });
});
