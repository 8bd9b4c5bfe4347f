// Issue and epic pages: the modern work-item view (GitLab 17/18), the legacy haml page (~15.x) and a bare page.
import { escapeHtml, renderMarkdown } from '../markdown';
import { tierAtLeast, type GlEpic, type GlGroup, type GlIssue, type GlNote, type GlProject } from '../state';
import { childItemsWidget } from './children';
import { layout } from './layout';
import { avatar, healthBadge, labelChip, legacyNote, time, userOf, workItemNote, type PageCtx } from './widgets';

export type IssueVariant = 'issue' | 'work-item' | 'legacy' | 'bare';

export function projectBody(c: PageCtx, p: GlProject, page: string, pageTypeId?: number): Record<string, string | number | undefined> {
  const g = c.state.groups.find((x) => x.id === p.namespaceId)!;
  return {
    page,
    'page-type-id': pageTypeId,
    'find-file': `${c.root}/${p.fullPath}/-/find_file/master`,
    group: g.fullPath.split('/').pop(),
    'group-full-path': g.fullPath,
    'namespace-id': g.id,
    project: p.fullPath.split('/').pop(),
    'project-id': p.id,
    'project-full-path': p.fullPath,
    'project-studio-available': 'false',
    'project-studio-enabled': 'false',
  };
}

export function projectCrumbs(c: PageCtx, p: GlProject): { text: string; href: string }[] {
  const parts = p.fullPath.split('/');
  const crumbs = parts.slice(0, -1).map((_, i) => {
    const path = parts.slice(0, i + 1).join('/');
    const g = c.state.groups.find((x) => x.fullPath === path);
    return { text: g?.name ?? path, href: `${c.root}/groups/${path}` };
  });
  return [...crumbs, { text: p.name, href: `${c.root}/${p.fullPath}` }];
}

const notesOf = (c: PageCtx, type: GlNote['noteableType'], id: number) =>
  c.state.notes.filter((n) => n.noteableType === type && n.noteableId === id).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));

/** The issue after this one in the project (wrapping), for the in-page navigation link. */
function nextIssue(c: PageCtx, issue: GlIssue): GlIssue {
  const all = c.state.issues.filter((i) => i.projectId === issue.projectId).sort((a, b) => a.iid - b.iid);
  return all.find((i) => i.iid > issue.iid) ?? all[0]!;
}

function navLink(c: PageCtx, p: GlProject, next: GlIssue, kind: string, search: string): string {
  return `<nav class="sandbox-issue-nav gl-mt-5" data-sandbox-swap="nav" aria-label="Next issue"><a data-sandbox-nav href="${c.root}/${p.fullPath}/-/${kind}/${next.iid}${search}">Next issue: #${next.iid} ${escapeHtml(next.title)}</a></nav>`;
}

const plainComposer = `<div class="work-item-add-note timeline-entry" data-testid="work-item-add-comment">
<form class="common-note-form new-note js-main-target-form" data-sandbox-note-form method="post">
<div class="md-area"><textarea id="work-item-add-or-edit-comment" name="note[note]" class="note-textarea js-gfm-input markdown-area" data-testid="markdown-editor-form-field" aria-label="Add a reply" placeholder="Add a reply"></textarea></div>
<button type="submit" class="btn btn-confirm btn-md gl-button" data-testid="confirm-button">Comment</button>
</form></div>`;

/**
 * `?editor=rich`: the comment form in GitLab's rich-text mode (markdown_editor.vue with content_editor.vue): a tiptap
 * `div.ProseMirror[contenteditable]` plus the hidden input that carries the Markdown. The script stands in for tiptap:
 * it keeps its own selection while blurred and restores it ~20 ms after focus (as ProseMirror does), and it takes a
 * pasted text/plain as Markdown (paste_markdown.js), splitting the block at the caret. Typing is left to the browser.
 */
