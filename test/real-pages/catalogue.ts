// The real captured forge pages in ../shared/real-pages (beside the repository; CI lays shared/ there too), with the
// URL each was served at and what Refinery must find there. These are the forges' own pages, not our imitation: when
// they and the sandbox disagree, these win. `REFINERY_REAL_PAGES` points elsewhere when shared/ lives elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ForgeKind } from '../../lib/forge/model';

export const REAL_PAGES_DIR = path.resolve(
  process.env.REFINERY_REAL_PAGES ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/real-pages'),
);

export interface RealPage {
  file: string;
  forge: ForgeKind;
  /** The host's base URL as a user would configure it (self-managed: the page's real host). */
  baseUrl: string;
  /** Path (and nothing else) of the URL the page was served at. */
  path: string;
  /** The issue the page shows: project path and number. */
  project: string;
  iid: number;
  /** The anchor our panel goes next to on this page (CSS selector of the page's own element). */
  anchor: string;
  /** The page's own issue sidebar, where the sidebar section goes (null: the page has none; the panel is used). */
  sidebar: string | null;
  /** The page's own title element, which must stay as it was. */
  title: string;
  /** The title as the page shows it ('' where the page's scripts render it). */
  titleText: string;
  /** The page's own description and sidebar, which must stay; absent in an excerpt. */
  keeps: string[];
}

export const REAL_PAGES: readonly RealPage[] = [
  {
    file: 'github-issue-2023.html',
    forge: 'github',
    baseUrl: 'https://github.com',
    path: '/dotnet/runtime/issues/30402',
    project: 'dotnet/runtime',
    iid: 30402,
    anchor: '#partial-discussion-sidebar',
    sidebar: '#partial-discussion-sidebar',
    title: '#partial-discussion-header bdi.js-issue-title',
    titleText: 'Utf8JsonReader/JsonStreamReader: Add reading values as Stream',
    keeps: ['.js-discussion .comment-body', '#partial-discussion-sidebar'],
  },
  {
    file: 'github-issue-2021.html',
    forge: 'github',
    baseUrl: 'https://github.com',
    path: '/OctoLinker/testrepo/issues/2',
    project: 'OctoLinker/testrepo',
    iid: 2,
    anchor: '#partial-discussion-sidebar',
    sidebar: '#partial-discussion-sidebar',
    title: '#partial-discussion-header span.js-issue-title',
    titleText: 'Issue with some code blocks',
    keeps: ['.js-discussion .comment-body', '#partial-discussion-sidebar'],
  },
  {
    file: 'gitlab-issue-9x-self-managed.html',
    forge: 'gitlab',
    baseUrl: 'https://gitlab.example.invalid',
    path: '/ismond/xphp/issues/1',
    project: 'ismond/xphp',
    iid: 1,
    anchor: '.detail-page-description',
    sidebar: '.issuable-sidebar',
    // GitLab 9 renders the title with Vue from this element's data (its scripts do not run in the tests).
    title: '.issue-title-data[data-initial-title="InWord"]',
    titleText: '',
    keeps: ['.detail-page-description .description', 'aside.right-sidebar'],
  },
  {
    file: 'gitlab-issue-2025-excerpt.html',
    forge: 'gitlab',
    baseUrl: 'https://gitlab.com',
    path: '/connect2x/trixnity-messenger/trixnity-messenger/-/issues/686',
    project: 'connect2x/trixnity-messenger/trixnity-messenger',
    iid: 686,
    anchor: '[data-testid="work-item-type"]',
    sidebar: null,
    title: 'h1[data-testid="work-item-title"]',
    titleText: 'Room name & topic are not accessible',
    keeps: [],
  },
];

export function readRealPage(page: RealPage): string {
  const file = path.join(REAL_PAGES_DIR, page.file);
  if (!fs.existsSync(file)) {
    throw new Error(`Real page ${file} is missing: shared/real-pages must sit beside the repository (or set REFINERY_REAL_PAGES).`);
  }
  return fs.readFileSync(file, 'utf8');
}
