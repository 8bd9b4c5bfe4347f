// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blockInsertion, editorText, findCommentEditor, insertAtCursor, insertBlock, trackEditorFocus, type PageEditor } from './editor';

let stopTracking: () => void = () => undefined;
beforeEach(() => {
  stopTracking = trackEditorFocus(document);
});
afterEach(() => {
  stopTracking();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'execCommand');
});

const page = (html: string) => {
  document.body.innerHTML = html;
};
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// GitLab work-item page: description editor open, a reply box in a thread, and the main composer below.
const GITLAB_WORK_ITEM = `
<div data-testid="work-item-description-wrapper"><textarea id="desc" class="note-textarea js-gfm-input" data-testid="markdown-editor-form-field"></textarea></div>
<ul id="notes-list" class="notes main-notes-list">
  <li class="note timeline-entry"><div class="discussion-reply-holder"><textarea id="reply" class="js-gfm-input" data-testid="markdown-editor-form-field"></textarea></div></li>
</ul>
<div data-testid="work-item-add-comment"><form class="js-main-target-form"><textarea id="main" name="note[note]" class="note-textarea js-gfm-input" data-testid="markdown-editor-form-field"></textarea></form></div>`;

describe('findCommentEditor', () => {
  it('GitLab: picks the main comment editor over the description and reply boxes', () => {
    page(GITLAB_WORK_ITEM);
    expect(findCommentEditor(document, 'gitlab')?.element.id).toBe('main');
  });

  it('GitLab: falls back to a reply box, never to the description editor', () => {
    page(GITLAB_WORK_ITEM);
    byId('main').remove();
    expect(findCommentEditor(document, 'gitlab')?.element.id).toBe('reply');
    byId('reply').remove();
    expect(findCommentEditor(document, 'gitlab')).toBeNull();
  });

  it('GitLab legacy page: the #note-body textarea', () => {
    page(`<form class="new-note js-main-target-form" id="new-note"><textarea id="note-body" name="note[note]" class="note-textarea js-gfm-input"></textarea></form>
      <div class="detail-page-description"><textarea class="hidden js-task-list-field"></textarea></div>`);
    expect(findCommentEditor(document, 'gitlab')?.element.id).toBe('note-body');
  });

  it('GitLab rich text mode: the ProseMirror editable, not the hidden input that carries the same test id', () => {
    page(`<div data-testid="work-item-add-comment"><div class="md-area" data-testid="markdown-editor-form-field">
      <div data-testid="content-editor"><div data-testid="content_editor_editablebox"><div id="pm" class="tiptap ProseMirror" contenteditable="true"><p>Hi</p></div></div></div>
      </div><input type="hidden" name="note[note]" data-testid="markdown-editor-form-field"></div>`);
    const editor = findCommentEditor(document, 'gitlab');
    expect(editor?.kind).toBe('rich');
    expect(editor?.element.id).toBe('pm');
  });

  it('GitHub: the React composer, and the Rails textarea on older Enterprise Server', () => {
    page(`<div data-testid="issue-timeline"><div class="react-issue-comment"><div data-testid="comment-composer"><textarea id="edit"></textarea></div></div></div>
      <div data-testid="comment-composer"><form><textarea id="composer" name="comment[body]"></textarea></form></div>`);
    expect(findCommentEditor(document, 'github')?.element.id).toBe('composer');
    page(`<form class="js-new-comment-form"><textarea id="new_comment_field" name="comment[body]"></textarea></form>`);
    expect(findCommentEditor(document, 'github')?.element.id).toBe('new_comment_field');
  });

  it('skips disabled, read-only and hidden editors and our own UI', () => {
    page(`<div data-refinery="templates"><textarea id="ours" class="js-gfm-input"></textarea></div>
      <textarea id="disabled" class="js-gfm-input" disabled></textarea>
      <textarea id="readonly" class="js-gfm-input" readonly></textarea>
      <div hidden><textarea id="hidden" class="js-gfm-input"></textarea></div>`);
    expect(findCommentEditor(document, 'gitlab')).toBeNull();
  });

  it('only looks for the given forge', () => {
    page(`<form class="js-new-comment-form"><textarea id="new_comment_field"></textarea></form>`);
    expect(findCommentEditor(document, 'gitlab')).toBeNull();
    expect(findCommentEditor(document)?.element.id).toBe('new_comment_field');
  });
});

