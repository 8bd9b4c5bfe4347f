// The content side of the protocol: what call() makes of the background's answers, whatever they are.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const wire = vi.hoisted(() => ({
  answer: (() => undefined) as (type: string, data: unknown) => unknown,
  sent: [] as string[],
}));
vi.mock('@webext-core/messaging', () => ({
  defineExtensionMessaging: () => ({
    sendMessage: async (type: string, data: unknown) => {
      wire.sent.push(type);
      return wire.answer(type, data);
    },
    onMessage: () => () => undefined,
  }),
}));

const { call } = await import('./messaging');

const connection = {
  id: 'gitlab.com',
  kind: 'gitlab',
  baseUrl: 'https://gitlab.com',
  hasToken: true,
  tokenHint: 'abcd',
  builtIn: true,
};
const ref = {
  forge: 'gitlab',
  baseUrl: 'https://gitlab.com',
  container: 'project',
  path: 'g/p',
  iid: 3,
  kind: 'issue',
} as const;

beforeEach(() => {
  wire.sent = [];
});

describe('call() on the content side', () => {
  it('returns a well-formed answer, without fields the protocol does not name', async () => {
    wire.answer = () => ({ ok: true, data: [{ ...connection, token: 'glpat-secret' }] });
    const r = await call('listConnections', {});
    expect(r).toEqual({ ok: true, data: [connection] });
    expect(JSON.stringify(r)).not.toContain('glpat-secret');
  });

  it('passes a typed error through', async () => {
    wire.answer = () => ({ ok: false, error: { kind: 'rate-limited', message: 'Slow down', retryAt: 1000 } });
    expect(await call('listConnections', {})).toEqual({
      ok: false,
      error: { kind: 'rate-limited', message: 'Slow down', retryAt: 1000 },
    });
  });

  it('turns malformed answers into an "invalid" error naming the method', async () => {
    const malformed = [
      undefined,
      'ok',
      { ok: true, data: [{ id: 1 }] }, // data of the wrong shape
      { ok: true }, // no data
      { ok: false, error: { kind: 'teapot', message: 'x' } }, // an error kind the protocol does not know
      { ok: 'yes', data: [] },
    ];
    for (const answer of malformed) {
      wire.answer = () => answer;
      expect(await call('listConnections', {}), JSON.stringify(answer)).toEqual({
        ok: false,
        error: { kind: 'invalid', message: 'The background sent a malformed answer to listConnections.' },
      });
    }
  });

  it('refuses a malformed request before sending it', async () => {
    const r = await call('getIssue', { ref: { ...ref, iid: -3 } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.kind).toBe('invalid');
    expect(!r.ok && r.error.message).toMatch(/^Refused before sending/);
    expect(wire.sent).toEqual([]);
  });

  it('reports a background that does not answer', async () => {
    wire.answer = () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    const r = await call('listConnections', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'unknown' } });
    expect(!r.ok && r.error.message).toContain('Receiving end does not exist');
  });
});
