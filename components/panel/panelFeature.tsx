// The issue panel as a page feature: mounted at the best anchor the page offers (docked when none), kept across
// in-page navigation, re-mounted when the host app drops it or when a docked panel can move to a real anchor.
// A new mount shows a plain-DOM loading state and renders once its data is in (panelStart.ts).
import { anchorChecks, detectHostTheme, findMountPoint, MOUNT_CANDIDATES, type IssuePage, type PageRef } from '@/lib/page';
import type { PageFeature } from '../app/feature';
import { mountShadowUi, type MountedShadowUi } from '../shadow/mountShadowUi';
import { PanelContainer } from './PanelContainer';
import { loadPanelStart } from './panelStart';
import { loadingPlaceholder } from './placeholder';
import { refKey } from './refKey';
import { panelStyles } from './styles';

export const panelFeature: PageFeature<IssuePage> = {
  id: 'panel',
  serves: (page: PageRef): page is IssuePage => page.type === 'issue',
  start(first, board) {
    let page = first;
    let ui: MountedShadowUi | null = null;
    let docked = false;
    let key = '';
    /** Counts first loads: only the latest one renders, and none after the panel was re-mounted or stopped. */
    let starting = 0;
    let rendered = false;
    // For the popup's diagnostics: where the panel looked and what it found, looked up when asked.
    const unreport = board?.report('panel', () => ({
      feature: 'panel',
      anchors: anchorChecks(document, MOUNT_CANDIDATES[page.forge][page.type]),
      placed: !ui?.host.isConnected ? 'none' : docked ? 'docked' : 'anchored',
    })) ?? (() => undefined);

    const firstRender = () => {
      const mine = ++starting;
      const ref = page.ref;
      void loadPanelStart(ref).then((start) => {
        if (mine !== starting || !ui) return;
        rendered = true;
        ui.render(<PanelContainer issueRef={ref} start={start} />);
      });
    };

    const mount = () => {
      ui?.unmount();
      const point = findMountPoint(document, page);
      docked = point.docked;
      key = refKey(page.ref);
      rendered = false;
      ui = mountShadowUi({
        feature: 'panel',
        anchor: point.anchor,
        position: point.position,
        docked,
        theme: detectHostTheme(document),
        styles: panelStyles,
        placeholder: loadingPlaceholder(document),
      });
      firstRender();
    };
    mount();

    return {
      update(next) {
        page = next;
        if (!ui?.host.isConnected) return mount();
        if (refKey(next.ref) === key) return;
        // Same place, another issue: keep the panel, give it the new ref (it shows its own loading state).
        key = refKey(next.ref);
        if (rendered) ui.render(<PanelContainer issueRef={next.ref} />);
        else firstRender();
      },
      onDomChange() {
        if (!ui?.host.isConnected) return mount();
        if (docked && !findMountPoint(document, page).docked) mount();
      },
      setTheme: (theme) => ui?.setTheme(theme),
      stop() {
        unreport();
        starting++;
        ui?.unmount();
        ui = null;
      },
    };
  },
};
