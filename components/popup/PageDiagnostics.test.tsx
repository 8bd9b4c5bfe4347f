// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageDiagnosis } from '@/lib/diagnostics/model';
import { PageDiagnostics } from './PageDiagnostics';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const diagnosis: PageDiagnosis = {
  forge: 'gitlab',
  host: 'built-in',
  recognition: { status: 'recognised', page: 'issue (issue)' },
  dataPage: 'projects:issues:show',
  routePattern: null,
  features: [
    {
      feature: 'panel',
      anchors: [
        { selector: '[data-testid="work-item-description-wrapper"]', found: false },
        { selector: '#content-body', found: true },
      ],
      placed: 'docked',
    },
  ],
};

async function withTab(answer: (message: unknown) => unknown) {
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'Refinery', version: '0.1.0' })) as never;
  const tab = { id: 7 };
  const asked: unknown[] = [];
  fakeBrowser.tabs.query = (async (q: unknown) => {
    asked.push(q);
    return [tab];
  }) as never;
  const sent: unknown[] = [];
  fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown) => {
    sent.push([tabId, message]);
    return answer(message);
  }) as never;
  return { tab, sent, asked };
}

describe('This page, in the popup', () => {
  it("asks the active tab's content script and says what the page was recognised as and where Refinery looked", async () => {
    const { tab, sent, asked } = await withTab(() => diagnosis);
    render(<PageDiagnostics />);
    expect(await screen.findByText('GitLab: recognised as issue (issue).')).toBeTruthy();
    expect(asked).toEqual([{ active: true, currentWindow: true }]);
    expect(sent).toEqual([[tab.id, { type: 'refinery:diagnose' }]]);
    const looked = screen.getByRole('list', { name: 'Where Refinery looked' });
    expect(within(looked).getAllByRole('listitem')[0]!.textContent).toContain('panel: docked: none of its usual places was found');
    const anchors = screen.getByRole('list', { name: 'Anchors tried for panel' });
    expect(within(anchors).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '[data-testid="work-item-description-wrapper"] missing',
      '#content-body found',
    ]);
  });

  it('"Copy diagnostics" puts the short report on the clipboard and says so', async () => {
    await withTab(() => diagnosis);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<PageDiagnostics />);
    await userEvent.click(await screen.findByRole('button', { name: 'Copy diagnostics' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(text).toMatch(/^Refinery diagnostics\nVersion: 0\.1\.0\nBrowser: /);
    expect(text).toContain('data-page: projects:issues:show');
    expect(text).toContain('anchors missing: [data-testid="work-item-description-wrapper"]');
    expect(text).toBe((screen.getByRole('textbox', { name: 'Diagnostics text' }) as HTMLTextAreaElement).value);
    expect(screen.getByText('Copied.')).toBeTruthy();
  });

  it('says Refinery does not run there when no content script answers, or the answer is not a diagnosis', async () => {
    await withTab(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(<PageDiagnostics />);
    expect(await screen.findByText(/Refinery does not run on this page/)).toBeTruthy();
    cleanup();
    await withTab(() => ({ forge: 'gitlab', recognition: '<b>hi</b>' }));
    render(<PageDiagnostics />);
    expect(await screen.findByText(/Refinery does not run on this page/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy diagnostics' })).toBeNull();
  });
});
