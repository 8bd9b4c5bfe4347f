// List pages: the issue list (projects:issues:index), the work item list (projects:work_items:index) and boards.
import { escapeHtml } from '../markdown';
import { tierAtLeast, type GlBoard, type GlIssue, type GlProject } from '../state';
import { projectBody, projectCrumbs } from './issue';
import { layout } from './layout';
import { avatar, healthBadge, HEALTH_TEXT, labelChip, time, userOf, type PageCtx } from './widgets';

const PER_PAGE = 20;
/** GitLab's Vue lists take `first_page_size` (20, 50 or 100 in the UI) and page in place, without a reload. */
const MAX_PAGE_SIZE = 100;

/** The list filters GitLab puts in the URL: state (default opened) and label_name[] (all must match). */
function filtered(c: PageCtx, p: GlProject, q: URLSearchParams): GlIssue[] {
  const state = q.get('state') ?? 'opened';
  const labels = [...q.getAll('label_name[]'), ...q.getAll('label_name')];
  return c.state.issues
    .filter((i) => i.projectId === p.id)
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => labels.every((l) => i.labels.includes(l)))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

function pager(path: string, q: URLSearchParams, page: number, pages: number): string {
  // data-sandbox-nav: the next page replaces the list in place, like GitLab's Vue router (no document load).
  const href = (n: number) => {
    const next = new URLSearchParams(q);
    next.set('page', String(n));
    return `${path}?${next.toString()}`;
  };
  const items = [
    page > 1 ? `<li class="page-item"><a class="page-link" rel="prev" data-sandbox-nav href="${href(page - 1)}">Previous</a></li>` : '',
    `<li class="page-item active"><span class="page-link">${page}</span></li>`,
    page < pages ? `<li class="page-item"><a class="page-link" rel="next" data-sandbox-nav href="${href(page + 1)}">Next</a></li>` : '',
  ];
  return `<nav class="gl-pagination" aria-label="Pagination"><ul class="pagination">${items.join('')}</ul></nav>`;
}

function listSetup(c: PageCtx, p: GlProject, q: URLSearchParams, kind: 'issues' | 'work_items') {
  const all = filtered(c, p, q);
  const perPage = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(q.get('first_page_size')) || PER_PAGE));
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const page = Math.min(pages, Math.max(1, Number(q.get('page')) || 1));
  const path = `${c.root}/${p.fullPath}/-/${kind}`;
  const tab = (state: string, text: string) => {
    const count = filtered(c, p, new URLSearchParams({ ...Object.fromEntries(q), state })).length;
    return `<li role="presentation"><a href="${path}?state=${state}" data-testid="${state}-issuables-tab"${(q.get('state') ?? 'opened') === state ? ' aria-selected="true"' : ''}>${text} <span class="gl-badge">${count}</span></a></li>`;
  };
  const tabs = `<ul class="nav gl-tabs-nav issues-state-filters" role="tablist">${tab('opened', 'Open')}${tab('closed', 'Closed')}${tab('all', 'All')}</ul>`;
  return { rows: all.slice((page - 1) * perPage, page * perPage), path, tabs, pager: pager(path, q, page, pages) };
}

