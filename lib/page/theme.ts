// Light or dark, as the host page currently shows itself, so our UI matches it.
export type HostTheme = 'light' | 'dark';

function systemPrefersDark(doc: Document): boolean {
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** GitHub: `data-color-mode` picks a slot (auto follows the system); the slot's theme name says light or dark. */
function githubTheme(html: Element, prefersDark: () => boolean): HostTheme | null {
  const mode = html.getAttribute('data-color-mode')?.toLowerCase();
  if (mode !== 'light' && mode !== 'dark' && mode !== 'auto') return null;
  const slot: HostTheme = mode === 'auto' ? (prefersDark() ? 'dark' : 'light') : mode;
  // Either slot may hold any theme (a "day" theme can be dark_dimmed), so the name decides when present.
  const name = html.getAttribute(slot === 'dark' ? 'data-dark-theme' : 'data-light-theme')?.toLowerCase() ?? '';
  if (name.startsWith('dark')) return 'dark';
  if (name.startsWith('light')) return 'light';
  return slot;
}

/** GitLab: `gl-dark` on <html> (older versions: <body>); `gl-system` ("Auto") follows the system. */
function gitlabTheme(doc: Document, prefersDark: () => boolean): HostTheme | null {
  const classes = [doc.documentElement.classList, doc.body?.classList];
  if (classes.some((c) => c?.contains('gl-dark'))) return 'dark';
  if (classes.some((c) => c?.contains('gl-system'))) return prefersDark() ? 'dark' : 'light';
  if (classes.some((c) => c?.contains('gl-light'))) return 'light';
  return null;
}

/** The host page's theme; `prefersDark` overrides the system preference (tests, or a value the caller already has). */
export function detectHostTheme(doc: Document, prefersDark?: boolean): HostTheme {
  const dark = () => prefersDark ?? systemPrefersDark(doc);
  return githubTheme(doc.documentElement, dark) ?? gitlabTheme(doc, dark) ?? 'light';
}
