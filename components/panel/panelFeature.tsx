// The issue page feature. By default (issue 19) a compact section in the issue's sidebar (components/sidebar), with
// the full panel opened on demand where the panel always sat ("Open Refinery", remembered per user: layout.ts); the
// "panel" layout keeps only the full panel, as before. Where the page has no sidebar we know, the full panel shows
// instead, saying so, and the diagnostics say which sidebar anchors were tried. Epics keep the full panel.
// The full panel mounts at the best anchor the page offers (docked when none), is kept across in-page navigation,
// re-mounted when the host app drops it or when a docked panel can move to a real anchor; a new mount shows a
// plain-DOM loading state and renders once its data is in (panelStart.ts). The sidebar section appears only once its
// data is in, rendered before it enters the page, so it never changes the page's layout after it first shows.
import {
  anchorChecks,
  detectHostTheme,
  findMountPoint,
  findSidebarPoint,
  MOUNT_CANDIDATES,
  SIDEBAR_CANDIDATES,
  type IssuePage,
  type PageRef,
} from '@/lib/page';
import { SidebarContainer } from '../sidebar/SidebarContainer';
import { sidebarStyles } from '../sidebar/styles';
import type { PageFeature } from '../app/feature';
import { mountShadowUi, type MountedShadowUi, type Theme } from '../shadow/mountShadowUi';
import { loadLayout, saveLayout, type LayoutPrefs } from './layout';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { PanelContainer as PanelContainerType } from './PanelContainer';
import { loadPanelStart } from './panelStart';
import { loadingPlaceholder } from './placeholder';
import { refKey } from './refKey';
import { panelStyles } from './styles';

/**
 * The full panel's code (its sections, the weight picker, their styles) is a chunk of its own: with the default
 * sidebar layout most issue views never show it, and code a page never runs still costs it memory (bench: JS heap).
 */
let PanelContainer: typeof PanelContainerType | null = null;
const loadPanelContainer = () =>
  import('./PanelContainer').then((m) => {
    PanelContainer = m.PanelContainer;
  });

/**
 * React's first render compiles its render and commit code; done once on a detached throwaway tree while the issue
 * is being read, the section's own first render after the answer is that much shorter (the same code is compiled
 * either way, and the tree is garbage at once).
 */
let warmed = false;
function warmReact(): void {
  if (warmed) return;
  warmed = true;
  // Not unmounted: nothing refers to the detached container once the render is done, and unmounting would compile
  // React's deletion code for nothing.
  const root = createRoot(document.createElement('div'));
  flushSync(() => root.render(<section aria-label="warm-up"><p>warm-up</p><button type="button">warm-up</button></section>));
}

export const NO_SIDEBAR_NOTE =
  "Refinery could not find this issue's sidebar, so it shows here. The toolbar popup says what it looked for.";

