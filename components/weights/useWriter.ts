// One write at a time for the whole Weights section: two writes racing could each return an issue missing the
// other's change, and a double click must not post twice.
import { useCallback, useMemo, useRef, useState } from 'react';

export interface Writer {
  /** True while a write runs; controls show themselves busy and ignore input. */
  busy: boolean;
  /** Runs `task` unless another write is running (then returns null without running it). */
  run<T>(task: () => Promise<T>): Promise<T | null>;
}

export function useWriter(): Writer {
  const running = useRef(false); // state updates are async; a second click in the same tick must see this at once
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(task: () => Promise<T>): Promise<T | null> => {
    if (running.current) return null;
    running.current = true;
    setBusy(true);
    try {
      return await task();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return useMemo(() => ({ busy, run }), [busy, run]);
}
