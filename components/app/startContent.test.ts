// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://gitlab.com/acme/app/-/issues/7"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRef } from '@/lib/page';
import type { PageFeature } from './feature';
import { startContent } from './startContent';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));

let controller: AbortController;
afterEach(() => controller?.abort());

function fakeFeature(serves: (p: PageRef) => boolean = (p) => p.type === 'issue') {
  const instance = { update: vi.fn(), onDomChange: vi.fn(), setTheme: vi.fn(), stop: vi.fn() };
  const feature: PageFeature = { id: 'fake', serves: (p: PageRef): p is PageRef => serves(p), start: vi.fn(() => instance) };
  return { feature, instance };
}

function navigate(path: string): void {
  history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

describe('startContent', () => {
  it('starts the feature that serves the page and tells it about DOM changes', async () => {
    const { feature, instance } = fakeFeature();
    controller = new AbortController();
    startContent('gitlab', controller.signal, null, [feature]);
    await vi.waitFor(() => expect(feature.start).toHaveBeenCalledTimes(1));
    document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(instance.onDomChange).toHaveBeenCalled());
  });

  it('stops the feature when in-page navigation leaves the pages it serves, and on abort', async () => {
    const { feature, instance } = fakeFeature();
    controller = new AbortController();
    startContent('gitlab', controller.signal, null, [feature]);
    await vi.waitFor(() => expect(feature.start).toHaveBeenCalled());
    navigate('/acme/app/-/issues/8');
    await vi.waitFor(() => expect(instance.update).toHaveBeenCalled());
    navigate('/acme/app/-/merge_requests/1');
    await vi.waitFor(() => expect(instance.stop).toHaveBeenCalledTimes(1));
    controller.abort();
    expect(instance.stop).toHaveBeenCalledTimes(1);
  });

  it('runs every feature that serves the page, each with its own instance, and stops only the one that no longer serves', async () => {
    const everyIssue = fakeFeature();
    const onlySeven = fakeFeature((p) => p.type === 'issue' && p.ref.iid === 7);
    const lists = fakeFeature((p) => p.type === 'issue-list');
    history.pushState({}, '', '/acme/app/-/issues/7');
    controller = new AbortController();
    startContent('gitlab', controller.signal, null, [everyIssue.feature, onlySeven.feature, lists.feature]);
    await vi.waitFor(() => expect(onlySeven.feature.start).toHaveBeenCalledTimes(1));
    expect(everyIssue.feature.start).toHaveBeenCalledTimes(1);
    expect(lists.feature.start).not.toHaveBeenCalled();

    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(onlySeven.instance.onDomChange).toHaveBeenCalled());
    expect(everyIssue.instance.onDomChange).toHaveBeenCalled();

    navigate('/acme/app/-/issues/8');
    await vi.waitFor(() => expect(onlySeven.instance.stop).toHaveBeenCalledTimes(1));
    expect(everyIssue.instance.update).toHaveBeenCalledWith(expect.objectContaining({ ref: expect.objectContaining({ iid: 8 }) }));
    expect(everyIssue.instance.stop).not.toHaveBeenCalled();

    navigate('/acme/app/-/issues/7');
    await vi.waitFor(() => expect(onlySeven.feature.start).toHaveBeenCalledTimes(2));
    expect(everyIssue.feature.start).toHaveBeenCalledTimes(1);

    controller.abort();
    expect(everyIssue.instance.stop).toHaveBeenCalledTimes(1);
    expect(onlySeven.instance.stop).toHaveBeenCalledTimes(2);
    expect(lists.instance.stop).not.toHaveBeenCalled();
  });
});