export const panelFeature: PageFeature<IssuePage> = {
  id: 'panel',
  serves: (page: PageRef): page is IssuePage => page.type === 'issue',
  start(first, board) {
    let page = first;
    let theme: Theme = detectHostTheme(document);
    let prefs: LayoutPrefs | null = null;
    let stopped = false;

    // The full panel.
    let ui: MountedShadowUi | null = null;
    let docked = false;
    let key = '';
    let note: string | undefined;
    /** Counts first loads: only the latest one renders, and none after the panel was re-mounted or stopped. */
    let starting = 0;
    let rendered = false;

    // The sidebar section.
    let side: MountedShadowUi | null = null;
    let sideKey = '';
    /** Counts the section's loads, as `starting` does the panel's. */
    let sideStarting = 0;
    let sideLoading = '';

    const sidebarLayout = () => prefs?.layout === 'sidebar' && page.ref.kind !== 'epic';

    // For the popup's diagnostics: where each part looked and what it found, looked up when asked.
    const unreport = board?.report('panel', () => ({
      feature: 'panel',
      anchors: anchorChecks(document, MOUNT_CANDIDATES[page.forge][page.type]),
      placed: !ui?.host.isConnected ? 'none' : docked ? 'docked' : 'anchored',
    })) ?? (() => undefined);
    // The sidebar section reports only where the layout has one (not with the "panel" layout, nor on epics).
    let unreportSidebar = () => undefined as void;
    const reportSidebar = () => {
      unreportSidebar();
      if (!sidebarLayout()) return;
      unreportSidebar =
        board?.report('sidebar', () => ({
          feature: 'sidebar',
          anchors: anchorChecks(document, SIDEBAR_CANDIDATES[page.forge]),
          placed: side?.host.isConnected ? 'anchored' : note !== undefined && ui?.host.isConnected ? 'fallback' : 'none',
        })) ?? (() => undefined);
    };

    /** Called once the chunk is in (firstRender waits for it; later renders follow a first one). */
    const panelElement = (start?: Awaited<ReturnType<typeof loadPanelStart>>) => {
      const Container = PanelContainer!;
      return <Container issueRef={page.ref} start={start} note={note} />;
    };

    const firstRender = () => {
      const mine = ++starting;
      void Promise.all([loadPanelStart(page.ref), loadPanelContainer()]).then(([start]) => {
        if (mine !== starting || !ui) return;
        rendered = true;
        ui.render(panelElement(start));
      });
    };

    const mountPanel = () => {
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
        theme,
        styles: panelStyles,
        placeholder: loadingPlaceholder(document),
      });
      firstRender();
    };

    const unmountPanel = () => {
      starting++;
      ui?.unmount();
      ui = null;
    };

    /** The full panel is wanted (with `nextNote` under its title): mount it, or keep it right where it is. */
    const showPanel = (nextNote: string | undefined) => {
      const noteChanged = nextNote !== note;
      note = nextNote;
      if (!ui?.host.isConnected) return mountPanel();
      if (docked && !findMountPoint(document, page).docked) return mountPanel();
      if (refKey(page.ref) !== key) {
        // Same place, another issue: keep the panel, give it the new ref (it shows its own loading state).
        key = refKey(page.ref);
        if (rendered) ui.render(panelElement());
        else firstRender();
        return;
      }
      if (noteChanged && rendered) ui.render(panelElement());
    };

    const unmountSidebar = () => {
      sideStarting++;
      sideLoading = '';
      side?.unmount();
      side = null;
    };

    const setFullPanel = (open: boolean) => {
      if (!prefs || stopped) return;
      prefs = { ...prefs, fullPanel: open };
      saveLayout({ fullPanel: open }).catch(() => undefined); // not remembered: still opened on this page
      place();
      if (open) ui?.host.scrollIntoView?.({ block: 'nearest' });
      renderSidebar();
    };

    let sideStart: Awaited<ReturnType<typeof loadPanelStart>> | null = null;
    const sidebarElement = () =>
      sideStart && <SidebarContainer key={sideKey} issueRef={page.ref} start={sideStart} fullPanel={prefs?.fullPanel === true} onFullPanel={setFullPanel} />;
    const renderSidebar = () => {
      if (side?.host.isConnected && sideStart) side.render(sidebarElement());
    };

    /** Loads the section's data, then mounts it in the sidebar if the page still has one (else the panel shows). */
    const loadSidebar = () => {
      const k = refKey(page.ref);
      if (sideLoading === k) return;
      sideLoading = k;
      const mine = ++sideStarting;
      const loading = loadPanelStart(page.ref);
      warmReact();
      void loading.then((start) => {
        if (mine !== sideStarting || stopped) return;
        sideLoading = '';
        const point = findSidebarPoint(document, page);
        if (!point || refKey(page.ref) !== k) return place();
        side?.unmount();
        sideKey = k;
        sideStart = start;
        side = mountShadowUi({
          feature: 'sidebar',
          anchor: point.anchor,
          position: point.position,
          theme,
          styles: sidebarStyles,
          children: sidebarElement(),
          renderFirst: true,
        });
        place();
      });
    };

    /** Puts each part where the layout and the page say. */
    const place = () => {
      if (!prefs || stopped) return;
      if (!sidebarLayout()) {
        unmountSidebar();
        return showPanel(undefined);
      }
      const sidebarHere = findSidebarPoint(document, page) !== null;
      const sideShown = side?.host.isConnected === true && sideKey === refKey(page.ref);
      if (!sideShown) {
        if (side && !side.host.isConnected) unmountSidebar();
        if (sidebarHere) loadSidebar();
      }
      if (sideShown || (sidebarHere && !ui?.host.isConnected)) {
        // In the sidebar (or about to be): the full panel only on demand.
        if (prefs.fullPanel) showPanel(undefined);
        else if (sideShown) unmountPanel();
        return;
      }
      showPanel(NO_SIDEBAR_NOTE);
    };

    void loadLayout().then((loaded) => {
      if (stopped) return;
      prefs = loaded;
      reportSidebar();
      place();
    });

    return {
      update(next) {
        const changed = refKey(next.ref) !== refKey(page.ref);
        page = next;
        if (prefs) reportSidebar();
        if (changed && side) unmountSidebar();
        place();
      },
      onDomChange() {
        place();
      },
      setTheme(next) {
        theme = next;
        ui?.setTheme(next);
        side?.setTheme(next);
      },
      stop() {
        stopped = true;
        unreport();
        unreportSidebar();
        unmountPanel();
        unmountSidebar();
      },
    };
  },
};
