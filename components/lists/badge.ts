// A row's badge: a small inline button in its own open shadow root, right after the title link. Plain DOM, not
// React: a board or a long list has hundreds of them. Its accessible name lists the findings; a click opens the picker.
import type { Severity } from '@/lib/handbook/refinement/rules';
import type { Theme } from '../shadow/mountShadowUi';
import { themeCss } from '../shadow/theme';

export interface BadgeModel {
  /** `quiet`: the weight chip of an issue without findings (a setting). */
  tone: Severity | 'quiet';
  text: string;
  /** Accessible name (and tooltip). */
  label: string;
}

export interface Badge {
  host: HTMLElement;
  update(model: BadgeModel): void;
  setTheme(theme: Theme): void;
  remove(): void;
}

const css = `
:host { display: inline-block; vertical-align: baseline; position: relative; z-index: 2; margin-inline-start: 6px; line-height: 1; }
button {
  font: inherit; font-size: 0.75rem; line-height: 1.25; padding: 1px 6px; margin: 0; border-radius: 999px; cursor: pointer;
  border: 1px solid var(--r-border); background: var(--r-bg-subtle); color: var(--r-fg);
  max-width: 18em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: baseline;
}
button[data-tone="error"] { color: var(--r-danger-fg); background: var(--r-danger-bg); border-color: var(--r-danger-fg); }
button[data-tone="warning"] { color: var(--r-warn-fg); background: var(--r-warn-bg); border-color: var(--r-warn-fg); }
button[data-tone="info"] { color: var(--r-accent); border-color: var(--r-accent); }
button[data-tone="quiet"] { color: var(--r-muted); }
button:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 1px; }
`;

export function createBadge(model: BadgeModel, theme: Theme, onActivate: (host: HTMLElement) => void, stopClicks: boolean): Badge {
  const host = document.createElement('span');
  host.dataset.refinery = 'badge';
  host.dataset.theme = theme;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${themeCss}\n${css}`;
  const button = document.createElement('button');
  button.type = 'button';
  shadow.append(style, button);
  button.addEventListener('click', () => onActivate(host));
  // On lists a click on the row opens the issue (or GitLab's drawer): the badge's click is ours alone. On boards the
  // card's click opens GitLab's drawer for this issue, where the picker then goes.
  if (stopClicks) host.addEventListener('click', (e) => e.stopPropagation());
  const update = (m: BadgeModel) => {
    button.dataset.tone = m.tone;
    button.textContent = m.text;
    button.setAttribute('aria-label', m.label);
    button.title = m.label;
  };
  update(model);
  return {
    host,
    update,
    setTheme: (t) => {
      host.dataset.theme = t;
    },
    remove: () => host.remove(),
  };
}
