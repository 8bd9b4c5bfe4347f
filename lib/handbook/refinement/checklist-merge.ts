// Editing the checklist comment in place without losing a teammate's ticks: before writing, the comment is read again
// and my changes are merged onto it item by item, so a box someone else ticked meanwhile is never unticked. Pure.
import { itemKey } from './checklists';
import { itemMatcher, parseChecklist, type Mark, type ParsedItem } from './checklist-parse';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

/** What the merge needs of an item: parse results fit as they are. */
export type TickItem = Pick<ParsedItem, 'key' | 'id' | 'mark'> & { text?: string };

/** Handbook items are the same item whatever their wording; items a person added are matched by their text. */
function identity(item: Pick<TickItem, 'key' | 'id'>): string {
  return item.id !== null ? `id:${item.id}` : `text:${item.key}`;
}

export interface TickMerge<T extends TickItem> {
  /** Their items in their order, with the merged marks. */
  items: (T & { mark: Mark })[];
  /** Their items whose mark the merge changes: what has to be written. */
  changes: (T & { mark: Mark })[];
  /** My changes to items they no longer have; they cannot be applied. */
  dropped: TickItem[];
}

function byIdentity<T extends TickItem>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [identity(i), i]));
}

/**
 * Three-way merge of box states: where I changed a box (mine differs from base) my state wins, everywhere else theirs
 * stays. A box I have no base state for is only ever ticked by me, never unticked.
 */
export function mergeTicks<T extends TickItem>(
  base: readonly TickItem[],
  theirs: readonly T[],
  mine: readonly TickItem[],
): TickMerge<T> {
  const baseBy = byIdentity(base);
  const theirBy = byIdentity(theirs);
  const mineChanged = mine.filter((m) => {
    const b = baseBy.get(identity(m));
    return b ? b.mark !== m.mark : m.mark !== 'unchecked';
  });
  const mineBy = byIdentity(mineChanged);
  const items = theirs.map((t) => {
    const m = mineBy.get(identity(t));
    return m ? { ...t, mark: m.mark } : t;
  });
  return {
    items,
    changes: items.filter((item, i) => item.mark !== theirs[i]!.mark),
    dropped: mineChanged.filter((m) => !theirBy.has(identity(m))),
  };
}

function boxChar(mark: Mark): string {
  if (mark === 'checked') return 'x';
  return mark === 'inapplicable' ? '~' : ' ';
}

function sameMark(char: string, mark: Mark): boolean {
  return boxChar(mark) === (char === 'X' ? 'x' : char);
}

/** The body with the given items' boxes set; every other character stays as it was. */
function setMarks(body: string, changes: readonly { offsets: readonly number[]; mark: Mark }[]): string {
  const edits = changes
    .flatMap((c) => c.offsets.map((at) => ({ at, mark: c.mark })))
    .filter((e) => !sameMark(body[e.at] ?? '', e.mark))
    .sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += body.slice(from, e.at) + boxChar(e.mark);
    from = e.at + 1;
  }
  return out + body.slice(from);
}

/**
 * The comment with one box ticked or unticked and nothing else changed; the same string when the box already is so.
 * null when the comment is no readable checklist or the item is gone. The item is found by its text, or, for a
 * handbook item someone reworded, by which handbook item it is.
 */
export function applyTick(
  body: string,
  itemText: string,
  checked: boolean,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): string | null {
  const parsed = parseChecklist(body, settings);
  if (parsed.status !== 'recognised') return null;
  const key = itemKey(itemText);
  let targets = parsed.items.filter((i) => i.key === key);
  if (targets.length === 0) {
    const known = itemMatcher(parsed.kind, settings)(key);
    targets = known ? parsed.items.filter((i) => i.id === known.id) : [];
  }
  if (targets.length === 0) return null;
  const mark: Mark = checked ? 'checked' : 'unchecked';
  return setMarks(body, targets.map((t) => ({ offsets: t.offsets, mark })));
}

export type Rebase =
  | {
      status: 'ok';
      /** The comment to write; equal to the input when nothing changes (then do not write). */
      body: string;
      /** Texts of the items whose box changed. */
      changed: string[];
      /** My changes that could not be applied because the item is gone. */
      dropped: TickItem[];
    }
  | { status: 'unrecognised'; reason: string };

/**
 * My edits (base → mine) applied onto the comment as it is now (theirsBody, re-read just before writing).
 * A comment that is no longer a readable checklist is left alone.
 */
export function rebaseTicks(
  theirsBody: string,
  base: readonly TickItem[],
  mine: readonly TickItem[],
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): Rebase {
  const parsed = parseChecklist(theirsBody, settings);
  if (parsed.status === 'unrecognised') return { status: 'unrecognised', reason: parsed.reason };
  if (parsed.status === 'not-a-checklist') return { status: 'unrecognised', reason: 'The comment is no longer a checklist.' };
  const merge = mergeTicks(base, parsed.items, mine);
  return {
    status: 'ok',
    body: setMarks(theirsBody, merge.changes),
    changed: merge.changes.map((c) => c.text),
    dropped: merge.dropped,
  };
}
