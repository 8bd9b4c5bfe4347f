import { describe, expect, it, vi } from 'vitest';
import * as z from './zod';

describe('deferred schemas', () => {
  it('are built on first use, once, and parse like the schema they stand for', () => {
    const build = vi.fn(() => z.object({ iid: z.number().check(z.int(), z.positive()), title: z.string() }));
    const issue = z.deferred(build);
    expect(build).not.toHaveBeenCalled();
    expect(issue.parse({ iid: 7, title: 'Spike' })).toEqual({ iid: 7, title: 'Spike' });
    const bad = issue.safeParse({ iid: -1, title: 'x' });
    expect(bad.success).toBe(false);
    expect(z.prettifyError(bad.error!)).toContain('Too small: expected number to be >0');
    expect(issue.safeParse({ iid: 1, title: 'x' }).success).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('compose with other schemas without being built until those are used', () => {
    const build = vi.fn(() => z.enum(['gitlab', 'github']));
    const kind = z.deferred(build);
    const ref = z.deferred(() => z.object({ forge: kind, iid: z._default(z.number(), 1) }));
    const union = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data: ref }), z.object({ ok: z.literal(false) })]);
    const list = z.array(z.nullable(ref));
    expect(build).not.toHaveBeenCalled();
    expect(union.parse({ ok: true, data: { forge: 'github' } })).toEqual({ ok: true, data: { forge: 'github', iid: 1 } });
    expect(list.safeParse([null, { forge: 'bitbucket' }]).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('take checks and optional wrappers like any schema', () => {
    const name = z.deferred(() => z.string().check(z.trim(), z.minLength(1)));
    const short = name.check(z.maxLength(3));
    expect(short.safeParse('  ab ').data).toBe('ab');
    expect(short.safeParse('abcd').success).toBe(false);
    expect(z.object({ n: z.optional(name) }).parse({})).toEqual({});
    expect(name instanceof z.ZodMiniString).toBe(true);
  });
});

describe('prepare', () => {
  it('builds every deferred part of a schema, nested in objects, arrays, wrappers and unions', () => {
    const built: string[] = [];
    const part = <T extends object>(name: string, build: () => T) => z.deferred(() => (built.push(name), build()));
    const user = part('user', () => z.object({ name: z.string() }));
    const issue = part('issue', () => z.object({ assignees: z.array(user), closedBy: z.nullable(user) }));
    const answer = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data: issue }), z.object({ ok: z.literal(false) })]);
    z.prepare(answer);
    expect(built).toEqual(['issue', 'user']);
    expect(answer.parse({ ok: true, data: { assignees: [{ name: 'a' }], closedBy: null } })).toBeTruthy();
    expect(built).toEqual(['issue', 'user']);
  });
});
