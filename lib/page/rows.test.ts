// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { HostConfig } from './hosts';
import { parsePageUrl } from './recognize';
import { findIssueRows, issueOfHref, issueOfReference, listPageOf, showsList, type ListLikePage } from './rows';

function page(url: string, hosts: HostConfig[] = []): ListLikePage {
  const p = parsePageUrl(url, hosts);
  if (!p || p.type === 'issue') throw new Error(`not a list page: ${url}`);
  return p;
}

function docOf(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = html;
  return d;
}

const rowsOf = (html: string, p: ListLikePage) =>
  findIssueRows(docOf(html), p).map((r) => ({ id: r.row.id, path: r.path, iid: r.iid, title: r.title.textContent?.trim() }));

const GL_LIST = page('https://gitlab.com/acme/backend/-/issues');
const GL_GROUP = page('https://gitlab.com/groups/acme/-/issues');
const GL_BOARD = page('https://gitlab.com/acme/backend/-/boards/1');
const GH_LIST = page('https://github.com/acme/widgets/issues');
const GH_SEARCH = page('https://github.com/search?q=is%3Aissue&type=issues');

// issuable_item.vue as GitLab 17/18 renders it (legacy issue list and work-item list alike).
const issuableItem = (id: string, href: string, ref: string, title: string) => `
<li id="${id}" class="issue !gl-flex" data-qa-issue-id="9${id.length}" data-testid="issuable-item-wrapper">
  <div class="issuable-main-info">
    <div data-testid="issuable-title" class="issue-title title"><a href="${href}" data-testid="issuable-title-link" class="issue-title-text">${title}</a></div>
    <div class="issuable-info"><span data-testid="issuable-reference" class="issuable-reference">${ref}</span></div>
  </div>
</li>`;

describe('GitLab issue and work-item lists', () => {
  it('reads each row from its title link, in page order', () => {
    const html = `<ul class="issuable-list">${issuableItem('a', '/acme/backend/-/issues/12', '#12', 'Twelve')}${issuableItem('b', '/acme/backend/-/work_items/4', '#4', 'Four')}</ul>`;
    expect(rowsOf(html, GL_LIST)).toEqual([
      { id: 'a', path: 'acme/backend', iid: 12, title: 'Twelve' },
      { id: 'b', path: 'acme/backend', iid: 4, title: 'Four' },
    ]);
  });

  it('takes each row’s own project on group lists', () => {
    const html = `<ul>${issuableItem('a', 'https://gitlab.com/acme/backend/-/issues/3', 'acme/backend#3', 'A')}${issuableItem('b', '/acme/frontend/-/issues/3', 'acme/frontend#3', 'B')}</ul>`;
    expect(rowsOf(html, GL_GROUP).map((r) => `${r.path}#${r.iid}`)).toEqual(['acme/backend#3', 'acme/frontend#3']);
  });

  it('understands links under a relative URL root', () => {
    const host = { kind: 'gitlab' as const, baseUrl: 'https://git.example.com/gitlab' };
    const p = page('https://git.example.com/gitlab/acme/backend/-/issues', [host]);
    const html = `<ul>${issuableItem('a', '/gitlab/acme/backend/-/issues/7', '#7', 'Seven')}</ul>`;
    expect(rowsOf(html, p)).toEqual([{ id: 'a', path: 'acme/backend', iid: 7, title: 'Seven' }]);
  });

  it('falls back to the reference text when the link is not an issue URL it knows', () => {
    const html = `<ul>${issuableItem('a', '/acme/backend/-/issues/incident/5', '#5', 'Incident')}${issuableItem('b', '#', 'acme/other#6', 'Other')}</ul>`;
    expect(rowsOf(html, GL_LIST).map((r) => `${r.path}#${r.iid}`)).toEqual(['acme/backend#5', 'acme/other#6']);
  });

  it('skips epics and merge requests', () => {
    const html = `<ul>${issuableItem('a', '/groups/acme/-/epics/2', '&2', 'Epic')}${issuableItem('b', '/acme/backend/-/merge_requests/4', '!4', 'MR')}</ul>`;
    expect(rowsOf(html, GL_LIST)).toEqual([]);
  });

  it('reads the older HAML list rows', () => {
    const html = `<ul class="issues-list"><li id="issue_77" class="issue"><div class="issue-title"><span class="issue-title-text"><a href="/acme/backend/issues/77">Old</a></span></div></li></ul>`;
    expect(rowsOf(html, GL_LIST)).toEqual([{ id: 'issue_77', path: 'acme/backend', iid: 77, title: 'Old' }]);
  });

  it('ignores copies inside the work-item drawer and inside Refinery’s own elements', () => {
    const html = `<ul>${issuableItem('a', '/acme/backend/-/issues/1', '#1', 'One')}</ul>
      <aside data-testid="work-item-drawer"><ul>${issuableItem('d', '/acme/backend/-/issues/2', '#2', 'Drawer')}</ul></aside>
      <div data-refinery="summary"><ul>${issuableItem('r', '/acme/backend/-/issues/3', '#3', 'Ours')}</ul></div>`;
    expect(rowsOf(html, GL_LIST).map((r) => r.iid)).toEqual([1]);
  });
});

