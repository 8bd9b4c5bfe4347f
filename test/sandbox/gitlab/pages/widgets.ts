// Reusable bits of GitLab markup: label chips, avatars, notes, sidebar widgets.
import { textColor } from '../seed';
import { escapeHtml, renderMarkdown } from '../markdown';
import { labelsFor } from '../ops';
import { labelScope, type GitlabState, type GlNote, type GlProject, type GlUser, type HealthStatusValue } from '../state';

export interface PageCtx {
  state: GitlabState;
  base: string;
  /** Relative URL root path ('' or '/gitlab'). */
  root: string;
}

export const userOf = (c: PageCtx, id: number): GlUser => c.state.users.find((u) => u.id === id)!;

export function avatar(c: PageCtx, u: GlUser, size = 24): string {
  return `<img class="avatar s${size}" width="${size}" height="${size}" alt="${escapeHtml(u.name)}" src="${c.root}/uploads/-/system/user/avatar/${u.id}/avatar.png" data-testid="avatar-image">`;
}

export const time = (iso: string): string =>
  `<time class="js-timeago" datetime="${iso}" title="${new Date(iso).toUTCString()}">${iso.slice(0, 10)}</time>`;

/** A label chip as GitLab renders it (scoped labels split into key and value). */
export function labelChip(c: PageCtx, p: GlProject | undefined, name: string, listPath?: string): string {
  const label = p ? labelsFor(c.state, p).find((l) => l.name === name) : c.state.labels.find((l) => l.name === name);
  const color = label?.color ?? '#6699cc';
  const scope = labelScope(name);
  const style = `--label-background-color: ${color}; --label-inset-border: inset 0 0 0 2px ${color}; --label-text-color: ${textColor(color)}`;
  const inner = scope
    ? `<span class="gl-label-text">${escapeHtml(scope)}</span><span class="gl-label-text-scoped">${escapeHtml(name.slice(scope.length + 2))}</span>`
    : `<span class="gl-label-text">${escapeHtml(name)}</span>`;
  const href = listPath ? `${listPath}?label_name%5B%5D=${encodeURIComponent(name)}` : '#';
  return `<span class="gl-label${scope ? ' gl-label-scoped' : ''}" data-testid="label-${escapeHtml(name)}" title="${escapeHtml(label?.description ?? '')}" style="${style}"><a class="gl-link gl-label-link" href="${href}">${inner}</a></span>`;
}

export const HEALTH_TEXT: Record<HealthStatusValue, string> = { on_track: 'On track', needs_attention: 'Needs attention', at_risk: 'At risk' };
const HEALTH_BADGE: Record<HealthStatusValue, string> = { on_track: 'badge-success', needs_attention: 'badge-warning', at_risk: 'badge-danger' };

export function healthBadge(h: HealthStatusValue): string {
  return `<span class="gl-badge ${HEALTH_BADGE[h]}">${HEALTH_TEXT[h]}</span>`;
}

/** An activity item in the work-item view: user comment or system note. */
export function workItemNote(c: PageCtx, n: GlNote, projectPath?: string): string {
  const u = userOf(c, n.authorId);
  const html = renderMarkdown(n.body, { base: c.base, projectPath });
  if (n.system) {
    return `<li class="timeline-entry note system-note note-wrapper" id="note_${n.id}" data-note-id="${n.id}"><div class="timeline-entry-inner"><div data-testid="system-note-content" class="system-note-message"><span class="note-header-author-name">${escapeHtml(u.name)}</span> ${html.replace(/^<p[^>]*>|<\/p>$/g, '')} · ${time(n.createdAt)}</div></div></li>`;
  }
  return `<li class="timeline-entry note note-wrapper note-comment" id="note_${n.id}" data-note-id="${n.id}" data-testid="note-wrapper">
<div class="timeline-entry-inner"><div class="timeline-avatar">${avatar(c, u, 32)}</div><div class="timeline-content">
<div class="note-header"><a class="author-name-link" href="${c.root}/${u.username}"><span class="note-header-author-name">${escapeHtml(u.name)}</span></a> <span class="note-headline-light">@${u.username} · <a href="#note_${n.id}">${time(n.createdAt)}</a></span></div>
<div class="note-body"><div data-testid="work-item-note-body" class="note-text md">${html}</div></div>
</div></div></li>`;
}

/** A note in the legacy (haml) issue page. */
export function legacyNote(c: PageCtx, n: GlNote, projectPath?: string): string {
  const u = userOf(c, n.authorId);
  const html = renderMarkdown(n.body, { base: c.base, projectPath });
  return `<li class="note note-wrapper timeline-entry${n.system ? ' system-note' : ''}" id="note_${n.id}" data-note-id="${n.id}">
<div class="timeline-entry-inner"><div class="timeline-content"><div class="note-header"><div class="note-header-info"><a href="${c.root}/${u.username}"><span class="author">${escapeHtml(u.name)}</span> <span class="note-headline-light">@${u.username}</span></a> ${time(n.createdAt)}</div></div>
<div class="note-body"><div class="note-text md">${html}</div></div></div></div></li>`;
}
