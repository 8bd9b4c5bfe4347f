// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SectionBoundary } from './SectionBoundary';

describe('SectionBoundary', () => {
  it('says the section is loading while its code loads, then shows it', async () => {
    let resolve!: (m: { default: () => React.JSX.Element }) => void;
    const Body = lazy(() => new Promise<{ default: () => React.JSX.Element }>((r) => (resolve = r)));
    render(
      <SectionBoundary title="Refinement">
        <Body />
      </SectionBoundary>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading Refinement…');
    await act(async () => resolve({ default: () => <p>Checklist</p> }));
    expect(screen.getByText('Checklist')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows why a section cannot be shown, and the rest of the panel stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Body = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    render(
      <div>
        <p>Weight picker</p>
        <SectionBoundary title="Templates">
          <Body />
        </SectionBoundary>
      </div>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Templates could not be shown (Failed to fetch dynamically imported module). Reload the page to try again.',
    );
    expect(screen.getByText('Weight picker')).toBeTruthy();
    vi.mocked(console.error).mockRestore();
  });
});
