// Reading async status updates back from issue comments: ours (with their hidden id) and the variants teams write by
// hand. What is recognised:
//   Complete: 80% · **% Complete**: 50% · % complete: 50 · **Complete:** 80% · Progress: 80%
//   Confidence: 90% · **Confidence**: 90 %
//   20% complete, 75% confident (alone, or after `Issue status:`) — `?%` is an unknown value
//   MR/PR lines: `!11 - 80% complete, 99% confident - title - note`, `#123 - …`, `group/project!12 - …`,
//     `owner/repo#12 - …`, links to merge requests / pull requests, with or without a bullet
//   Confidence checkboxes: `- [x] Not confident` = 25, `Slightly confident` = 50, `Very confident` = 90
//   Health: `/health_status needs_attention` lines, `Health status: At risk`, `Health: on track`, `Status: on track`
//   Concern: ~frontend · Concern: ~"label with spaces" · Concern: frontend · Concern: none
//   Notes: … (continues over the following lines until the next recognised line)
//   Our hidden `refinery:status-update id=…` marker and `refinery:status-data …` line.
// Code blocks and quoted replies are ignored. Pure.
import type { HealthStatus, Note } from '@/lib/forge/model';
import type { ChangeStatus, StatusUpdate } from './status-format';
import { markerId } from './status-marker';
import { keyValue, percentPair, percentValue, plain, visibleLines } from './status-text';

export { hasUpdateWithId, noteWithUpdateId } from './status-marker';

export interface NoteMeta {
  createdAt: string;
  /** The author's username. */
  author: string;
}

export interface ParsedStatusUpdate extends StatusUpdate, NoteMeta {
  /** Our marker's id; null for updates written by hand. */
  updateId: string | null;
}

/** The numbers the "Not / Slightly / Very confident" checkboxes stand for. */
export const CHECKBOX_CONFIDENCE: Readonly<Record<'not' | 'slightly' | 'very', number>> = Object.freeze({
  not: 25,
  slightly: 50,
  very: 90,
});

const HEALTH_WORDS: Record<string, HealthStatus> = {
  'on track': 'on_track',
  'needs attention': 'needs_attention',
  'at risk': 'at_risk',
};

/** `On track`, `on_track`, `needs-attention`, `~"health::at risk"`, `**At risk**` → the status; anything else null. */
export function parseHealth(text: string): HealthStatus | null {
  const value = plain(text)
    .replace(/^~?"?(?:[^"]*::)?/, '')
    .replace(/"$/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/(?<![.!])[.!]+$/, '')
    .trim();
  return HEALTH_WORDS[value] ?? null;
}

const NO_CONCERN = /^(none|n\/a|na|no|-|—|nothing)\.?$/i;

/** `~frontend`, `~"label with spaces"`, `frontend` → the label name; `none`, `-` or prose → null. */
export function parseConcern(value: string): string | null {
  const text = plain(value);
  if (text === '' || NO_CONCERN.test(text)) return null;
  const quoted = /^~"([^"\n]+)"/.exec(text);
  if (quoted) return (quoted[1] as string).trim();
  const bare = /^~([^\s~"]+)/.exec(text);
  if (bare) return bare[1] as string;
  return /^[\w-]+$/.test(text) ? text : null;
}

const REF = String.raw`(?:[\w.-]+(?:\/[\w.-]+)*)?[!#]\d+`;
const CHANGE_LINE = new RegExp(String.raw`^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)?(${REF})(?:\*\*|__)?\s*(?:[-\u2013\u2014:|]\s*)?(.*)$`);

const SEGMENT_CHAR = /[\w.-]/;

// Runs scanned by the engine from a position (sticky), not character by character in script: same ends, a fraction
// of the time on 64 KB lines. Each is one class repeated (CLEAN_RUN's two alternatives cannot both match), so linear.
/** Path characters, and `/` not followed by another `/`. */
const CLEAN_RUN = /(?:[\w.-]|\/(?!\/))*/y;
/** A URL up to `)` or whitespace. */
const URL_RUN = /[^)\s]*/y;
/** A word: up to whitespace. */
const WORD_RUN = /\S*/y;

