// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://gitlab.com/acme/app/-/issues/7"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRef } from '@/lib/page';
import type { PageFeature } from './feature';
import { startContent } from './startContent';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));

let controller: AbortController;
afterEach(() => controller?.abort());

function fakeFeature() {
  const instance = { update: vi.fn(), onDomChange: vi.fn(), setTheme: vi.fn(), stop: vi.fn() };
  const feature: PageFeature = { id: 'fake', serves: (p: PageRef): p is PageRef => p.type === 'issue', start: vi.fn(() => instance) };
  return { feature, instance };
}

describe('startContent', () => {
  it('starts the feature that serves the page and tells it about DOM changes', async () => {
    const { feature, instance } = fakeFeature();
    controller = new AbortController();
    startContent('gitlab', controller.signal, [feature]);
    await vi.waitFor(() => expect(feature.start).toHaveBeenCalledTimes(1));
    document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(instance.onDomChange).toHaveBeenCalled());
  });

  it('stops the feature when in-page navigation leaves the pages it serves, and on abort', async () => {
    const { feature, instance } = fakeFeature();
    controller = new AbortController();
    startContent('gitlab', controller.signal, [feature]);
    await vi.waitFor(() => expect(feature.start).toHaveBeenCalled());
    history.pushState({}, '', '/acme/app/-/issues/8');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(instance.update).toHaveBeenCalled());
    history.pushState({}, '', '/acme/app/-/merge_requests/1');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(instance.stop).toHaveBeenCalledTimes(1));
    controller.abort();
    expect(instance.stop).toHaveBeenCalledTimes(1);
  });
});
