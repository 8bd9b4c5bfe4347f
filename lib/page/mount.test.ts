// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { EPIC_CHILDREN_CANDIDATES, findMountPoint, findSidebarPoint, firstMountPoint, MOUNT_CANDIDATES, SIDEBAR_CANDIDATES, type MountPoint } from './mount';
import { parsePageUrl, type PageRef } from './recognize';

function page(url: string): PageRef {
  const p = parsePageUrl(url, []);
  if (!p) throw new Error(`fixture URL not recognised: ${url}`);
  return p;
}

function docOf(bodyHtml: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = bodyHtml;
  return d;
}

/** Put a marker where the mount point says and return the ids of its neighbours / parent. */
function place(doc: Document, mp: MountPoint): { prev: string | null; next: string | null; parent: string | null } {
  const el = doc.createElement('div');
  el.setAttribute('data-refinery', '');
  const where = { before: 'beforebegin', after: 'afterend', prepend: 'afterbegin', append: 'beforeend' } as const;
  mp.anchor.insertAdjacentElement(where[mp.position], el);
  return {
    prev: el.previousElementSibling?.id || null,
    next: el.nextElementSibling?.id || null,
    parent: el.parentElement?.id || el.parentElement?.tagName.toLowerCase() || null,
  };
}

const GL_ISSUE = page('https://gitlab.com/g/p/-/issues/1');
const GL_EPIC = page('https://gitlab.com/groups/g/-/epics/1');
const GL_LIST = page('https://gitlab.com/g/p/-/issues');
const GL_BOARD = page('https://gitlab.com/g/p/-/boards/3');
const GH_ISSUE = page('https://github.com/o/r/issues/1');
const GH_LIST = page('https://github.com/o/r/issues');
const GH_SEARCH = page('https://github.com/search?q=x&type=issues');

// Shape of GitLab 17/18 work_item_detail.vue: title row, overview with description section and right sidebar.
const WORK_ITEM = `
<main id="content-body">
  <div id="title-row"><div id="title-box" data-testid="work-item-type"><h1 data-testid="work-item-title">T</h1></div></div>
  <div data-testid="work-item-overview">
    <section id="main-col">
      <div id="desc" data-testid="work-item-description-wrapper"><div data-testid="work-item-description">D</div></div>
      <div id="awards"></div>
    </section>
    <aside id="sidebar" data-testid="work-item-overview-right-sidebar">
      <div id="attrs"><div id="assignees" data-testid="work-item-assignees"></div><div id="labels" data-testid="work-item-labels"></div></div>
    </aside>
    <div id="notes"></div>
  </div>
</main>`;

describe('findMountPoint on GitLab issue pages', () => {
  it('goes right below the work-item description', () => {
    const d = docOf(WORK_ITEM);
    const mp = findMountPoint(d, GL_ISSUE);
    expect(mp).toMatchObject({ position: 'after', docked: false });
    expect(place(d, mp)).toEqual({ prev: 'desc', next: 'awards', parent: 'main-col' });
  });

  it('uses the same anchors for epics and group work items', () => {
    expect(findMountPoint(docOf(WORK_ITEM), GL_EPIC).anchor.id).toBe('desc');
  });

  it('falls back to the top of the sidebar, then above the first widget, then below the title', () => {
    const noDesc = docOf(WORK_ITEM.replace(/<div id="desc"[\s\S]*?<\/div><\/div>/, ''));
    const a = findMountPoint(noDesc, GL_ISSUE);
    expect(place(noDesc, a)).toEqual({ prev: null, next: 'attrs', parent: 'sidebar' });

    const inline = docOf('<div id="body"><h1 data-testid="work-item-title">T</h1><div id="assignees" data-testid="work-item-assignees"></div></div>');
    expect(place(inline, findMountPoint(inline, GL_ISSUE))).toEqual({ prev: null, next: 'assignees', parent: 'body' });

    const titleOnly = docOf('<div id="wrap"><div id="title-box"><h1 data-testid="work-item-title">T</h1></div><div id="x"></div></div>');
    expect(place(titleOnly, findMountPoint(titleOnly, GL_ISSUE))).toEqual({ prev: 'title-box', next: 'x', parent: 'wrap' });
  });

  it('mounts on the legacy issue page', () => {
    const legacy = docOf(`
      <div class="issue-details issuable-details" id="details"><div class="detail-page-description" id="ddesc"></div><div id="related"></div></div>
      <aside class="right-sidebar"><div class="issuable-sidebar" id="isb"><div id="first"></div></div></aside>`);
    expect(place(legacy, findMountPoint(legacy, GL_ISSUE))).toEqual({ prev: 'ddesc', next: 'related', parent: 'details' });
    const sidebarOnly = docOf('<div class="issuable-sidebar" id="isb"><div id="first"></div></div>');
    expect(place(sidebarOnly, findMountPoint(sidebarOnly, GL_ISSUE))).toEqual({ prev: null, next: 'first', parent: 'isb' });
  });

  it('ignores the copies of widgets inside drawers and modals', () => {
    const d = docOf(`
      <div id="cb"><div id="page-title"><h1 data-testid="work-item-title">Real</h1></div></div>
      <aside class="gl-drawer"><div data-testid="work-item-description-wrapper" id="drawer-desc"></div></aside>
      <div role="dialog"><div data-testid="work-item-overview-right-sidebar" id="modal-sidebar"></div></div>`);
    const mp = findMountPoint(d, GL_ISSUE);
    expect(mp.anchor.id).toBe('page-title');
    expect(mp.position).toBe('after');
  });

  it('never anchors inside our own elements', () => {
    const d = docOf(`
      <div data-refinery><div data-testid="work-item-description-wrapper" id="ours"></div></div>
      <main id="content-body"><div id="c"></div></main>`);
    expect(place(d, findMountPoint(d, GL_ISSUE))).toEqual({ prev: null, next: 'c', parent: 'content-body' });
  });

  it('docks to the body when the page has none of its anchors', () => {
    const d = docOf('<div id="unrelated"></div>');
    expect(findMountPoint(d, GL_ISSUE)).toEqual({ anchor: d.body, position: 'append', docked: true });
  });
});

