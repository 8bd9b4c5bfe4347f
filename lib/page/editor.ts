// The page's own comment editor (GitLab: markdown textarea or the rich-text content editor; GitHub: React composer or
// the Rails textarea) and inserting text into it at the user's caret, in a way the host app's framework notices.
// Content scripts run in an isolated world but share the DOM, so the page's handlers see our events.
// Selectors: GitLab markdown_editor.vue / content_editor.vue / notes, GitHub as in dom-anchors.md.
import type { ForgeKind } from '../forge/model';
import { hadFocus, lastRangeIn } from './editor-focus';
import { OVERLAY_SELECTOR, OWN_ELEMENT_SELECTOR } from './mount';

export { trackEditorFocus } from './editor-focus';

export type PageEditor =
  | { kind: 'textarea'; element: HTMLTextAreaElement }
  /** A contenteditable rich-text editor (GitLab's ProseMirror/tiptap content editor). */
  | { kind: 'rich'; element: HTMLElement };

export type InsertResult = { ok: true; via: 'execCommand' | 'setter' | 'paste' | 'insertText' } | { ok: false };

const TEXTAREAS: Readonly<Record<ForgeKind, readonly string[]>> = {
  gitlab: [
    'textarea[data-testid="markdown-editor-form-field"]',
    'textarea.js-gfm-input',
    'textarea#note-body',
    'textarea[name="note[note]"]',
  ],
  github: ['[data-testid="comment-composer"] textarea', 'textarea#new_comment_field', 'textarea[name="comment[body]"]'],
};

// tiptap renders the ProseMirror view as `div.tiptap.ProseMirror[contenteditable="true"]` inside
// `[data-testid="content_editor_editablebox"]`, inside `[data-testid="content-editor"]` (content_editor.vue).
const RICH: Readonly<Record<ForgeKind, readonly string[]>> = {
  gitlab: ['[data-testid="content-editor"] .ProseMirror[contenteditable="true"]', '.ProseMirror[contenteditable="true"]'],
  github: [],
};

/** The form that starts a new thread on the issue, as opposed to replies and edits. */
const MAIN_COMPOSER = [
  '[data-testid="work-item-add-comment"]',
  '.js-main-target-form',
  '#new-note',
  '[data-testid="comment-composer"]',
  '.js-new-comment-form',
  '#note-body',
  '#new_comment_field',
].join(', ');

/** Reply and edit boxes inside the timeline: usable, but only when there is no main composer. */
const REPLY_OR_EDIT = [
  '.discussion-reply-holder',
  '.note-edit-form',
  '.js-discussion-note-form',
  '#notes-list li.note',
  '.main-notes-list .note',
  '[data-testid="note-wrapper"]',
  '.js-comment-edit-form',
  '.js-inline-comment-form',
  '.review-thread-reply',
  '[data-testid="issue-timeline"]',
  '.timeline-comment',
].join(', ');

/** Title and description editors are not comment editors. */
const NOT_A_COMMENT = [
  '[data-testid="work-item-description-wrapper"]',
  '.detail-page-description',
  '[data-testid="issue-body"]',
  '[data-testid="issue-header"]',
  'textarea[name="issue[description]"]',
  'textarea#issue-description',
  'textarea.js-task-list-field',
].join(', ');

const HIDDEN = '[hidden], [aria-hidden="true"], .hidden, .d-none, .gl-hidden';