const RICH_EDITOR_SCRIPT = `
(() => {
  const root = document.currentScript.parentElement;
  const editor = root.querySelector('.ProseMirror');
  const field = root.querySelector('input[name="note[note]"]');
  let saved = null;
  const markdownOf = (block) => block.dataset.md ?? block.textContent;
  const sync = () => {
    field.value = [...editor.children].map(markdownOf).filter((m) => m.trim() !== '').join('\\n\\n');
  };
  const render = (md) => {
    const h = /^(#{1,6}) +(.*)$/.exec(md);
    const el = document.createElement(h && !md.includes('\\n') ? 'h' + h[1].length : 'p');
    el.dataset.md = md;
    el.textContent = h && !md.includes('\\n') ? h[2] : md;
    return el;
  };
  document.addEventListener('selectionchange', () => {
    const s = document.getSelection();
    if (s && s.rangeCount && editor.contains(s.anchorNode)) saved = s.getRangeAt(0).cloneRange();
  });
  editor.addEventListener('focus', () => setTimeout(() => {
    const s = document.getSelection();
    if (saved && !(s.rangeCount && editor.contains(s.anchorNode))) { s.removeAllRanges(); s.addRange(saved); }
  }, 20));
  editor.addEventListener('input', () => {
    const s = document.getSelection();
    const block = s && s.anchorNode && [...editor.children].find((b) => b.contains(s.anchorNode));
    if (block) delete block.dataset.md;
    sync();
  });
  editor.addEventListener('paste', (e) => {
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const s = document.getSelection();
    const range = s.rangeCount && editor.contains(s.anchorNode) ? s.getRangeAt(0) : null;
    let block = range && [...editor.children].find((b) => b.contains(range.startContainer));
    let tail = null;
    if (block && range) {
      const after = document.createRange();
      after.setStart(range.endContainer, range.endOffset);
      after.setEnd(block, block.childNodes.length);
      const rest = after.extractContents().textContent;
      if (rest.trim() !== '') { tail = document.createElement('p'); tail.textContent = rest; }
      if (block.textContent.trim() === '') { const empty = block; block = block.previousElementSibling; empty.remove(); }
      else delete block.dataset.md;
    } else {
      block = editor.lastElementChild;
      if (block && block.textContent.trim() === '') { const empty = block; block = block.previousElementSibling; empty.remove(); }
    }
    const blocks = text.split(/\\n[ \\t]*\\n/).filter((b) => b.trim() !== '').map(render);
    if (tail) blocks.push(tail);
    if (block) block.after(...blocks); else editor.prepend(...blocks);
    editor.dataset.sandboxLastInsert = 'paste';
    sync();
  });
})();
`;

const richComposer = `<div class="work-item-add-note timeline-entry" data-testid="work-item-add-comment">
<form class="common-note-form new-note js-main-target-form" data-sandbox-note-form method="post">
<div class="js-editor md-area-wrapper"><div class="md-area" data-testid="markdown-editor-form-field"><div data-testid="content-editor">
<div data-testid="content_editor_editablebox" class="md"><div class="tiptap ProseMirror" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Rich text editor" translate="no"><p><br class="ProseMirror-trailingBreak"></p></div></div>
</div></div>
<input type="hidden" id="work-item-add-or-edit-comment" name="note[note]" data-testid="markdown-editor-form-field" value=""></div>
<button type="submit" class="btn btn-confirm btn-md gl-button" data-testid="confirm-button">Comment</button>
</form>
<script>${RICH_EDITOR_SCRIPT}</script></div>`;

export type CommentEditor = 'plain' | 'rich';

interface WorkItemView {
  typeName: string;
  title: string;
  state: 'opened' | 'closed';
  authorId: number;
  createdAt: string;
  descriptionHtml: string;
  notes: GlNote[];
  projectPath?: string;
  sidebar: string;
  nav: string;
  editor?: CommentEditor;
  /** Widgets between the description and the activity (an epic's child items). */
  widgets?: string;
}

