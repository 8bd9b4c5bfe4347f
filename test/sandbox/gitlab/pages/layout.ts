// The page shell: GitLab's <body> data attributes, top bar, super sidebar, breadcrumbs, and the in-page navigation script.
import { escapeHtml } from '../markdown';

export interface PageShell {
  /** Relative URL root path ('' or '/gitlab'): every link is root-relative. */
  root: string;
  title: string;
  /** `data-*` attributes of <body>, without the `data-` prefix. */
  body: Record<string, string | number | undefined>;
  dark: boolean;
  /** A page whose markup changed beyond recognition: not even GitLab's #content-body (our docked fallback). */
  bare?: boolean;
  breadcrumbs: { text: string; href: string }[];
  content: string;
  /** `<meta name="description">`: GitLab EE says "GitLab Enterprise Edition". */
  description?: string;
}

const CSS = `
:root{--gl-bg:#fff;--gl-text:#3a383f;--gl-subtle:#626168;--gl-border:#dcdcde;--gl-link:#1f75cb;--gl-panel:#fbfafd}
html.gl-dark{--gl-bg:#18171d;--gl-text:#ececef;--gl-subtle:#bfbfc3;--gl-border:#434248;--gl-link:#63a6e9;--gl-panel:#232128;color-scheme:dark}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 "GitLab Sans",-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--gl-bg);color:var(--gl-text)}
a{color:var(--gl-link);text-decoration:none}a:hover{text-decoration:underline}
.super-topbar{height:48px;display:flex;align-items:center;gap:12px;padding:0 16px;border-bottom:1px solid var(--gl-border);background:var(--gl-panel)}
.layout-page{display:flex}.super-sidebar{width:220px;min-height:calc(100vh - 48px);border-right:1px solid var(--gl-border);padding:12px;background:var(--gl-panel)}
.super-sidebar a{display:block;padding:4px 8px;border-radius:4px;color:var(--gl-text)}.content-wrapper{flex:1;min-width:0;padding:0 24px}
.gl-breadcrumb-list{list-style:none;display:flex;gap:6px;padding:12px 0;margin:0}.gl-breadcrumb-item+.gl-breadcrumb-item::before{content:"/";margin-right:6px;color:var(--gl-subtle)}
.work-item-overview{display:grid;grid-template-columns:minmax(0,1fr) 290px;gap:32px}.gl-heading-1{font-size:1.75rem;margin:8px 0}
.work-item-attributes-item,.block{border-bottom:1px solid var(--gl-border);padding:12px 0}.gl-heading-5{font-size:.875rem;margin:0 0 4px}
.gl-label{display:inline-flex;border-radius:12px;overflow:hidden;font-size:12px;margin:2px;border:2px solid var(--label-background-color)}
.gl-label-text{padding:0 8px;background:var(--label-background-color);color:var(--label-text-color)}.gl-label-text-scoped{padding:0 8px}
.md{overflow-wrap:anywhere}.md pre{background:var(--gl-panel);padding:8px;border:1px solid var(--gl-border);overflow:auto}.task-list{list-style:none;padding-left:16px}
.notes{list-style:none;padding:0}.note{border:1px solid var(--gl-border);border-radius:4px;padding:8px 12px;margin:8px 0}.system-note{border:0;color:var(--gl-subtle)}
.avatar{width:24px;height:24px;border-radius:50%;vertical-align:middle}.note-textarea{width:100%;min-height:90px;background:var(--gl-bg);color:var(--gl-text);border:1px solid var(--gl-border)}
.btn-confirm{background:#1f75cb;color:#fff;border:0;border-radius:4px;padding:6px 12px;margin-top:6px}.gl-badge{border-radius:10px;padding:1px 8px;font-size:12px;background:var(--gl-panel);border:1px solid var(--gl-border)}
.issuable-list{list-style:none;padding:0}.issuable-list li{border-bottom:1px solid var(--gl-border);padding:10px 0;display:flex;justify-content:space-between}
.boards-list{display:flex;gap:8px;overflow-x:auto}.board{min-width:260px;background:var(--gl-panel);border:1px solid var(--gl-border);border-radius:4px;padding:8px}
.board-list{list-style:none;padding:0}.board-card{background:var(--gl-bg);border:1px solid var(--gl-border);border-radius:4px;padding:8px;margin:6px 0}
.right-sidebar{width:290px;border-left:1px solid var(--gl-border);padding:0 16px}.issuable-page{display:flex;gap:16px}.pagination{display:flex;gap:8px;list-style:none;padding:0}
`;

