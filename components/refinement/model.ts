// What the refinement section shows, derived from the issue, its comments and blockers. Pure.
import type { Capabilities, Issue, Note } from '@/lib/forge/model';
import { isBug } from '@/lib/handbook/refinement/classify';
import {
  evaluateChecklist,
  resolveChecklist,
  type ItemEvaluation,
  type ResolvedItem,
} from '@/lib/handbook/refinement/checklist-evaluate';
import { findChecklistNote, type ChecklistNote, type RecognisedChecklist } from '@/lib/handbook/refinement/checklist-parse';
import { itemKey, type ChecklistKind } from '@/lib/handbook/refinement/checklists';
import type { Settings } from '@/lib/handbook/settings';
import { labelsWithStatusStage } from '@/lib/handbook/workflow/status-mapping';

export interface Facts {
  notes: Note[];
  blockers: number | null;
  blockersError: string | null;
}

export interface Evaluated {
  /** The checklist comment (readable or not); null when the issue has none. */
  found: ChecklistNote<Note> | null;
  /** The readable checklist, if there is one. */
  checklist: RecognisedChecklist | null;
  kind: ChecklistKind;
  evaluations: ItemEvaluation[];
  /** The comment's items (or the handbook's without a comment), with the data's answers. */
  items: ResolvedItem[];
}

/** The bug checklist for bugs (`type::bug`, a `bug` label, GitHub's Bug type), the issue checklist otherwise. */
export function kindFor(issue: Pick<Issue, 'title' | 'labels' | 'type'>, settings: Readonly<Settings>): ChecklistKind {
  return isBug(issue, settings) ? 'bug' : 'issue';
}

export function evaluate(issue: Issue, capabilities: Capabilities, facts: Facts, settings: Readonly<Settings>): Evaluated {
  const found = findChecklistNote(facts.notes, settings);
  const checklist = found?.checklist.status === 'recognised' ? found.checklist : null;
  // A readable comment decides which checklist it is; otherwise the issue's type does.
  const kind = checklist?.kind ?? (found?.checklist.status === 'unrecognised' ? found.checklist.kind : null) ?? kindFor(issue, settings);
  // Where the namespace has statuses the workflow items read the status's stage, not lingering labels.
  const labels = labelsWithStatusStage(issue.labels, issue.status, capabilities.statuses, settings);
  const evaluations = evaluateChecklist(kind, { issue: { ...issue, labels }, capabilities, notes: facts.notes, blockers: facts.blockers, settings });
  return { found, checklist, kind, evaluations, items: resolveChecklist(evaluations, checklist) };
}

/** Handbook items the data already decides as done: ticked in a freshly posted checklist. */
export function dataTicks(evaluations: readonly ItemEvaluation[]): string[] {
  return evaluations.filter((e) => e.state === 'done').map((e) => e.id);
}

/** An item as the forge renders it: `~"workflow::refinement"` shows as the label's name. */
export function displayText(text: string): string {
  return text.replace(/~"([^"]+)"/g, '$1').replace(/(^|[\s(])~([\w:.-]+)/g, '$1$2');
}

/** The comment's own address on the issue page. */
export function noteUrl(issue: Pick<Issue, 'webUrl' | 'ref'>, noteId: number): string {
  return `${issue.webUrl}#${issue.ref.forge === 'github' ? 'issuecomment-' : 'note_'}${noteId}`;
}

export type ItemControl =
  /** The issue's data decides: shown as decided, not editable. */
  | { kind: 'decided'; checked: boolean; why: string }
  /** A person ticks it in the comment. */
  | { kind: 'manual'; checked: boolean; why: string | null }
  /** There is no comment to tick it in (yet, or any more: then the box shows the deleted comment's mark). */
  | { kind: 'waiting'; checked: boolean; why: string | null };

/** How one item's checkbox behaves and what it says about where its state comes from. */
export function controlFor(item: ResolvedItem, hasComment: boolean): ItemControl {
  if (item.decidedBy === 'data') {
    const prefix = item.state === 'done' ? 'From the issue' : 'Not yet, from the issue';
    return { kind: 'decided', checked: item.done, why: `${prefix}: ${item.source}` };
  }
  if (item.mark === 'inapplicable') return { kind: 'decided', checked: true, why: 'Marked as not applicable in the comment' };
  let why: string | null = null;
  if (item.id === null) why = 'Added to the comment by hand';
  else if (item.auto) why = `Tick it yourself: ${item.source}`;
  if (!hasComment) return { kind: 'waiting', checked: item.mark === 'checked', why };
  return { kind: 'manual', checked: item.mark === 'checked', why };
}

/** Items compare by their text the way the comment parser compares them. */
export const keyOf = (text: string): string => itemKey(text);