export function issueListPage(c: PageCtx, p: GlProject, q: URLSearchParams, dark: boolean): string {
  const { rows, path, tabs, pager } = listSetup(c, p, q, 'issues');
  const items = rows.map((i) => {
    const author = userOf(c, i.authorId);
    const weight = tierAtLeast(p.tier, 'premium') && i.weight !== null ? `<span data-testid="issuable-weight-content" class="issuable-weight gl-mr-3" title="Weight">⚖ ${i.weight}</span>` : '';
    const milestone = c.state.milestones.find((m) => m.id === i.milestoneId);
    return `<li id="issuable_${i.id}" class="issue !gl-flex gl-px-5" data-labels="${escapeHtml(JSON.stringify(i.labels))}" data-qa-issue-id="${i.id}" data-qa-issue-title="${escapeHtml(i.title)}" data-testid="issuable-item-wrapper">
<div class="issuable-main-info"><div class="issue-title title" data-testid="issuable-title"><a href="${path}/${i.iid}" class="issue-title-text" data-testid="issuable-title-link">${escapeHtml(i.title)}</a></div>
<div class="issuable-info"><span class="issuable-reference" data-testid="issuable-reference">#${i.iid}</span> <span class="issuable-authored">created ${time(i.createdAt)} by <a href="${c.root}/${author.username}" class="author-link">${escapeHtml(author.name)}</a></span>
${milestone ? `<span class="issuable-milestone">${escapeHtml(milestone.title)}</span>` : ''} ${weight} ${i.labels.map((l) => labelChip(c, p, l, path)).join('')}</div></div>
<div class="issuable-meta"><ul class="controls"><li>${i.state === 'closed' ? 'CLOSED' : ''}</li><li class="issuable-assignees">${i.assigneeIds.map((id) => avatar(c, userOf(c, id), 16)).join('')}</li></ul></div>
</li>`;
  });
  const content = `<div class="issues-list-app" data-testid="issues-list" data-sandbox-swap="issues-list">${tabs}<ul class="content-list issuable-list issues-list" data-testid="issuable-list">${items.join('\n')}</ul>${pager}</div>`;
  return layout({
    root: c.root,
    title: `Issues · ${p.fullPath.split('/').slice(0, -1).join(' / ')} / ${p.name} · GitLab`,
    body: projectBody(c, p, 'projects:issues:index'),
    dark,
    breadcrumbs: [...projectCrumbs(c, p), { text: 'Issues', href: path }],
    content,
  });
}

export function workItemListPage(c: PageCtx, p: GlProject, q: URLSearchParams, dark: boolean): string {
  const { rows, path, tabs, pager } = listSetup(c, p, q, 'work_items');
  const items = rows.map((i) => {
    const milestone = c.state.milestones.find((m) => m.id === i.milestoneId);
    const weight = tierAtLeast(p.tier, 'premium') && i.weight !== null ? `<span data-testid="work-item-weight">${i.weight}</span>` : '';
    const health = tierAtLeast(p.tier, 'ultimate') && i.healthStatus ? `<span data-testid="work-item-health-status" title="${HEALTH_TEXT[i.healthStatus]}">${healthBadge(i.healthStatus)}</span>` : '';
    return `<li class="issue" data-testid="issuable-item-wrapper" data-item-id="${i.id}">
<div class="issuable-main-info"><a href="${path}/${i.iid}" data-testid="issuable-title-link">${escapeHtml(i.title)}</a>
<div class="issuable-info"><span class="issuable-reference">#${i.iid}</span> ${milestone ? `<span data-testid="work-item-milestone">${escapeHtml(milestone.title)}</span>` : ''} ${weight} ${health} ${i.labels.map((l) => labelChip(c, p, l, path)).join('')}</div></div>
</li>`;
  });
  const content = `<div class="work-items-list-app" data-testid="work-items-list" data-sandbox-swap="work-items-list">${tabs}<ul class="content-list issuable-list" data-testid="issuable-list">${items.join('\n')}</ul>${pager}</div>`;
  return layout({
    root: c.root,
    title: `Work items · ${p.name} · GitLab`,
    body: projectBody(c, p, 'projects:work_items:index'),
    dark,
    breadcrumbs: [...projectCrumbs(c, p), { text: 'Work items', href: path }],
    content,
  });
}

const BOARD_PAGE = 20;

/** Cards open GitLab's side drawer (clicks on links and on .js-no-trigger elements do not); "Load more" adds cards. */
const BOARD_SCRIPT = `
(() => {
  const drawer = document.querySelector('[data-testid="work-item-drawer"]');
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    const more = t.closest('[data-testid="board-list-load-more"]');
    if (more) {
      const tpl = more.previousElementSibling;
      const list = more.parentElement.querySelector('ul.board-list');
      const cards = [...tpl.content.children].slice(0, ${BOARD_PAGE});
      for (const c of cards) list.append(c);
      if (!tpl.content.children.length) { tpl.remove(); more.remove(); }
      return;
    }
    if (t.closest('[data-testid="close-drawer"]')) { drawer.hidden = true; return; }
    const card = t.closest('[data-testid="board-card"]');
    if (!card || t.closest('a, .js-no-trigger')) return;
    const link = card.querySelector('[data-testid="board-card-title-link"]');
    drawer.querySelector('[data-testid="work-item-drawer-ref-link"]').textContent = '#' + card.dataset.itemIid;
    drawer.querySelector('[data-testid="work-item-drawer-ref-link"]').setAttribute('href', link.getAttribute('href'));
    drawer.querySelector('[data-testid="work-item-title"]').textContent = link.textContent;
    drawer.hidden = false;
  });
})();
`;