describe('GitLab milestone pages', () => {
  it('reads the issues tab of a group milestone, each row with its project', () => {
    const p = page('https://gitlab.com/groups/acme/-/milestones/4');
    const item = (id: string, path: string, iid: number) =>
      `<li id="${id}" class="!gl-border-b-section"><span><strong>Backend &middot;</strong> <a title="T${iid}" class="gl-text-default gl-break-words" href="https://gitlab.com/${path}/-/issues/${iid}">T${iid}</a></span>
        <div class="issuable-detail"><a class="issue-link" href="https://gitlab.com/${path}/-/issues/${iid}"><span class="issuable-number">${path}#${iid}</span></a></div></li>`;
    const html = `<ul class="content-list milestone-issues-list" id="issues-list-unassigned">${item('m1', 'acme/backend', 4)}${item('m2', 'acme/frontend', 9)}</ul>
      <ul class="content-list milestone-merge_requests-list"><li id="mr"><span><a href="https://gitlab.com/acme/backend/-/merge_requests/3">MR</a></span></li></ul>`;
    expect(rowsOf(html, p).map((r) => `${r.id} ${r.path}#${r.iid} ${r.title}`)).toEqual(['m1 acme/backend#4 T4', 'm2 acme/frontend#9 T9']);
  });
});