/** Where the run `sticky` matches from `from` ends. */
function runEnd(sticky: RegExp, text: string, from: number): number {
  sticky.lastIndex = from;
  sticky.exec(text);
  return sticky.lastIndex === 0 && from > 0 ? from : sticky.lastIndex;
}
const MR_MARKER = '/-/merge_requests/';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Every index where `/-/merge_requests/<digit>` starts in `text`. */
function mergeRequestMarkers(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(MR_MARKER); at >= 0; at = text.indexOf(MR_MARKER, at + 1)) {
    if (isDigit(text[at + MR_MARKER.length])) out.push(at);
  }
  return out;
}

/**
 * `group/sub/project!12` from a GitLab merge request URL: what
 * `^https?://[^/\s]+(?:/[^\s]*?)?/([\w.-]+(?:/[\w.-]+)*)/-/merge_requests/(\d+)` found, in one scan (that pattern
 * backtracked quadratically on long URLs). The optional part is tried first, so the path starts after the host's first
 * path segment when it can (a relative URL root such as `/gitlab`), right after the host otherwise; it is a run of
 * `[\w.-]` segments up to its last `/-/merge_requests/N`.
 */
function gitlabChangeOfUrl(url: string): string | null {
  const host = /^https?:\/\/[^/\s]+/.exec(url);
  if (!host) return null;
  const rest = url.slice(host[0].length);
  if (!rest.startsWith('/') || /\s/.test(rest)) return null;
  const markers = mergeRequestMarkers(rest);
  if (markers.length === 0) return null;
  let m = 0;
  // `clean`: where the run of path characters (no `//`) that holds `start` ends.
  let clean = -1;
  const cleanEnd = (from: number) => runEnd(CLEAN_RUN, rest, from);
  const pathFrom = (start: number, end: number, first: number): string | null => {
    if (first === markers.length || markers[first]! >= end) return null;
    let last = first;
    while (last + 1 < markers.length && markers[last + 1]! < end) last++;
    const at = markers[last]!;
    return `${rest.slice(start, at)}!${/^\d+/.exec(rest.slice(at + MR_MARKER.length))![0]}`;
  };
  for (let start = 2; start < rest.length && m < markers.length; start++) {
    if (rest[start - 1] !== '/' || !SEGMENT_CHAR.test(rest[start]!)) continue;
    if (clean < start) clean = cleanEnd(start);
    while (m < markers.length && markers[m]! <= start) m++;
    const found = pathFrom(start, clean, m);
    if (found) return found;
  }
  // Without the optional part: the path starts right after the host.
  if (!SEGMENT_CHAR.test(rest[1] ?? '')) return null;
  return pathFrom(1, cleanEnd(1), markers.findIndex((k) => k > 1) === -1 ? markers.length : markers.findIndex((k) => k > 1));
}

/** Links to a merge request or pull request, written as the reference GitLab/GitHub would show. */
function referencesForLinks(line: string): string {
  const fromUrl = (url: string): string | null => {
    const gl = gitlabChangeOfUrl(url);
    if (gl) return gl;
    const gh = /^https?:\/\/[^/\s]+\/([\w.-]+\/[\w.-]+)\/pull\/(\d+)/.exec(url);
    return gh ? `${gh[1]}#${gh[2]}` : null;
  };
  return bareChangeLinks(markdownLinks(line, fromUrl), fromUrl);
}

const REF_ONLY = new RegExp(`^${REF}$`);

/**
 * `[text](https://…)` links replaced by the reference (the text when it is one, else the URL's), by one scan instead of
 * `/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g`, which rescanned to the line's end from every `[`.
 */
