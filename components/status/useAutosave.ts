// Saves what the user types as the draft ~300 ms after they stop, and right away when the page is hidden or
// left (reload, tab closed, navigation), so a reload mid-typing finds the text again.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { onLeavingPage } from '@/components/app/onLeavingPage';
import { saveDraft, type Draft } from '@/lib/drafts/store';

export const AUTOSAVE_DELAY_MS = 300;

export interface Autosave<T> {
  /** Saves `value` after the delay (a newer value replaces a pending one). */
  schedule(value: T): void;
  /** Saves the pending value now; resolves to the saved draft, or null when nothing was pending. */
  flush(): Promise<Draft<T> | null>;
  /** Forgets the pending value (a post is about to confirm or supersede it). */
  cancel(): void;
  /** Whether a value waits to be saved. */
  pending(): boolean;
}

export function useAutosave<T>(key: string, onSaved: (draft: Draft<T>) => void, onFailed: (error: unknown) => void): Autosave<T> {
  const waiting = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const callbacks = useRef({ onSaved, onFailed });
  useLayoutEffect(() => {
    callbacks.current = { onSaved, onFailed };
  });

  const clear = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async (): Promise<Draft<T> | null> => {
    clear();
    const next = waiting.current;
    waiting.current = null;
    if (!next) return null;
    try {
      const draft = await saveDraft(key, next.value);
      callbacks.current.onSaved(draft);
      return draft;
    } catch (e) {
      callbacks.current.onFailed(e);
      return null;
    }
  }, [key]);

  useEffect(() => {
    const stop = onLeavingPage(() => void flush());
    return () => {
      stop();
      void flush(); // unmounted (another issue, panel removed): keep what was typed
    };
  }, [flush]);

  return useMemo(
    () => ({
      schedule(value: T) {
        waiting.current = { value };
        clear();
        timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
      },
      flush,
      cancel() {
        clear();
        waiting.current = null;
      },
      pending: () => waiting.current !== null,
    }),
    [flush],
  );
}