describe('GitLab epic child items', () => {
  const epicPage = (url: string): ListLikePage => {
    const p = parsePageUrl(url, []);
    if (!p || !showsList(p)) throw new Error(`not an epic page: ${url}`);
    return listPageOf(p);
  };
  const EPIC = epicPage('https://gitlab.com/groups/acme/platform/-/epics/2');

  // work_item_link_child.vue + work_item_link_child_contents.vue as GitLab 17/18 render them.
  const child = (id: string, href: string, title: string, type = 'Issue') => `
<li id="${id}" class="tree-item !gl-mx-0 !gl-px-0 !gl-py-2"><div class="gl-flex gl-items-start"><div data-testid="child-contents-container" class="gl-w-full">
  <div data-testid="links-child" class="item-body work-item-link-child gl-relative gl-flex">
    <div class="gl-z-2 gl-cursor-help"><svg aria-label="${type}"></svg></div>
    <div class="gl-flex gl-min-w-0 gl-grow gl-flex-col"><div class="gl-mb-2 gl-min-w-0 gl-justify-between">
      <div class="item-title gl-mb-2 gl-min-w-0"><a id="listItem-${id}" href="${href}" class="gl-link gl-font-semibold">${title}</a></div>
      <div class="gl-flex"><span data-testid="item-status-icon"><span class="gl-badge">Open</span></span></div></div>
      <div class="gl-justify-between"><div class="gl-text-sm gl-text-subtle"><span>ref</span></div></div></div>
  </div></div></div></li>`;
  const tree = (items: string) =>
    `<section id="childitems" class="crud gl-border" data-testid="work-item-tree"><header class="crud-header"><h2 data-testid="crud-title">Child items</h2></header>
      <div class="crud-body" data-testid="crud-body"><div class="!gl-px-3"><ul class="content-list">${items}</ul></div></div></section>`;

  it('reads each child issue from its link, whatever project of the group it is in; child epics are not issues', () => {
    const html = tree(
      child('a', 'https://gitlab.com/acme/platform/backend/-/issues/4', 'Backend four') +
        child('e', 'https://gitlab.com/groups/acme/platform/-/epics/3', 'Child epic', 'Epic') +
        child('w', 'https://gitlab.com/groups/acme/platform/-/work_items/5', 'Child epic as work item', 'Epic') +
        child('b', '/acme/platform/frontend/-/work_items/4', 'Frontend four'),
    );
    expect(rowsOf(html, EPIC)).toEqual([
      { id: 'a', path: 'acme/platform/backend', iid: 4, title: 'Backend four' },
      { id: 'b', path: 'acme/platform/frontend', iid: 4, title: 'Frontend four' },
    ]);
  });

  it('takes the whole tree item as the row, also for issues under an expanded child epic', () => {
    const nested = child('e', '/groups/acme/platform/-/epics/3', 'Child epic', 'Epic').replace(
      '</div></div></li>',
      `</div></div><div class="!gl-ml-6"><ul class="content-list">${child('g', '/acme/platform/backend/-/issues/9', 'Grandchild')}</ul></div></li>`,
    );
    const rows = findIssueRows(docOf(tree(nested)), EPIC);
    expect(rows.map((r) => `${r.row.id}:${r.iid}`)).toEqual(['g:9']);
    expect(rows[0]!.row.tagName).toBe('LI');
  });

  it('leaves the linked items, the work-item drawer and other widgets alone', () => {
    const html = `${tree(child('a', '/acme/platform/backend/-/issues/1', 'Child'))}
      <div data-testid="work-item-relationships"><ul>${child('l', '/acme/platform/backend/-/issues/2', 'Linked')}</ul></div>
      <aside data-testid="work-item-drawer">${tree(child('d', '/acme/platform/backend/-/issues/3', 'Drawer'))}</aside>`;
    expect(rowsOf(html, EPIC).map((r) => r.id)).toEqual(['a']);
  });

  it('reads GitLab 16’s tree (an `item-title` link, no list item around the body)', () => {
    const html = `<div data-testid="work-item-tree"><div><div class="gl-flex"><div id="old" data-testid="links-child" class="gl-relative gl-flex">
      <span data-testid="item-status-icon"></span><div><div class="gl-flex"><a href="/acme/platform/backend/-/issues/5" class="gl-link" data-testid="item-title">Five</a></div></div></div></div></div></div>`;
    expect(rowsOf(html, EPIC)).toEqual([{ id: 'old', path: 'acme/platform/backend', iid: 5, title: 'Five' }]);
  });

  it('reads the older epic tree, by link or else by the full reference under the title', () => {
    const item = (id: string, type: 'issue' | 'epic', href: string, ref: string) => `
<li id="${id}" class="tree-item list-item js-item-type-${type} item-type-${type}" data-testid="related-issue-item"><div class="list-item-body d-flex">
  <div class="sortable-row"><div class="item-body"><div class="item-title-wrapper"><div class="item-title gl-display-flex"><svg></svg>
    <a href="${href}" class="sortable-link gl-font-weight-bold">T ${ref}</a></div>
    <div class="item-meta gl-display-flex"><span class="gl-mr-4">${ref}</span></div></div></div></div></div></li>`;
    const html = `<div class="related-items-tree-container"><div class="related-items-tree card"><ul class="content-list">
      ${item('i1', 'issue', '/acme/platform/backend/-/issues/3', 'acme/platform/backend#3')}
      ${item('e1', 'epic', '/groups/acme/platform/-/epics/3', 'acme/platform&3')}
      ${item('i2', 'issue', '/acme/platform/frontend/-/issues/incident/5', 'acme/platform/frontend#5')}</ul></div></div>`;
    expect(rowsOf(html, EPIC).map((r) => `${r.id} ${r.path}#${r.iid}`)).toEqual(['i1 acme/platform/backend#3', 'i2 acme/platform/frontend#5']);
  });

  it('is the list of GitLab epic and group work-item pages only', () => {
    expect(epicPage('https://gitlab.com/groups/acme/platform/-/work_items/7')).toEqual({
      type: 'epic-children',
      forge: 'gitlab',
      baseUrl: 'https://gitlab.com',
      container: 'group',
      path: 'acme/platform',
      iid: 7,
    });
    const issue = parsePageUrl('https://gitlab.com/acme/platform/backend/-/issues/7', [])!;
    const ghIssue = parsePageUrl('https://github.com/acme/widgets/issues/7', [])!;
    expect(showsList(issue)).toBe(false);
    expect(showsList(ghIssue)).toBe(false);
    expect(showsList(parsePageUrl('https://gitlab.com/acme/backend/-/issues', [])!)).toBe(true);
  });
});

