// The content script's life on a forge page: recognise the page (URL, then the page's own data), start the features
// that serve it, keep them right across in-page navigation and host re-renders, and leave other pages untouched.
import type { ForgeKind } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import type { DiagnosisBoard } from '@/lib/diagnostics/board';
import { BUILT_IN_HOSTS, describePage, hostFor, identifyPage, watchNavigation, type HostConfig, type PageRef } from '@/lib/page';
import { showsList } from '@/lib/page/list-pages';
import { panelFeature } from '../panel/panelFeature';
import { watchHostTheme } from '../shadow/hostTheme';
import { deferredFeature } from './deferredFeature';
import type { FeatureInstance, PageFeature } from './feature';

// Badges and the summary bar load with list, board and epic pages only.
const listFeature = deferredFeature('lists', showsList, () => import('../lists/listFeature').then((m) => m.listFeature));

/** Every feature that serves a page runs on it (an epic page has the panel and its child list), in this order. */
const FEATURES: PageFeature[] = [panelFeature as PageFeature, listFeature as PageFeature];

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

export function startContent(kind: ForgeKind, signal: AbortSignal, board: DiagnosisBoard | null = null, features: PageFeature[] = FEATURES): void {
  const firstUrl = loadedUrl();
  // Each feature keeps its own instance while it serves the page.
  const running = new Map<PageFeature, FeatureInstance>();
  let host: HostConfig | null | undefined;
  let run = 0;

  const stop = (keep: readonly PageFeature[] = []) => {
    for (const [feature, instance] of running) {
      if (keep.includes(feature)) continue;
      running.delete(feature);
      instance.stop();
    }
  };

  const update = async (url: string) => {
    const mine = ++run;
    host ??= await hostForPage(url, kind);
    if (mine !== run || signal.aborted) return;
    const navigated = url.split('#')[0] !== firstUrl;
    if (!host) {
      board?.setRecognition({ status: 'unknown-host' });
      return stop();
    }
    const seen = identifyPage(url, document, [host], { navigated });
    const page: PageRef | null = seen.page;
    if (seen.byUrl && seen.veto !== null) board?.setRecognition({ status: 'vetoed', page: describePage(seen.byUrl), reason: seen.veto });
    else board?.setRecognition(page ? { status: 'recognised', page: describePage(page) } : { status: 'not-served' });
    if (!page) return stop();
    const serving = features.filter((f) => f.serves(page));
    stop(serving);
    for (const feature of serving) {
      const instance = running.get(feature);
      if (instance) instance.update(page);
      else running.set(feature, feature.start(page, board));
    }
  };

  // Host apps render late and re-render often; features hear about it at most once per animation frame.
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    // The page's own identity changed (GitLab swaps <body> data on some navigations): recognise again.
    if (records.some((r) => r.type === 'attributes' && r.target === document.body)) void update(location.href);
    if (scheduled || running.size === 0) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (!signal.aborted) for (const instance of running.values()) instance.onDomChange();
    });
  });
  // One observe() call: a second call on the same node would replace these options, not add to them.
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-page', 'data-page-type-id', 'data-project-full-path'],
  });

  const stopTheme = watchHostTheme((theme) => {
    for (const instance of running.values()) instance.setTheme(theme);
  });
  watchNavigation((url) => void update(url), { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    stopTheme();
    stop();
  });
  void update(location.href);
}
