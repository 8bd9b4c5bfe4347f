// Keeps our UI's light/dark in step with the host page. Detection itself lives in lib/page/theme.ts.
import { detectHostTheme, type HostTheme } from '@/lib/page/theme';

/** Calls `onChange` whenever the host's theme changes; returns a function that stops watching. */
export function watchHostTheme(
  onChange: (theme: HostTheme) => void,
  doc: Document = document,
  prefersDark?: () => boolean,
): () => void {
  const detect = () => detectHostTheme(doc, prefersDark?.());
  let current = detect();
  const check = () => {
    const next = detect();
    if (next !== current) onChange((current = next));
  };
  const observer = new MutationObserver(check);
  const attributeFilter = ['class', 'data-color-mode', 'data-light-theme', 'data-dark-theme'];
  observer.observe(doc.documentElement, { attributes: true, attributeFilter });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter });
  const media = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
  media?.addEventListener('change', check);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', check);
  };
}