describe('findMountPoint on GitLab lists and boards', () => {
  it('goes above the issuable list', () => {
    const d = docOf('<main id="content-body"><div id="filters"></div><div class="issuable-list-container" id="list"></div></main>');
    expect(place(d, findMountPoint(d, GL_LIST))).toEqual({ prev: 'filters', next: 'list', parent: 'content-body' });
  });

  it('goes above the board columns', () => {
    const d = docOf('<div class="boards-app" id="app"><div id="bar"></div><div data-testid="boards-list" id="cols"></div></div>');
    expect(place(d, findMountPoint(d, GL_BOARD))).toEqual({ prev: 'bar', next: 'cols', parent: 'app' });
  });
});

describe('firstMountPoint above an epic’s child items', () => {
  it('goes right above the child-items widget, outside it, and never onto a drawer’s copy', () => {
    const d = docOf(`<section id="main"><div id="desc" data-testid="work-item-description-wrapper"></div>
      <section id="tree" data-testid="work-item-tree"><div data-testid="crud-body"></div></section></section>
      <aside data-testid="work-item-drawer"><section id="drawer-tree" data-testid="work-item-tree"></section></aside>`);
    expect(place(d, firstMountPoint(d, EPIC_CHILDREN_CANDIDATES)!)).toEqual({ prev: 'desc', next: 'tree', parent: 'main' });
  });

  it('goes above the older epic tree, and is null (no dock) when the page shows no child list', () => {
    const d = docOf('<div id="epic"><div id="legacy" class="related-items-tree-container"></div></div>');
    expect(place(d, firstMountPoint(d, EPIC_CHILDREN_CANDIDATES)!)).toEqual({ prev: null, next: 'legacy', parent: 'epic' });
    expect(firstMountPoint(docOf('<div data-testid="work-item-description-wrapper"></div>'), EPIC_CHILDREN_CANDIDATES)).toBeNull();
  });
});

describe('findMountPoint on GitHub', () => {
  const REACT_ISSUE = `
    <div id="header" data-testid="issue-header"></div>
    <div id="viewer" data-testid="issue-viewer-container">
      <div id="body" data-testid="issue-body"></div>
      <div id="timeline"></div>
    </div>
    <div id="meta" data-testid="issue-viewer-metadata-container"><div id="pane" data-testid="issue-viewer-metadata-pane"></div></div>`;

  it('goes below the issue body on the React issue page', () => {
    const d = docOf(REACT_ISSUE);
    expect(place(d, findMountPoint(d, GH_ISSUE))).toEqual({ prev: 'body', next: 'timeline', parent: 'viewer' });
  });

  it('falls back to above the sidebar pane, then below the header', () => {
    const noBody = docOf(REACT_ISSUE.replace('<div id="body" data-testid="issue-body"></div>', ''));
    expect(place(noBody, findMountPoint(noBody, GH_ISSUE))).toEqual({ prev: null, next: 'pane', parent: 'meta' });
    const headerOnly = docOf('<div id="layout"><div id="header" data-testid="issue-header"></div><div id="rest"></div></div>');
    expect(place(headerOnly, findMountPoint(headerOnly, GH_ISSUE))).toEqual({ prev: 'header', next: 'rest', parent: 'layout' });
  });

  it('mounts in the sidebar of the Rails issue page (older GitHub Enterprise Server)', () => {
    const d = docOf('<div id="partial-discussion-sidebar"><div id="assignees"></div></div>');
    expect(place(d, findMountPoint(d, GH_ISSUE))).toEqual({ prev: null, next: 'assignees', parent: 'partial-discussion-sidebar' });
  });

  it('skips an issue body inside our own panel', () => {
    const d = docOf('<div data-refinery><div data-testid="issue-body"></div></div><div id="h" data-testid="issue-header"></div>');
    expect(findMountPoint(d, GH_ISSUE).anchor.id).toBe('h');
  });

  it('goes above the list holding the issue rows', () => {
    const d = docOf(`
      <div id="surface"><div id="toolbar"></div>
        <ul id="rows"><li><a data-testid="issue-pr-title-link" href="/o/r/issues/1">One</a></li></ul>
      </div>`);
    expect(place(d, findMountPoint(d, GH_LIST))).toEqual({ prev: 'toolbar', next: 'rows', parent: 'surface' });
  });

  it('goes above search results, and docks when a list page has no rows yet', () => {
    const d = docOf('<div id="s"><div data-testid="results-list" id="results"></div></div>');
    expect(place(d, findMountPoint(d, GH_SEARCH))).toEqual({ prev: null, next: 'results', parent: 's' });
    const empty = docOf('<div id="nothing"></div>');
    expect(findMountPoint(empty, GH_LIST).docked).toBe(true);
  });
});

