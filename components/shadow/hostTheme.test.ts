// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectHostTheme, watchHostTheme } from './hostTheme';

afterEach(() => {
  document.documentElement.className = '';
  document.documentElement.removeAttribute('data-color-mode');
  document.body.className = '';
});

describe('detectHostTheme', () => {
  it('reads GitLab dark mode from html or body', () => {
    expect(detectHostTheme(document, () => false)).toBe('light');
    document.documentElement.classList.add('gl-dark');
    expect(detectHostTheme(document, () => false)).toBe('dark');
    document.documentElement.classList.remove('gl-dark');
    document.body.classList.add('gl-dark');
    expect(detectHostTheme(document, () => false)).toBe('dark');
  });

  it('reads GitHub color mode, following the system for auto', () => {
    document.documentElement.setAttribute('data-color-mode', 'dark');
    expect(detectHostTheme(document, () => false)).toBe('dark');
    document.documentElement.setAttribute('data-color-mode', 'light');
    expect(detectHostTheme(document, () => true)).toBe('light');
    document.documentElement.setAttribute('data-color-mode', 'auto');
    expect(detectHostTheme(document, () => true)).toBe('dark');
    expect(detectHostTheme(document, () => false)).toBe('light');
  });
});

describe('watchHostTheme', () => {
  it('reports changes once and stops when asked', async () => {
    const seen = vi.fn();
    const stop = watchHostTheme(seen, document, () => false);
    document.documentElement.classList.add('gl-dark');
    await new Promise((r) => setTimeout(r, 0));
    document.documentElement.classList.add('other'); // no theme change
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.mock.calls).toEqual([['dark']]);
    stop();
    document.documentElement.classList.remove('gl-dark');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