export function boardPage(c: PageCtx, p: GlProject, board: GlBoard, dark: boolean): string {
  const issues = c.state.issues.filter((i) => i.projectId === p.id);
  const path = `${c.root}/${p.fullPath}/-/issues`;
  const card = (i: GlIssue) => {
    const weight = tierAtLeast(p.tier, 'premium') && i.weight !== null ? `<span data-testid="issuable-weight-content" class="issuable-weight board-card-info">⚖ ${i.weight}</span>` : '';
    return `<li class="board-card" data-testid="board-card" data-item-id="${i.id}" data-item-iid="${i.iid}" data-item-path="${escapeHtml(p.fullPath)}#${i.iid}">
<div class="board-card-title"><a href="${path}/${i.iid}" data-testid="board-card-title-link">${escapeHtml(i.title)}</a></div>
<div class="board-card-footer"><span class="board-card-number">#${i.iid}</span> ${weight} ${i.labels.filter((l) => !board.lists.includes(l)).map((l) => labelChip(c, p, l)).join('')}</div></li>`;
  };
  // GitLab shows the first cards of each list and loads more as the list scrolls; here "Load more" adds the next ones.
  const column = (id: string, title: string, cards: GlIssue[]) => {
    const shown = cards.slice(0, BOARD_PAGE);
    const rest = cards.slice(BOARD_PAGE);
    const more = rest.length
      ? `<template data-sandbox-more>${rest.map(card).join('')}</template><button type="button" class="board-list-load-more" data-testid="board-list-load-more">Load more issues</button>`
      : '';
    return `<div class="board" data-testid="board-list" data-list-id="${id}"><header class="board-header" data-testid="board-list-header"><h2 class="board-title"><span class="board-title-text">${escapeHtml(title)}</span> <span class="board-count gl-badge">${cards.length}</span></h2></header><ul class="board-list" data-testid="tree-root-wrapper">${shown.map(card).join('')}</ul>${more}</div>`;
  };
  const open = issues.filter((i) => i.state === 'opened');
  const columns = [
    column('open', 'Open', open.filter((i) => !board.lists.some((l) => i.labels.includes(l)))),
    ...board.lists.map((l, k) => column(String(k + 1), l, open.filter((i) => i.labels.includes(l)))),
    column('closed', 'Closed', issues.filter((i) => i.state === 'closed')),
  ];
  const drawer = `<aside class="gl-drawer" data-testid="work-item-drawer" role="dialog" aria-label="Issue details" style="position:fixed;top:48px;right:0;bottom:0;width:420px;background:var(--gl-bg);border-left:1px solid var(--gl-border);padding:12px;overflow:auto;z-index:10" hidden><header class="gl-drawer-header"><a data-testid="work-item-drawer-ref-link" href="#"></a> <button type="button" data-testid="close-drawer">Close drawer</button></header><h2 class="gl-heading-2" data-testid="work-item-title"></h2></aside>`;
  return layout({
    root: c.root,
    title: `${board.name} · Issue boards · ${p.name} · GitLab`,
    body: projectBody(c, p, 'projects:boards:show', board.id),
    dark,
    breadcrumbs: [...projectCrumbs(c, p), { text: 'Issue boards', href: `${c.root}/${p.fullPath}/-/boards/${board.id}` }],
    content: `<div class="boards-app" data-testid="boards-app"><div class="boards-list" data-testid="boards-list">${columns.join('\n')}</div>${drawer}</div><script>${BOARD_SCRIPT}</script>`,
  });
}
