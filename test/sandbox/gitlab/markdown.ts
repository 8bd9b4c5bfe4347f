// A small GitLab-flavoured Markdown renderer: enough for headings, lists, task lists, code, links and references.
export interface MarkdownOptions {
  base: string;
  /** Project full path, for #123 and !12 references. */
  projectPath?: string;
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(src: string, o: MarkdownOptions): string {
  const root = new URL(o.base).pathname.replace(/\/$/, '');
  let s = escapeHtml(src);
  const codes: string[] = [];
  s = s.replace(/`([^`]+)`/g, (_m, c: string) => `\uE000${codes.push(`<code>${c}</code>`) - 1}\uE000`);
  s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, t: string, href: string) => `<a href="${href}" rel="nofollow noreferrer noopener">${t}</a>`);
  s = s.replace(/~&quot;([^&]+?)&quot;|~([\w:.-]+)/g, (_m, quoted: string | undefined, bare: string | undefined) => {
    const name = quoted ?? bare ?? '';
    return `<span class="gl-label gl-label-sm${name.includes('::') ? ' gl-label-scoped' : ''}"><span class="gl-label-text">${name}</span></span>`;
  });
  if (o.projectPath) {
    const p = `${root}/${o.projectPath}`;
    s = s.replace(/(^|[\s(])#(\d+)\b/g, `$1<a href="${p}/-/issues/$2" class="gfm gfm-issue" data-reference-type="issue">#$2</a>`);
    s = s.replace(/(^|[\s(])!(\d+)\b/g, `$1<a href="${p}/-/merge_requests/$2" class="gfm gfm-merge_request" data-reference-type="merge_request">!$2</a>`);
  }
  s = s.replace(/(^|[\s(])@([a-z][\w.-]*)/gi, `$1<a href="${root}/$2" class="gfm gfm-project_member js-user-link" data-reference-type="user">@$2</a>`);
  return s.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => codes[Number(i)] ?? '');
}

/** Renders Markdown to HTML the way GitLab's `md` container expects it (task lists get checkboxes). */
export function renderMarkdown(src: string, o: MarkdownOptions): string {
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  const list: { tag: 'ul' | 'ol'; task: boolean }[] = [];
  const flushPara = () => {
    if (para.length) out.push(`<p data-sourcepos="">${inline(para.join(' '), o)}</p>`);
    para = [];
  };
  const closeLists = () => {
    while (list.length) out.push(`</${list.pop()!.tag}>`);
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const fence = line.match(/^\s*```(\w*)/);
    if (fence) {
      flushPara();
      closeLists();
      const code: string[] = [];
      while (++n < lines.length && !/^\s*```/.test(lines[n]!)) code.push(lines[n]!);
      out.push(`<div class="gl-relative markdown-code-block"><pre class="code highlight js-syntax-highlight" lang="${fence[1] || 'plaintext'}"><code>${escapeHtml(code.join('\n'))}</code></pre></div>`);
      continue;
    }
    if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      flushPara();
      closeLists();
      const level = heading[1]!.length;
      const id = heading[2]!.toLowerCase().replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
      out.push(`<h${level} data-sourcepos=""><a href="#${id}" aria-hidden="true" class="anchor" id="user-content-${id}"></a>${inline(heading[2]!, o)}</h${level}>`);
      continue;
    }
    const item = line.match(/^(\s*)([-*]|\d+\.)\s+(\[[ xX]\]\s+)?(.*)$/);
    if (item) {
      flushPara();
      const tag = /\d/.test(item[2]!) ? 'ol' : 'ul';
      const task = Boolean(item[3]);
      const depth = Math.floor(item[1]!.length / 2);
      while (list.length > depth + 1) out.push(`</${list.pop()!.tag}>`);
      if (list.length < depth + 1) {
        list.push({ tag, task });
        out.push(`<${tag}${task ? ' class="task-list" data-sourcepos=""' : ' data-sourcepos=""'}>`);
      }
      if (task) {
        const checked = /x/i.test(item[3]!);
        out.push(`<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox"${checked ? ' checked' : ''} disabled> ${inline(item[4]!, o)}</li>`);
      } else out.push(`<li>${inline(item[4]!, o)}</li>`);
      continue;
    }
    if (!line.trim()) {
      flushPara();
      closeLists();
      continue;
    }
    if (list.length && /^\s+/.test(line)) {
      out.push(`<p>${inline(line.trim(), o)}</p>`);
      continue;
    }
    closeLists();
    para.push(line.trim());
  }
  flushPara();
  closeLists();
  return out.join('\n');
}
