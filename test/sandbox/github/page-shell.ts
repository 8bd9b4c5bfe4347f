// The frame every GitHub-like page shares: <html> theme attributes, head metas, repository header and the
// soft-navigation script that mimics GitHub's React router (history.pushState, content swap, soft-nav:* events).
import { escapeHtml } from './markdown';
import type { GhRepo } from './model';

export type Theme = 'light' | 'dark' | 'auto';

export interface PageOptions {
  title: string;
  /** `meta[name=route-pattern]`; omitted on bare pages. */
  routePattern?: string;
  repo?: GhRepo;
  theme: Theme;
  /** Host shown in `meta[name=hostname]`. */
  host: string;
  body: string;
  /** Bare pages have no GitHub anchors at all (tests the docked fallback). */
  bare?: boolean;
}

export function themeOf(query: URLSearchParams): Theme {
  const t = query.get('theme');
  return t === 'dark' || t === 'light' ? t : 'auto';
}

/** Query parameters carried over by in-page links (theme and page variant). */
export function keptQuery(query: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const k of ['theme', 'variant']) {
    const v = query.get(k);
    if (v) kept.set(k, v);
  }
  const s = kept.toString();
  return s ? `?${s}` : '';
}

const STYLE = `
:root { color-scheme: light; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --accent: #0969da; }
html[data-color-mode="dark"] { color-scheme: dark; --bg: #0d1117; --fg: #f0f6fc; --muted: #9198a1; --border: #3d444d; --accent: #4493f8; }
@media (prefers-color-scheme: dark) {
  html[data-color-mode="auto"] { color-scheme: dark; --bg: #0d1117; --fg: #f0f6fc; --muted: #9198a1; --border: #3d444d; --accent: #4493f8; }
}
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
a { color: var(--accent); text-decoration: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.AppHeader { padding: 12px 24px; border-bottom: 1px solid var(--border); display: flex; gap: 12px; align-items: center; }
.repo-header { padding: 16px 24px 0; border-bottom: 1px solid var(--border); }
.UnderlineNav-body { display: flex; gap: 16px; list-style: none; margin: 8px 0 0; padding: 0; }
.repository-content { padding: 24px; max-width: 1280px; margin: 0 auto; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 296px; gap: 24px; }
.markdown-body { overflow-wrap: break-word; }
.markdown-body pre { background: color-mix(in srgb, var(--fg) 6%, transparent); padding: 12px; border-radius: 6px; overflow: auto; }
.Box { border: 1px solid var(--border); border-radius: 6px; }
.comment { border: 1px solid var(--border); border-radius: 6px; margin: 16px 0; }
.comment-header { padding: 8px 16px; border-bottom: 1px solid var(--border); color: var(--muted); }
.comment .markdown-body { padding: 16px; }
.timeline-event { color: var(--muted); padding: 4px 16px; }
.IssueLabel { display: inline-block; padding: 0 7px; border-radius: 2em; font-size: 12px; font-weight: 500; line-height: 20px; margin: 0 4px 4px 0; }
.sidebar-section { border-bottom: 1px solid var(--border); padding: 12px 0; }
.sidebar-section h3 { font-size: 12px; color: var(--muted); margin: 0 0 6px; }
textarea { width: 100%; min-height: 120px; box-sizing: border-box; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 6px; padding: 8px; font: inherit; }
.State { display: inline-block; padding: 2px 12px; border-radius: 2em; color: #fff; background: #1f883d; }
.State--closed { background: #8250df; }
ul[role="list"] { list-style: none; margin: 0; padding: 0; }
li[role="listitem"] { padding: 8px 16px; border-top: 1px solid var(--border); }
`;

/** GitHub's React router, reduced: fetch the next page, swap the content, push the URL, fire soft-nav events. */
const NAV_SCRIPT = `
(() => {
  const fire = (type) => document.dispatchEvent(new Event(type, { bubbles: true }));
  async function go(url, push) {
    fire('soft-nav:start');
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const next = doc.querySelector('#repo-content-turbo-frame');
    const here = document.querySelector('#repo-content-turbo-frame');
    if (!next || !here) { location.assign(url); return; }
    here.replaceWith(document.importNode(next, true));
    document.title = doc.title;
    for (const name of ['route-pattern', 'route-controller', 'route-action']) {
      const fresh = doc.querySelector('meta[name="' + name + '"]');
      const old = document.querySelector('meta[name="' + name + '"]');
      if (fresh && old) old.setAttribute('content', fresh.getAttribute('content'));
    }
    if (push) history.pushState({ sandboxNav: true }, '', url);
    fire('soft-nav:success');
    fire('soft-nav:end');
    fire('soft-nav:react-done');
  }
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[data-sandbox-nav]') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(a.href, true);
  });
  window.addEventListener('popstate', () => go(location.href, false));
})();
`;

