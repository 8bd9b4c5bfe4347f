// A form whose value lives in the issue's draft until the forge confirms the post: restored on load ("Draft
// restored"), saved as the user types, followed across tabs, and removed only after a confirmed post. Posting sends
// the draft's update id, so a retry (or another tab) of the same update can never make a second comment.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { loadDraft, removeDraft, saveDraft, watchDraft } from '@/lib/drafts/store';
import { newUpdateId } from '@/lib/handbook/status/status-marker';
import type { PostedUpdate, Result } from '@/lib/messaging';
import { useAutosave } from './useAutosave';

export interface DraftedForm<V> {
  /** null until the draft store answered. */
  value: V | null;
  /** The user changed the form: shown at once, saved shortly after. */
  change(next: V): void;
  /** Replaces the value without saving it (a fresh start after a post). */
  reset(next: V): void;
  /** Sends the update under the draft's id; on success the draft is removed. Null when a post is already running. */
  post(send: (updateId: string) => Promise<Result<PostedUpdate>>): Promise<Result<PostedUpdate> | null>;
  discard(): Promise<void>;
  posting: boolean;
  /** Whether what is shown is (or will be) a saved draft. */
  hasDraft: boolean;
  /** "Draft restored", "Draft saved"…; null when there is nothing to say. */
  draftNote: string | null;
}

export function useDraftedForm<V>(key: string, isValue: (raw: unknown) => raw is V, initial: () => V, onRemoteChange?: () => void): DraftedForm<V> {
  // The value is kept with its draft key: another issue's form is never shown, without resetting in an effect.
  const [shown, setShown] = useState<{ key: string; value: V } | null>(null);
  const value = shown?.key === key ? shown.value : null;
  const [hasDraft, setHasDraft] = useState(false);
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const latest = useRef<V | null>(null);
  const postingRef = useRef(false);
  const ownRemoval = useRef(false);
  const fallbackId = useRef<string | null>(null);
  /** Values this tab has shown: a storage event carrying one of them is our own save coming back, not news. */
  const seen = useRef<string[]>([]);
  const fns = useRef({ isValue, initial, onRemoteChange });
  useLayoutEffect(() => {
    fns.current = { isValue, initial, onRemoteChange };
  });

  const autosave = useAutosave<V>(
    key,
    () => {
      setHasDraft(true);
      setDraftNote('Draft saved');
    },
    (e) => setDraftNote(`Could not save the draft (${e instanceof Error ? e.message : String(e)}); keep this tab open until you post.`),
  );

  const show = useCallback(
    (next: V) => {
      latest.current = next;
      seen.current = [...seen.current.slice(-19), JSON.stringify(next)];
      setShown({ key, value: next });
    },
    [key],
  );

  useEffect(() => {
    let live = true;
    latest.current = null;
    loadDraft<unknown>(key).then(
      (draft) => {
        if (!live) return;
        if (draft && fns.current.isValue(draft.value)) {
          show(draft.value);
          setHasDraft(true);
          setDraftNote('Draft restored');
        } else {
          show(fns.current.initial());
          setHasDraft(false);
          setDraftNote(null);
        }
      },
      () => live && show(fns.current.initial()),
    );
    return () => {
      live = false;
    };
  }, [key, show]);

  // Another tab saved, posted or discarded this draft.
  useEffect(
    () =>
      watchDraft<unknown>(key, (draft) => {
        if (postingRef.current || latest.current === null) return;
        if (draft === null) {
          if (ownRemoval.current) {
            ownRemoval.current = false;
            return;
          }
          if (autosave.pending()) return; // typing here: the next save starts a new draft with these words
          setHasDraft(false);
          show(fns.current.initial());
          setDraftNote('This draft was posted or discarded in another tab.');
          fns.current.onRemoteChange?.();
          return;
        }
        if (!fns.current.isValue(draft.value) || autosave.pending()) return;
        if (seen.current.includes(JSON.stringify(draft.value))) return;
        show(draft.value);
        setHasDraft(true);
        setDraftNote('Draft updated from another tab');
      }),
    [key, autosave, show],
  );

  const change = useCallback(
    (next: V) => {
      show(next);
      autosave.schedule(next);
    },
    [autosave, show],
  );

  const post = useCallback(
    async (send: (updateId: string) => Promise<Result<PostedUpdate>>) => {
      if (postingRef.current || latest.current === null) return null;
      postingRef.current = true;
      setPosting(true);
      autosave.cancel();
      try {
        let updateId: string;
        try {
          updateId = (await saveDraft(key, latest.current)).updateId;
          setHasDraft(true);
        } catch {
          // Storage failed: this tab still posts each retry under one id.
          updateId = fallbackId.current ??= newUpdateId();
        }
        const result = await send(updateId);
        if (result.ok) {
          fallbackId.current = null;
          ownRemoval.current = true;
          const removed = await removeDraft(key, updateId).catch(() => false);
          if (!removed) ownRemoval.current = false;
          setHasDraft(false);
          setDraftNote(null);
        }
        return result;
      } finally {
        postingRef.current = false;
        setPosting(false);
      }
    },
    [key, autosave],
  );

  const discard = useCallback(async () => {
    autosave.cancel();
    ownRemoval.current = true;
    const removed = await removeDraft(key).catch(() => false);
    if (!removed) ownRemoval.current = false;
    setHasDraft(false);
    show(fns.current.initial());
    setDraftNote('Draft discarded');
  }, [key, autosave, show]);

  return { value, change, reset: show, post, discard, posting, hasDraft, draftNote };
}
