// Which theme the host page shows, so fallback colours match where the page has no design tokens.
import type { Theme } from './mountShadowUi';

type PrefersDark = () => boolean;

const systemPrefersDark: PrefersDark = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * GitLab marks dark mode with `gl-dark` on <html> (older versions: on <body>); GitHub with
 * `data-color-mode="light|dark|auto"` on <html>, where `auto` follows the system.
 */
export function detectHostTheme(doc: Document = document, prefersDark: PrefersDark = systemPrefersDark): Theme {
  const html = doc.documentElement;
  if (html.classList.contains('gl-dark') || doc.body?.classList.contains('gl-dark')) return 'dark';
  const mode = html.getAttribute('data-color-mode');
  if (mode === 'dark') return 'dark';
  if (mode === 'auto') return prefersDark() ? 'dark' : 'light';
  return 'light';
}

/** Calls `onChange` whenever the detected theme changes; returns a function that stops watching. */
export function watchHostTheme(
  onChange: (theme: Theme) => void,
  doc: Document = document,
  prefersDark: PrefersDark = systemPrefersDark,
): () => void {
  let current = detectHostTheme(doc, prefersDark);
  const check = () => {
    const next = detectHostTheme(doc, prefersDark);
    if (next !== current) onChange((current = next));
  };
  const observer = new MutationObserver(check);
  const attributeFilter = ['class', 'data-color-mode'];
  observer.observe(doc.documentElement, { attributes: true, attributeFilter });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter });
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', check);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', check);
  };
}
