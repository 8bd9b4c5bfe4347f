// Page routes at real GitLab paths. Pages need no token (the browser is "signed in" as alice for comments).
import type { SandboxReply, SandboxRequest } from '../../core';
import { escapeHtml, renderMarkdown } from '../markdown';
import { addNote } from '../ops';
import { tierAtLeast, type GitlabState, type GlProject } from '../state';
import { epicPage, issuePage, projectBody, projectCrumbs, type IssueVariant } from './issue';
import { html, layout } from './layout';
import { boardPage, issueListPage, workItemListPage } from './lists';
import { legacyNote, workItemNote, type PageCtx } from './widgets';

const SESSION_USER = 1;

function notFoundPage(c: PageCtx): SandboxReply {
  return html(
    layout({ root: c.root, title: 'Not Found · GitLab', body: { page: 'errors:not_found' }, dark: false, breadcrumbs: [], content: '<h1>404: Page not found</h1><p>Make sure the address is correct and the page has not moved.</p>' }),
    404,
  );
}

/** Initials on a coloured disc, served where GitLab serves uploaded avatars. */
function avatarReply(state: GitlabState, id: number): SandboxReply | null {
  const u = state.users.find((x) => x.id === id);
  if (!u) return null;
  const hue = (id * 67) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="32" fill="hsl(${hue},55%,55%)"/><text x="32" y="41" font-size="26" text-anchor="middle" fill="#fff" font-family="sans-serif">${u.name[0]}</text></svg>`;
  return { status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' }, body: svg };
}

function mergeRequestPage(c: PageCtx, p: GlProject, iid: number, dark: boolean): SandboxReply {
  const mr = c.state.mergeRequests.find((m) => m.projectId === p.id && m.iid === iid);
  if (!mr) return notFoundPage(c);
  const related = c.state.issues.filter((i) => mr.relatesTo.includes(i.id) || mr.closes.includes(i.id));
  const content = `<div class="merge-request-details issuable-details" data-testid="merge-request-details">
<h1 class="title gl-heading-1" data-testid="title-content">${escapeHtml(mr.title)}</h1>
<div class="detail-page-description"><div class="description md">${renderMarkdown(mr.description, { base: c.base, projectPath: p.fullPath })}</div></div>
<div class="mr-widget-section"><h2 class="gl-heading-3">Related issues</h2><ul>${related
    .map((i) => `<li><a href="${c.root}/${c.state.projects.find((x) => x.id === i.projectId)!.fullPath}/-/issues/${i.iid}">#${i.iid} ${escapeHtml(i.title)}</a></li>`)
    .join('')}</ul></div></div>`;
  return html(
    layout({
      root: c.root,
      title: `${mr.title} (!${mr.iid}) · Merge requests · ${p.name} · GitLab`,
      body: projectBody(c, p, 'projects:merge_requests:show', mr.iid),
      dark,
      breadcrumbs: [...projectCrumbs(c, p), { text: 'Merge requests', href: `${c.root}/${p.fullPath}/-/merge_requests` }, { text: `!${mr.iid}`, href: `${c.root}/${p.fullPath}/-/merge_requests/${mr.iid}` }],
      content,
    }),
  );
}

function projectPage(c: PageCtx, p: GlProject, dark: boolean): SandboxReply {
  const board = c.state.boards.find((b) => b.projectId === p.id);
  const links = [
    ['Issues', `/-/issues`],
    ['Work items', `/-/work_items`],
    ['Merge requests', `/-/merge_requests/11`],
    ...(board ? [['Issue board', `/-/boards/${board.id}`]] : []),
  ];
  const content = `<h1 class="gl-heading-1">${escapeHtml(p.name)}</h1><p>${escapeHtml(p.description)}</p><ul>${links.map(([t, h]) => `<li><a href="${c.root}/${p.fullPath}${h}">${t}</a></li>`).join('')}</ul>`;
  return html(layout({ root: c.root, title: `${p.name} · GitLab`, body: projectBody(c, p, 'projects:show'), dark, breadcrumbs: projectCrumbs(c, p), content }));
}

/** The page composer posts here (the session user is alice); answers the rendered note for the page to append. */
function postComment(c: PageCtx, req: SandboxRequest, p: GlProject, iid: number): SandboxReply {
  const issue = c.state.issues.find((i) => i.projectId === p.id && i.iid === iid);
  const text = (req.body as { note?: unknown } | undefined)?.note;
  if (!issue || typeof text !== 'string' || !text.trim()) return { status: 422, body: { errors: 'Note can\u2019t be blank' } };
  const note = addNote(c.state, { noteableType: 'Issue', noteableId: issue.id, authorId: SESSION_USER, body: text, system: false });
  const render = req.query.get('variant') === 'legacy' ? legacyNote : workItemNote;
  return { status: 201, body: { id: note.id, html: render(c, note, p.fullPath) } };
}

export function pageHandler(state: GitlabState, req: SandboxRequest): SandboxReply | null {
  const root = new URL(req.base).pathname.replace(/\/$/, '');
  const c: PageCtx = { state, base: req.base, root };
  const dark = req.query.get('theme') === 'dark';
  const path = req.path.replace(/\/+$/, '') || '/';
  const avatarMatch = path.match(/^\/uploads\/-\/system\/user\/avatar\/(\d+)\/avatar\.png$/);
  if (avatarMatch) return avatarReply(state, Number(avatarMatch[1]));
  const group = path.match(/^\/groups\/(.+?)\/-\/(epics|work_items)\/(\d+)$/);
  if (group && req.method === 'GET') {
    const g = state.groups.find((x) => x.fullPath === group[1]);
    const epic = g && tierAtLeast(g.tier, 'premium') ? state.epics.find((e) => e.groupId === g.id && e.iid === Number(group[3])) : undefined;
    return g && epic ? html(epicPage(c, g, epic, group[2] === 'work_items', dark, req.query)) : notFoundPage(c);
  }
  const [projectPath, rest = ''] = path.slice(1).split('/-/');
  const p = state.projects.find((x) => x.fullPath === projectPath);
  // Legacy links without `/-/` (e.g. /acme/platform/backend/issues/3) redirect like GitLab does.
  const legacy = !p && path.match(/^\/(.+)\/(issues|merge_requests)\/(\d+)$/);
  if (legacy && state.projects.some((x) => x.fullPath === legacy[1])) {
    return { status: 301, headers: { location: `${root}/${legacy[1]}/-/${legacy[2]}/${legacy[3]}` }, body: '' };
  }
  if (!p) return req.method === 'GET' ? notFoundPage(c) : null;
  if (req.method === 'POST') {
    const m = rest.match(/^issues\/(\d+)\/notes$/);
    return m ? postComment(c, req, p, Number(m[1])) : null;
  }
  if (!rest) return path.includes('/-/') ? notFoundPage(c) : projectPage(c, p, dark);
  const search = req.query.toString() ? `?${req.query.toString()}` : '';
  let m: RegExpMatchArray | null;
  if ((m = rest.match(/^(issues|work_items)\/(\d+)$/))) {
    const issue = state.issues.find((i) => i.projectId === p.id && i.iid === Number(m![2]));
    if (!issue) return notFoundPage(c);
    const requested = req.query.get('variant') as IssueVariant | null;
    const variant: IssueVariant = m[1] === 'work_items' ? 'work-item' : requested && ['work-item', 'legacy', 'bare'].includes(requested) ? requested : 'issue';
    const editor = req.query.get('editor') === 'rich' ? 'rich' : 'plain';
    return html(issuePage(c, p, issue, { variant, urlKind: m[1] as 'issues' | 'work_items', dark, search, editor }));
  }
  if ((m = rest.match(/^merge_requests\/(\d+)$/))) return mergeRequestPage(c, p, Number(m[1]), dark);
  if (rest === 'issues') return html(issueListPage(c, p, req.query, dark));
  if (rest === 'work_items') return html(workItemListPage(c, p, req.query, dark));
  if ((m = rest.match(/^boards\/(\d+)$/))) {
    const board = state.boards.find((b) => b.projectId === p.id && b.id === Number(m![1]));
    return board ? html(boardPage(c, p, board, dark)) : notFoundPage(c);
  }
  return notFoundPage(c);
}
