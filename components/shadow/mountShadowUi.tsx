// Mounts a React tree into an open shadow root on a host page, isolated from the page's CSS but following its theme.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ReactNode } from 'react';
import { Dock, dockCss } from './Dock';
import { refuseForgedInput } from './forgedEvents';
import { themeCss } from './theme';

export type ShadowPosition = 'before' | 'after' | 'prepend' | 'append';
export type Theme = 'light' | 'dark';

export interface MountShadowUiOptions {
  /** Names the host element: `<div data-refinery="<feature>">`. */
  feature: string;
  anchor: Element;
  position: ShadowPosition;
  /** A fixed, collapsible panel at the bottom-right instead of an inline block. */
  docked?: boolean;
  theme: Theme;
  /** The feature's CSS; it sees the `--r-*` colour tokens from theme.ts. */
  styles: string;
  /** What React renders at once; omitted, React renders nothing until render() is first called. */
  children?: ReactNode;
  /** Plain DOM shown until the first render (React clears the root's container when it first renders into it). */
  placeholder?: Node;
  /**
   * Render `children` before the host goes into the page, so that it appears once at its final size (no layout shift
   * of the page's content after it first shows).
   */
  renderFirst?: boolean;
}

export interface MountedShadowUi {
  host: HTMLElement;
  setTheme(theme: Theme): void;
  /** Re-renders with new children, keeping React state where the tree matches (e.g. a new issue ref). */
  render(children: ReactNode): void;
  unmount(): void;
}

const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The page sees typing inside the shadow root as keys pressed on our host `<div>`, so its keyboard shortcuts
 * would fire while the user types in our fields. Keys from our editable fields stop at the host.
 */
function keepKeysFromPage(event: Event) {
  if (isEditable(event.composedPath()[0])) event.stopPropagation();
}

export function mountShadowUi(options: MountShadowUiOptions): MountedShadowUi {
  const { feature, anchor, position, docked = false, styles, children } = options;
  const host = document.createElement('div');
  host.dataset.refinery = feature;
  host.dataset.theme = options.theme;
  if (docked) host.dataset.docked = '';

  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = [themeCss, docked ? dockCss : '', styles].join('\n');
  const container = document.createElement('div');
  container.className = 'refinery-root';
  if (options.placeholder) container.append(options.placeholder);
  shadow.append(style, container);
  for (const type of KEY_EVENTS) host.addEventListener(type, keepKeysFromPage);
  const allowForged = refuseForgedInput(shadow);

  const root = createRoot(container);
  const draw = (content: ReactNode) => root.render(docked ? <Dock title="Refinery">{content}</Dock> : content);
  if (children !== undefined && options.renderFirst) flushSync(() => draw(children));

  switch (position) {
    case 'before':
      anchor.before(host);
      break;
    case 'after':
      anchor.after(host);
      break;
    case 'prepend':
      anchor.prepend(host);
      break;
    case 'append':
      anchor.append(host);
      break;
  }

  if (children !== undefined && !options.renderFirst) draw(children);

  let mounted = true;
  return {
    host,
    setTheme(theme) {
      host.dataset.theme = theme;
    },
    render(content) {
      if (mounted) draw(content);
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      root.unmount();
      for (const type of KEY_EVENTS) host.removeEventListener(type, keepKeysFromPage);
      allowForged();
      host.remove();
    },
  };
}
