// Just enough Markdown reading to find the named parts of an issue description or comment ("### Steps to reproduce",
// "**2. Dependencies**", "Requirements: …"). Pure; no Markdown library: the forges' own renderers differ anyway.

/** Text without HTML comments (templates' `<!-- describe … -->` hints are not content). An unclosed one runs to the end. */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

export function splitText(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** `## Title ##`: the title without the closing `#`s (trimmed below, so that no lazy group rescans the line's end). */
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
const heading = (line: string): string | null => {
  const h = HEADING.exec(line);
  return h ? h[1]!.replace(/(?<![ \t#])[ \t#]+$/, '') : null;
};
const BOLD_OPEN = /^\s*(?:[-*+]\s+)?(\*\*|__)/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * `**Steps to reproduce**`, `**Expected:** text`, `- __Proposal__`: the title and the text after it. What
 * `^\s*(?:[-*+]\s+)?(\*\*|__)(.+?)\1\s*:?\s*(.*)$` matched, by one scan: the pattern retried every closing `**` and every
 * split of the whitespace after it when the line held a line separator (JavaScript's `.` matches none).
 */
function boldStart(line: string): { title: string; rest: string } | null {
  const open = BOLD_OPEN.exec(line);
  if (!open) return null;
  const delimiter = open[1]!;
  const from = open[0].length;
  const breakAt = line.slice(from).search(LINE_BREAK);
  const firstBreak = breakAt < 0 ? Infinity : from + breakAt;
  const lastBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => line.lastIndexOf(c)));
  for (let close = line.indexOf(delimiter, from + 1); close >= 0; close = line.indexOf(delimiter, close + 1)) {
    if (close > firstBreak) return null; // the title would span a line break
    let at = close + 2;
    while (at < line.length && /\s/.test(line[at]!)) at++;
    if (line[at] === ':') {
      at++;
      while (at < line.length && /\s/.test(line[at]!)) at++;
    }
    if (at > lastBreak) return { title: line.slice(from, close), rest: line.slice(at) };
  }
  return null;
}
/** `Requirements:` or `Requirements: text` (a colon followed by a space or nothing, so URLs do not count). */
const COLON_START = /^\s*(?:[-*+]\s+)?([^:]{1,60}):(?:\s+(.*))?$/;

/** A line that names a part of the text (heading, bold title, "Name:"), and what follows the name on that line. */
export function lineTitle(line: string): { title: string; rest: string } | null {
  const h = heading(line);
  if (h !== null) return { title: h, rest: '' };
  const b = boldStart(line);
  if (b) return b;
  // A title is at most 60 characters: leading whitespace beyond that cannot be part of one. Cutting it keeps the
  // pattern from trying every split of a long run of spaces against 60 title lengths.
  if (!line.includes(':')) return null; // no "Name:" without a colon (most lines: checked by the engine at once)
  const lead = line.length - line.trimStart().length;
  const c = COLON_START.exec(lead > 61 ? line.slice(lead - 61) : line);
  return c ? { title: c[1]!, rest: c[2] ?? '' } : null;
}

/** A heading or a bold title line (not "Name:" lines), for names that must be set apart. */
export function headingTitle(line: string): string | null {
  const h = heading(line);
  if (h !== null) return h;
  return boldStart(line)?.title ?? null;
}

/** Emoji codes, numbering and emphasis around a title: ":bug: 1. **Steps to reproduce:**" → "Steps to reproduce". */
export function cleanTitle(title: string): string {
  // Whitespace is no letter, so `(?:\s*:code:|[^\p{L}])+` strips the same as this pattern, which does not try every
  // split of a whitespace run (that was quadratic).
  const text = title.replace(/[*_`]/g, '').replace(/^(?::[a-z0-9_+-]+:|[^\p{L}])+/iu, '');
  // `\s*:$` then trim: the final colon, then whitespace.
  return (text.endsWith(':') ? text.slice(0, -1) : text).trim();
}

/** Where a named part ends: the next heading or bold title line standing alone. */
export function endsPart(line: string): boolean {
  return HEADING.test(line) || boldStart(line)?.rest === '';
}

export interface Part {
  /** The cleaned title. */
  title: string;
  /** Text after the title on its own line ("Requirements: this" → "this"). */
  rest: string;
  /** The lines under the title up to the next part. */
  lines: string[];
}

/** Every part whose cleaned title matches `name` (anchor it with `^`), in order; HTML comments removed first. */
export function findParts(text: string, name: RegExp): Part[] {
  return partsIn(splitText(stripComments(text)), name);
}

/** findParts over lines already split (comments removed), for callers that look for several names in one text. */
export function partsIn(lines: readonly string[], name: RegExp): Part[] {
  const out: Part[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.trim() === '') continue; // blank: never a title (and thousands of them are cheap)
    const t = lineTitle(line);
    if (!t) continue;
    const title = cleanTitle(t.title);
    if (!name.test(title)) continue;
    let j = i + 1;
    while (j < lines.length && !endsPart(lines[j]!)) j++;
    out.push({ title, rest: t.rest.trim(), lines: lines.slice(i + 1, j) });
  }
  return out;
}

/** A part has content when its title line or the lines under it hold something. */
export function partHasContent(part: Part): boolean {
  return part.rest !== '' || part.lines.some((l) => l.trim() !== '');
}
