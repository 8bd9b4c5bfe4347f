// The refinement checklist comment, written by the background: ticks are merged onto the comment as the forge has it
// right now (so a box a teammate ticked meanwhile is never unticked), and a checklist is posted only when the issue
// has none Refinery can read.
import { ForgeError } from '../forge/errors';
import type { Forge } from '../forge/forge';
import type { IssueRef, Note } from '../forge/model';
import { applyTick, rebaseTicks } from '../handbook/refinement/checklist-merge';
import { findChecklistNote, parseChecklist, type RecognisedChecklist } from '../handbook/refinement/checklist-parse';
import { CHECKLIST_MARKER, renderChecklist, type ChecklistKind } from '../handbook/refinement/checklists';
import type { Settings } from '../handbook/settings';
import { toErrorData } from './errors';

/** The background's forge, with the read cache's invalidate when it has one: these writes must see the forge's truth. */
type FreshForge = Forge & { invalidate?: (ref: IssueRef) => void };

export interface ChecklistFacts {
  notes: Note[];
  blockers: number | null;
  /** Why the blockers could not be read; null when they were (or the forge cannot tell: blockers is null then too). */
  blockersError: string | null;
}

/** The issue's comments and open blockers; `fresh` skips the read cache (before "Finish refinement"). */
export async function readChecklistFacts(forge: FreshForge, ref: IssueRef, fresh: boolean): Promise<ChecklistFacts> {
  if (fresh) forge.invalidate?.(ref);
  const [notes, blockers] = await Promise.all([
    forge.listNotes(ref),
    forge.countOpenBlockers(ref).then(
      (count) => ({ count, error: null }),
      // The checklist still works without them: the blockers item becomes a person's call.
      (e: unknown) => ({ count: null, error: toErrorData(e).message }),
    ),
  ]);
  return { notes, blockers: blockers.count, blockersError: blockers.error };
}

export interface TickRequest {
  ref: IssueRef;
  noteId: number;
  /** The comment's body as the page last saw it: the base my ticks are changes against. */
  base: string;
  ticks: readonly { itemText: string; checked: boolean }[];
}

export interface TickResult {
  note: Note;
  /** Items whose box this write changed (an empty list: the comment already said so, nothing was written). */
  changed: string[];
  /** Items of the request that the comment no longer has. */
  dropped: string[];
}

function readable(body: string, settings: Readonly<Settings>): RecognisedChecklist | null {
  const parsed = parseChecklist(body, settings);
  return parsed.status === 'recognised' ? parsed : null;
}

/**
 * Ticks or unticks boxes of the checklist comment: re-reads it, applies my changes (base → mine) onto it item by item
 * and writes only when something changes. A deleted comment fails as not-found; one that can no longer be read is left
 * alone and fails as conflict.
 */
export async function tickChecklist(forge: FreshForge, request: TickRequest, settings: Readonly<Settings>): Promise<TickResult> {
  const { ref, noteId, base, ticks } = request;
  const baseChecklist = readable(base, settings);
  if (!baseChecklist) throw new ForgeError('invalid', 'The checklist this page shows is not one Refinery can read, so it cannot tick it.');
  let mineBody = base;
  const dropped: string[] = [];
  for (const t of ticks) {
    const next = applyTick(mineBody, t.itemText, t.checked, settings);
    if (next === null) dropped.push(t.itemText);
    else mineBody = next;
  }
  const mine = readable(mineBody, settings)!; // only box characters changed: still readable

  forge.invalidate?.(ref); // the comment as it is now, not as a read a minute ago saw it
  const current = await forge.getNote(ref, noteId);
  if (!current) throw new ForgeError('not-found', 'The checklist comment was deleted. Re-post the checklist to go on.', 404);
  const rebase = rebaseTicks(current.body, baseChecklist.items, mine.items, settings);
  if (rebase.status === 'unrecognised') {
    throw new ForgeError('conflict', `Someone changed the checklist comment so that Refinery can no longer read it (${rebase.reason}); it was left as it is.`, 409);
  }
  const gone = rebase.dropped.map((d) => d.text ?? d.key);
  const note = rebase.body === current.body ? current : await forge.updateNote(ref, noteId, rebase.body);
  return { note, changed: rebase.changed, dropped: [...dropped, ...gone] };
}

export interface StartRequest {
  ref: IssueRef;
  kind: ChecklistKind;
  /** Handbook item ids to tick (what the issue's data already decides). */
  ticks: readonly string[];
  /** Re-posting a deleted checklist: its last known text, teammates' ticks and added items included. */
  body?: string;
}

export interface StartResult {
  note: Note;
  /** false: the issue already had a checklist Refinery can read, which is returned instead of posting another. */
  created: boolean;
}

function withMarker(body: string): string {
  return body.includes(CHECKLIST_MARKER) ? body : `${body.trimEnd()}\n\n${CHECKLIST_MARKER}`;
}

async function existingChecklist(forge: FreshForge, ref: IssueRef, settings: Readonly<Settings>): Promise<Note | null> {
  forge.invalidate?.(ref);
  const found = findChecklistNote(await forge.listNotes(ref), settings);
  return found?.checklist.status === 'recognised' ? found.note : null;
}

/**
 * "Start refinement": posts the handbook's checklist comment (with the hidden marker), unless the issue already has a
 * checklist Refinery can read. A post whose answer got lost is looked for before failing, so a retry never posts twice.
 */
export async function startRefinement(forge: FreshForge, request: StartRequest, settings: Readonly<Settings>): Promise<StartResult> {
  const { ref, kind, ticks, body: repost } = request;
  let body: string;
  if (repost !== undefined) {
    const parsed = readable(repost, settings);
    if (!parsed) throw new ForgeError('invalid', 'The checklist to re-post is not one Refinery can read.');
    body = withMarker(repost);
  } else {
    body = renderChecklist(kind, ticks, { settings });
  }
  const existing = await existingChecklist(forge, ref, settings);
  if (existing) return { note: existing, created: false };
  try {
    return { note: await forge.createNote(ref, body), created: true };
  } catch (e) {
    const kindOf = toErrorData(e).kind;
    if (kindOf !== 'network' && kindOf !== 'forge' && kindOf !== 'unknown') throw e;
    // The request may have reached the forge before the answer was lost.
    const landed = await existingChecklist(forge, ref, settings).catch(() => null);
    if (landed) return { note: landed, created: true };
    throw e;
  }
}
