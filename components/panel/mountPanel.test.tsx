// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '@/lib/messaging';
import { mountPanel, type MountedPanel } from './mountPanel';
import { gitlabRef, makeView } from './fixtures';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

let panel: MountedPanel | undefined;
afterEach(() => {
  act(() => panel?.unmount());
  document.body.innerHTML = '';
});

describe('mountPanel', () => {
  it('shows the panel in a shadow root and follows in-page navigation', async () => {
    callMock.mockImplementation((async (m: string, p: { ref: { iid: number } }) =>
      m === 'getIssue'
        ? { ok: true, data: makeView({ labels: [`weight::${p.ref.iid === 7 ? 1 : 3}`] }, {}, { ...gitlabRef, iid: p.ref.iid }) }
        : { ok: true, data: [] }) as never);
    const anchor = document.createElement('aside');
    document.body.append(anchor);
    await act(async () => {
      panel = mountPanel({ anchor, position: 'prepend', theme: 'dark', issueRef: gitlabRef });
    });
    const shadow = (panel as MountedPanel).host.shadowRoot as ShadowRoot;
    const region = within(shadow as unknown as HTMLElement).getByRole('region', { name: 'Refinery' });
    expect(region.textContent).toContain('1 (from label weight::1)');
    expect(screen.queryByRole('region')).toBeNull(); // not visible to the page's own queries

    await act(async () => panel?.setIssueRef({ ...gitlabRef, iid: 8 }));
    expect(shadow.textContent).toContain('3 (from label weight::3)');
    expect(callMock).toHaveBeenCalledWith('getIssue', { ref: { ...gitlabRef, iid: 8 } });
  });
});
