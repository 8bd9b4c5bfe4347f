// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { safeHref, sanitizeHtml } from './sanitize';

const BASE = 'https://gitlab.example.com/gitlab';

function clean(html: string): string {
  const box = document.createElement('div');
  box.appendChild(sanitizeHtml(html, { baseUrl: BASE }));
  return box.innerHTML;
}

describe('sanitizeHtml', () => {
  it('keeps what the forges render for a status update', () => {
    const html =
      '<p data-sourcepos="1:1-1:20" dir="auto">Issue status: <strong>40%</strong> complete</p>\n' +
      '<ul class="task-list"><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" checked disabled> done</li></ul>' +
      '<pre class="code highlight" lang="ruby"><code>x = 1</code></pre>';
    expect(clean(html)).toBe(
      '<p>Issue status: <strong>40%</strong> complete</p>\n' +
        '<ul><li><input type="checkbox" disabled="" checked=""> done</li></ul><pre><code>x = 1</code></pre>',
    );
  });

  it('removes scripts, styles and embedded documents with their content', () => {
    const out = clean('<p>a</p><script>alert(1)</script><style>p{}</style><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe><svg onload="alert(1)"><text>t</text></svg><p>b</p>');
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('drops event handlers, style and every other attribute not on the list', () => {
    const out = clean('<p onclick="alert(1)" style="position:fixed" id="x" class="alert">hi <span onmouseover="x()" title="t">there</span></p>');
    expect(out).toBe('<p>hi <span title="t">there</span></p>');
  });

  it('keeps links only to http(s) and mailto, made absolute against the forge, opening in a new tab', () => {
    const out = clean(
      '<a href="/gitlab/acme/backend/-/merge_requests/11" class="gfm">!11</a> ' +
        '<a href="javascript:alert(1)">a</a> <a href=" JaVaScRiPt:alert(1)">b</a> <a href="java&#x09;script:alert(1)">c</a> ' +
        '<a href="data:text/html,<script>alert(1)</script>">d</a> <a href="mailto:dave@example.com">mail</a> <a href="#note_1">e</a>',
    );
    expect(out).toBe(
      '<a href="https://gitlab.example.com/gitlab/acme/backend/-/merge_requests/11" target="_blank" rel="noopener noreferrer nofollow">!11</a> ' +
        '<a>a</a> <a>b</a> <a>c</a> <a>d</a> <a href="mailto:dave@example.com" target="_blank" rel="noopener noreferrer nofollow">mail</a> <a>e</a>',
    );
  });

  it('keeps the text of unknown elements and the alt text of images, never the image', () => {
    expect(clean('<p><gl-emoji data-name="rocket">🚀</gl-emoji> <img src="https://tracker/p.gif" onerror="alert(1)" alt=":rocket:"></p>')).toBe('<p>🚀 :rocket:</p>');
  });

  it('text stays text: markup-looking characters are not parsed again', () => {
    const out = clean('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(out).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('form controls other than task checkboxes are dropped', () => {
    expect(clean('<p><input type="text" value="x"><button>Go</button><input type="checkbox"></p>')).toBe('<p><input type="checkbox" disabled=""></p>');
  });
});

describe('safeHref', () => {
  it('resolves against the base including a relative URL root', () => {
    expect(safeHref('acme/backend', BASE)).toBe('https://gitlab.example.com/gitlab/acme/backend');
    expect(safeHref('https://github.com/acme/widgets/pull/21', BASE)).toBe('https://github.com/acme/widgets/pull/21');
  });

  it('refuses scripts in any disguise', () => {
    for (const href of ['javascript:x', '\u0001javascript:x', 'java\nscript:x', 'vbscript:x', 'data:text/html,x', 'blob:https://x/y']) {
      expect(safeHref(href, BASE), href).toBeNull();
    }
  });
});
