// Where the user left the caret in the page's editors, watched from the panel's start so that a template opened
// later goes there (editor.ts inserts it). Apart from editor.ts so that an issue page loads only this much of it.

// Editors the user has put the caret in since we started watching: only there is the caret theirs. An editor that
// never had focus gets the text at the end, not at position 0 where browsers leave an untouched caret.
const focused = new WeakSet<Element>();
// A rich editor's last caret: clicking our button takes the selection away, and whether the editor puts it back on
// focus is up to its framework.
const lastRange = new WeakMap<Element, Range>();

/** Remembers which elements get focus and where the caret was in rich editors; returns the function that stops it. */
export function trackEditorFocus(doc: Document): () => void {
  const onFocus = (event: Event) => {
    const target = event.composedPath()[0];
    if (target instanceof Element) focused.add(target);
  };
  const onSelection = () => {
    const sel = doc.getSelection();
    const node = sel && sel.rangeCount > 0 ? sel.anchorNode : null;
    const host = (node instanceof Element ? node : node?.parentElement)?.closest('[contenteditable="true"]');
    if (host && sel) lastRange.set(host, sel.getRangeAt(0).cloneRange());
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('selectionchange', onSelection);
  return () => {
    doc.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('selectionchange', onSelection);
  };
}

/** Whether the user put the caret in this editor (since tracking started), or it has focus now. */
export function hadFocus(el: Element): boolean {
  return focused.has(el) || el.ownerDocument.activeElement === el;
}

/** A rich editor's last caret the user left in it, if any. */
export function lastRangeIn(el: Element): Range | undefined {
  return lastRange.get(el);
}
