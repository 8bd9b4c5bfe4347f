// The issues an issue list or board shows: each row (list item, board card), its title link and which issue it is.
// Identity comes from the title link's URL first (it names the project, so group lists and cross-repository searches
// work), then GitLab's board card data, then the row's reference text. DOM/URL only.
// Selectors: GitLab issuable_item.vue (`issuable-item-wrapper`, `issuable-title-link`, `issuable-reference`, shared by
// the legacy issue list and the work-item list), board_card.vue (`board-card`, older `board_card`, `data-item-iid`,
// `data-item-path`) and board_card_inner.vue (`board-card-title-link`); older HAML lists (`li.issue`,
// `.issue-title-text a`); milestone pages (shared/milestones/_issuable.html.haml); an epic's child items: the work-item
// tree (work_item_tree.vue `work-item-tree`, work_item_link_child.vue `li.tree-item`, work_item_link_child_contents.vue
// `links-child` and `.item-title > a`, GitLab 16's `item-title` link) and the older epic tree (related_items_tree
// tree_item.vue `li.tree-item`, tree_item_body.vue `.item-title a.sortable-link` and the reference in `.item-meta`).
// GitHub: refined-github's list selectors (`issue-pr-title-link`, `listitem-title-link`, `issue-title-link`,
// `.js-issue-row`, `[data-listview-component="items-list"] > li`) and search results
// (`[data-testid="results-list"] .search-title a`).
import type { ForgeKind } from '../forge/model';
import { OVERLAY_SELECTOR, OWN_ELEMENT_SELECTOR } from './mount';
import type { ListLikePage } from './list-pages';
import { parsePageUrl } from './recognize';

export { listPageOf, showsList, type EpicChildrenPage, type EpicPage, type ListLikePage, type ListSourcePage } from './list-pages';

export interface IssueRow {
  /** The list item or board card showing the issue: what a filter hides. */
  row: HTMLElement;
  /** The title link: a badge goes right after it. */
  title: HTMLElement;
  /** GitLab project full path or GitHub `owner/repo`. */
  path: string;
  iid: number;
}

interface Shape {
  titles: string;
  /** The row around a title: the nearest match of the first selector that has one (an outer item before its body). */
  rows: string | readonly string[];
  /** Elements in the row holding `#12` or `group/project#12`. */
  references: string;
}

export const ROW_SHAPES: Readonly<Record<ForgeKind, Shape>> = {
  gitlab: {
    titles: [
      'a[data-testid="issuable-title-link"]',
      'a[data-testid="board-card-title-link"]',
      '.board-card-title a[href]',
      'li.issue .issue-title-text a[href]',
      'li.issue a.issue-title-text[href]',
      // Milestone pages (shared/milestones/_issuable.html.haml): `ul.milestone-issues-list > li > span > a`.
      'ul.milestone-issues-list > li > span > a[href]',
    ].join(', '),
    rows: [
      'li[data-testid="issuable-item-wrapper"]',
      '[data-testid="board-card"]',
      '[data-testid="board_card"]',
      'li.board-card',
      'li[data-qa-issue-id]',
      'li.issue',
      'ul.milestone-issues-list > li',
    ].join(', '),
    references: '[data-testid="issuable-reference"], .issuable-reference, .board-card-number, .issuable-number',
  },
  github: {
    titles: [
      'a[data-testid="issue-pr-title-link"]',
      'a[data-testid="listitem-title-link"]',
      'a[data-testid="issue-title-link"]',
      '.js-issue-row a.Link--primary[href]',
      '.js-issue-row a.js-navigation-open[href]',
      '[data-testid="results-list"] .search-title a[href]',
    ].join(', '),
    rows: [
      '.js-issue-row',
      '[data-listview-component="items-list"] > li',
      '[data-testid="list-view-items"] > li',
      '[data-testid="results-list"] > *',
      'li[role="listitem"]',
      'li',
    ].join(', '),
    references: '[data-testid="list-row-repo-name-and-number"]',
  },
};

/** Only inside the child-items widget: the linked-items widget below it renders the same `links-child` items. */
const WORK_ITEM_TREE = '[data-testid="work-item-tree"]';
const EPIC_TREE = '.related-items-tree-container';

export const EPIC_CHILD_SHAPE: Readonly<Shape> = {
  titles: [
    `${WORK_ITEM_TREE} [data-testid="links-child"] .item-title > a[href]`,
    `${WORK_ITEM_TREE} [data-testid="links-child"] a[data-testid="item-title"]`,
    `${EPIC_TREE} li.tree-item .item-title a[href]`,
  ].join(', '),
  // The whole tree item (its expand button too), else the item's body (GitLab 16 had no list item around it).
  rows: ['li.tree-item', '[data-testid="links-child"]'],
  // The older tree shows `group/project#12` under the title; child epics read `group&3` (not an issue).
  references: '.issue-token-reference, .item-meta > span:first-child',
};