describe('GitLab boards', () => {
  const card = (id: string, iid: number, path: string, href: string | null) =>
    `<li id="${id}" class="board-card" data-testid="board-card" data-item-iid="${iid}" data-item-path="${path}#${iid}">
      <div class="board-card-title"><a ${href === null ? '' : `href="${href}"`} data-testid="board-card-title-link">Card ${iid}</a></div>
      <span class="board-card-number">#${iid}</span></li>`;

  it('finds every card, the same issue twice when two lists show it', () => {
    const html = `<div class="board"><ul>${card('x', 8, 'acme/backend', '/acme/backend/-/issues/8')}</ul></div>
      <div class="board"><ul>${card('y', 8, 'acme/backend', '/acme/backend/-/issues/8')}${card('z', 2, 'acme/backend', '/acme/backend/-/issues/2')}</ul></div>`;
    expect(rowsOf(html, GL_BOARD).map((r) => `${r.id}:${r.iid}`)).toEqual(['x:8', 'y:8', 'z:2']);
  });

  it('uses the card’s data when the title link has no usable URL', () => {
    const html = `<ul>${card('x', 14, 'acme/frontend', null)}</ul>`;
    expect(rowsOf(html, GL_BOARD)).toEqual([{ id: 'x', path: 'acme/frontend', iid: 14, title: 'Card 14' }]);
  });

  it('reads GitLab 15 cards (data-testid="board_card")', () => {
    const html = `<ul><li id="old" data-testid="board_card" class="board-card" data-item-iid="3" data-item-path="acme/backend#3"><h4 class="board-card-title"><a href="/acme/backend/-/issues/3">Three</a></h4></li></ul>`;
    expect(rowsOf(html, GL_BOARD)).toEqual([{ id: 'old', path: 'acme/backend', iid: 3, title: 'Three' }]);
  });
});

describe('GitHub lists', () => {
  it('reads the React issue list', () => {
    const row = (n: number) => `<li id="r${n}" role="listitem"><div><h3><a data-testid="issue-pr-title-link" href="/acme/widgets/issues/${n}">Issue ${n}</a></h3></div>
      <div data-testid="list-row-repo-name-and-number"><span>#${n}</span></div></li>`;
    expect(rowsOf(`<ul data-testid="list-view-items">${row(5)}${row(4)}</ul>`, GH_LIST)).toEqual([
      { id: 'r5', path: 'acme/widgets', iid: 5, title: 'Issue 5' },
      { id: 'r4', path: 'acme/widgets', iid: 4, title: 'Issue 4' },
    ]);
  });

  it('reads the Rails list of GitHub Enterprise Server', () => {
    const html = `<div class="js-navigation-container"><div id="issue_9" class="js-issue-row"><a id="issue_9_link" class="Link--primary js-navigation-open" href="/acme/widgets/issues/9">Nine</a></div></div>`;
    expect(rowsOf(html, GH_LIST)).toEqual([{ id: 'issue_9', path: 'acme/widgets', iid: 9, title: 'Nine' }]);
  });

  it('takes each search result’s repository and skips pull requests', () => {
    const html = `<div data-testid="results-list">
      <div id="s1"><div class="search-title"><a href="/acme/widgets/issues/4">W4</a></div></div>
      <div id="s2"><div class="search-title"><a href="/acme/gadgets/issues/1">G1</a></div></div>
      <div id="s3"><div class="search-title"><a href="/acme/widgets/pull/21">PR</a></div></div></div>`;
    expect(rowsOf(html, GH_SEARCH).map((r) => `${r.id} ${r.path}#${r.iid}`)).toEqual(['s1 acme/widgets#4', 's2 acme/gadgets#1']);
  });

  it('does not take another host’s links for issues', () => {
    const html = `<ul><li id="x"><a data-testid="issue-pr-title-link" href="https://gitlab.com/acme/widgets/-/issues/1">Elsewhere</a></li></ul>`;
    expect(rowsOf(html, GH_LIST)).toEqual([]);
  });
});

