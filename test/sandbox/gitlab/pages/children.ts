// An epic's child items as GitLab 17/18 render them: work_item_tree.vue inside crud_component.vue (`work-item-tree`,
// `crud-body`), work_item_children_wrapper.vue (`ul.content-list`), work_item_link_child.vue (`li.tree-item`) and
// work_item_link_child_contents.vue (`links-child`, `.item-title > a`, the reference and metadata below). GitLab fills the
// tree from a GraphQL query after the page loads, 50 children a page with "Load more"; here a short timer stands in for
// the query and `?children_page_size=N` (sandbox only) makes the pages small.
import { escapeHtml } from '../markdown';
import { tierAtLeast, type GlEpic, type GlIssue } from '../state';
import { avatar, labelChip, userOf, type PageCtx } from './widgets';

/** DEFAULT_PAGE_SIZE_CHILD_ITEMS in GitLab's work_items/constants.js. */
const PAGE_SIZE = 50;
/** Roughly how long GitLab's tree query takes on a small epic. */
const LOAD_MS = 150;

const SCRIPT = `
(() => {
  const tree = document.currentScript.closest('[data-testid="work-item-tree"]');
  const body = tree.querySelector('[data-testid="crud-body"]');
  const pages = [...tree.querySelectorAll('template[data-sandbox-children]')];
  const show = () => {
    const next = pages.shift();
    if (!next) return;
    let list = body.querySelector('ul.content-list');
    if (!list) {
      body.querySelector('[data-testid="crud-loading"]').remove();
      body.insertAdjacentHTML('afterbegin', '<div class="!gl-px-3 gl-pb-3 gl-pt-2"><ul class="content-list"></ul></div>');
      list = body.querySelector('ul.content-list');
    }
    list.append(next.content.cloneNode(true));
    const more = body.querySelector('[data-testid="work-item-load-more"]');
    if (pages.length === 0) more?.remove();
    else if (!more) {
      list.insertAdjacentHTML('afterend', '<div data-testid="work-item-load-more" class="gl-mt-3"><button type="button" class="btn btn-link gl-button">Load more</button></div>');
      body.querySelector('[data-testid="work-item-load-more"] button').addEventListener('click', show);
    }
  };
  setTimeout(show, ${LOAD_MS});
})();
`;

function childItem(c: PageCtx, epic: GlEpic, i: GlIssue): string {
  const p = c.state.projects.find((x) => x.id === i.projectId)!;
  const g = c.state.groups.find((x) => x.id === epic.groupId)!;
  const open = i.state === 'opened';
  const webUrl = `${c.base}/${p.fullPath}/-/issues/${i.iid}`;
  // getDisplayReference: the reference relative to the epic's group (`backend#4`).
  const reference = `${p.fullPath.startsWith(`${g.fullPath}/`) ? p.fullPath.slice(g.fullPath.length + 1) : p.fullPath}#${i.iid}`;
  const weight = tierAtLeast(p.tier, 'premium') && i.weight !== null ? `<span data-testid="item-weight" title="Weight" class="gl-flex gl-items-center gl-gap-2">⚖ ${i.weight}</span>` : '';
  const milestone = c.state.milestones.find((m) => m.id === i.milestoneId);
  const assignees = i.assigneeIds.map((id) => avatar(c, userOf(c, id), 16)).join('');
  return `<li class="tree-item !gl-mx-0 !gl-px-0 !gl-py-2"><div class="gl-flex gl-items-start"><div data-testid="child-contents-container" class="gl-w-full">
<div data-testid="links-child" class="item-body work-item-link-child gl-relative gl-flex gl-min-w-0 gl-grow gl-gap-3 gl-rounded-base gl-p-3">
<div class="gl-z-2 gl-cursor-help"><svg data-testid="work-item-type-icon" role="img" aria-label="Issue" width="16" height="16"></svg></div>
<div class="gl-flex gl-min-w-0 gl-grow gl-flex-col gl-flex-wrap">
<div class="gl-mb-2 gl-min-w-0 gl-justify-between gl-gap-3 @sm/panel:gl-flex">
<div class="item-title gl-mb-2 gl-min-w-0 @sm/panel:gl-mb-0">${i.confidential ? '<span><svg data-testid="confidential-icon" aria-label="Confidential" width="16" height="16"></svg></span>' : ''}<a id="listItem-${escapeHtml(p.fullPath)}/${i.id}" href="${webUrl}" class="gl-link gl-hyphens-auto gl-break-words gl-font-semibold${open ? '' : ' !gl-text-subtle'}">${escapeHtml(i.title)}</a></div>
<div class="gl-flex gl-shrink-0 gl-flex-row-reverse gl-items-center gl-justify-end gl-gap-3 @sm/panel:gl-flex-row">${assignees ? `<div class="gl-avatars-inline">${assignees}</div>` : ''}<span data-testid="item-status-icon" class="gl-cursor-help"><span class="gl-badge ${open ? 'badge-success' : 'badge-info'}">${open ? 'Open' : 'Closed'}</span></span></div>
</div>
<div class="gl-justify-between @sm/panel:gl-flex"><div class="gl-mb-2 gl-flex gl-flex-wrap gl-items-center gl-gap-x-3 gl-gap-y-2 gl-text-sm gl-text-subtle"><span>${escapeHtml(reference)}</span> ${weight} ${milestone ? `<span data-testid="item-milestone">${escapeHtml(milestone.title)}</span>` : ''}</div></div>
<div class="gl-flex gl-flex-wrap">${i.labels.map((l) => labelChip(c, p, l)).join('')}</div>
</div>
<div><button type="button" class="btn gl-button btn-sm btn-default-tertiary gl-relative gl-z-2" aria-label="Remove" title="Remove" data-testid="remove-work-item-link">×</button></div>
</div></div></div></li>`;
}

