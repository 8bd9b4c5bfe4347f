// zod/mini (tree-shakable) with English messages. Unlike `zod`, `zod/mini` installs no locale, so every issue would
// read "Invalid input"; our validation messages reach users, so every schema module imports zod from here.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

// jitless: zod would otherwise probe `new Function`, which extension pages and isolated worlds forbid (and report as a
// CSP violation); our payloads are small, so its compiled fast path would not pay for its code either.
config({ ...en(), jitless: true });

export * from 'zod/mini';

/**
 * A schema built when first used, standing in for it everywhere (parse, compose, `.check`, `z.infer`). A zod schema
 * costs 0.5–2.5 kB of heap and every module's schemas would otherwise be built when a page loads our UI, though an
 * issue page uses a few of the protocol's methods: built eagerly they were 0.4 MB of the page's heap.
 */
export function deferred<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    ownKeys: () => Reflect.ownKeys(real()),
    // The stand-in's own (empty) target must not contradict what it reports: descriptors are reported configurable.
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

/** Builds a schema's deferred parts ahead of use, e.g. an answer's schema while the request is still under way. */
export function prepare(schema: unknown, seen = new Set<unknown>()): void {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | null)?._zod?.def;
  if (!def || seen.has(schema)) return;
  seen.add(schema);
  const shape = def.shape as Record<string, unknown> | undefined;
  const parts = [def.element, def.innerType, def.in, def.out, ...((def.options as unknown[]) ?? []), ...Object.values(shape ?? {})];
  for (const part of parts) prepare(part, seen);
}
