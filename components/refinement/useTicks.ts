// Ticking boxes of the checklist comment from the page: shown at once (optimistic), sent one at a time so each write
// starts from the comment the previous one returned, rolled back with a message when a write fails.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { IssueRef, Note } from '@/lib/forge/model';
import { applyTick } from '@/lib/handbook/refinement/checklist-merge';
import type { Settings } from '@/lib/handbook/settings';
import { call } from '@/lib/messaging';
import { failureText } from '@/components/weights/errorText';
import { displayText, keyOf } from './model';

interface Pending {
  checked: boolean;
  /** Which click this is: a later click on the same box owns the pending state. */
  seq: number;
}

export interface Ticks {
  /** The box state to show while a tick is pending, by item key. */
  pending: ReadonlyMap<string, boolean>;
  busy: boolean;
  saved: string | null;
  error: string | null;
  tick(itemText: string, checked: boolean): void;
}

export interface UseTicksOptions {
  issueRef: IssueRef;
  note: Note;
  settings: Readonly<Settings>;
  /** The comment as the forge returned it after a write. */
  onNote: (note: Note) => void;
  /** The comment is gone; `body` is its last known text with the ticks that could not be saved. */
  onDeleted: (noteId: number, body: string) => void;
}

function tickFailure(error: ForgeErrorData, itemText: string, ref: IssueRef): string {
  const what = `save “${displayText(itemText)}” in the checklist comment`;
  if (error.kind === 'forbidden') {
    const who = ref.forge === 'gitlab' ? 'its author or a Maintainer' : 'its author or someone with write access';
    return `${failureText(what, error, ref.forge)} Only ${who} can edit that comment.`;
  }
  return failureText(what, error, ref.forge);
}

export function useTicks({ issueRef, note, settings, onNote, onDeleted }: UseTicksOptions): Ticks {
  const [pending, setPending] = useState<Map<string, Pending>>(new Map());
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  const seq = useRef(0);
  /** The comment every queued write starts from: the page's copy, then what each write returned. */
  const base = useRef(note.body);
  const gone = useRef(false);

  useEffect(() => {
    if (inFlight.current === 0) base.current = note.body;
  }, [note.body]);

  const settle = useCallback((key: string, mine: number) => {
    setPending((prev) => {
      if (prev.get(key)?.seq !== mine) return prev;
      const next = new Map(prev);
      next.delete(key);
      return next;
    });
  }, []);

  const tick = useCallback(
    (itemText: string, checked: boolean) => {
      const key = keyOf(itemText);
      const mine = ++seq.current;
      setPending((prev) => new Map(prev).set(key, { checked, seq: mine }));
      setError(null);
      setSaved(null);
      setBusy(true);
      inFlight.current += 1;
      const noteId = note.id;
      chain.current = chain.current.then(async () => {
        try {
          if (gone.current) {
            base.current = applyTick(base.current, itemText, checked, settings) ?? base.current;
            onDeleted(noteId, base.current);
            return;
          }
          const r = await call('tickChecklist', { ref: issueRef, noteId, base: base.current, ticks: [{ itemText, checked }] });
          if (r.ok) {
            base.current = r.data.note.body;
            onNote(r.data.note);
            if (r.data.dropped.length > 0) {
              setError(`“${displayText(itemText)}” is no longer in the checklist comment (someone edited it), so it was not ticked.`);
            } else setSaved('Saved in the checklist comment.');
          } else if (r.error.kind === 'not-found') {
            gone.current = true;
            // Keep what the person meant: a re-post carries this tick.
            base.current = applyTick(base.current, itemText, checked, settings) ?? base.current;
            onDeleted(noteId, base.current);
          } else {
            setError(tickFailure(r.error, itemText, issueRef));
          }
        } finally {
          settle(key, mine);
          inFlight.current -= 1;
          if (inFlight.current === 0) setBusy(false);
        }
      });
    },
    [issueRef, note.id, settings, onNote, onDeleted, settle],
  );

  const shown = new Map([...pending].map(([k, p]) => [k, p.checked]));
  return { pending: shown, busy, saved, error, tick };
}
