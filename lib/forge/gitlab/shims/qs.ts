// What @gitbeaker/core asks of `qs`, without `qs`: its dependency chain (side-channel → get-intrinsic, function-bind)
// puts `Function(…)` and `eval`-like code in the background that holds the tokens, and 6 kB gzipped. gitbeaker uses
// `parse` to read the next page's query from a Link header and `stringify` to flatten nested options; our requester
// (../requester.ts) builds its own queries. wxt.config.ts points `qs` here for the extension's build only.

type Value = string | Value[] | { [key: string]: Value };
type Obj = { [key: string]: Value };

/** `a=1&b[]=2&b[]=3&c[d]=4` → `{ a: '1', b: ['2', '3'], c: { d: '4' } }` (Rails-style brackets, as GitLab writes them). */
export function parse(query: string | undefined): Obj {
  const out: Obj = {};
  for (const [raw, value] of new URLSearchParams(query ?? '')) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(raw);
    if (!m) {
      out[raw] = value;
      continue;
    }
    const keys = [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((k) => k[1]!)];
    let node: Obj = out;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const last = i === keys.length - 1;
      const nextIsPush = keys[i + 1] === '';
      if (key === '') break; // handled by the parent as a push
      if (last) {
        const existing = node[key];
        node[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing as string, value];
        break;
      }
      if (nextIsPush && i + 1 === keys.length - 1) {
        const list = node[key];
        node[key] = Array.isArray(list) ? [...list, value] : [value];
        break;
      }
      const child = node[key];
      node = (node[key] = child && typeof child === 'object' && !Array.isArray(child) ? child : {}) as Obj;
    }
  }
  return out;
}

interface StringifyOptions {
  encode?: boolean;
  arrayFormat?: 'brackets' | 'indices';
}

/** `{ a: { b: [1, 2] } }` → `a[b][]=1&a[b][]=2` (brackets), encoded unless `encode: false`. */
export function stringify(obj: unknown, options: StringifyOptions = {}): string {
  const encode = options.encode === false ? (s: string) => s : encodeURIComponent;
  const parts: string[] = [];
  const add = (key: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((x, i) => add(options.arrayFormat === 'indices' ? `${key}[${i}]` : `${key}[]`, x));
    else if (typeof v === 'object') Object.entries(v).forEach(([k, x]) => add(`${key}[${k}]`, x));
    else parts.push(`${encode(key)}=${encode(String(v))}`);
  };
  if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) add(k, v);
  return parts.join('&');
}

export default { parse, stringify };
