// Where our UI goes in a forge page. Ordered candidates, first match wins; when none matches we dock to <body>.
// Sources of each selector: gitlabhq/gitlabhq qa/qa/page/project/work_item/show.rb and the .vue templates it names
// (work_item_detail.vue, work_item_description.vue, issuable_list_root.vue, board_content.vue); refined-github/refined-github
// source/github-helpers/selectors.ts; the real captured pages (test/real-pages/catalogue.ts); our notes, dom-anchors.md.
import type { ForgeKind } from '../forge/model';
import type { PageRef } from './recognize';

export type MountPosition = 'before' | 'after' | 'prepend' | 'append';

export interface MountCandidate {
  selector: string;
  position: MountPosition;
  /** Anchor on the match's parent (`'parent'`) or its closest ancestor matching a selector, instead of the match. */
  up?: 'parent' | string;
}

export interface MountPoint {
  anchor: Element;
  position: MountPosition;
  /** True when no anchor matched and the UI floats as a panel docked to the page. */
  docked: boolean;
}

/** Our own elements carry this attribute; we never mount relative to ourselves. */
export const OWN_ELEMENT_SELECTOR = '[data-refinery]';

/**
 * Overlays that reuse the page's widgets (GitLab's work-item drawer and create/related-item modals, GitHub dialogs):
 * a match inside one is the overlay's copy, not the page's.
 */
export const OVERLAY_SELECTOR = '[role="dialog"], .modal, .gl-drawer, [data-testid="work-item-drawer"]';

const GITLAB_WORK_ITEM: readonly MountCandidate[] = [
  // Below the description, above the child items / linked items / activity (GitLab 16+ work-item view).
  { selector: '[data-testid="work-item-description-wrapper"]', position: 'after' },
  // Top of the right sidebar (GitLab 17.x/18.x) …
  { selector: '[data-testid="work-item-overview-right-sidebar"]', position: 'prepend' },
  // … or above the first attribute widget where there is no such sidebar (16.x inline widgets).
  { selector: '[data-testid="work-item-assignees"]', position: 'before' },
  // Title only (description widget missing): below the title's container.
  { selector: '[data-testid="work-item-title"]', position: 'after', up: 'parent' },
];

const GITLAB_LEGACY_ISSUE: readonly MountCandidate[] = [
  // HAML/Vue issue page before the work-item view (GitLab ≤ 17.x, and self-managed with the flag off).
  { selector: '.detail-page-description', position: 'after' },
  { selector: '.issue-details', position: 'after' },
  { selector: '.issuable-sidebar', position: 'prepend' },
];

const GITLAB_CONTENT: readonly MountCandidate[] = [{ selector: '#content-body', position: 'prepend' }];

const GITHUB_REPO_CONTENT: readonly MountCandidate[] = [
  { selector: '#repo-content-turbo-frame', position: 'prepend' },
  { selector: '#repo-content-pjax-container', position: 'prepend' },
  { selector: '#js-repo-pjax-container', position: 'prepend' },
];

export const MOUNT_CANDIDATES: Readonly<Record<ForgeKind, Readonly<Record<PageRef['type'], readonly MountCandidate[]>>>> = {
  gitlab: {
    issue: [...GITLAB_WORK_ITEM, ...GITLAB_LEGACY_ISSUE, ...GITLAB_CONTENT],
    'issue-list': [
      { selector: '.issuable-list-container', position: 'before' },
      { selector: 'ul.issuable-list', position: 'before' },
      ...GITLAB_CONTENT,
    ],
    board: [
      { selector: '[data-testid="boards-list"]', position: 'before' },
      { selector: '.boards-list', position: 'before' },
      { selector: '.boards-app', position: 'prepend' },
      ...GITLAB_CONTENT,
    ],
  },
  github: {
    issue: [
      // React issue view (github.com since 2024, recent GHE): below the description, above the timeline.
      { selector: '[data-testid="issue-body"]', position: 'after' },
      { selector: '[data-testid="issue-viewer-metadata-pane"]', position: 'before' },
      { selector: '[data-testid="issue-header"]', position: 'after' },
      // Rails issue view (older GitHub Enterprise Server).
      { selector: '#partial-discussion-sidebar', position: 'prepend' },
      { selector: '#partial-discussion-header', position: 'after' },
      ...GITHUB_REPO_CONTENT,
    ],
    'issue-list': [
      // React lists: above the list holding the first issue row.
      { selector: 'a[data-testid="issue-pr-title-link"]', position: 'before', up: 'ul, [role="list"]' },
      // Search results.
      { selector: '[data-testid="results-list"]', position: 'before' },
      // Rails lists (older GitHub Enterprise Server).
      { selector: '.js-issue-row', position: 'before', up: '.js-navigation-container' },
      ...GITHUB_REPO_CONTENT,
      { selector: 'main', position: 'prepend' },
    ],
    board: [],
  },
};

