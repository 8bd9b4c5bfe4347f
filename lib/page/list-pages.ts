// Which recognised pages show a list of issues, and which list: decided on every page, so apart from rows.ts (the
// list's rows, loaded with the list feature only).
import type { IssueRef } from '../forge/model';
import type { BoardPage, IssueListPage, IssuePage, PageRef } from './recognize';

/** A GitLab epic's page (an epic or a group work item) as a list: its child issues, from any project of the group. */
export interface EpicChildrenPage {
  type: 'epic-children';
  forge: 'gitlab';
  baseUrl: string;
  container: 'group';
  /** The epic's group. */
  path: string;
  /** The epic's iid. */
  iid: number;
}

export type ListLikePage = IssueListPage | BoardPage | EpicChildrenPage;

/** A GitLab epic page (`/groups/…/-/epics/:iid`, `/groups/…/-/work_items/:iid`). */
export type EpicPage = IssuePage & { forge: 'gitlab'; ref: IssueRef & { container: 'group' } };

/** Recognised pages that show a list of issues: lists, boards, and epics (their child items). */
export type ListSourcePage = IssueListPage | BoardPage | EpicPage;

export function showsList(page: PageRef): page is ListSourcePage {
  return page.type !== 'issue' || (page.forge === 'gitlab' && page.ref.container === 'group');
}

/** The list a page shows: the page itself for lists and boards, the child items on a GitLab epic page. */
export function listPageOf(page: ListSourcePage): ListLikePage {
  if (page.type !== 'issue') return page;
  return { type: 'epic-children', forge: 'gitlab', baseUrl: page.baseUrl, container: 'group', path: page.ref.path, iid: page.ref.iid };
}
