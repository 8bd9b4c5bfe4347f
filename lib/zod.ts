// zod/mini (tree-shakable) with English messages. Unlike `zod`, `zod/mini` installs no locale, so every issue would
// read "Invalid input"; our validation messages reach users, so every schema module imports zod from here.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

type ErrorMap = NonNullable<NonNullable<Parameters<typeof config>[0]>['localeError']>;
// The English messages' tables are built on the first invalid value: a page whose data is valid never needs them.
let english: ErrorMap | undefined;
const localeError: ErrorMap = (issue) => (english ??= en().localeError!)(issue);

// jitless: zod would otherwise probe `new Function`, which extension pages and isolated worlds forbid (and report as a
// CSP violation); our payloads are small, so its compiled fast path would not pay for its code either.
config({ localeError, jitless: true });

export * from 'zod/mini';

// The stand-in's target holds its builder, then what it built; one handler serves every stand-in (a handler with its
// own closures per schema cost more heap than the ~80 schemas it defers).
const BUILD = Symbol('build');
const BUILT = Symbol('built');
interface Slot {
  [BUILD]: () => object;
  [BUILT]?: object;
}
const real = (t: Slot): object => (t[BUILT] ??= t[BUILD]());
const handler: ProxyHandler<Slot> = {
  get: (t, key) => Reflect.get(real(t), key),
  has: (t, key) => Reflect.has(real(t), key),
  set: (t, key, value) => Reflect.set(real(t), key, value),
  ownKeys: (t) => Reflect.ownKeys(real(t)),
  // The stand-in's own target must not contradict what it reports: descriptors are reported configurable.
  getOwnPropertyDescriptor: (t, key) => {
    const d = Reflect.getOwnPropertyDescriptor(real(t), key);
    return d && { ...d, configurable: true };
  },
  defineProperty: (t, key, d) => Reflect.defineProperty(real(t), key, d),
  getPrototypeOf: (t) => Reflect.getPrototypeOf(real(t)),
};

/**
 * A schema built when first used, standing in for it everywhere (parse, compose, `.check`, `z.infer`). A zod schema
 * costs 0.5–2.5 kB of heap and every module's schemas would otherwise be built when a page loads our UI, though an
 * issue page uses a few of the protocol's methods: built eagerly they were 0.4 MB of the page's heap.
 */
export function deferred<T extends object>(build: () => T): T {
  return new Proxy({ [BUILD]: build } as Slot, handler) as unknown as T;
}

/** Builds a schema's deferred parts ahead of use, e.g. an answer's schema while the request is still under way. */
export function prepare(schema: unknown, seen = new Set<unknown>()): void {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | null)?._zod?.def;
  if (!def || seen.has(schema)) return;
  seen.add(schema);
  const shape = def.shape as Record<string, unknown> | undefined;
  const parts = [
    def.element,
    def.innerType,
    def.in,
    def.out,
    ...((def.options as unknown[]) ?? []),
    ...Object.values(shape ?? {}),
  ];
  for (const part of parts) prepare(part, seen);
}
