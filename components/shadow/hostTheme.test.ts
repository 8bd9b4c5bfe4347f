// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchHostTheme } from './hostTheme';

afterEach(() => {
  document.documentElement.className = '';
  document.documentElement.removeAttribute('data-color-mode');
  document.documentElement.removeAttribute('data-dark-theme');
  document.body.className = '';
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

  it('notices a GitHub theme slot change (data-dark-theme) under auto', async () => {
    document.documentElement.setAttribute('data-color-mode', 'auto');
    document.documentElement.setAttribute('data-dark-theme', 'dark');
    const seen = vi.fn();
    const stop = watchHostTheme(seen, document, () => true);
    document.documentElement.setAttribute('data-dark-theme', 'light_high_contrast');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.mock.calls).toEqual([['light']]);
    stop();
  });
});