describe('findSidebarPoint', () => {
  it("goes first in GitLab's work-item sidebar", () => {
    const d = docOf(WORK_ITEM);
    expect(place(d, findSidebarPoint(d, GL_ISSUE)!)).toEqual({ prev: null, next: 'attrs', parent: 'sidebar' });
  });

  it("goes after the collapse header of GitLab's older issue sidebar", () => {
    const d = docOf('<aside><div id="isb" class="issuable-sidebar"><div id="head" class="block issuable-sidebar-header"></div><div id="assignee" class="block assignee"></div></div></aside>');
    expect(place(d, findSidebarPoint(d, GL_ISSUE)!)).toEqual({ prev: 'head', next: 'assignee', parent: 'isb' });
    const noHeader = docOf('<div id="isb" class="issuable-sidebar"><div id="assignee"></div></div>');
    expect(place(noHeader, findSidebarPoint(noHeader, GL_ISSUE)!)).toEqual({ prev: null, next: 'assignee', parent: 'isb' });
  });

  it("goes before the first section of GitHub's React metadata pane, after its heading", () => {
    const d = docOf('<div id="pane" data-testid="issue-viewer-metadata-pane"><h2 id="h">Metadata</h2><div id="a" data-testid="sidebar-section"></div><div id="b" data-testid="sidebar-section"></div></div>');
    expect(place(d, findSidebarPoint(d, GH_ISSUE)!)).toEqual({ prev: 'h', next: 'a', parent: 'pane' });
    const empty = docOf('<div id="pane" data-testid="issue-viewer-metadata-pane"><h2 id="h">Metadata</h2></div>');
    expect(place(empty, findSidebarPoint(empty, GH_ISSUE)!)).toEqual({ prev: 'h', next: null, parent: 'pane' });
  });

  it("goes first among the Rails view's sidebar items", () => {
    const d = docOf('<div id="partial-discussion-sidebar"><form id="f"></form><div id="assignees" class="discussion-sidebar-item"></div></div>');
    expect(place(d, findSidebarPoint(d, GH_ISSUE)!)).toEqual({ prev: 'f', next: 'assignees', parent: 'partial-discussion-sidebar' });
  });

  it('is null where the page has no sidebar we know, and on lists', () => {
    const d = docOf('<div data-testid="issue-body"></div><aside class="sidebar"></aside>');
    expect(findSidebarPoint(d, GH_ISSUE)).toBeNull();
    expect(findSidebarPoint(d, GL_ISSUE)).toBeNull();
    expect(findSidebarPoint(docOf(WORK_ITEM), GL_LIST)).toBeNull();
  });

  it('skips a sidebar inside an overlay (the work-item drawer)', () => {
    const d = docOf('<div class="gl-drawer"><aside data-testid="work-item-overview-right-sidebar"></aside></div>');
    expect(findSidebarPoint(d, GL_ISSUE)).toBeNull();
  });

  it('are valid selectors', () => {
    const d = docOf('');
    for (const c of Object.values(SIDEBAR_CANDIDATES).flat()) expect(() => d.querySelector(c.selector)).not.toThrow();
  });
});

describe('MOUNT_CANDIDATES', () => {
  it('are valid selectors for every forge and page type', () => {
    const d = docOf('');
    for (const byType of Object.values(MOUNT_CANDIDATES)) {
      for (const candidates of Object.values(byType)) {
        for (const c of candidates) {
          expect(() => d.querySelector(c.selector)).not.toThrow();
          if (c.up && c.up !== 'parent') expect(() => d.querySelector(c.up!)).not.toThrow();
        }
      }
    }
  });
});

describe('anchor checks for diagnostics', () => {
  it('says, in the order tried, which candidates the page has', async () => {
    const { anchorChecks, MOUNT_CANDIDATES } = await import('./mount');
    const d = document.implementation.createHTMLDocument('t');
    d.body.innerHTML = '<main><div id="content-body"><h1 data-testid="work-item-title">T</h1></div></main>';
    const checks = anchorChecks(d, MOUNT_CANDIDATES.gitlab.issue);
    expect(checks.map((c) => c.selector)).toEqual(MOUNT_CANDIDATES.gitlab.issue.map((c) => c.selector));
    expect(checks.filter((c) => c.found).map((c) => c.selector)).toEqual(['[data-testid="work-item-title"]', '#content-body']);
  });
});
