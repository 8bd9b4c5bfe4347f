// What a content script calls to show the issue panel on a page.
import type { IssueRef } from '@/lib/forge/model';
import { mountShadowUi, type MountedShadowUi, type ShadowPosition, type Theme } from '@/components/shadow/mountShadowUi';
import { PanelContainer } from './PanelContainer';
import { panelStyles } from './styles';

export interface MountPanelOptions {
  anchor: Element;
  position: ShadowPosition;
  docked?: boolean;
  theme: Theme;
  issueRef: IssueRef;
}

export interface MountedPanel extends MountedShadowUi {
  /** In-page navigation: show another issue; answers for the previous one are dropped. */
  setIssueRef(ref: IssueRef): void;
}

export function mountPanel({ anchor, position, docked, theme, issueRef }: MountPanelOptions): MountedPanel {
  const ui = mountShadowUi({
    feature: 'panel',
    anchor,
    position,
    docked,
    theme,
    styles: panelStyles,
    children: <PanelContainer issueRef={issueRef} />,
  });
  return {
    ...ui,
    setIssueRef(ref) {
      ui.render(<PanelContainer issueRef={ref} />);
    },
  };
}
