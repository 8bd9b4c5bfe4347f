// Posting the checklist comment ("Start refinement", "Post a new checklist", "Re-post the checklist") through the
// background, which returns a readable checklist already on the issue instead of posting a second one.
import { useCallback, useState } from 'react';
import type { Note } from '@/lib/forge/model';
import type { ChecklistKind } from '@/lib/handbook/refinement/checklists';
import { call, type IssueView } from '@/lib/messaging';
import { failureText } from '@/components/weights/errorText';

export type Post = { status: 'idle' } | { status: 'posting' } | { status: 'failed'; text: string } | { status: 'existing' };

/** Posts a checklist comment (or re-posts a deleted one); a readable one already there is shown instead. */
export function usePost(view: IssueView, onNote: (note: Note) => void) {
  const [post, setPost] = useState<Post>({ status: 'idle' });
  const [posted, setPosted] = useState(0);
  const run = useCallback(
    async (kind: ChecklistKind, ticks: string[], body?: string) => {
      if (post.status === 'posting') return;
      setPost({ status: 'posting' });
      const r = await call('startRefinement', { ref: view.issue.ref, kind, ticks, ...(body !== undefined ? { body } : {}) });
      if (!r.ok) {
        setPost({ status: 'failed', text: failureText('post the checklist', r.error, view.issue.ref.forge) });
        return;
      }
      setPost(r.data.created ? { status: 'idle' } : { status: 'existing' });
      onNote(r.data.note);
      setPosted((n) => n + 1);
    },
    [post.status, view.issue.ref, onNote],
  );
  return { post, run, posted };
}