/** In-page navigation like GitLab's Vue router: swap marked regions and <body> data, pushState, follow back/forward. */
const SCRIPT = `
(() => {
  async function go(url, push) {
    let res;
    try { res = await fetch(url, { headers: { 'x-sandbox-nav': '1' } }); } catch { location.href = url; return; }
    if (!res.ok) { location.href = url; return; }
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    for (const a of [...document.body.attributes]) if (a.name.startsWith('data-')) document.body.removeAttribute(a.name);
    for (const a of [...doc.body.attributes]) if (a.name.startsWith('data-')) document.body.setAttribute(a.name, a.value);
    document.querySelectorAll('[data-sandbox-swap]').forEach((el) => {
      const next = doc.querySelector('[data-sandbox-swap="' + el.getAttribute('data-sandbox-swap') + '"]');
      if (next) el.innerHTML = next.innerHTML;
    });
    document.title = doc.title;
    if (push) history.pushState({ sandbox: true }, '', url);
  }
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[data-sandbox-nav]') : null;
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(a.href, true);
  });
  window.addEventListener('popstate', () => go(location.href, false));
  document.addEventListener('submit', async (e) => {
    const form = e.target instanceof Element ? e.target.closest('form[data-sandbox-note-form]') : null;
    if (!form) return;
    e.preventDefault();
    const field = form.querySelector('textarea') || form.querySelector('input[name="note[note]"]');
    if (!field || !field.value.trim()) return;
    const res = await fetch(location.pathname.replace(/\\/$/, '') + '/notes' + location.search, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: field.value }),
    });
    if (!res.ok) return;
    const { html } = await res.json();
    document.querySelector('#notes-list')?.insertAdjacentHTML('beforeend', html);
    field.value = '';
    form.querySelector('.ProseMirror')?.replaceChildren(document.createElement('p'));
  });
})();
`;

export function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

export function layout(s: PageShell): string {
  const bodyAttrs = Object.entries(s.body)
    .map(([k, v]) => attr(`data-${k}`, v))
    .join('');
  const crumbs = s.breadcrumbs
    .map((c, i) => {
      const last = i === s.breadcrumbs.length - 1;
      const link = `<a href="${escapeHtml(c.href)}"${last ? ' class="router-link-exact-active" aria-current="page"' : ''}><span class="gl-align-middle">${escapeHtml(c.text)}</span></a>`;
      return `<li class="gl-breadcrumb-item"${last ? ' data-sandbox-swap="breadcrumb-last"' : ''}>${link}</li>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html class="${s.dark ? 'gl-dark' : 'gl-light'} ui-neutral with-header with-top-bar" lang="en">
<head>
<meta charset="utf-8">
<meta content="IE=edge" http-equiv="X-UA-Compatible">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<meta property="og:title" content="${escapeHtml(s.title)}">
<meta property="og:site_name" content="GitLab">
<meta name="description" content="${escapeHtml(s.description ?? 'GitLab Enterprise Edition')}">
<meta name="csrf-param" content="authenticity_token">
<meta name="csrf-token" content="sandbox-csrf-token">
<style>${CSS}</style>
</head>
<body class="tab-width-8 gl-browser-chrome gl-platform-linux ${s.dark ? 'gl-dark' : ''}"${bodyAttrs}>
<header class="super-topbar" data-testid="super-topbar"><a href="${s.root}/" class="tanuki-logo-container" aria-label="Homepage">GitLab</a><input type="search" aria-label="Search GitLab" placeholder="Search or go to…"></header>
<div class="layout-page page-with-super-sidebar">
<aside class="super-sidebar" data-testid="super-sidebar" aria-label="Primary navigation">
<a href="${s.root}/dashboard/issues">Issues</a><a href="${s.root}/dashboard/merge_requests">Merge requests</a><a href="${s.root}/dashboard/todos">To-Do List</a>
</aside>
<div class="content-wrapper">
<div class="top-bar-container"><nav aria-label="Breadcrumbs" class="gl-breadcrumbs" data-testid="breadcrumb-links"><ol class="gl-breadcrumb-list breadcrumb">${crumbs}</ol></nav></div>
<main class="content"${s.bare ? '' : ' id="content-body"'} itemscope itemtype="http://schema.org/SoftwareSourceCode">
${s.content}
</main>
</div>
</div>
<script>${SCRIPT}</script>
</body>
</html>`;
}

export const html = (body: string, status = 200) => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
