// The `qs` stand-in answers gitbeaker's two uses as `qs` does: the next page's query from a Link header, and nested
// options flattened with brackets.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from './qs';

const real = createRequire(import.meta.url)('qs/lib/index.js') as { parse(s: string): unknown; stringify(o: unknown, opts?: object): string };

describe('qs stand-in', () => {
  it.each([
    'page=2&per_page=100',
    'iids%5B%5D=1&iids%5B%5D=2&iids%5B%5D=30&per_page=100&page=3',
    'iids[]=7&state=opened&labels=workflow%3A%3Arefinement%2Cbackend',
    'not%5Blabels%5D=a&not%5Bmilestone%5D=b&scope=all&page=2',
    'id_after=5000&order_by=id&sort=asc&pagination=keyset',
    'search=a%20b%26c&in=title',
  ])('parse(%s) as qs parses it', (query) => {
    expect(parse(query)).toEqual(real.parse(query));
  });

  it.each([
    [{ customAttributes: { key: 'v', other: 'w' } }, { encode: false }],
    [{ a: 'x y', b: [1, 2], c: { d: 'e' } }, {}],
    [{ a: [1, 2] }, { arrayFormat: 'brackets' }],
  ] as const)('stringify(%j) as qs stringifies it', (obj, opts) => {
    expect(decodeURIComponent(stringify(obj, opts))).toBe(decodeURIComponent(real.stringify(obj, { arrayFormat: 'brackets', ...opts })));
  });
});
