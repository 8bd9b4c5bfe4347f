// Weight validation while browsing, as a page feature: on issue lists, boards and a GitLab epic's child items, a badge
// per issue from the same rules as the issue page, a summary bar with filters, and the weight picker one click away. Rows
// that appear later (infinite scroll, a board list expanding, children loading, in-page navigation) get their badges
// without reading again what is known.
import type { Issue } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import {
  anchorChecks,
  detectHostTheme,
  EPIC_CHILDREN_CANDIDATES,
  findMountPoint,
  firstMountPoint,
  MOUNT_CANDIDATES,
  type MountCandidate,
  type MountPoint,
  type PageRef,
} from '@/lib/page';
import { listPageOf, showsList, unplacedIssueLinks, type ListLikePage, type ListSourcePage } from '@/lib/page/rows';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { loadListSettings, watchListSettings } from '@/lib/settings/lists';
import type { PageFeature } from '../app/feature';
import { mountShadowUi, type MountedShadowUi } from '../shadow/mountShadowUi';
import { ListController, type ListState } from './controller';
import { openPicker, type OpenPicker } from './openPicker';
import { MoveLabels, moveLabelsStyles, statusMoveSpec, weightMoveSpec } from './MoveLabels';
import { SummaryBar, summaryStyles } from './SummaryBar';

/** Lists and boards always have a bar (docked when no anchor is found); an epic's only above its child items. */
function summaryPoint(page: ListLikePage): MountPoint | null {
  return page.type === 'epic-children' ? firstMountPoint(document, EPIC_CHILDREN_CANDIDATES) : findMountPoint(document, page);
}

function summaryCandidates(page: ListLikePage): readonly MountCandidate[] {
  return page.type === 'epic-children' ? EPIC_CHILDREN_CANDIDATES : MOUNT_CANDIDATES[page.forge][page.type];
}

export const listFeature: PageFeature<ListSourcePage> = {
  id: 'lists',
  // Epic pages also carry the panel: both features run there.
  serves: (page: PageRef): page is ListSourcePage => showsList(page),
  start(first, board) {
    let page = listPageOf(first);
    let theme = detectHostTheme(document);
    let state: ListState | null = null;
    let summary: MountedShadowUi | null = null;
    let picker: OpenPicker | null = null;
    let stopped = false;

    // Issue links the badges could not place in a row: said in the bar when no row was found at all.
    const unplaced = () => (state && state.issues === 0 ? unplacedIssueLinks(document, page, controller.rowsOnPage()) : 0);
    const move = () => {
      const { views, settings } = controller.loadedViews();
      const onIssue = (issue: Issue) => controller.updateIssue(issue);
      return (
        <>
          <MoveLabels spec={weightMoveSpec} views={views} settings={settings} baseUrl={page.baseUrl} onIssue={onIssue} />
          <MoveLabels spec={statusMoveSpec} views={views} settings={settings} baseUrl={page.baseUrl} onIssue={onIssue} />
        </>
      );
    };
    const bar = () => (
      <SummaryBar state={state} unplaced={unplaced()} onFilter={(f) => controller.setFilter(f)} onRetry={() => controller.retry()} move={move()} />
    );
    const mountSummary = () => {
      summary?.unmount();
      summary = null;
      // An epic whose children are all epics (or not loaded yet) has no issues to sum up: no bar.
      if (page.type === 'epic-children' && !state?.issues) return;
      const point = summaryPoint(page);
      if (!point) return;
      summary = mountShadowUi({ feature: 'summary', anchor: point.anchor, position: point.position, docked: point.docked, theme, styles: summaryStyles + moveLabelsStyles, children: bar() });
    };

    const controller = new ListController({
      page,
      root: document,
      call: (method, params) => call(method, params),
      theme,
      onState: (next) => {
        const had = state?.issues ?? 0;
        state = next;
        if (page.type === 'epic-children' && (had === 0) !== (next.issues === 0)) mountSummary();
        else summary?.render(bar());
      },
      onOpen: (view, badge) => {
        picker?.close();
        void openPicker({ view, badge, board: page.type === 'board', theme, onIssue: (issue) => controller.updateIssue(issue) }).then((p) => {
          if (stopped) p.close();
          else picker = p;
        });
      },
    });

    // The host page renders rows late and replaces them on navigation; look again at most once per frame. (Our own
    // observer: the content runtime's DOM notifications are coalesced for every feature and may be filtered.)
    let frame = 0;
    const tick = () => {
      if (frame || stopped) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (stopped) return;
        if (!summary?.host.isConnected) mountSummary();
        controller.scan();
      });
    };
    const observer = new MutationObserver(tick);
    observer.observe(document.body, { childList: true, subtree: true });

    const unwatch = [
      watchSettings((s) => controller.setSettings(s)),
      watchListSettings((s) => controller.setQuietChip(s.quietChip)),
    ];
    loadSettings().then((s) => !stopped && controller.setSettings(s), () => undefined);
    loadListSettings().then((s) => !stopped && controller.setQuietChip(s.quietChip), () => undefined);

    mountSummary();
    controller.scan();
    // For the popup's diagnostics, looked up when asked.
    const unreport = [
      board?.report('summary', () => ({
        feature: 'summary',
        anchors: anchorChecks(document, summaryCandidates(page)),
        placed: !summary?.host.isConnected ? 'none' : summary.host.hasAttribute('data-docked') ? 'docked' : 'anchored',
      })),
      board?.report('badges', () => ({
        feature: 'badges',
        anchors: [],
        placed: 'none',
        rows: { badged: controller.rowsOnPage().length, unplaced: unplacedIssueLinks(document, page, controller.rowsOnPage()) },
      })),
    ];

    return {
      update(next) {
        const before = page;
        page = listPageOf(next);
        picker?.close();
        if (page.type !== before.type) mountSummary();
        controller.setPage(page);
      },
      onDomChange: tick,
      setTheme(next) {
        theme = next;
        summary?.setTheme(next);
        controller.setTheme(next);
      },
      stop() {
        stopped = true;
        unreport.forEach((u) => u?.());
        cancelAnimationFrame(frame);
        observer.disconnect();
        unwatch.forEach((u) => u());
        picker?.close();
        controller.stop();
        summary?.unmount();
        summary = null;
      },
    };
  },
};