export function repoHeader(repo: GhRepo, q: string): string {
  const base = `/${repo.owner}/${repo.name}`;
  return `<div id="repository-container-header" class="repo-header" data-turbo-replace>
  <div><span class="author"><a href="/${repo.owner}">${escapeHtml(repo.owner)}</a></span> / <strong itemprop="name"><a href="${base}">${escapeHtml(repo.name)}</a></strong>
  <span class="Label">${repo.private ? 'Private' : 'Public'}</span></div>
  <nav class="js-repo-nav js-responsive-underlinenav" aria-label="Repository"><ul class="UnderlineNav-body">
    <li><a id="code-tab" href="${base}">Code</a></li>
    <li><a id="issues-tab" href="${base}/issues${q}" aria-current="page">Issues</a></li>
    <li><a id="pull-requests-tab" href="${base}/pulls">Pull requests</a></li>
  </ul></nav>
</div>`;
}

export function page(o: PageOptions): string {
  const metas: string[] = [];
  if (!o.bare) {
    if (o.routePattern) metas.push(`<meta name="route-pattern" content="${escapeHtml(o.routePattern)}" data-turbo-transient>`);
    metas.push('<meta name="user-login" content="alice">', `<meta name="hostname" content="${escapeHtml(o.host)}">`);
    if (o.repo) {
      const nwo = `${o.repo.owner}/${o.repo.name}`;
      metas.push(
        `<meta name="octolytics-dimension-repository_id" content="${o.repo.id}">`,
        `<meta name="octolytics-dimension-repository_nwo" content="${escapeHtml(nwo)}">`,
        `<meta name="octolytics-dimension-repository_public" content="${!o.repo.private}">`,
        `<meta name="octolytics-dimension-repository_is_fork" content="false">`,
        `<meta name="octolytics-dimension-repository_network_root_nwo" content="${escapeHtml(nwo)}">`,
      );
    }
  }
  const htmlAttrs = o.bare ? 'lang="en"' : `lang="en" data-color-mode="${o.theme}" data-light-theme="light" data-dark-theme="dark"`;
  const header = o.bare
    ? ''
    : `<header class="AppHeader" role="banner"><a href="/" aria-label="Homepage">GitHub</a><span class="AppHeader-context">${o.repo ? escapeHtml(`${o.repo.owner} / ${o.repo.name}`) : ''}</span></header>`;
  return `<!DOCTYPE html>
<html ${htmlAttrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${escapeHtml(o.title)}</title>
${metas.join('\n')}
<style>${STYLE}</style>
</head>
<body class="${o.bare ? '' : 'logged-in env-production page-responsive'}">
${header}
${o.body}
${o.bare ? '' : `<script>${NAV_SCRIPT}</script>`}
</body>
</html>`;
}

export function html(status: number, body: string, headers: Record<string, string> = {}) {
  return { status, body, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } };
}

export function notFoundPage(host: string) {
  return html(
    404,
    page({
      title: 'Page not found · GitHub',
      theme: 'auto',
      host,
      body: '<main id="js-repo-pjax-container"><h1>404</h1><p>This is not the web page you are looking for.</p></main>',
    }),
  );
}

export function relativeTime(iso: string): string {
  const d = new Date(iso);
  const label = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return `<relative-time datetime="${iso}" class="no-wrap">${label}</relative-time>`;
}

/** A label chip with GitHub's colors and the description as screen-reader text. */
export function labelChip(name: string, color: string, description: string | null, href: string): string {
  const r = Number.parseInt(color.slice(0, 2), 16);
  const g = Number.parseInt(color.slice(2, 4), 16);
  const b = Number.parseInt(color.slice(4, 6), 16);
  const text = (r * 299 + g * 587 + b * 114) / 1000 > 150 ? '#1f2328' : '#ffffff';
  return `<a class="IssueLabel" data-name="${escapeHtml(name)}" href="${href}" style="background-color:#${color};color:${text}"><span class="TokenTextContainer">${escapeHtml(name)}</span>${
    description ? `<span class="sr-only">${escapeHtml(description)}</span>` : ''
  }</a>`;
}
