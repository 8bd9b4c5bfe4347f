// Reads a refinement checklist back from a comment: the one Refinery posted, or the handbook's text pasted and edited
// by hand. Anything that looks like a checklist but cannot be read safely is "unrecognised", so it is never rewritten.
import type { Note } from '@/lib/forge/model';
import {
  checklistDefinition,
  checklistItems,
  itemKey,
  type AutoCheck,
  type ChecklistItem,
  type ChecklistKind,
} from './checklists';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

/** A task box: `[x]` checked, `[ ]` unchecked, `[~]` inapplicable (GitLab 15.x+ lets people mark items so). */
export type Mark = 'checked' | 'unchecked' | 'inapplicable';

export interface ParsedItem {
  /** The comparable text (see itemKey); items merge by it. */
  key: string;
  /** The text as written, trimmed. */
  text: string;
  /** The handbook item it is; null for items a person added. */
  id: string | null;
  auto: AutoCheck | null;
  /** The section heading above it, as written; null above the first section. */
  section: string | null;
  mark: Mark;
  checked: boolean;
  /** Where the box's character sits in the body, once per line the item appears on. */
  offsets: number[];
}

export interface RecognisedChecklist {
  status: 'recognised';
  kind: ChecklistKind;
  /** The title heading's text as written ("Issue Refinement Checklist (for #12)"). */
  title: string;
  /** Refinery's hidden marker is present. */
  marker: boolean;
  /** The checklist sits inside a code fence (the handbook page shows it in a ```plaintext block). */
  fenced: boolean;
  /** In the comment's order, each item once, including items a person added. */
  items: ParsedItem[];
  /** Handbook items nobody wrote down (deleted by hand). */
  missing: ChecklistItem[];
  /** Text before the title heading and after the last item, untouched by edits. */
  before: string;
  after: string;
}

export type ChecklistParse =
  | RecognisedChecklist
  | { status: 'unrecognised'; kind: ChecklistKind | null; marker: boolean; reason: string }
  | { status: 'not-a-checklist' };

interface Line {
  text: string;
  start: number;
  /** 1-based, for messages. */
  number: number;
}

function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  const eol = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = eol.exec(body)) !== null) {
    lines.push({ text: body.slice(start, m.index), start, number: lines.length + 1 });
    start = m.index + m[0].length;
  }
  lines.push({ text: body.slice(start), start, number: lines.length + 1 });
  return lines;
}

/** For each line: the index of the code fence it belongs to (fence lines included), or -1 outside fences. */
function fenceMap(lines: readonly Line[]): number[] {
  const out: number[] = [];
  let open: { char: string; length: number; id: number } | null = null;
  let id = 0;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line.text);
    if (open) {
      out.push(open.id);
      if (m && m[1]![0] === open.char && m[1]!.length >= open.length && m[2]!.trim() === '') open = null;
    } else if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
      open = { char: m[1]![0]!, length: m[1]!.length, id: id++ };
      out.push(open.id);
    } else out.push(-1);
  }
  return out;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
