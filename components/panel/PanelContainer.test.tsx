// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import { mergeSettings } from '@/lib/handbook/settings';
import type { Result, IssueView, WriteResult } from '@/lib/messaging';
import { call } from '@/lib/messaging';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelContainer } from './PanelContainer';
import type { PanelStart } from './panelStart';
import { refKey } from './refKey';
import { gitlabRef, makeView } from './fixtures';
import type { PanelSection, SectionProps } from './sections';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
vi.mock('@/lib/settings/store', () => ({ loadSettings: vi.fn(), watchSettings: vi.fn() }));
// The panel with its Weights section and a stand-in collapsed section that reads the comments on mount: the real
// collapsed sections have their own tests and their own calls.
vi.mock('./sections', async () => {
  const { WeightSection } = await import('@/components/weights/WeightSection');
  const { useEffect, useState } = await import('react');
  const messaging = await import('@/lib/messaging');
  function NotesSection({ view }: SectionProps) {
    const [typed, setTyped] = useState('');
    useEffect(() => {
      void messaging.call('listNotes', { ref: view.issue.ref });
    }, [view.issue.ref]);
    return (
      <section aria-label="Comments" data-refinery="comments">
        <textarea aria-label="Reply" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </section>
    );
  }
  const sections: PanelSection[] = [
    { id: 'weight', Component: WeightSection },
    { id: 'comments', Component: NotesSection, collapsed: { title: (view) => `Comments on #${view.issue.ref.iid}` } },
  ];
  return { PANEL_SECTIONS: sections };
});
const callMock = vi.mocked(call);
const loadMock = vi.mocked(loadSettings);

/** getIssue answers come from `issues` in order; the Weights section's label check gets an empty list. */
let writes: Record<string, () => Promise<Result<WriteResult>>> = {};
function answerIssues(...issues: (Result<IssueView> | Promise<Result<IssueView>>)[]) {
  callMock.mockImplementation((async (method: string) => {
    if (method === 'listNotes') return { ok: true, data: [] };
    if (writes[method]) return writes[method]();
    if (method === 'openOptions') return { ok: true, data: { opened: true } };
    if (method !== 'getIssue') throw new Error(`unexpected call ${method}`);
    const next = issues.shift();
    if (!next) throw new Error('no more getIssue answers');
    return next;
  }) as never);
}
const getIssueCalls = () => callMock.mock.calls.filter(([m]) => m === 'getIssue');
const notesCalls = () => callMock.mock.calls.filter(([m]) => m === 'listNotes');

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const ok = (view: IssueView): Result<IssueView> => ({ ok: true, data: view });
const written = (data: WriteResult): Result<WriteResult> => ({ ok: true, data });
const refB: IssueRef = { ...gitlabRef, iid: 8 };

function weightRow(): string {
  return (screen.getByText('Weight', { selector: 'dt' }).nextElementSibling as HTMLElement).textContent ?? '';
}

beforeEach(() => {
  fakeBrowser.reset();
  writes = {};
  callMock.mockReset();
  loadMock.mockReset();
  loadMock.mockResolvedValue(mergeSettings());
  vi.mocked(watchSettings).mockReturnValue(() => undefined);
});
afterEach(cleanup);