function workItemMarkup(c: PageCtx, v: WorkItemView): string {
  const author = userOf(c, v.authorId);
  return `<div class="work-item-detail" data-testid="work-item-detail">
<div class="gl-flex gl-flex-wrap gl-items-start gl-gap-3">
<div data-testid="work-item-type" class="gl-w-full"><h1 data-testid="work-item-title" class="gl-heading-1 !gl-m-0 gl-w-full gl-wrap-anywhere" data-sandbox-swap="title">${escapeHtml(v.title)}</h1></div>
<div class="gl-flex gl-items-center gl-gap-2" data-sandbox-swap="meta"><span class="gl-badge ${v.state === 'opened' ? 'badge-success' : 'badge-info'}" data-testid="work-item-state-badge">${v.state === 'opened' ? 'Open' : 'Closed'}</span>
<span class="gl-text-subtle" data-testid="work-item-created">${v.typeName} created ${time(v.createdAt)} by <a class="author-link" href="${c.root}/${author.username}">${escapeHtml(author.name)}</a></span></div>
<div data-testid="work-item-actions-dropdown" class="gl-ml-auto"><button type="button" class="btn gl-button" aria-label="More actions">⋮</button></div>
</div>
<div class="work-item-overview">
<section class="work-item-overview-main">
<div data-testid="work-item-description-wrapper" data-sandbox-swap="description"><div data-testid="work-item-description" class="description md gl-relative">${v.descriptionHtml}</div></div>
${v.widgets ?? ''}
<div class="work-item-activity gl-mt-5"><h2 class="gl-heading-3">Activity</h2>
<ul class="notes main-notes-list timeline" id="notes-list" data-testid="work-item-notes" data-sandbox-swap="notes">${v.notes.map((n) => workItemNote(c, n, v.projectPath)).join('\n')}</ul>
${v.editor === 'rich' ? richComposer : plainComposer}
</div>
${v.nav}
</section>
<aside class="work-item-overview-right-sidebar" data-testid="work-item-overview-right-sidebar" data-sandbox-swap="sidebar">${v.sidebar}</aside>
</div>
</div>`;
}

function widget(testid: string, heading: string, body: string): string {
  return `<div class="work-item-attributes-item" data-testid="${testid}"><h3 class="gl-heading-5">${heading}</h3><div class="gl-flex gl-flex-wrap gl-gap-2">${body}</div><button type="button" class="btn btn-link" data-testid="edit-button">Edit</button></div>`;
}

function issueSidebar(c: PageCtx, p: GlProject, issue: GlIssue): string {
  const list = `${c.root}/${p.fullPath}/-/issues`;
  const assignees = issue.assigneeIds.length
    ? issue.assigneeIds.map((id) => userOf(c, id)).map((u) => `<a href="${c.root}/${u.username}" data-testid="assignee-link">${avatar(c, u)} <span>${escapeHtml(u.name)}</span></a>`).join('')
    : '<span class="gl-text-subtle">None</span>';
  const milestone = issue.milestoneId ? c.state.milestones.find((m) => m.id === issue.milestoneId) : undefined;
  const g = c.state.groups.find((x) => x.id === milestone?.groupId);
  const parts = [
    widget('work-item-assignees', 'Assignees', assignees),
    widget('work-item-labels', 'Labels', issue.labels.length ? issue.labels.map((l) => labelChip(c, p, l, list)).join('') : '<span class="gl-text-subtle">None</span>'),
    widget(
      'work-item-milestone',
      'Milestone',
      milestone && g ? `<a data-testid="work-item-milestone-link" href="${c.root}/groups/${g.fullPath}/-/milestones/${milestone.iid}">${escapeHtml(milestone.title)}</a>` : '<span class="gl-text-subtle">None</span>',
    ),
  ];
  if (tierAtLeast(p.tier, 'premium')) {
    parts.push(widget('work-item-weight', 'Weight', issue.weight === null ? '<span class="gl-text-subtle" data-testid="work-item-weight-value">None</span>' : `<span data-testid="work-item-weight-value">${issue.weight}</span>`));
  }
  if (tierAtLeast(p.tier, 'ultimate')) {
    parts.push(widget('work-item-health-status', 'Health status', `<span data-testid="work-item-health-status-value">${issue.healthStatus ? healthBadge(issue.healthStatus) : '<span class="gl-text-subtle">None</span>'}</span>`));
  }
  const epic = issue.epicId ? c.state.epics.find((e) => e.id === issue.epicId) : undefined;
  if (epic) {
    const eg = c.state.groups.find((x) => x.id === epic.groupId)!;
    parts.push(widget('work-item-parent', 'Parent', `<a href="${c.root}/groups/${eg.fullPath}/-/epics/${epic.iid}">&amp;${epic.iid} ${escapeHtml(epic.title)}</a>`));
  }
  return parts.join('\n');
}

