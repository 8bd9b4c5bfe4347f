// "Refinement checklist": the handbook's checklist as checkboxes. Items the issue's data decides show that answer and
// where it came from; the others are ticked by a person in the checklist comment, which teammates without Refinery
// see and tick too. Without a comment it offers "Start refinement"; a deleted one can be re-posted; one Refinery
// cannot read is linked to and never rewritten.
import { useEffect, useId, useRef } from 'react';
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { Note } from '@/lib/forge/model';
import { resolveChecklist } from '@/lib/handbook/refinement/checklist-evaluate';
import { parseChecklist } from '@/lib/handbook/refinement/checklist-parse';
import { CHECKLIST_TITLES } from '@/lib/handbook/refinement/checklists';
import type { Settings } from '@/lib/handbook/settings';
import type { IssueView } from '@/lib/messaging';
import { failureText } from '@/components/weights/errorText';
import { Items } from './ChecklistItems';
import { dataTicks, displayText, noteUrl, type Evaluated } from './model';
import { usePost } from './usePost';
import { useTicks } from './useTicks';

export type FactsLoad = { status: 'loading' } | { status: 'failed'; error: ForgeErrorData } | { status: 'ready'; evaluated: Evaluated };

export interface ChecklistSectionProps {
  view: IssueView;
  settings: Readonly<Settings>;
  load: FactsLoad;
  onRetry: () => void;
  /** A comment the background wrote or found (a tick's result, a posted checklist). */
  onNote: (note: Note) => void;
  /** The checklist comment is gone; `body` is its last known text. */
  onDeleted: (noteId: number, body: string) => void;
  /** The last known text of a checklist comment that was deleted, while the issue has no other. */
  lost: string | null;
}

/** The comment's boxes, editable. Keyed by the comment's id, so a re-posted comment starts afresh. */
function CommentChecklist({
  view,
  settings,
  evaluated,
  note,
  onNote,
  onDeleted,
}: Pick<ChecklistSectionProps, 'view' | 'settings' | 'onNote' | 'onDeleted'> & { evaluated: Evaluated; note: Note }) {
  const ticks = useTicks({ issueRef: view.issue.ref, note, settings, onNote, onDeleted });
  const missing = evaluated.checklist?.missing ?? [];
  return (
    <>
      <p className="hint">
        {evaluated.checklist?.title ?? CHECKLIST_TITLES[evaluated.kind]} in{' '}
        <a href={noteUrl(view.issue, note.id)}>the comment by @{note.author.username}</a>: ticking a box edits it.
      </p>
      <Items items={evaluated.items} hasComment ticks={ticks} />
      {missing.length > 0 && <p className="hint">Not in the comment (removed by hand): {missing.map((m) => displayText(m.text)).join('; ')}.</p>}
      <p className="status" role="status">
        {ticks.busy ? 'Saving…' : ticks.saved}
      </p>
      {ticks.error && (
        <p className="alert" role="alert">
          {ticks.error}
        </p>
      )}
    </>
  );
}

export function ChecklistSection({ view, settings, load, onRetry, onNote, onDeleted, lost }: ChecklistSectionProps) {
  const legendId = useId();
  const section = useRef<HTMLElement>(null);
  const { post, run, posted } = usePost(view, onNote);
  // The button that was clicked is gone once the comment is there: focus goes to the first box to tick.
  useEffect(() => {
    if (posted > 0) section.current?.querySelector<HTMLInputElement>('input[aria-disabled="false"]')?.focus();
  }, [posted]);
  const posting = post.status === 'posting';
  const evaluated = load.status === 'ready' ? load.evaluated : null;
  const found = evaluated?.found ?? null;
  const lostChecklist = lost !== null && !found ? parseChecklist(lost, settings) : null;

  let body;
  if (load.status === 'loading') {
    body = (
      <p className="status" role="status">
        Reading the checklist…
      </p>
    );
  } else if (load.status === 'failed') {
    body = (
      <div className="alert" role="alert">
        <p>{failureText("read the issue's comments", load.error, view.issue.ref.forge)}</p>
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </div>
    );
  } else if (found && found.checklist.status === 'unrecognised') {
    body = (
      <div className="warning" role="note">
        <p>
          This issue has a checklist comment Refinery cannot read: {found.checklist.reason} It is left as it is.{' '}
          <a href={noteUrl(view.issue, found.note.id)}>Open the checklist comment</a>
        </p>
        <button type="button" aria-disabled={posting} onClick={() => void run(load.evaluated.kind, dataTicks(load.evaluated.evaluations))}>
          Post a new checklist
        </button>
      </div>
    );
  } else if (found) {
    body = <CommentChecklist key={found.note.id} view={view} settings={settings} evaluated={load.evaluated} note={found.note} onNote={onNote} onDeleted={onDeleted} />;
  } else if (lostChecklist?.status === 'recognised') {
    body = (
      <>
        <div className="alert" role="alert">
          <p>The checklist comment was deleted, so the box could not be ticked. Re-post it to go on: its ticks are kept.</p>
          <button type="button" className="primary" aria-disabled={posting} onClick={() => void run(lostChecklist.kind, [], lost!)}>
            Re-post the checklist
          </button>
        </div>
        <Items items={resolveChecklist(load.evaluated.evaluations, lostChecklist)} hasComment={false} ticks={null} />
      </>
    );
  } else {
    const kind = load.evaluated.kind;
    body = (
      <>
        <p className="hint">
          No refinement checklist on this issue yet. “Start refinement” posts the handbook&apos;s {CHECKLIST_TITLES[kind]} as a comment, with the
          items the issue already meets ticked.
        </p>
        <Items items={load.evaluated.items} hasComment={false} ticks={null} />
        <button type="button" className="primary" aria-disabled={posting} onClick={() => void run(kind, dataTicks(load.evaluated.evaluations))}>
          Start refinement
        </button>
      </>
    );
  }

  return (
    <section data-refinery="checklist" className="checklist" ref={section}>
      <fieldset aria-labelledby={legendId} aria-busy={posting}>
        <legend id={legendId}>Refinement checklist</legend>
        {body}
        <p className="status" role="status">
          {posting ? 'Posting the checklist…' : post.status === 'existing' ? 'The issue already had a checklist comment: it is shown now.' : null}
        </p>
        {post.status === 'failed' && (
          <p className="alert" role="alert">
            {post.text}
          </p>
        )}
      </fieldset>
    </section>
  );
}
