// @vitest-environment happy-dom
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '@/lib/messaging';
import type { IssuePage } from '@/lib/page';
import type { FeatureInstance } from '../app/feature';
import { gitlabRef, makeView } from './fixtures';
import { panelFeature } from './panelFeature';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
// The panel with its Weights section only: every other section has its own tests and its own calls.
vi.mock('./sections', async () => {
  const { WeightSection } = await import('@/components/weights/WeightSection');
  return { PANEL_SECTIONS: [{ id: 'weight', Component: WeightSection }] };
});
const callMock = vi.mocked(call);
callMock.mockImplementation((async (m: string, p: { ref: { iid: number } }) =>
  m === 'getIssue'
    ? { ok: true, data: makeView({ labels: [`weight::${p.ref.iid === 7 ? 1 : 3}`] }, {}, { ...gitlabRef, iid: p.ref.iid }) }
    : { ok: true, data: [] }) as never);

const pageFor = (iid: number): IssuePage =>
  ({ type: 'issue', forge: 'gitlab', baseUrl: gitlabRef.baseUrl, variant: 'issue', ref: { ...gitlabRef, iid } }) as IssuePage;

let instance: FeatureInstance<IssuePage> | undefined;
// The full panel is a chunk of its own, imported when first wanted: loaded once here, so that a start's import only
// resolves from the module cache (the tests count turns, not transform time).
beforeAll(async () => {
  await import('./PanelContainer');
});
afterEach(() => {
  act(() => instance?.stop());
  instance = undefined;
  callMock.mockClear();
  document.body.innerHTML = '';
  fakeBrowser.reset();
});

/** Starts the feature and lets it read the stored layout (one storage read) and mount. */
async function start(page: IssuePage, board?: Parameters<typeof panelFeature.start>[1]) {
  await act(async () => {
    instance = panelFeature.start(page, board);
  });
  // The full panel's chunk (a dynamic import) and the first render after it.
  await act(() => new Promise((r) => setTimeout(r, 0)));
}

const host = () => document.querySelector<HTMLElement>('[data-refinery="panel"]');
const region = () => within(host()!.shadowRoot as unknown as HTMLElement).getByRole('region', { name: 'Refinery' });