export interface IssuePageOptions {
  variant: IssueVariant;
  /** The URL the page was asked for: `/-/issues/:iid` or `/-/work_items/:iid` (links keep it). */
  urlKind: 'issues' | 'work_items';
  dark: boolean;
  /** The query string, kept on the navigation link so the variant and theme stay. */
  search: string;
  /** `?editor=rich`: the comment form in rich-text mode. */
  editor?: CommentEditor;
}

export function issuePage(c: PageCtx, p: GlProject, issue: GlIssue, o: IssuePageOptions): string {
  const { variant, dark, search, urlKind: kind } = o;
  const title = `${issue.title} (#${issue.iid}) · Issues · ${p.fullPath.split('/').slice(0, -1).join(' / ')} / ${p.name} · GitLab`;
  // GitLab 18.1 served /-/issues/:iid as projects:work_items:show without data-page-type-id.
  const page = variant === 'work-item' ? 'projects:work_items:show' : 'projects:issues:show';
  const body = projectBody(c, p, page, variant === 'work-item' ? undefined : issue.iid);
  const crumbs = [...projectCrumbs(c, p), { text: 'Issues', href: `${c.root}/${p.fullPath}/-/issues` }, { text: `#${issue.iid}`, href: `${c.root}/${p.fullPath}/-/${kind}/${issue.iid}${search}` }];
  const descriptionHtml = renderMarkdown(issue.description, { base: c.base, projectPath: p.fullPath });
  const nav = navLink(c, p, nextIssue(c, issue), kind, search);
  const notes = notesOf(c, 'Issue', issue.id);
  let content: string;
  if (variant === 'legacy') content = legacyMarkup(c, p, issue, descriptionHtml, notes, nav);
  else if (variant === 'bare') {
    content = `<div class="sandbox-bare"><h2 data-sandbox-swap="title">${escapeHtml(issue.title)}</h2><div class="sandbox-bare-body" data-sandbox-swap="description">${descriptionHtml}</div>${nav}</div>`;
  } else {
    content = workItemMarkup(c, {
      typeName: 'Issue',
      title: issue.title,
      state: issue.state,
      authorId: issue.authorId,
      createdAt: issue.createdAt,
      descriptionHtml,
      notes,
      projectPath: p.fullPath,
      sidebar: issueSidebar(c, p, issue),
      nav,
      editor: o.editor,
    });
  }
  return layout({ root: c.root, title, body, dark, breadcrumbs: crumbs, content, bare: variant === 'bare' });
}