/** The epic's "Child items" widget; its children load after the page, a page of them at a time. */
export function childItemsWidget(c: PageCtx, epic: GlEpic, q: URLSearchParams): string {
  const children = c.state.issues.filter((i) => i.epicId === epic.id);
  const size = Math.max(1, Number(q.get('children_page_size')) || PAGE_SIZE);
  const pages: string[] = [];
  for (let k = 0; k < children.length; k += size) {
    pages.push(`<template data-sandbox-children>${children.slice(k, k + size).map((i) => childItem(c, epic, i)).join('')}</template>`);
  }
  const open = children.filter((i) => i.state === 'opened').length;
  const body = children.length
    ? `<span data-testid="crud-loading" class="gl-spinner-container" role="status"><span class="gl-spinner gl-spinner-sm" aria-label="Loading"></span></span>${pages.join('')}<script>${SCRIPT}</script>`
    : '<span class="gl-text-subtle" data-testid="crud-empty">No child items are currently assigned. Use child items to break down work into smaller parts.</span>';
  return `<section id="childitems" class="crud gl-border gl-rounded-base gl-border-section gl-bg-subtle gl-mt-5" data-testid="work-item-tree">
<header class="crud-header gl-border-b gl-relative gl-flex gl-flex-wrap gl-justify-between gl-gap-x-5 gl-gap-y-2 gl-rounded-t-base gl-border-section gl-bg-section gl-px-5 gl-py-4 gl-pr-10">
<div class="gl-flex gl-grow gl-flex-col gl-self-center"><h2 class="gl-m-0 gl-inline-flex gl-items-center gl-gap-3 gl-text-base gl-font-bold gl-leading-normal" data-testid="crud-title"><a class="anchor gl-absolute gl-no-underline" href="#childitems" aria-labelledby="childitems"></a>Child items
<span class="crud-count gl-inline-flex gl-items-center gl-gap-2 gl-self-start gl-text-sm gl-text-subtle" data-testid="crud-count"><span title="Issues: ${open} open, ${children.length - open} closed">${children.length}</span></span></h2></div>
<div class="gl-flex gl-items-center gl-gap-3" data-testid="crud-actions"><button type="button" class="btn gl-button btn-sm btn-default">Add</button>
<div class="gl-border-l gl-absolute gl-right-5 gl-top-4 gl-h-6 gl-border-l-section gl-pl-3"><button type="button" class="btn gl-button btn-sm btn-default-tertiary" aria-label="Collapse" aria-expanded="true" aria-controls="childitems" data-testid="crud-collapse-toggle">⌃</button></div></div>
</header>
<div class="crud-body gl-mx-5 gl-my-4 gl-rounded-b-base" data-testid="crud-body">${body}</div>
</section>`;
}