describe('blockInsertion', () => {
  it('keeps a Markdown block apart from the text around it', () => {
    expect(blockInsertion('', '', '### Plan\n')).toBe('### Plan');
    expect(blockInsertion('Intro', '', '### Plan')).toBe('\n\n### Plan');
    expect(blockInsertion('Intro\n', 'Outro', '### Plan')).toBe('\n### Plan\n\n');
    expect(blockInsertion('Intro\n\n', '\nOutro', '### Plan')).toBe('### Plan\n');
    expect(blockInsertion('Intro\n\n', '\n\nOutro', '\n\n### Plan\n\n')).toBe('### Plan');
  });

  it('keeps trailing spaces inside the template (an empty task item)', () => {
    expect(blockInsertion('', '', '- [ ] ')).toBe('- [ ] ');
  });

  it('insertBlock inserts after a selection instead of replacing it', () => {
    expect(insertBlock('keep THIS text', 9, 'X')).toEqual({ value: 'keep THIS\n\nX\n\n text', caret: 12, insert: '\n\nX\n\n' });
  });
});

const textareaEditor = (el: HTMLTextAreaElement): PageEditor => ({ kind: 'textarea', element: el });

describe('insertAtCursor into a textarea', () => {
  function composer(value: string) {
    page(`<form class="js-main-target-form"><textarea id="note-body"></textarea></form><button id="elsewhere">x</button>`);
    const t = byId<HTMLTextAreaElement>('note-body');
    t.value = value;
    return t;
  }

  it('inserts at the caret the user left, keeps the text before and after, and leaves the caret at the end of the insert', async () => {
    const t = composer('First line.\nSecond line.');
    t.focus();
    t.setSelectionRange(11, 11);
    byId('elsewhere').focus(); // clicking our button moves the focus away
    const r = await insertAtCursor(textareaEditor(t), '### Plan');
    expect(r).toEqual({ ok: true, via: 'setter' });
    expect(t.value).toBe('First line.\n\n### Plan\n\nSecond line.');
    expect(t.selectionStart).toBe('First line.\n\n### Plan'.length);
    expect(document.activeElement).toBe(t);
  });

  it('appends at the end when the user never put the caret in the editor', async () => {
    const t = composer('Draft restored by the page');
    await insertAtCursor(textareaEditor(t), '### Plan');
    expect(t.value).toBe('Draft restored by the page\n\n### Plan');
  });

  it('never replaces selected text', async () => {
    const t = composer('keep all of this');
    t.focus();
    t.setSelectionRange(5, 8);
    await insertAtCursor(textareaEditor(t), 'X');
    expect(t.value).toBe('keep all\n\nX\n\n of this');
  });

  it('goes through a framework that tracks the value setter (React/Vue): it sees an input with a changed value', async () => {
    const t = composer('typed');
    // React keeps the last value it saw by wrapping the instance's setter; a change it did not make is an edit.
    let tracked = t.value;
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(t, 'value', {
      configurable: true,
      get: () => proto.get!.call(t) as string,
      set: (v: string) => {
        tracked = v;
        proto.set!.call(t, v);
      },
    });
    const seen: string[] = [];
    t.addEventListener('input', (e) => {
      if (t.value !== tracked) seen.push(`${(e as InputEvent).inputType}:${t.value}`);
    });
    await insertAtCursor(textareaEditor(t), 'Plan');
    expect(seen).toEqual(['insertText:typed\n\nPlan']);
  });

  it('uses execCommand where the browser has it (keeps undo), with the block spacing', async () => {
    const t = composer('ab');
    t.focus();
    t.setSelectionRange(1, 1);
    const exec = vi.fn((command: string, _ui: boolean, text: string) => {
      if (command !== 'insertText' || document.activeElement !== t) return false;
      t.setRangeText(text, t.selectionStart, t.selectionEnd, 'end');
      t.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      return true;
    });
    Object.defineProperty(document, 'execCommand', { configurable: true, value: exec });
    const r = await insertAtCursor(textareaEditor(t), 'P');
    expect(r).toEqual({ ok: true, via: 'execCommand' });
    expect(exec).toHaveBeenCalledWith('insertText', false, '\n\nP\n\n');
    expect(t.value).toBe('a\n\nP\n\nb');
    expect(t.selectionStart).toBe(4);
  });

  it('falls back to setting the value when execCommand does nothing', async () => {
    const t = composer('');
    Object.defineProperty(document, 'execCommand', { configurable: true, value: () => true });
    expect(await insertAtCursor(textareaEditor(t), 'P')).toEqual({ ok: true, via: 'setter' });
    expect(t.value).toBe('P');
  });

  it('fails for an editor that left the page', async () => {
    const t = composer('x');
    t.remove();
    expect(await insertAtCursor(textareaEditor(t), 'P')).toEqual({ ok: false });
  });
});

