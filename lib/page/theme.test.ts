// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectHostTheme } from './theme';

function doc(html: Record<string, string> = {}, bodyClass = ''): Document {
  const d = document.implementation.createHTMLDocument('t');
  for (const [k, v] of Object.entries(html)) d.documentElement.setAttribute(k, v);
  if (bodyClass) d.body.className = bodyClass;
  return d;
}

describe('detectHostTheme on GitLab', () => {
  it('reads gl-dark / gl-light on <html>, and gl-dark on <body> of older versions', () => {
    expect(detectHostTheme(doc({ class: 'gl-dark ui-neutral' }), false)).toBe('dark');
    expect(detectHostTheme(doc({ class: 'gl-light ui-indigo' }), true)).toBe('light');
    expect(detectHostTheme(doc({}, 'ui-light-indigo ui-light gl-dark'), false)).toBe('dark');
  });

  it('follows the system for gl-system (Auto)', () => {
    expect(detectHostTheme(doc({ class: 'gl-system' }), true)).toBe('dark');
    expect(detectHostTheme(doc({ class: 'gl-system' }), false)).toBe('light');
  });
});

describe('detectHostTheme on GitHub', () => {
  const themes = { 'data-light-theme': 'light', 'data-dark-theme': 'dark_dimmed' };

  it('uses the slot data-color-mode selects', () => {
    expect(detectHostTheme(doc({ 'data-color-mode': 'dark', ...themes }), false)).toBe('dark');
    expect(detectHostTheme(doc({ 'data-color-mode': 'light', ...themes }), true)).toBe('light');
  });

  it('follows the system in auto mode', () => {
    expect(detectHostTheme(doc({ 'data-color-mode': 'auto', ...themes }), true)).toBe('dark');
    expect(detectHostTheme(doc({ 'data-color-mode': 'auto', ...themes }), false)).toBe('light');
  });

  it('treats a dark theme chosen for the day slot as dark', () => {
    const d = doc({ 'data-color-mode': 'auto', 'data-light-theme': 'dark_high_contrast', 'data-dark-theme': 'dark' });
    expect(detectHostTheme(d, false)).toBe('dark');
    const light = doc({ 'data-color-mode': 'dark', 'data-light-theme': 'light', 'data-dark-theme': 'light_tritanopia' });
    expect(detectHostTheme(light, true)).toBe('light');
  });

  it('falls back to the slot itself when the theme name is missing', () => {
    expect(detectHostTheme(doc({ 'data-color-mode': 'dark' }), false)).toBe('dark');
  });
});

describe('detectHostTheme defaults', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is light on a page that says nothing', () => {
    expect(detectHostTheme(doc(), true)).toBe('light');
  });

  it('asks the window for the system preference when none is given', () => {
    document.documentElement.className = 'gl-system';
    let dark = true;
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (q: string) => ({ matches: dark && q === '(prefers-color-scheme: dark)' }) as MediaQueryList,
    );
    expect(detectHostTheme(document)).toBe('dark');
    dark = false;
    expect(detectHostTheme(document)).toBe('light');
    document.documentElement.className = '';
  });
});