function usable(el: HTMLElement): boolean {
  if (!el.isConnected || el.closest(OWN_ELEMENT_SELECTOR) || el.closest(NOT_A_COMMENT) || el.closest(HIDDEN)) return false;
  if (el instanceof HTMLTextAreaElement && (el.disabled || el.readOnly)) return false;
  // Real browsers know about display:none and collapsed ancestors; without the API (old engines) assume visible.
  const check = (el as { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check !== 'function' || check.call(el);
}

function rank(el: Element): number {
  if (el.closest(OVERLAY_SELECTOR)) return 0;
  if (el.closest(REPLY_OR_EDIT)) return 1;
  return el.closest(MAIN_COMPOSER) ? 3 : 2;
}

/**
 * The page's comment editor: the main "new comment" editor over reply and edit boxes, never a description editor or
 * one of ours; among equals the last on the page (the main composer sits below the timeline). Null when none.
 */
export function findCommentEditor(doc: Document, forge?: ForgeKind): PageEditor | null {
  const forges: ForgeKind[] = forge ? [forge] : ['gitlab', 'github'];
  const found: PageEditor[] = [];
  const seen = new Set<Element>();
  for (const f of forges) {
    for (const sel of TEXTAREAS[f]) {
      for (const el of doc.querySelectorAll<HTMLTextAreaElement>(sel)) {
        if (seen.has(el) || !usable(el)) continue;
        seen.add(el);
        found.push({ kind: 'textarea', element: el });
      }
    }
    for (const sel of RICH[f]) {
      for (const el of doc.querySelectorAll<HTMLElement>(sel)) {
        if (seen.has(el) || !usable(el)) continue;
        seen.add(el);
        found.push({ kind: 'rich', element: el });
      }
    }
  }
  let best: PageEditor | null = null;
  let bestRank = -1;
  for (const candidate of found) {
    const r = rank(candidate.element);
    const later = best !== null && best.element.compareDocumentPosition(candidate.element) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (r > bestRank || (r === bestRank && later)) {
      best = candidate;
      bestRank = r;
    }
  }
  return best;
}

function blockParts(before: string, after: string, text: string): { lead: string; body: string; trail: string } {
  const body = text.replace(/^(?:[ \t]*\r?\n)+|(?:\r?\n[ \t]*)+$/g, '');
  const lead = before === '' || /\n[ \t]*\n$/.test(before) ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' || /^[ \t]*\n[ \t]*\n/.test(after) ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return { lead, body, trail };
}

/**
 * The text to put between `before` and `after` so that a Markdown block stays a block: a blank line on each side
 * unless the neighbouring text already ends or starts a paragraph. Nothing of `before` or `after` changes.
 */
export function blockInsertion(before: string, after: string, text: string): string {
  const { lead, body, trail } = blockParts(before, after, text);
  return lead + body + trail;
}

/**
 * `value` with `text` inserted as a block at the end of the selection (a selection is never replaced: that would
 * lose what the user typed). Returns the new value and the caret at the end of the inserted text, where the user
 * goes on writing.
 */
export function insertBlock(value: string, selectionEnd: number, text: string): { value: string; caret: number; insert: string } {
  const at = Math.max(0, Math.min(selectionEnd, value.length));
  const { lead, body, trail } = blockParts(value.slice(0, at), value.slice(at), text);
  const insert = lead + body + trail;
  return { value: value.slice(0, at) + insert + value.slice(at), caret: at + lead.length + body.length, insert };
}

function execInsertText(doc: Document, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** Sets the value past framework wrappers (React tracks the instance's setter) and tells them with an input event. */
function setValueAsUser(el: HTMLTextAreaElement, value: string, inserted: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  const view = el.ownerDocument.defaultView;
  const InputEventCtor = view?.InputEvent ?? InputEvent;
  el.dispatchEvent(new InputEventCtor('input', { bubbles: true, inputType: 'insertText', data: inserted }));
}

function insertIntoTextarea(el: HTMLTextAreaElement, text: string): InsertResult {
  const doc = el.ownerDocument;
  const original = el.value;
  const at = hadFocus(el) || el.selectionEnd > 0 ? el.selectionEnd : original.length;
  const { value: expected, caret, insert } = insertBlock(original, at, text);
  el.focus();
  el.setSelectionRange(at, at);
  // execCommand keeps the editor's undo history and fires beforeinput/input like typing; only into our target.
  let via: 'execCommand' | 'setter' = 'execCommand';
  if (doc.activeElement !== el || !execInsertText(doc, insert) || el.value === original) {
    via = 'setter';
    setValueAsUser(el, expected, insert);
  }
  if (el.value === expected) el.setSelectionRange(caret, caret);
  return el.value.includes(insert) ? { ok: true, via } : { ok: false };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where a never-focused rich editor gets the text: after its last text. */
function caretAtEnd(el: HTMLElement): Range {
  const doc = el.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  while (walker.nextNode()) last = walker.currentNode as Text;
  if (last) range.setStart(last, last.length);
  else {
    range.selectNodeContents(el.lastElementChild ?? el);
    range.collapse(false);
  }
  range.collapse(true);
  return range;
}

/**
 * Rich text: a paste of `text/plain` is how GitLab's content editor takes Markdown (paste_markdown.js parses it into
 * headings, task lists…); typing it would leave the raw `###` in a paragraph. ProseMirror restores its own selection
 * about 20 ms after focus, so we wait for that before reading or moving the caret.
 */
async function insertIntoRich(el: HTMLElement, text: string): Promise<InsertResult> {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  const known = hadFocus(el);
  const saved = lastRangeIn(el);
  el.focus();
  await pause(30);
  const sel = doc.getSelection();
  if (!sel) return { ok: false };
  const within = (r: Range) => el.contains(r.startContainer) && el.contains(r.endContainer);
  const current = sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
  // The user's caret if we saw one, else where the editor put it, else after the last text; never a selection
  // (pasting over it would lose what the user typed).
  const target = (known && saved && within(saved) ? saved : known && current && within(current) ? current : caretAtEnd(el)).cloneRange();
  target.collapse(false);
  const same =
    current !== null &&
    current.collapsed &&
    current.startContainer === target.startContainer &&
    current.startOffset === target.startOffset;
  if (!same) {
    sel.removeAllRanges();
    sel.addRange(target);
    await pause(30); // the editor reads the new caret on selectionchange
  }
  try {
    const data = new (view?.DataTransfer ?? DataTransfer)();
    data.setData('text/plain', text);
    const paste = new (view?.ClipboardEvent ?? ClipboardEvent)('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    if (!el.dispatchEvent(paste)) return { ok: true, via: 'paste' };
  } catch {
    // No constructible DataTransfer/ClipboardEvent here: type it instead.
  }
  // Nobody handled the paste: a plain contenteditable, where typing the text is the best we can do.
  return doc.activeElement === el && execInsertText(doc, text) ? { ok: true, via: 'insertText' } : { ok: false };
}

/** Inserts `text` at the editor's caret (at the end if the user never put one there), keeping what is around it. */
export async function insertAtCursor(editor: PageEditor, text: string): Promise<InsertResult> {
  if (!editor.element.isConnected) return { ok: false };
  return editor.kind === 'textarea' ? insertIntoTextarea(editor.element, text) : insertIntoRich(editor.element, text);
}

/** What the editor holds now, as text (rich editors: their rendered text). */
export function editorText(editor: PageEditor): string {
  return editor.kind === 'textarea' ? editor.element.value : (editor.element.textContent ?? '');
}
