// Where a badge's weight picker goes: on a GitLab board into the board's side drawer (the card's click opens it for the
// issue), elsewhere into a small popover next to the badge. One picker at a time.
import type { Issue } from '@/lib/forge/model';
import type { IssueView } from '@/lib/messaging';
import { mountShadowUi, type MountedShadowUi, type Theme } from '../shadow/mountShadowUi';
import { weightsStyles } from '../weights/styles';
import { PickerPopover, popoverStyles } from './PickerPopover';

export const BOARD_DRAWER_SELECTOR = '[data-testid="work-item-drawer"]';
/** How long to wait for GitLab's drawer after a card click before falling back to the popover. */
const DRAWER_WAIT_MS = 800;
const WIDTH = 340;

export interface OpenPicker {
  close(): void;
}

function visible(el: Element): boolean {
  return el instanceof HTMLElement && el.isConnected && el.getClientRects().length > 0;
}

async function waitForDrawer(doc: Document): Promise<Element | null> {
  const until = Date.now() + DRAWER_WAIT_MS;
  for (;;) {
    const drawer = [...doc.querySelectorAll(BOARD_DRAWER_SELECTOR)].find(visible);
    if (drawer) return drawer;
    if (Date.now() >= until) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Beside the badge: below it when there is room, else above; kept inside the viewport. */
function place(host: HTMLElement, badge: HTMLElement): void {
  const rect = badge.getBoundingClientRect();
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - WIDTH - 8));
  const below = window.innerHeight - rect.bottom > 320;
  Object.assign(host.style, {
    position: 'fixed',
    zIndex: '2147483000',
    width: `${WIDTH}px`,
    left: `${left}px`,
    top: below ? `${rect.bottom + 4}px` : '',
    bottom: below ? '' : `${window.innerHeight - rect.top + 4}px`,
  });
}

export async function openPicker(opts: {
  view: IssueView;
  badge: HTMLElement;
  board: boolean;
  theme: Theme;
  onIssue(issue: Issue): void;
}): Promise<OpenPicker> {
  const { view, badge, theme } = opts;
  const drawer = opts.board ? await waitForDrawer(document) : null;
  let ui: MountedShadowUi | null = null;
  const onOutside = (e: MouseEvent) => {
    const path = e.composedPath();
    if (ui && !path.includes(ui.host) && !path.includes(badge)) close();
  };
  const close = () => {
    if (!ui) return;
    ui.unmount();
    ui = null;
    document.removeEventListener('mousedown', onOutside, true);
    badge.shadowRoot?.querySelector('button')?.focus();
  };
  ui = mountShadowUi({
    feature: 'list-picker',
    anchor: drawer ?? document.body,
    position: drawer ? 'prepend' : 'append',
    theme,
    styles: `${weightsStyles}\n${popoverStyles}`,
    children: <PickerPopover view={view} onIssue={opts.onIssue} onClose={close} />,
  });
  if (!drawer) {
    place(ui.host, badge);
    document.addEventListener('mousedown', onOutside, true);
  }
  return { close };
}