/**
 * The issue's metadata sidebar, where the compact sidebar section goes (issue 19): first among the forge's own
 * sections, where people look for a weight and a stage. GitLab's work-item view (17.x/18.x:
 * work_item_detail.vue's right sidebar), the older Vue/HAML issue page (`.issuable-sidebar`, after its collapse
 * header; seen on GitLab 9, ../shared/real-pages); GitHub's React issue view (`issue-viewer-metadata-pane` with
 * `sidebar-section` blocks, dom-anchors.md) and its older Rails view (`#partial-discussion-sidebar` with
 * `.discussion-sidebar-item`s: github.com 2021 and 2023 captures, GitHub Enterprise Server 3.x).
 */
export const SIDEBAR_CANDIDATES: Readonly<Record<ForgeKind, readonly MountCandidate[]>> = {
  gitlab: [
    { selector: '[data-testid="work-item-overview-right-sidebar"]', position: 'prepend' },
    { selector: '.issuable-sidebar > .issuable-sidebar-header', position: 'after' },
    { selector: '.issuable-sidebar', position: 'prepend' },
  ],
  github: [
    { selector: '[data-testid="issue-viewer-metadata-pane"] > [data-testid="sidebar-section"]', position: 'before' },
    { selector: '[data-testid="issue-viewer-metadata-pane"]', position: 'append' },
    { selector: '#partial-discussion-sidebar > .discussion-sidebar-item', position: 'before' },
    { selector: '#partial-discussion-sidebar', position: 'prepend' },
  ],
};

/** The sidebar anchor for an issue page, or null when the page has no sidebar we know (the panel is used then). */
export function findSidebarPoint(doc: Document, page: PageRef): MountPoint | null {
  return page.type === 'issue' ? firstMountPoint(doc, SIDEBAR_CANDIDATES[page.forge]) : null;
}

/**
 * Above an epic's child items (the lists feature's summary bar): GitLab 16+'s work-item tree (work_item_tree.vue), the
 * older epic tree (related_items_tree_app.vue). Outside the widget: its insides are re-rendered by Vue.
 */
export const EPIC_CHILDREN_CANDIDATES: readonly MountCandidate[] = [
  { selector: '[data-testid="work-item-tree"]', position: 'before' },
  { selector: '.related-items-tree-container', position: 'before' },
];

function usable(el: Element): boolean {
  return el.closest(OWN_ELEMENT_SELECTOR) === null && el.closest(OVERLAY_SELECTOR) === null;
}

function resolve(doc: Document, c: MountCandidate): Element | null {
  for (const match of doc.querySelectorAll(c.selector)) {
    if (!usable(match)) continue;
    const anchor = c.up === undefined ? match : c.up === 'parent' ? match.parentElement : match.closest(c.up);
    if (!anchor || !usable(anchor)) continue;
    // Siblings need a parent inside the document body; never insert around <body> or <html>.
    if ((c.position === 'before' || c.position === 'after') && (!anchor.parentElement || anchor === doc.body)) continue;
    if (anchor === doc.documentElement) continue;
    return anchor;
  }
  return null;
}

/** The first usable anchor among these candidates, or null when the page has none of them. */
export function firstMountPoint(doc: Document, candidates: readonly MountCandidate[]): MountPoint | null {
  for (const c of candidates) {
    const anchor = resolve(doc, c);
    if (anchor) return { anchor, position: c.position, docked: false };
  }
  return null;
}

/** The first usable candidate anchor for this page, or a docked panel on <body> when the page has none. */
export function findMountPoint(doc: Document, page: PageRef): MountPoint {
  return firstMountPoint(doc, MOUNT_CANDIDATES[page.forge][page.type]) ?? { anchor: doc.body, position: 'append', docked: true };
}

/** For diagnostics: each candidate in the order tried, and whether the page has a usable anchor for it. */
export function anchorChecks(doc: Document, candidates: readonly MountCandidate[]): { selector: string; found: boolean }[] {
  return candidates.map((c) => ({ selector: c.selector, found: resolve(doc, c) !== null }));
}
