// HTML from a forge's Markdown API (the status update preview) shown inside our shadow root. The forges sanitize
// their output, but Refinery must not trust a self-managed host or a proxy in between with script in the host page:
// the HTML is parsed in an inert document and rebuilt element by element from an allow-list, so no script, event
// handler, style or javascript:/data: URL can come through, and nothing is parsed twice (no mutation XSS).

/** Kept as they are (with the allowed attributes below). */
const ALLOWED = new Set([
  'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'code', 'pre', 'kbd',
  'blockquote', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'caption', 'span', 'div', 'details', 'summary', 'input',
]);

/** Dropped with everything inside them. */
const DROPPED = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed',
  'svg', 'math', 'form', 'button', 'textarea', 'select', 'option', 'link', 'meta', 'base', 'title', 'head', 'audio',
  'video', 'canvas', 'source', 'track', 'picture', 'portal', 'dialog',
]);

const ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['title'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  ol: ['start', 'reversed'],
  details: ['open'],
  code: [],
  span: ['title'],
  abbr: ['title'],
};

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_DEPTH = 64;

const isC0OrSpace = (c: string) => c.charCodeAt(0) <= 0x20;

/** What a browser reads from an href: without leading/trailing controls and spaces, tabs and newlines removed. */
function urlText(href: string): string {
  const text = href.replace(/[\t\n\r]/g, '');
  // Indexes, not shift(): shifting an array one element at a time is quadratic.
  let start = 0;
  let end = text.length;
  while (start < end && isC0OrSpace(text[start]!)) start++;
  while (end > start && isC0OrSpace(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * A link target made absolute against the forge's base URL (the forges render `/group/project/-/issues/3`), or null
 * when it is not an http(s)/mailto link or only points within the rendered text.
 */
export function safeHref(href: string, baseUrl: string): string | null {
  const raw = urlText(href);
  if (raw === '' || raw.startsWith('#')) return null;
  try {
    const url = new URL(raw, `${baseUrl.replace(/\/+$/, '')}/`);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export interface SanitizeOptions {
  /** The forge's base URL: relative links are resolved against it. */
  baseUrl: string;
  /** The document the result is built in (the one the shadow root belongs to); default the global one. */
  document?: Document;
}

/** The HTML's allowed content as nodes of `opts.document`, ready to be appended. */
export function sanitizeHtml(html: string, opts: SanitizeOptions): DocumentFragment {
  const target = opts.document ?? document;
  const Parser = target.defaultView?.DOMParser ?? globalThis.DOMParser;
  // A DOMParser document is inert: scripts do not run and images do not load while we read it.
  const source = new Parser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return sanitizeParsed(source.body, opts);
}

/** The allowed content of an element of an inert, parsed document (what sanitizeHtml does after parsing). */
export function sanitizeParsed(body: Element, opts: SanitizeOptions): DocumentFragment {
  const target = opts.document ?? document;
  const out = target.createDocumentFragment();
  copyChildren(body, out, target, opts.baseUrl, 0);
  return out;
}

function copyChildren(from: Node, to: Node, doc: Document, baseUrl: string, depth: number): void {
  if (depth > MAX_DEPTH) return;
  // Adjacent text (split by dropped elements, or by the parser) becomes one text node: fewer nodes to insert.
  let text = '';
  const flush = () => {
    if (text !== '') to.appendChild(doc.createTextNode(text));
    text = '';
  };
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === 3) {
      text += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue; // comments, processing instructions
    const el = child as Element;
    const name = el.localName.toLowerCase();
    if (DROPPED.has(name) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    if (name === 'img') {
      text += el.getAttribute('alt') ?? '';
      continue;
    }
    flush();
    if (!ALLOWED.has(name)) {
      copyChildren(el, to, doc, baseUrl, depth + 1); // unknown wrappers (gl-emoji, custom elements): keep the text
      continue;
    }
    const copy = copyElement(el, name, doc, baseUrl);
    if (copy === null) continue;
    copyChildren(el, copy, doc, baseUrl, depth + 1);
    to.appendChild(copy);
  }
  flush();
}

function copyElement(el: Element, name: string, doc: Document, baseUrl: string): Element | null {
  if (name === 'input') {
    // Only task-list checkboxes, and never clickable: the preview is not the issue.
    if (el.getAttribute('type')?.toLowerCase() !== 'checkbox') return null;
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.setAttribute('disabled', '');
    if (el.hasAttribute('checked')) box.setAttribute('checked', '');
    return box;
  }
  const copy = doc.createElement(name);
  for (const attr of ATTRIBUTES[name] ?? []) {
    const value = el.getAttribute(attr);
    if (value !== null) copy.setAttribute(attr, value);
  }
  if (name === 'a') {
    const href = safeHref(el.getAttribute('href') ?? '', baseUrl);
    if (href !== null) {
      copy.setAttribute('href', href);
      copy.setAttribute('target', '_blank');
      copy.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  }
  return copy;
}