/** Project and number of an issue URL on this page's host; null for anything else (merge requests, epics, PRs). */
export function issueOfHref(href: string | null, page: ListLikePage): { path: string; iid: number } | null {
  if (!href) return null;
  let abs: string;
  try {
    abs = new URL(href, `${page.baseUrl}/`).href;
  } catch {
    return null;
  }
  const target = parsePageUrl(abs, [{ kind: page.forge, baseUrl: page.baseUrl }]);
  if (target?.type !== 'issue' || target.forge !== page.forge || target.baseUrl !== page.baseUrl) return null;
  if (target.ref.container !== 'project' || target.ref.kind !== 'issue') return null;
  return { path: target.ref.path, iid: target.ref.iid };
}

/** `#12` (the page's own project) or `group/project#12`; GitLab epics (`&3`) and merge requests (`!4`) are not issues. */
export function issueOfReference(text: string, defaultPath: string | null): { path: string; iid: number } | null {
  const m = /(?:^|\s)([\w.\-/]*?)#(\d{1,15})(?:\s|$)/.exec(text.trim());
  if (!m) return null;
  const path = m[1] ? m[1] : defaultPath;
  const iid = Number(m[2]);
  return path && Number.isSafeInteger(iid) && iid > 0 ? { path, iid } : null;
}

function usable(el: Element): boolean {
  return el.closest(OWN_ELEMENT_SELECTOR) === null && el.closest(OVERLAY_SELECTOR) === null;
}

/** GitLab board cards carry the issue's iid and full reference (`group/project#12`) as data. */
function fromBoardCard(row: Element, page: ListLikePage): { path: string; iid: number } | null {
  const iid = row.getAttribute('data-item-iid');
  if (!iid || !/^\d{1,15}$/.test(iid)) return null;
  return issueOfReference(`${row.getAttribute('data-item-path')?.replace(/#\d+$/, '') ?? ''}#${iid}`, page.path);
}

function identify(row: HTMLElement, title: HTMLElement, page: ListLikePage, shape: Shape): { path: string; iid: number } | null {
  const fromLink = issueOfHref(title.getAttribute('href'), page);
  if (fromLink) return fromLink;
  // A link we cannot read (a URL shape we don't know): fall back to what the row says about itself.
  if (page.forge === 'gitlab') {
    const card = fromBoardCard(row, page);
    if (card) return card;
  }
  const ref = row.querySelector(shape.references);
  return ref?.textContent ? issueOfReference(ref.textContent, page.container === 'project' ? page.path : null) : null;
}

/** What a title link was found to point at, kept per link while its href stays the same (long lists are rescanned). */
export type RowCache = WeakMap<Element, { href: string | null; who: { path: string; iid: number } | null }>;

function rowOf(link: HTMLElement, rows: Shape['rows']): HTMLElement | null {
  for (const selector of typeof rows === 'string' ? [rows] : rows) {
    const row = link.closest<HTMLElement>(selector);
    if (row) return row;
  }
  return link.parentElement;
}

/** Every issue row on the page, in document order; a board may show one issue in two lists (two rows). */
export function findIssueRows(root: ParentNode, page: ListLikePage, cache?: RowCache): IssueRow[] {
  const shape = page.type === 'epic-children' ? EPIC_CHILD_SHAPE : ROW_SHAPES[page.forge];
  const out: IssueRow[] = [];
  const seenRows = new Set<Element>();
  for (const link of root.querySelectorAll<HTMLElement>(shape.titles)) {
    if (!usable(link)) continue;
    const row = rowOf(link, shape.rows);
    if (!row || seenRows.has(row)) continue;
    const href = link.getAttribute('href');
    const known = cache?.get(link);
    const who = known && known.href === href ? known.who : identify(row, link, page, shape);
    cache?.set(link, { href, who });
    if (!who) continue;
    seenRows.add(row);
    out.push({ row, title: link, ...who });
  }
  return out;
}

/**
 * Links to issues of this page's host that are not inside a row we found (nor in our UI or an overlay): rows the badges
 * cannot find when the forge changed its list markup. Several links to one issue count once.
 */
export function unplacedIssueLinks(root: ParentNode, page: ListLikePage, rows: readonly IssueRow[]): number {
  const inRows = new Set(rows.map((r) => r.row));
  const seen = new Set<string>();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (!usable(link)) continue;
    let inside = false;
    for (let el: Element | null = link; el; el = el.parentElement) {
      if (inRows.has(el as HTMLElement)) {
        inside = true;
        break;
      }
    }
    if (inside) continue;
    const who = issueOfHref(link.getAttribute('href'), page);
    if (who) seen.add(`${who.path.toLowerCase()}#${who.iid}`);
  }
  return seen.size;
}