function legacyMarkup(c: PageCtx, p: GlProject, issue: GlIssue, descriptionHtml: string, notes: GlNote[], nav: string): string {
  const author = userOf(c, issue.authorId);
  const list = `${c.root}/${p.fullPath}/-/issues`;
  const weight = tierAtLeast(p.tier, 'premium')
    ? `<div class="block weight" data-testid="sidebar-weight"><div class="title">Weight</div><div class="value">${issue.weight ?? 'None'}</div></div>`
    : '';
  return `<div class="issuable-page">
<div class="issue-details issuable-details gl-flex-1">
<div class="detail-page-header"><div class="detail-page-header-body" data-sandbox-swap="meta"><div class="issuable-status-box status-box status-box-open">${issue.state === 'opened' ? 'Open' : 'Closed'}</div>
<div class="issuable-meta">Issue created ${time(issue.createdAt)} by <a class="author-link" href="${c.root}/${author.username}"><span class="author">${escapeHtml(author.name)}</span></a></div></div></div>
<div class="detail-page-description content-block"><h1 class="title qa-title" data-testid="issue-title" data-sandbox-swap="title">${escapeHtml(issue.title)}</h1>
<div class="description js-task-list-container is-task-list-enabled" data-sandbox-swap="description"><div class="md">${descriptionHtml}</div><textarea class="hidden js-task-list-field">${escapeHtml(issue.description)}</textarea></div></div>
<section class="issuable-discussion"><ul class="notes main-notes-list timeline" id="notes-list" data-sandbox-swap="notes">${notes.map((n) => legacyNote(c, n, p.fullPath)).join('\n')}</ul>
<div class="note-form-holder"><form class="new-note js-new-note-form js-quick-submit common-note-form gfm-form js-main-target-form" id="new-note" data-sandbox-note-form method="post">
<div class="md-area"><textarea id="note-body" name="note[note]" class="note-textarea js-gfm-input js-note-text js-autosize markdown-area" data-supports-quick-actions="true" placeholder="Write a comment or drag your files here…"></textarea></div>
<input type="submit" name="commit" value="Comment" class="btn btn-success js-comment-button"></form></div></section>
${nav}
</div>
<aside class="right-sidebar right-sidebar-expanded issuable-sidebar" aria-label="issue" data-sandbox-swap="sidebar">
<div class="block assignee" data-testid="sidebar-assignees"><div class="title">Assignees</div><div class="value">${issue.assigneeIds.map((id) => escapeHtml(userOf(c, id).name)).join(', ') || 'None'}</div></div>
<div class="block labels" data-testid="sidebar-labels"><div class="title">Labels</div><div class="value issuable-show-labels">${issue.labels.map((l) => labelChip(c, p, l, list)).join('')}</div></div>
<div class="block milestone" data-testid="sidebar-milestones"><div class="title">Milestone</div><div class="value">${escapeHtml(c.state.milestones.find((m) => m.id === issue.milestoneId)?.title ?? 'None')}</div></div>
${weight}
</aside>
</div>`;
}

/** `/groups/:g/-/epics/:iid` (groups:epics:show) and `/groups/:g/-/work_items/:iid` (groups:work_items:show). */
export function epicPage(c: PageCtx, g: GlGroup, epic: GlEpic, asWorkItem: boolean, dark: boolean, q: URLSearchParams): string {
  const kind = asWorkItem ? 'work_items' : 'epics';
  const body = {
    page: asWorkItem ? 'groups:work_items:show' : 'groups:epics:show',
    'page-type-id': asWorkItem ? undefined : epic.iid,
    group: g.fullPath.split('/').pop(),
    'group-full-path': g.fullPath,
    'namespace-id': g.id,
  };
  const sidebar = [
    widget('work-item-labels', 'Labels', epic.labels.map((l) => labelChip(c, undefined, l)).join('')),
    widget('work-item-assignees', 'Assignees', '<span class="gl-text-subtle">None</span>'),
  ].join('\n');
  const content = workItemMarkup(c, {
    typeName: 'Epic',
    title: epic.title,
    state: epic.state,
    authorId: epic.authorId,
    createdAt: epic.createdAt,
    descriptionHtml: renderMarkdown(epic.description, { base: c.base }),
    notes: notesOf(c, 'Epic', epic.id),
    sidebar,
    nav: '',
    widgets: childItemsWidget(c, epic, q),
  });
  const crumbs = [
    { text: g.name, href: `${c.root}/groups/${g.fullPath}` },
    { text: 'Epics', href: `${c.root}/groups/${g.fullPath}/-/epics` },
    { text: `&${epic.iid}`, href: `${c.root}/groups/${g.fullPath}/-/${kind}/${epic.iid}` },
  ];
  return layout({ root: c.root, title: `${epic.title} (&${epic.iid}) · Epics · ${g.name} · GitLab`, body, dark, breadcrumbs: crumbs, content });
}