describe('insertAtCursor into a rich-text editor', () => {
  function rich() {
    page(`<div data-testid="content-editor"><div id="pm" class="ProseMirror" contenteditable="true"><p>Hello</p></div></div>`);
    return byId<HTMLElement>('pm');
  }

  it('pastes the text as text/plain, so the editor parses the Markdown', async () => {
    const el = rich();
    const pasted: string[] = [];
    el.addEventListener('paste', (e) => {
      pasted.push((e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '');
      e.preventDefault();
    });
    const r = await insertAtCursor({ kind: 'rich', element: el }, '### Plan\n\n- [ ] Requires ~backend');
    expect(r).toEqual({ ok: true, via: 'paste' });
    expect(pasted).toEqual(['### Plan\n\n- [ ] Requires ~backend']);
    expect(document.activeElement).toBe(el);
  });

  it('puts the caret after the existing text when the editor never had focus', async () => {
    const el = rich();
    let caret: { node: string; offset: number } | null = null;
    el.addEventListener('paste', (e) => {
      const sel = document.getSelection()!;
      caret = { node: sel.anchorNode?.textContent ?? '', offset: sel.anchorOffset };
      e.preventDefault();
    });
    await insertAtCursor({ kind: 'rich', element: el }, 'x');
    expect(caret).toEqual({ node: 'Hello', offset: 5 });
  });

  it("goes back to the caret the user left in it, even when focusing puts the caret elsewhere", async () => {
    const el = rich();
    el.insertAdjacentHTML('afterend', '<p id="outside">Page text</p>');
    const select = (node: Node, offset: number) => {
      const r = document.createRange();
      r.setStart(node, offset);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
      document.dispatchEvent(new Event('selectionchange'));
    };
    el.focus();
    select(el.querySelector('p')!.firstChild!, 2); // "He|llo"
    select(byId('outside').firstChild!, 4); // the user clicks our button: the selection leaves the editor
    let caret: number | null = null;
    el.addEventListener('focus', () => select(el, 0)); // an editor that jumps to the start on focus
    el.addEventListener('paste', (e) => {
      const sel = document.getSelection()!;
      caret = sel.anchorNode?.textContent === 'Hello' ? sel.anchorOffset : -1;
      e.preventDefault();
    });
    await insertAtCursor({ kind: 'rich', element: el }, 'x');
    expect(caret).toBe(2);
  });

  it('types the text into a plain contenteditable that ignores the paste', async () => {
    const el = rich();
    const exec = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { configurable: true, value: exec });
    expect(await insertAtCursor({ kind: 'rich', element: el }, 'x')).toEqual({ ok: true, via: 'insertText' });
    expect(exec).toHaveBeenCalledWith('insertText', false, 'x');
  });

  it('reports failure when nothing could insert the text', async () => {
    const el = rich();
    expect(await insertAtCursor({ kind: 'rich', element: el }, 'x')).toEqual({ ok: false });
    expect(editorText({ kind: 'rich', element: el })).toBe('Hello');
  });
});
