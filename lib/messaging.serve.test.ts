// The background's listener: a message whose type is not one of our methods is refused before any guard, schema or
// handler runs, including names every object inherits (constructor, toString, __proto__…).
import { describe, expect, it } from 'vitest';
import { handle, isMethod, serve, type Handlers, type MessageSource, type Sender } from './messaging';

type Listener = Parameters<MessageSource['onMessage']['addListener']>[0];

function setUp() {
  const calls: string[] = [];
  let guarded = 0;
  const handlers = new Proxy({} as Handlers, {
    get: (_t, key) => async () => {
      calls.push(String(key));
      return [];
    },
  });
  let listener: Listener | null = null;
  const source: MessageSource = {
    onMessage: {
      addListener: (l) => (listener = l),
      removeListener: () => (listener = null),
    },
  };
  const stop = serve(
    handlers,
    () => ((guarded += 1), true),
    (e) => ({ kind: 'unknown', message: String(e) }),
    source,
  );
  const send = (message: unknown, sender: Sender = { id: 'ext', url: 'chrome-extension://ext/options.html' }) =>
    new Promise<{ kept: boolean | undefined; response: unknown }>((resolve) => {
      let answered: (response: unknown) => void = () => undefined;
      const answer = new Promise<unknown>((r) => (answered = r));
      const kept = listener!(message, sender, (r) => answered(r));
      // An answer comes synchronously, or later when the listener kept the channel open; else there is none.
      void Promise.race([answer, new Promise((r) => setTimeout(() => r('no answer'), kept ? 1000 : 10))]).then((response) =>
        resolve({ kept, response }),
      );
    });
  return { calls, guarded: () => guarded, send, stop, listening: () => listener !== null };
}

const envelope = (type: unknown, data: unknown = {}) => ({ id: 1, type, data, timestamp: Date.now() });

describe('serve: messages that are not ours', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'nonexistentMethod', ''])(
    'refuses "%s" before the guard or any handler runs',
    async (type) => {
      const s = setUp();
      const { response } = await s.send(envelope(type));
      expect(response).toMatchObject({ res: { ok: false, error: { kind: 'invalid' } } });
      expect(s.calls).toEqual([]);
      expect(s.guarded()).toBe(0);
    },
  );

  it('ignores what is not our envelope at all', async () => {
    const s = setUp();
    for (const message of [null, 'listConnections', 42, { type: 'listConnections' }, { type: 7, timestamp: 1 }]) {
      const { kept, response } = await s.send(message);
      expect(kept).toBe(false);
      expect(response).toBe('no answer');
    }
    expect(s.calls).toEqual([]);
  });

  it('serves our methods, guarded, and stops listening when asked', async () => {
    const s = setUp();
    const { response } = await s.send(envelope('listConnections'));
    expect(response).toEqual({ res: { ok: true, data: [] } });
    expect(s.calls).toEqual(['listConnections']);
    expect(s.guarded()).toBe(1);
    s.stop();
    expect(s.listening()).toBe(false);
  });

  it('handle() and isMethod() know only own method names', async () => {
    expect(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 42, null].some(isMethod)).toBe(false);
    expect(isMethod('getIssue')).toBe(true);
    const s = setUp();
    const r = await handle('constructor' as never, {}, {}, new Proxy({} as Handlers, { get: () => () => s.calls.push('x') }), () => true, () => ({ kind: 'unknown', message: '' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(s.calls).toEqual([]);
  });
});
