// After the plan went into the page's own editor, the user posts it with the forge's button (or Ctrl+Enter), which we
// do not see. Both forges empty or replace the editor once a comment is posted: when the plan leaves the editor, the
// issue's notes are read, and a plan note that was not there before is the one just posted.
import type { Note } from '@/lib/forge/model';
import { hasPlanHeading } from '@/lib/handbook/templates/templates';
import { editorText, type PageEditor } from '@/lib/page/editor';

/** The plan's heading as it reads in a textarea (`### Implementation Plan`) and in a rich editor (rendered). */
const PLAN_IN_EDITOR = /\b(?:implementation|technical)\s+plan\b/i;
const TIME_WINDOW_MS = 10 * 60_000; // without a list of earlier notes: plans posted since shortly before the insert

export interface PlanWatchOptions {
  editor: PageEditor;
  /** Ids of the notes before the insert; null when they could not be read. */
  known: ReadonlySet<number> | null;
  /** When the plan was inserted (ms since epoch). */
  since: number;
  /** The notes, or null when they could not be read. */
  listNotes: () => Promise<Note[] | null>;
  onPosted: (note: Note) => void;
  intervalMs?: number;
  /** Reads of the notes after the plan left the editor (the post may still be landing). */
  attempts?: number;
  /** Stop watching after this long. */
  maxMs?: number;
}

export function newPlanNote(notes: readonly Note[], known: ReadonlySet<number> | null, since: number): Note | null {
  const fresh = notes.filter(
    (n) =>
      !n.system &&
      hasPlanHeading(n.body) &&
      (known ? !known.has(n.id) : Date.parse(n.createdAt) >= since - TIME_WINDOW_MS),
  );
  return fresh.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)).at(-1) ?? null;
}

/** Starts watching; returns the function that stops it. */
export function watchPostedPlan(opts: PlanWatchOptions): () => void {
  const { editor, intervalMs = 1000, attempts = 4, maxMs = 60 * 60_000 } = opts;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const started = Date.now();
  const later = (fn: () => void) => {
    if (!stopped) timer = setTimeout(fn, intervalMs);
  };

  const look = async (left: number) => {
    const notes = await opts.listNotes();
    if (stopped) return;
    const note = notes && newPlanNote(notes, opts.known, opts.since);
    if (note) {
      stopped = true;
      opts.onPosted(note);
    } else if (left > 1) later(() => void look(left - 1));
  };

  const poll = () => {
    if (Date.now() - started > maxMs) return;
    const gone = !editor.element.isConnected || !PLAN_IN_EDITOR.test(editorText(editor));
    if (gone) void look(attempts);
    else later(poll);
  };
  later(poll);

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
