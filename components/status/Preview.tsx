// The update as the forge will show it: rendered by the forge's own Markdown API (references, labels, mentions), then
// sanitized before it enters our shadow root.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { IssueRef } from '@/lib/forge/model';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { call } from '@/lib/messaging';
import { refKey } from '@/components/panel/refKey';
import { failureText } from '@/components/weights/errorText';

type Render = { status: 'loading' } | { status: 'failed'; text: string } | { status: 'ready'; html: string };
type Rendered = Exclude<Render, { status: 'loading' }> & { for: string };

/** Hidden lines (our id marker and data line) render as nothing on the forge; leave them out of the preview request. */
export function visibleMarkdown(body: string): string {
  return body.replace(/^<!--[\s\S]*?-->\n?/gm, '').trim();
}

export interface PreviewProps {
  issueRef: IssueRef;
  /** The comment's Markdown, as it will be posted. */
  markdown: string;
  /** What else the post does (the health status), said below the rendered comment. */
  note?: string;
  onClose: () => void;
}

export function Preview({ issueRef, markdown, note, onClose }: PreviewProps) {
  // Kept with the text it renders: a newer text shows "loading" until its own answer comes.
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const key = refKey(issueRef);
  const text = visibleMarkdown(markdown);
  const forText = `${key}\n${text}`;
  const render: Render = rendered?.for === forText ? rendered : { status: 'loading' };

  useEffect(() => {
    let live = true;
    const ref = JSON.parse(key) as IssueRef;
    call('renderMarkdown', { ref, text: text || ' ' }).then((r) => {
      if (!live) return;
      const at = `${key}\n${text}`;
      setRendered(r.ok ? { status: 'ready', html: r.data.html, for: at } : { status: 'failed', text: failureText('render the preview', r.error, ref.forge), for: at });
    });
    return () => {
      live = false;
    };
  }, [key, text]);

  const html = render.status === 'ready' ? render.html : null;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.replaceChildren(html === null ? el.ownerDocument.createTextNode('') : sanitizeHtml(html, { baseUrl: issueRef.baseUrl, document: el.ownerDocument }));
  }, [html, issueRef.baseUrl]);

  return (
    <div className="preview" role="region" aria-label="Preview" data-refinery="status-preview" aria-busy={render.status === 'loading'}>
      {render.status === 'loading' && <p role="status">Rendering the preview…</p>}
      {render.status === 'failed' && (
        <>
          <p className="alert" role="alert">
            {render.text}
          </p>
          <pre className="preview-source">{text}</pre>
        </>
      )}
      <div className="preview-body" ref={box} hidden={render.status !== 'ready'} />
      {note && <p className="hint">{note}</p>}
      <button type="button" onClick={onClose}>
        Close preview
      </button>
    </div>
  );
}
