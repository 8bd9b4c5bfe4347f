import { describe, expect, it, vi } from 'vitest';
import type { PageRef } from '@/lib/page';
import { deferredFeature } from './deferredFeature';
import type { FeatureInstance, PageFeature } from './feature';

const page = (path: string) => ({ type: 'issue-list', forge: 'gitlab', baseUrl: 'https://gitlab.com', path }) as unknown as PageRef;
const isAny = (p: PageRef): p is PageRef => p !== null;

function fakeFeature() {
  const instance = { update: vi.fn(), onDomChange: vi.fn(), setTheme: vi.fn(), stop: vi.fn() } satisfies FeatureInstance;
  const feature: PageFeature = { id: 'inner', serves: isAny, start: vi.fn(() => instance) };
  return { feature, instance };
}

/** A load the test resolves or rejects when it wants. */
function pending<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('deferredFeature', () => {
  it('recognises pages without loading, then starts the loaded code on the newest page with the newest theme', async () => {
    const { feature, instance } = fakeFeature();
    const load = pending<PageFeature>();
    const loader = vi.fn(() => load.promise);
    const deferred = deferredFeature('lists', isAny, loader);
    expect(deferred.serves(page('a'))).toBe(true);
    expect(loader).not.toHaveBeenCalled();

    const running = deferred.start(page('a'));
    running.update(page('b'));
    running.setTheme('dark');
    running.onDomChange();
    expect(loader).toHaveBeenCalledTimes(1);

    load.resolve(feature);
    await flush();
    expect(feature.start).toHaveBeenCalledWith(page('b'), undefined);
    expect(instance.setTheme).toHaveBeenCalledWith('dark');

    running.update(page('c'));
    running.onDomChange();
    running.stop();
    expect(instance.update).toHaveBeenCalledWith(page('c'));
    expect(instance.onDomChange).toHaveBeenCalledTimes(1);
    expect(instance.stop).toHaveBeenCalledTimes(1);
  });

  it('never starts code that arrives after the page was left', async () => {
    const { feature } = fakeFeature();
    const load = pending<PageFeature>();
    const running = deferredFeature('lists', isAny, () => load.promise).start(page('a'));
    running.stop();
    load.resolve(feature);
    await flush();
    expect(feature.start).not.toHaveBeenCalled();
  });

  it('leaves the page working and says why when the code cannot be loaded', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = pending<PageFeature>();
    const running = deferredFeature('lists', isAny, () => load.promise).start(page('a'));
    load.reject(new TypeError('Failed to fetch dynamically imported module'));
    await flush();
    expect(() => (running.update(page('b')), running.onDomChange(), running.stop())).not.toThrow();
    expect(error).toHaveBeenCalledWith('Refinery: the lists feature could not be loaded.', expect.any(TypeError));
    error.mockRestore();
  });
});