describe('PanelContainer', () => {
  it('loads the issue for its ref and shows it', async () => {
    answerIssues(ok(makeView({ labels: ['weight::3'] })));
    render(<PanelContainer issueRef={gitlabRef} />);
    expect(screen.getByRole('status').textContent).toBe('Loading issue…');
    expect(await screen.findByText('Weight', { selector: 'dt' })).toBeTruthy();
    expect(weightRow()).toBe('3 (from label weight::3)');
    expect(callMock).toHaveBeenCalledWith('getIssue', { ref: gitlabRef, hint: {} });
    expect(getIssueCalls()).toHaveLength(1);
  });

  it('shows what was read before its first render at once, without asking again', async () => {
    answerIssues(ok(makeView({ labels: ['weight::1'] })));
    const start: PanelStart = {
      key: refKey(gitlabRef),
      settings: mergeSettings({ scopes: { weight: 'estimate' } }),
      openSections: { comments: true },
      issue: ok(makeView({ labels: ['estimate::3'] })),
    };
    render(<PanelContainer issueRef={gitlabRef} start={start} />);
    expect(screen.queryByText('Loading issue…')).toBeNull();
    expect(weightRow()).toBe('3 (from label estimate::3)');
    expect(screen.getByRole('button', { name: 'Comments on #7' }).getAttribute('aria-expanded')).toBe('true');
    await act(async () => undefined);
    expect(getIssueCalls()).toHaveLength(0);
    // The stored settings (the handbook's here) are read again once watched: a save in between is not missed.
    expect(weightRow()).toBe('Not weighted');
  });

  it('ignores a first read made for another issue and loads its own', async () => {
    answerIssues(ok(makeView({ labels: ['weight::2'] }, {}, refB)));
    const start: PanelStart = { key: refKey(gitlabRef), settings: mergeSettings(), openSections: {}, issue: ok(makeView()) };
    render(<PanelContainer issueRef={refB} start={start} />);
    expect(screen.getByRole('status').textContent).toBe('Loading issue…');
    await screen.findByText('Weight', { selector: 'dt' });
    expect(weightRow()).toBe('2 (from label weight::2)');
    expect(getIssueCalls()).toHaveLength(1);
  });

  it('does not reload when re-rendered with an equal ref object', async () => {
    answerIssues(ok(makeView()));
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByText('Weight', { selector: 'dt' });
    rerender(<PanelContainer issueRef={{ ...gitlabRef }} />);
    expect(getIssueCalls()).toHaveLength(1);
  });

  it('retry calls the background again and shows the new answer', async () => {
    answerIssues({ ok: false, error: { kind: 'network', message: 'offline' } }, ok(makeView({ labels: ['weight::2'] })));
    render(<PanelContainer issueRef={gitlabRef} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Weight', { selector: 'dt' })).toBeTruthy();
    expect(weightRow()).toBe('2 (from label weight::2)');
    expect(getIssueCalls()).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not offer Retry for a missing token; offers the options page instead', async () => {
    answerIssues({ ok: false, error: { kind: 'auth', message: '401' } });
    render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Connect / fix your token' }));
    expect(callMock).toHaveBeenLastCalledWith('openOptions', {});
  });

  it('reloads when the user returns to the tab after fixing the token', async () => {
    answerIssues({ ok: false, error: { kind: 'auth', message: '401' } }, ok(makeView({ weight: 5 }, { weight: true })));
    render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByRole('alert');
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    expect(await screen.findByText('Weight', { selector: 'dt' })).toBeTruthy();
    expect(weightRow()).toBe('5 (from issue weight)');
  });

  it('re-fetches on in-page navigation and never shows the previous issue on the new one', async () => {
    const first = deferred<Result<IssueView>>();
    const second = deferred<Result<IssueView>>();
    answerIssues(first.promise, second.promise);
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    rerender(<PanelContainer issueRef={refB} />);
    expect(callMock).toHaveBeenLastCalledWith('getIssue', { ref: refB, hint: {} });

    // The answer for the previous issue arrives late: it must be dropped.
    await act(async () => first.resolve(ok(makeView({ labels: ['weight::1'] }))));
    expect(screen.getByRole('region').dataset.state).toBe('loading');
    expect(screen.queryByText('Weight', { selector: 'dt' })).toBeNull();

    await act(async () => second.resolve(ok(makeView({ labels: ['weight::5'] }, {}, refB))));
    expect(weightRow()).toBe('5 (from label weight::5)');
  });

  it('shows loading, not the old issue, while the new ref loads', async () => {
    const second = deferred<Result<IssueView>>();
    answerIssues(ok(makeView({ labels: ['weight::1'] })), second.promise);
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByText('Weight', { selector: 'dt' });
    rerender(<PanelContainer issueRef={refB} />);
    expect(screen.getByRole('region').dataset.state).toBe('loading');
    expect(screen.queryByText(/weight::1/)).toBeNull();
    await act(async () => second.resolve({ ok: false, error: { kind: 'not-found', message: '404' } }));
    expect(screen.getByRole('heading', { name: 'Issue not found' })).toBeTruthy();
  });

  it('a write in the Weights section replaces the shown issue', async () => {
    const view = makeView({ labels: ['weight::1'] });
    answerIssues(ok(view));
    writes.setWeight = async () => written({ issue: { ...view.issue, labels: ['weight::3'] }, via: 'label' });
    render(<PanelContainer issueRef={gitlabRef} />);
    await userEvent.click(await screen.findByRole('radio', { name: '3 Medium' }));
    expect(weightRow()).toBe('3 (from label weight::3)');
    expect(screen.getByText('Saved as label weight::3')).toBeTruthy();
  });

  it('drops a write that finishes after navigating to another issue', async () => {
    const write = deferred<Result<WriteResult>>();
    const viewA = makeView({ labels: ['weight::1'] });
    answerIssues(ok(viewA), ok(makeView({ labels: ['weight::2'] }, {}, refB)));
    writes.setWeight = () => write.promise;
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    await userEvent.click(await screen.findByRole('radio', { name: '5 Larger' }));
    rerender(<PanelContainer issueRef={refB} />);
    await screen.findByText('Weight', { selector: 'dt' });
    expect(weightRow()).toBe('2 (from label weight::2)');
    await act(async () => write.resolve(written({ issue: { ...viewA.issue, labels: ['weight::5'] }, via: 'label' })));
    expect(weightRow()).toBe('2 (from label weight::2)');
  });

  it('reads the label scopes from the settings', async () => {
    loadMock.mockResolvedValue(mergeSettings({ scopes: { weight: 'estimate' } }));
    answerIssues(ok(makeView({ labels: ['estimate::2', 'weight::5'] })));
    render(<PanelContainer issueRef={gitlabRef} />);
    await screen.findByText('Weight', { selector: 'dt' });
    await act(async () => undefined);
    expect(weightRow()).toBe('2 (from label estimate::2)');
    expect((screen.getByRole('radio', { name: '2 Small' }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('collapsed sections', () => {
  const toggle = () => screen.findByRole('button', { name: 'Comments on #7' });

  it('show a closed disclosure and load nothing until opened, then load once', async () => {
    answerIssues(ok(makeView()));
    render(<PanelContainer issueRef={gitlabRef} />);
    const button = await toggle();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const body = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(body.hidden).toBe(true);
    expect(screen.queryByRole('region', { name: 'Comments' })).toBeNull();
    expect(notesCalls()).toHaveLength(0);

    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(body.hidden).toBe(false);
    expect(await within(body).findByRole('region', { name: 'Comments' })).toBeTruthy();
    expect(notesCalls()).toEqual([['listNotes', { ref: gitlabRef }]]);
    // Closing hides it without unmounting: what was typed stays, and reopening reads nothing again.
    await userEvent.type(within(body).getByRole('textbox', { name: 'Reply' }), 'half a reply');
    await userEvent.click(button);
    expect(body.hidden).toBe(true);
    await userEvent.click(button);
    expect((within(body).getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('half a reply');
    expect(notesCalls()).toHaveLength(1);
  });

  it('are remembered open in extension storage, and open (and load) on the next page', async () => {
    answerIssues(ok(makeView()), ok(makeView()));
    const first = render(<PanelContainer issueRef={gitlabRef} />);
    await userEvent.click(await toggle());
    await screen.findByRole('region', { name: 'Comments' });
    await act(async () => undefined);
    expect(await fakeBrowser.storage.local.get('panel-sections')).toEqual({ 'panel-sections': { comments: true } });
    first.unmount();

    render(<PanelContainer issueRef={gitlabRef} />);
    expect((await toggle()).getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByRole('region', { name: 'Comments' })).toBeTruthy();
    expect(notesCalls()).toHaveLength(2);

    await userEvent.click(await toggle());
    await act(async () => undefined);
    expect(await fakeBrowser.storage.local.get('panel-sections')).toEqual({ 'panel-sections': { comments: false } });
  });

  it('a closed section stays unloaded on the next issue after in-page navigation; an open one loads for it', async () => {
    answerIssues(ok(makeView()), ok(makeView({}, {}, refB)));
    const { rerender } = render(<PanelContainer issueRef={gitlabRef} />);
    await userEvent.click(await toggle());
    await screen.findByRole('region', { name: 'Comments' });
    rerender(<PanelContainer issueRef={refB} />);
    const next = await screen.findByRole('button', { name: 'Comments on #8' });
    expect(next.getAttribute('aria-expanded')).toBe('true');
    await screen.findByRole('region', { name: 'Comments' });
    expect(notesCalls().map(([, p]) => (p as { ref: IssueRef }).ref.iid)).toEqual([7, 8]);
  });

  it('unreadable stored state counts as closed', async () => {
    await fakeBrowser.storage.local.set({ 'panel-sections': 'open please' });
    answerIssues(ok(makeView()));
    render(<PanelContainer issueRef={gitlabRef} />);
    expect((await toggle()).getAttribute('aria-expanded')).toBe('false');
    expect(notesCalls()).toHaveLength(0);
  });
});