describe('the panel feature with the panel layout (the earlier one)', () => {
  beforeEach(() => fakeBrowser.storage.local.set({ layout: { layout: 'panel' } }));

  it('docked (no anchor on the page): its header says so, and the diagnosis names the anchors it tried', async () => {
    const { createDiagnosisBoard } = await import('@/lib/diagnostics/board');
    const board = createDiagnosisBoard('gitlab', document, { status: 'recognised', page: 'issue (issue)' }, 'built-in');
    {
      document.body.innerHTML = '<div class="something-new">A page GitLab redesigned</div>';
      await start(pageFor(7), board);
      expect(host()!.hasAttribute('data-docked')).toBe(true);
      const shadow = within(host()!.shadowRoot as unknown as HTMLElement);
      expect(shadow.getByRole('note').textContent).toBe(
        'Refinery could not find its usual place on this page, so it is docked here. The toolbar popup says what it looked for.',
      );
      const report = board.snapshot().features;
      expect(report).toHaveLength(1); // the "panel" layout: no sidebar section to report on
      expect(report[0]).toMatchObject({ feature: 'panel', placed: 'docked' });
      expect(report[0]!.anchors.length).toBeGreaterThan(3);
      expect(report[0]!.anchors.every((a) => !a.found)).toBe(true);
      act(() => instance!.stop());
      instance = undefined;
      expect(board.snapshot().features).toEqual([]);
    }
  });

  it('mounts after the description in an open shadow root and follows in-page navigation in place', async () => {
    document.body.innerHTML = '<div data-testid="work-item-description-wrapper">Description</div>';
    await start(pageFor(7));
    expect(host()!.previousElementSibling?.getAttribute('data-testid')).toBe('work-item-description-wrapper');
    expect(region().textContent).toContain('1 (from label weight::1)');
    const first = host();
    await act(async () => instance!.update(pageFor(8)));
    expect(host()).toBe(first);
    expect(region().textContent).toContain('3 (from label weight::3)');
    expect(document.querySelectorAll('[data-refinery="panel"]')).toHaveLength(1);
  });

  it('shows a loading state until the issue is in, then renders it once, with one request', async () => {
    document.body.innerHTML = '<div data-testid="work-item-description-wrapper">Description</div>';
    let answer!: (v: unknown) => void;
    callMock.mockImplementationOnce((() => new Promise((r) => (answer = r))) as never);
    await act(async () => {
      instance = panelFeature.start(pageFor(7));
    });
    await waitFor(() => expect(region().getAttribute('data-state')).toBe('loading'));
    expect(within(region()).getByRole('status').textContent).toBe('Loading issue…');
    await act(async () => answer({ ok: true, data: makeView({ labels: ['weight::5'] }) }));
    expect(region().getAttribute('data-state')).toBe('ready');
    expect(region().textContent).toContain('5 (from label weight::5)');
    expect(region().textContent).not.toContain('Loading issue…');
    expect(host()!.shadowRoot!.querySelectorAll('section.refinery-panel')).toHaveLength(1);
    expect(callMock.mock.calls.filter(([m]) => m === 'getIssue')).toHaveLength(1);
  });

  it('loads the issue navigated to while the first one was still loading, and shows only that one', async () => {
    document.body.innerHTML = '<div data-testid="work-item-description-wrapper">Description</div>';
    let first!: (v: unknown) => void;
    callMock.mockImplementationOnce((() => new Promise((r) => (first = r))) as never);
    await act(async () => {
      instance = panelFeature.start(pageFor(7));
    });
    await waitFor(() => expect(host()).not.toBeNull());
    await act(async () => instance!.update(pageFor(8)));
    expect(region().textContent).toContain('3 (from label weight::3)');
    await act(async () => first({ ok: true, data: makeView({ labels: ['weight::1'] }) }));
    expect(region().textContent).toContain('3 (from label weight::3)');
    expect(region().textContent).not.toContain('weight::1');
  });

  it('docks when the page has no anchor, and moves in when the host app renders one', async () => {
    await start(pageFor(7));
    expect(host()!.hasAttribute('data-docked')).toBe(true);
    document.body.insertAdjacentHTML('afterbegin', '<div data-testid="work-item-description-wrapper"></div>');
    await act(async () => instance!.onDomChange());
    expect(host()!.hasAttribute('data-docked')).toBe(false);
    expect(document.querySelectorAll('[data-refinery="panel"]')).toHaveLength(1);
  });

  it('comes back when the host app re-renders and drops it, and leaves nothing when stopped', async () => {
    document.body.innerHTML = '<main><div data-testid="work-item-description-wrapper"></div></main>';
    await start(pageFor(7));
    document.querySelector('main')!.innerHTML = '<div data-testid="work-item-description-wrapper"></div>';
    expect(host()).toBeNull();
    await act(async () => instance!.onDomChange());
    expect(host()).not.toBeNull();
    act(() => instance!.stop());
    expect(document.querySelector('[data-refinery]')).toBeNull();
  });
});

