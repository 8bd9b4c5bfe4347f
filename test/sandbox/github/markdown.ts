// A small GitHub-flavoured Markdown renderer: enough for seed texts (headings, task lists, code, emphasis, links,
// #refs and @mentions) and for POST /markdown. Output follows GitHub's markup for task lists and references.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface MarkdownContext {
  /** Web origin for reference links; relative links are produced when absent. */
  web?: string;
  /** `owner/repo` that `#123` refers to. */
  repo?: string;
}

function inline(raw: string, ctx: MarkdownContext): string {
  const web = ctx.web ?? '';
  const codes: string[] = [];
  let s = escapeHtml(raw).replace(/`([^`]+)`/g, (_m, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  s = s
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/)[^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/(^|[\s(])@([A-Za-z0-9-]+)/g, `$1<a class="user-mention" href="${web}/$2">@$2</a>`);
  if (ctx.repo) {
    const repo = ctx.repo;
    s = s
      .replace(/(^|[\s(])([\w.-]+\/[\w.-]+)#(\d+)\b/g, `$1<a class="issue-link" href="${web}/$2/issues/$3">$2#$3</a>`)
      .replace(/(^|[\s(])#(\d+)\b/g, `$1<a class="issue-link" href="${web}/${repo}/issues/$2">#$2</a>`);
  }
  return s.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => codes[Number(i)] ?? '');
}

interface ListItem {
  indent: number;
  ordered: boolean;
  task: boolean | null;
  text: string;
}

const ITEM = /^(\s*)([-*]|\d+\.)\s+(?:\[([ xX])\]\s+)?(.*)$/;

function renderList(items: ListItem[], ctx: MarkdownContext): string {
  const out: string[] = [];
  let i = 0;
  const level = (depth: number): void => {
    const first = items[i]!;
    const tag = first.ordered ? 'ol' : 'ul';
    const hasTasks = items.some((x) => x.indent === depth && x.task !== null);
    out.push(hasTasks ? `<${tag} class="contains-task-list">` : `<${tag}>`);
    while (i < items.length && items[i]!.indent >= depth) {
      const it = items[i]!;
      if (it.indent > depth) {
        level(it.indent);
        continue;
      }
      i += 1;
      const box =
        it.task === null
          ? ''
          : `<input type="checkbox" class="task-list-item-checkbox" disabled=""${it.task ? ' checked=""' : ''}> `;
      out.push(`<li${it.task === null ? '' : ' class="task-list-item"'}>${box}${inline(it.text, ctx)}`);
      if (i < items.length && items[i]!.indent > depth) level(items[i]!.indent);
      out.push('</li>');
    }
    out.push(`</${tag}>`);
  };
  while (i < items.length) level(items[i]!.indent);
  return out.join('');
}

export function renderMarkdown(src: string, ctx: MarkdownContext = {}): string {
  // GitHub hides HTML comments (handbook templates use them for hints).
  const lines = src.replace(/\r\n/g, '\n').replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let list: ListItem[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${para.map((l) => inline(l, ctx)).join('<br>\n')}</p>`);
    if (list.length) out.push(renderList(list, ctx));
    para = [];
    list = [];
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      while (n + 1 < lines.length && !/^```\s*$/.test(lines[n + 1]!)) code.push(lines[++n]!);
      n += 1;
      const lang = fence[1] ? ` lang="${escapeHtml(fence[1])}"` : '';
      out.push(`<pre${lang}><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      out.push(`<h${level}>${inline(heading[2]!, ctx)}</h${level}>`);
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      if (para.length) flush();
      const mark = item[3];
      list.push({
        indent: item[1]!.length,
        ordered: /\d/.test(item[2]!),
        task: mark === undefined ? null : mark.toLowerCase() === 'x',
        text: item[4]!,
      });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (list.length) flush();
    para.push(line);
  }
  flush();
  return out.join('\n');
}
