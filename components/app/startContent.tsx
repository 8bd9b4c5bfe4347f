// The content script's life on a forge page: recognise the page, mount the panel where the page allows, keep it
// right across in-page navigation and host re-renders, and leave pages that aren't issues untouched.
import type { ForgeKind } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { BUILT_IN_HOSTS, detectHostTheme, findMountPoint, hostFor, recognizePage, watchNavigation, type HostConfig, type IssuePage } from '@/lib/page';
import { PanelContainer, refKey } from '../panel/PanelContainer';
import { panelStyles } from '../panel/styles';
import { watchHostTheme } from '../shadow/hostTheme';
import { mountShadowUi, type MountedShadowUi } from '../shadow/mountShadowUi';

interface Mounted {
  key: string;
  docked: boolean;
  ui: MountedShadowUi;
}

/** The host config for this page: built-ins need no message; self-managed hosts are asked of the background. */
async function hostForPage(url: string, kind: ForgeKind): Promise<HostConfig | null> {
  const builtIn = hostFor(url, BUILT_IN_HOSTS);
  if (builtIn) return builtIn.host.kind === kind ? builtIn.host : null;
  const answer = await call('resolveConnection', { url });
  return answer.ok && answer.data && answer.data.kind === kind ? { kind, baseUrl: answer.data.baseUrl } : null;
}

/** The URL this document was loaded with; later URLs come from history.pushState. */
function loadedUrl(): string {
  const nav = performance.getEntriesByType('navigation')[0];
  return (nav?.name ?? location.href).split('#')[0]!;
}

export function startContent(kind: ForgeKind, signal: AbortSignal): void {
  const firstUrl = loadedUrl();
  let mounted: Mounted | null = null;
  let page: IssuePage | null = null;
  let host: HostConfig | null | undefined;
  let run = 0;

  const unmount = () => {
    mounted?.ui.unmount();
    mounted = null;
  };

  const mount = (p: IssuePage) => {
    unmount();
    const point = findMountPoint(document, p);
    const ui = mountShadowUi({
      feature: 'panel',
      anchor: point.anchor,
      position: point.position,
      docked: point.docked,
      theme: detectHostTheme(document),
      styles: panelStyles,
      children: <PanelContainer issueRef={p.ref} />,
    });
    mounted = { key: refKey(p.ref), docked: point.docked, ui };
  };

  const update = async (url: string) => {
    const mine = ++run;
    host ??= await hostForPage(url, kind);
    if (mine !== run || signal.aborted) return;
    const navigated = url.split('#')[0] !== firstUrl;
    const next = host ? recognizePage(url, document, [host], { navigated }) : null;
    page = next?.type === 'issue' ? next : null;
    if (!page) return unmount();
    if (mounted?.ui.host.isConnected) {
      // Same place, another issue (in-page navigation): keep the panel, give it the new ref.
      const key = refKey(page.ref);
      if (mounted.key !== key) {
        mounted.ui.render(<PanelContainer issueRef={page.ref} />);
        mounted.key = key;
      }
      return;
    }
    mount(page);
  };

  // Host apps render late and re-render often: re-mount when our host was dropped, or when a docked panel can
  // move to a real anchor. Checks are coalesced to one per animation frame.
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (!page || !mounted || signal.aborted) return;
    if (!mounted.ui.host.isConnected) return mount(page);
    if (mounted.docked && !findMountPoint(document, page).docked) mount(page);
  };
  const observer = new MutationObserver((records) => {
    // The page's own identity changed (GitLab swaps <body> data on some navigations): recognise again.
    if (records.some((r) => r.type === 'attributes')) void update(location.href);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(check);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  observer.observe(document.body, { attributes: true, attributeFilter: ['data-page', 'data-page-type-id', 'data-project-full-path'] });

  const stopTheme = watchHostTheme((theme) => mounted?.ui.setTheme(theme));
  watchNavigation((url) => void update(url), { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    stopTheme();
    unmount();
  });
  void update(location.href);
}