const TITLE = /^(?:\*\*|__)?\s*(issue|bug)\s+refinement\s+checklist\b/i;
/** The item's text is trimmed afterwards: a lazy `(\S.*?)[ \t]*$` would rescan the line's end from every character. */
const TASK = /^(\s*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX~])\][ \t]+(\S.*)$/;
const EMPTY_TASK = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX~]\][ \t]*$/;
/** `[ ] x` without a bullet, `-[ ] x`, `- [] x`, `- [ x] x`: meant as a box but not one the forge renders. */
const BROKEN_TASK = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s*)?\[\s*(?:[xX~]\s*)?\](?![(:[])/;
export const MARKER_PATTERN = /<!--\s*refinery:checklist\s+v\d+\s*-->/;

/** `## Title ##` → level 2, `Title`: the closing sequence (spaces, `#`s) is removed by hand, in linear time. */
function heading(text: string): { level: number; text: string } | null {
  const m = HEADING.exec(text);
  if (!m) return null;
  let title = m[2]!.replace(/(?<![ \t])[ \t]+$/, '');
  const hashes = /(?<!#)#+$/.exec(title);
  if (hashes && /[ \t]$/.test(title.slice(0, hashes.index))) title = title.slice(0, hashes.index);
  return { level: m[1]!.length, text: title.trim() };
}

function markOf(char: string): Mark {
  if (char === ' ') return 'unchecked';
  return char === '~' ? 'inapplicable' : 'checked';
}

function sectionKey(text: string): string {
  return itemKey(text.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, ''));
}

const KNOWN_SECTIONS = new Set(
  (['issue', 'bug'] as const).flatMap((k) => checklistDefinition(k).sections.map((s) => sectionKey(s.title))),
);

/** The handbook item a written text is: exact, or the handbook text followed by a person's remark. */
export function itemMatcher(kind: ChecklistKind, settings: Readonly<Settings>): (key: string) => ChecklistItem | null {
  const known: { key: string; item: ChecklistItem }[] = [];
  for (const s of [settings, DEFAULT_SETTINGS]) {
    for (const item of checklistItems(checklistDefinition(kind, s))) known.push({ key: itemKey(item.text), item });
  }
  return (key) => {
    const exact = known.find((k) => k.key === key);
    if (exact) return exact.item;
    const prefixed = known.find((k) => key.startsWith(k.key) && /^[\s(,:;–—-]/.test(key.slice(k.key.length)));
    return prefixed?.item ?? null;
  };
}

function unrecognised(kind: ChecklistKind | null, marker: boolean, reason: string): ChecklistParse {
  return { status: 'unrecognised', kind, marker, reason };
}

/**
 * The checklist in a comment. Accepts the handbook's text pasted with `-`/`*`/`+`/`1.` bullets, `[x]`/`[X]`, CRLF,
 * headings at any level or with trailing text, label references with or without `~"…"`, the handbook's ```plaintext
 * fence, and items reordered or added.
 */
export function parseChecklist(body: string, settings: Readonly<Settings> = DEFAULT_SETTINGS): ChecklistParse {
  // Every checklist heading (TITLE) and our marker name a "checklist": a comment without the word is none.
  if (!/checklist/i.test(body)) return { status: 'not-a-checklist' };
  const lines = splitLines(body);
  const fences = fenceMap(lines);
  const marker = lines.some((l, i) => fences[i] === -1 && MARKER_PATTERN.test(l.text));

  const titles = lines.flatMap((line, i) => {
    const h = heading(line.text);
    const m = h && TITLE.exec(h.text);
    return h && m ? [{ i, level: h.level, text: h.text, kind: m[1]!.toLowerCase() as ChecklistKind }] : [];
  });
  if (titles.length === 0) {
    return marker ? unrecognised(null, true, "Refinery's marker is there but the checklist heading is gone.") : { status: 'not-a-checklist' };
  }
  const title = titles[0]!;
  if (titles.length > 1) return unrecognised(title.kind, marker, 'The comment holds more than one checklist.');

  const fence = fences[title.i]!;
  const match = itemMatcher(title.kind, settings);
  const items: ParsedItem[] = [];
  const byKey = new Map<string, ParsedItem>();
  let section: string | null = null;
  let lastItemLine = title.i;

  for (let i = title.i + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence >= 0) {
      if (fences[i] !== fence) break;
      if (i + 1 < lines.length && fences[i + 1] !== fence) break; // the closing fence line
    } else if (fences[i]! >= 0) continue; // code inside the checklist is text, not tasks
    const h = heading(line.text);
    if (h) {
      const known = KNOWN_SECTIONS.has(sectionKey(h.text));
      if (!known && h.level <= title.level) break;
      section = h.text;
      continue;
    }
    const task = TASK.exec(line.text);
    if (!task) {
      if (!EMPTY_TASK.test(line.text) && BROKEN_TASK.test(line.text))
        return unrecognised(title.kind, marker, `Line ${line.number} looks like a checkbox but is not one: "${line.text.trim()}".`);
      continue;
    }
    const text = task[3]!.replace(/(?<![ \t])[ \t]+$/, '');
    const key = itemKey(text);
    const mark = markOf(task[2]!);
    const offset = line.start + line.text.indexOf('[', task[1]!.length) + 1;
    lastItemLine = i;
    const seen = byKey.get(key);
    if (seen) {
      if (seen.mark !== mark) return unrecognised(title.kind, marker, `"${text}" is listed twice, ticked differently.`);
      seen.offsets.push(offset);
      continue;
    }
    const item = match(key);
    const parsed: ParsedItem = {
      key,
      text,
      id: item?.id ?? null,
      auto: item?.auto ?? null,
      section,
      mark,
      checked: mark === 'checked',
      offsets: [offset],
    };
    items.push(parsed);
    byKey.set(key, parsed);
  }

  if (items.length === 0) return unrecognised(title.kind, marker, 'The checklist heading is there but it has no task items.');
  const ids = new Map<string, ParsedItem>();
  for (const item of items) {
    if (item.id === null) continue;
    const other = ids.get(item.id);
    if (other && other.mark !== item.mark)
      return unrecognised(title.kind, marker, `"${other.text}" and "${item.text}" are the same item, ticked differently.`);
    ids.set(item.id, item);
  }
  const missing = checklistItems(checklistDefinition(title.kind, settings)).filter((i) => !ids.has(i.id));
  const afterLine = lines[lastItemLine + 1];
  return {
    status: 'recognised',
    kind: title.kind,
    title: title.text,
    marker,
    fenced: fence >= 0,
    items,
    missing,
    before: body.slice(0, lines[title.i]!.start),
    after: afterLine ? body.slice(afterLine.start) : '',
  };
}

type NoteLike = Pick<Note, 'body' | 'system' | 'createdAt' | 'id'>;

export type ChecklistNote<N extends NoteLike> = {
  note: N;
  checklist: Exclude<ChecklistParse, { status: 'not-a-checklist' }>;
};

/**
 * The note that holds the checklist: among non-system notes that are checklists (readable or not), one with
 * Refinery's marker wins over hand-written ones; then the newest. Unreadable ones are returned so the UI can say so.
 */
export function findChecklistNote<N extends NoteLike>(
  notes: readonly N[],
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): ChecklistNote<N> | null {
  let best: ChecklistNote<N> | null = null;
  for (const note of notes) {
    if (note.system) continue;
    const checklist = parseChecklist(note.body, settings);
    if (checklist.status === 'not-a-checklist') continue;
    if (best === null || newer({ note, checklist }, best)) best = { note, checklist };
  }
  return best;
}

function newer<N extends NoteLike>(a: ChecklistNote<N>, b: ChecklistNote<N>): boolean {
  if (a.checklist.marker !== b.checklist.marker) return a.checklist.marker;
  const at = Date.parse(a.note.createdAt);
  const bt = Date.parse(b.note.createdAt);
  if (at !== bt && !Number.isNaN(at) && !Number.isNaN(bt)) return at > bt;
  return a.note.id > b.note.id;
}