function markdownLinks(line: string, fromUrl: (url: string) => string | null): string {
  let out = '';
  let done = 0;
  let close = -1; // the first `]` after the current `[`
  let urlEnd = -1; // the first `)` or whitespace after the current URL start
  for (let open = line.indexOf('['); open >= 0; open = line.indexOf('[', open + 1)) {
    if (open < done) continue;
    if (close <= open) {
      close = line.indexOf(']', open + 1);
      if (close < 0) break;
    }
    if (close === open + 1) continue;
    const scheme = /^\]\(https?:\/\//.exec(line.slice(close, close + 10));
    if (!scheme) continue;
    const urlStart = close + 2;
    const from = close + scheme[0].length;
    if (urlEnd < from) urlEnd = runEnd(URL_RUN, line, from);
    if (urlEnd === from || line[urlEnd] !== ')') continue;
    const text = line.slice(open + 1, close);
    const url = line.slice(urlStart, urlEnd);
    out += line.slice(done, open) + (REF_ONLY.test(text.trim()) ? text.trim() : (fromUrl(url) ?? line.slice(open, urlEnd + 1)));
    done = urlEnd + 1;
  }
  return done === 0 ? line : out + line.slice(done);
}

const CHANGE_URL = /\/(?:-\/merge_requests|pull)\/\d+/g;

/**
 * Bare merge request / pull request URLs replaced by their reference: what
 * `https?:\/\/\S+?\/(?:-\/merge_requests|pull)\/\d+[^\s)]*` (global) replaced, in one scan (that pattern rescanned the rest of
 * the word from every `http`).
 */
function bareChangeLinks(line: string, fromUrl: (url: string) => string | null): string {
  let out = '';
  let done = 0;
  let wordEnd = -1; // the first whitespace (or the end) after the current URL start
  let marker: RegExpExecArray | null | undefined; // the first marker after the current URL start, once looked for
  const starts = /https?:\/\//g;
  for (let start = starts.exec(line); start !== null; start = starts.exec(line)) {
    if (wordEnd <= start.index) wordEnd = runEnd(WORD_RUN, line, start.index);
    // The URL's path needs one character before the `/-/merge_requests/N` or `/pull/N`.
    const from = start.index + start[0].length + 1;
    if (marker === undefined || (marker !== null && marker.index < from)) {
      CHANGE_URL.lastIndex = from;
      marker = CHANGE_URL.exec(line);
    }
    if (marker === null) break;
    if (marker.index >= wordEnd) {
      // No marker in this word: the word's later `http`s have none either.
      starts.lastIndex = wordEnd;
      continue;
    }
    const stop = runEnd(URL_RUN, line, marker.index + marker[0].length);
    const url = line.slice(start.index, stop);
    out += line.slice(done, start.index) + (fromUrl(url) ?? url);
    done = stop;
    starts.lastIndex = stop;
  }
  return done === 0 ? line : out + line.slice(done);
}