describe('the row cache', () => {
  it('answers the same rows, and reads a link again when its href changed', () => {
    const d = docOf(`<ul>${issuableItem('a', '/acme/backend/-/issues/12', '#12', 'Twelve')}</ul>`);
    const cache = new WeakMap();
    expect(findIssueRows(d, GL_LIST, cache).map((r) => r.iid)).toEqual([12]);
    expect(findIssueRows(d, GL_LIST, cache).map((r) => r.iid)).toEqual([12]);
    d.querySelector('a')!.setAttribute('href', '/acme/backend/-/issues/13');
    expect(findIssueRows(d, GL_LIST, cache).map((r) => r.iid)).toEqual([13]);
  });
});

describe('issue references and links', () => {
  it('parses short and full references', () => {
    expect(issueOfReference('#12', 'a/b')).toEqual({ path: 'a/b', iid: 12 });
    expect(issueOfReference('  acme/sub/proj#3 ', null)).toEqual({ path: 'acme/sub/proj', iid: 3 });
    expect(issueOfReference('#12', null)).toBeNull();
    expect(issueOfReference('&12', 'a/b')).toBeNull();
    expect(issueOfReference('!12', 'a/b')).toBeNull();
  });

  it('reads issue URLs only', () => {
    expect(issueOfHref('/acme/backend/-/issues/3#note_1', GL_LIST)).toEqual({ path: 'acme/backend', iid: 3 });
    expect(issueOfHref('/acme/backend/-/boards/3', GL_LIST)).toBeNull();
    expect(issueOfHref(null, GL_LIST)).toBeNull();
    expect(issueOfHref('/acme/widgets/issues/3?x=1', GH_LIST)).toEqual({ path: 'acme/widgets', iid: 3 });
  });
});

describe('issue links the badges could not place', () => {
  it('counts distinct issue links outside found rows, not those inside them, nor merge requests or our own UI', async () => {
    const { unplacedIssueLinks } = await import('./rows');
    const found = `<ul class="issuable-list">${issuableItem('a', '/acme/backend/-/issues/12', '#12', 'Twelve')}</ul>`;
    // A list the forge re-styled: rows we do not know, each linking its issue (twice: title and comments count).
    const unknownRows = [3, 4, 5].map((n) => `<div class="new-row"><a href="/acme/backend/-/issues/${n}">Issue ${n}</a> <a href="/acme/backend/-/issues/${n}#notes">2</a></div>`).join('');
    const other = '<a href="/acme/backend/-/merge_requests/3">MR</a><div data-refinery="summary"><a href="/acme/backend/-/issues/9">ours</a></div>';
    const d = docOf(found + unknownRows + other);
    const rows = findIssueRows(d, GL_LIST);
    expect(rows).toHaveLength(1);
    expect(unplacedIssueLinks(d, GL_LIST, rows)).toBe(3);
    const clean = docOf(found);
    expect(unplacedIssueLinks(clean, GL_LIST, findIssueRows(clean, GL_LIST))).toBe(0);
  });
});
