// Only the browser's own input may drive our controls. The shadow roots are open (tests and screen readers need
// them), so a page script can reach our elements and call el.click(), form.requestSubmit() or dispatchEvent(); every
// control that writes would then write with the user's token. Such events are untrusted (Event.isTrusted false):
// they are stopped at our shadow root (in the path of every event inside it, composed or not) before React, which
// listens on a container inside it, sees them, and their default action (a radio's check) is undone.

/** The input events a page could forge to act through our UI. */
export const USER_INPUT_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keypress',
  'keyup',
  'beforeinput',
  'input',
  'change',
  'submit',
  'paste',
  'drop',
] as const;

export function isForged(event: Event): boolean {
  return !event.isTrusted;
}

function dropForged(event: Event): void {
  if (!isForged(event)) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

/** Stops forged input at `root` (capture phase: before anything inside it hears the event). Returns the removal. */
export function refuseForgedInput(root: EventTarget): () => void {
  for (const type of USER_INPUT_EVENTS) root.addEventListener(type, dropForged, { capture: true });
  return () => {
    for (const type of USER_INPUT_EVENTS) root.removeEventListener(type, dropForged, { capture: true });
  };
}