/** A merge request's line, or null when the line is not one (it must give a percentage). */
export function parseChangeLine(line: string): ChangeStatus | null {
  // Neither a reference nor a link to make one from: not a merge request's line (the common case, checked cheaply).
  if (!/[!#]\d/.test(line) && !line.includes('http')) return null;
  const m = CHANGE_LINE.exec(referencesForLinks(line));
  if (!m) return null;
  const rest = m[2] as string;
  const pair = percentPair(rest);
  if (pair.complete === undefined && pair.confidence === undefined) return null;
  const text = rest
    .replace(/(\d{1,3}|\?)\s*%\s*(?:complete|done|confiden(?:t|ce))\b/gi, '')
    .replace(/^[\s,;:|–—-]+/, '')
    .trim();
  // The lookbehind starts a separator at the beginning of a whitespace run only: the same splits, in linear time.
  const parts = text === '' ? [] : text.split(/(?<!\s)\s+[-–—|]\s+/);
  const [title, ...note] = parts.length > 1 ? parts : ['', ...parts];
  return {
    reference: m[1] as string,
    title: (title ?? '').trim(),
    complete: pair.complete ?? null,
    confidence: pair.confidence ?? null,
    note: note.join(' - ').trim(),
  };
}

type Field = 'complete' | 'confidence' | 'notes' | 'concern' | 'health' | 'issue status' | 'heading';

function fieldOf(key: string): Field | null {
  if (/^(complete|completion|completed|progress|percent complete)$/.test(key)) return 'complete';
  if (/^(confidence|confidence level|confident)$/.test(key)) return 'confidence';
  if (/^(notes?)$/.test(key)) return 'notes';
  if (/^(concerns?)$/.test(key)) return 'concern';
  if (/^(health|health status|status)$/.test(key)) return 'health';
  if (key === 'issue status') return 'issue status';
  if (/^(mr|pr|merge request|pull request)s? status(es)?$/.test(key)) return 'heading';
  return null;
}

const CHECKBOX = /^\s*(?:[-*+]|\d{1,2}[.)])\s+\[([ xX])\]\s*(?:(?:\*\*|__)\s*)?(not|slightly|very)\s+confident/i;

/** `/health_status on_track` (the line trimmed) → `on_track`; what `^\/health_status\s+(.+?)\s*$` read, without its backtracking. */
function healthAction(trimmed: string): string | null {
  const m = /^\/health_status\s+/.exec(trimmed);
  if (!m) return null;
  const value = trimmed.slice(m[0].length);
  return value === '' || /[\n\r\u2028\u2029]/.test(value) ? null : value;
}

const DATA_START = /<!--\s*refinery:status-data\s+/g;

/** Our hidden `<!-- refinery:status-data complete=80 … -->` line: the first one that closes (`-->` at its first `>`). */
function dataLine(body: string): Partial<Record<'complete' | 'confidence' | 'health', string>> {
  DATA_START.lastIndex = 0;
  let gt = -1;
  for (let m = DATA_START.exec(body); m !== null; m = DATA_START.exec(body)) {
    const from = m.index + m[0].length;
    if (gt < from) gt = body.indexOf('>', from);
    if (gt < 0) break;
    if (gt - 2 < from || body.slice(gt - 2, gt) !== '--') continue;
    const data = body.slice(from, gt - 2);
    return Object.fromEntries([...data.matchAll(/(complete|confidence|health)=([\w]+)/g)].map((a) => [a[1], a[2]]));
  }
  return {};
}

/** One comment as a status update, or null when it is not one. */
export function parseUpdate(noteBody: string, meta: NoteMeta): ParsedStatusUpdate | null {
  if (markerId(noteBody, 'epic-update') !== null) return null;
  const u: StatusUpdate = { complete: null, confidence: null, notes: '', concern: null, health: null, changes: [] };
  const seen = new Set<string>();
  const set = <K extends 'complete' | 'confidence' | 'health' | 'concern'>(key: K, value: StatusUpdate[K] | undefined) => {
    if (value === undefined || seen.has(key)) return;
    seen.add(key);
    u[key] = value;
  };
  const checked: number[] = [];
  let notes: string[] | null = null;
  let notesDone = false;

  for (const line of visibleLines(noteBody)) {
    // A blank line is never a recognised one (and a comment may hold 60,000 of them).
    if (line.trim() === '') {
      if (notes !== null && !notesDone) notes.push(line);
      continue;
    }
    const health = healthAction(line.trim());
    const change = health ? null : parseChangeLine(line);
    const kv = health || change ? null : keyValue(line);
    const field = kv ? fieldOf(kv.key) : null;
    const box = CHECKBOX.exec(line);
    const pair = !health && !change && !field ? percentPair(line) : {};
    const recognised = health || change || field || box || pair.complete !== undefined;
    if (!recognised) {
      if (notes !== null && !notesDone) notes.push(line);
      continue;
    }
    if (notes !== null) notesDone = true;
    if (health) set('health', parseHealth(health) ?? undefined);
    else if (change) u.changes.push(change);
    else if (box) {
      if (box[1] !== ' ') checked.push(CHECKBOX_CONFIDENCE[(box[2] as string).toLowerCase() as keyof typeof CHECKBOX_CONFIDENCE]);
    } else if (kv && field) {
      const value = kv.value;
      if (field === 'complete') set('complete', percentValue(value) ?? undefined);
      else if (field === 'confidence') set('confidence', percentValue(value) ?? undefined);
      else if (field === 'concern') set('concern', parseConcern(value));
      else if (field === 'health') set('health', parseHealth(value) ?? undefined);
      else if (field === 'notes' && notes === null) notes = [value];
      else if (field === 'issue status') {
        const p = percentPair(value);
        set('complete', p.complete);
        set('confidence', p.confidence);
        set('health', parseHealth(value) ?? undefined);
      }
    } else if (pair.complete !== undefined && (pair.confidence !== undefined || /^\W*\d{1,3}\s*%\s*complete/i.test(line))) {
      set('complete', pair.complete);
      set('confidence', pair.confidence);
    }
  }

  // A single ticked box gives the confidence; several ticked boxes say nothing clear.
  if (checked.length === 1) set('confidence', checked[0]);
  if (notes !== null) u.notes = notes.join('\n').replace(/^([ \t]*)\\\//gm, '$1/').trim();
  const data = dataLine(noteBody);
  if (u.complete === null && data.complete !== undefined) u.complete = percentValue(data.complete);
  if (u.confidence === null && data.confidence !== undefined) u.confidence = percentValue(data.confidence);
  if (u.health === null && data.health !== undefined) u.health = parseHealth(data.health);

  const updateId = markerId(noteBody, 'status-update');
  const hasStatus = u.complete !== null || u.confidence !== null || u.health !== null || u.changes.length > 0;
  if (!hasStatus && updateId === null) return null;
  return { ...u, ...meta, updateId };
}

/** One point of the history chart. */
export interface HistoryPoint extends NoteMeta {
  noteId: number;
  complete: number | null;
  confidence: number | null;
  health: HealthStatus | null;
  /** Where the health came from: the update itself, or GitLab's "changed health status" note at that time. */
  healthFrom: 'update' | 'system-note' | null;
  updateId: string | null;
}

/** GitLab's system notes: `changed health status to **at risk**`, `removed the health status`. */
function healthChange(note: Note): { health: HealthStatus | null } | null {
  if (!note.system) return null;
  const set = /^changed health status to \*\*(.+?)\*\*/.exec(note.body);
  if (set) return { health: parseHealth(set[1] as string) };
  return /^removed (?:the )?health status/.test(note.body) ? { health: null } : null;
}

/** The quick action's system note follows its comment within moments; allow for that. */
const SYSTEM_NOTE_GRACE_MS = 60_000;

function chronological(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}

/** Every status update in the notes, oldest first, one point per update id. */
export function historyFromNotes(notes: readonly Note[]): HistoryPoint[] {
  const sorted = chronological(notes);
  const changes = sorted
    .map((n) => ({ at: Date.parse(n.createdAt), change: healthChange(n) }))
    .filter((c): c is { at: number; change: { health: HealthStatus | null } } => c.change !== null);
  const seen = new Set<string>();
  const points: HistoryPoint[] = [];
  for (const note of sorted) {
    if (note.system) continue;
    const u = parseUpdate(note.body, { createdAt: note.createdAt, author: note.author.username });
    if (!u) continue;
    if (u.updateId !== null) {
      if (seen.has(u.updateId)) continue;
      seen.add(u.updateId);
    }
    let health = u.health;
    let healthFrom: HistoryPoint['healthFrom'] = health === null ? null : 'update';
    if (health === null) {
      const until = Date.parse(note.createdAt) + SYSTEM_NOTE_GRACE_MS;
      const last = changes.filter((c) => c.at <= until).at(-1);
      if (last && last.change.health !== null) {
        health = last.change.health;
        healthFrom = 'system-note';
      }
    }
    points.push({
      noteId: note.id,
      createdAt: note.createdAt,
      author: u.author,
      complete: u.complete,
      confidence: u.confidence,
      health,
      healthFrom,
      updateId: u.updateId,
    });
  }
  return points;
}

/** The user's most recent status update on this issue (for prefilling the form), or null. */
export function lastUpdateFor(notes: readonly Note[], username: string): (ParsedStatusUpdate & { noteId: number }) | null {
  const wanted = username.trim().replace(/^@/, '').toLowerCase();
  const mine = chronological(notes).filter((n) => !n.system && n.author.username.toLowerCase() === wanted);
  for (const note of mine.reverse()) {
    const u = parseUpdate(note.body, { createdAt: note.createdAt, author: note.author.username });
    if (u) return { ...u, noteId: note.id };
  }
  return null;
}
