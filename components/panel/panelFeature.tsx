// The issue panel as a page feature: mounted at the best anchor the page offers (docked when none), kept across
// in-page navigation, re-mounted when the host app drops it or when a docked panel can move to a real anchor.
import { detectHostTheme, findMountPoint, type IssuePage, type PageRef } from '@/lib/page';
import type { PageFeature } from '../app/feature';
import { mountShadowUi, type MountedShadowUi } from '../shadow/mountShadowUi';
import { PanelContainer } from './PanelContainer';
import { refKey } from './refKey';
import { panelStyles } from './styles';

export const panelFeature: PageFeature<IssuePage> = {
  id: 'panel',
  serves: (page: PageRef): page is IssuePage => page.type === 'issue',
  start(first) {
    let page = first;
    let ui: MountedShadowUi | null = null;
    let docked = false;
    let key = '';

    const mount = () => {
      ui?.unmount();
      const point = findMountPoint(document, page);
      docked = point.docked;
      key = refKey(page.ref);
      ui = mountShadowUi({
        feature: 'panel',
        anchor: point.anchor,
        position: point.position,
        docked,
        theme: detectHostTheme(document),
        styles: panelStyles,
        children: <PanelContainer issueRef={page.ref} />,
      });
    };
    mount();

    return {
      update(next) {
        page = next;
        if (!ui?.host.isConnected) return mount();
        // Same place, another issue: keep the panel, give it the new ref.
        if (refKey(next.ref) !== key) {
          key = refKey(next.ref);
          ui.render(<PanelContainer issueRef={next.ref} />);
        }
      },
      onDomChange() {
        if (!ui?.host.isConnected) return mount();
        if (docked && !findMountPoint(document, page).docked) mount();
      },
      setTheme: (theme) => ui?.setTheme(theme),
      stop() {
        ui?.unmount();
        ui = null;
      },
    };
  },
};