describe('the panel feature with the sidebar layout (the default)', () => {
  const WORK_ITEM =
    '<section id="main"><div data-testid="work-item-description-wrapper">Description</div></section>' +
    '<aside data-testid="work-item-overview-right-sidebar"><div id="assignees" data-testid="work-item-assignees">Assignees</div></aside>';
  const sidebarHost = () => document.querySelector<HTMLElement>('[data-refinery="sidebar"]');
  const sidebar = () => within(sidebarHost()!.shadowRoot as unknown as HTMLElement);

  it('adds a section first in the sidebar, rendered before it shows, and no panel', async () => {
    document.body.innerHTML = WORK_ITEM;
    await start(pageFor(7));
    await waitFor(() => expect(sidebarHost()).not.toBeNull());
    expect(sidebarHost()!.parentElement!.getAttribute('data-testid')).toBe('work-item-overview-right-sidebar');
    expect(sidebarHost()!.nextElementSibling!.id).toBe('assignees');
    expect(sidebar().getByRole('region', { name: 'Refinery' }).textContent).toContain('1 · Trivial');
    expect(host()).toBeNull();
    expect(callMock.mock.calls.filter(([m]) => m === 'getIssue')).toHaveLength(1);
  });

  it('"Open Refinery" opens the full panel where it sat, remembered; closing it is remembered too', async () => {
    document.body.innerHTML = WORK_ITEM;
    await start(pageFor(7));
    await waitFor(() => expect(sidebarHost()).not.toBeNull());
    await act(async () => fireEvent.click(sidebar().getByRole('button', { name: 'Open Refinery' })));
    await waitFor(() => expect(region().getAttribute('data-state')).toBe('ready'));
    expect(host()!.previousElementSibling?.getAttribute('data-testid')).toBe('work-item-description-wrapper');
    expect(within(region()).queryByRole('note')).toBeNull();
    await waitFor(async () => expect((await fakeBrowser.storage.local.get('layout')).layout).toMatchObject({ fullPanel: true }));

    // Another page load: both show at once.
    act(() => instance!.stop());
    await start(pageFor(7));
    await waitFor(() => expect(sidebarHost()).not.toBeNull());
    await waitFor(() => expect(host()).not.toBeNull());
    await act(async () => fireEvent.click(sidebar().getByRole('button', { name: 'Close full panel' })));
    expect(host()).toBeNull();
    await waitFor(async () => expect((await fakeBrowser.storage.local.get('layout')).layout).toMatchObject({ fullPanel: false }));
  });

  it('a write in the full panel shows in the section too', async () => {
    document.body.innerHTML = WORK_ITEM;
    await fakeBrowser.storage.local.set({ layout: { layout: 'sidebar', fullPanel: true } });
    await start(pageFor(7));
    await waitFor(() => expect(sidebarHost()).not.toBeNull());
    await waitFor(() => expect(region().getAttribute('data-state')).toBe('ready'));
    const { publishIssue } = await import('./issueBus');
    const view = makeView({ labels: ['weight::5'] }, {}, { ...gitlabRef, iid: 7 });
    await act(async () => publishIssue(view.issue));
    expect(sidebar().getByRole('region', { name: 'Refinery' }).textContent).toContain('5 · Larger');
    expect(region().textContent).toContain('5 (from label weight::5)');
  });

  it('without a sidebar the full panel shows, saying so, and the diagnosis says the sidebar fell back', async () => {
    const { createDiagnosisBoard } = await import('@/lib/diagnostics/board');
    const board = createDiagnosisBoard('gitlab', document, { status: 'recognised', page: 'issue (issue)' }, 'built-in');
    document.body.innerHTML = '<div data-testid="work-item-description-wrapper">Description</div>';
    await start(pageFor(7), board);
    await waitFor(() => expect(region().getAttribute('data-state')).toBe('ready'));
    expect(within(region()).getByRole('note').textContent).toContain("could not find this issue's sidebar");
    expect(sidebarHost()).toBeNull();
    const report = board.snapshot().features.find((f) => f.feature === 'sidebar')!;
    expect(report.placed).toBe('fallback');
    expect(report.anchors.every((a) => !a.found)).toBe(true);
  });

  it('comes back when the host app re-renders the sidebar, and leaves nothing when stopped', async () => {
    document.body.innerHTML = WORK_ITEM;
    await start(pageFor(7));
    await waitFor(() => expect(sidebarHost()).not.toBeNull());
    document.querySelector('aside')!.innerHTML = '<div id="assignees" data-testid="work-item-assignees">Assignees</div>';
    expect(sidebarHost()).toBeNull();
    await act(async () => instance!.onDomChange());
    await waitFor(() => expect(sidebarHost()).not.toBeNull());
    expect(document.querySelectorAll('[data-refinery="sidebar"]')).toHaveLength(1);
    act(() => instance!.stop());
    expect(document.querySelector('[data-refinery]')).toBeNull();
  });
});
