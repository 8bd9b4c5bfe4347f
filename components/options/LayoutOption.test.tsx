// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { LayoutOption } from './LayoutOption';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

const box = () => screen.getByRole('checkbox', { name: /Show the full panel below the issue's description/ }) as HTMLInputElement;

describe('the layout option', () => {
  it('is off by default (the sidebar section) and keeps the earlier layout when ticked, remembering "Open Refinery"', async () => {
    await fakeBrowser.storage.local.set({ layout: { fullPanel: true } });
    render(<LayoutOption />);
    await waitFor(() => expect(box().disabled).toBe(false));
    expect(box().checked).toBe(false);
    fireEvent.click(box());
    await waitFor(async () => expect((await fakeBrowser.storage.local.get('layout')).layout).toEqual({ layout: 'panel', fullPanel: true }));
    expect(box().checked).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('Saved');
  });

  it('follows a change made elsewhere', async () => {
    render(<LayoutOption />);
    await waitFor(() => expect(box().disabled).toBe(false));
    await fakeBrowser.storage.local.set({ layout: { layout: 'panel' } });
    await waitFor(() => expect(box().checked).toBe(true));
  });
});
