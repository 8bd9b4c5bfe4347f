// Just enough Markdown reading to find the named parts of an issue description or comment ("### Steps to reproduce",
// "**2. Dependencies**", "Requirements: …"). Pure; no Markdown library: the forges' own renderers differ anyway.

/** Text without HTML comments (templates' `<!-- describe … -->` hints are not content). An unclosed one runs to the end. */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

export function splitText(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/;
/** `**Steps to reproduce**`, `**Expected:** text`, `- __Proposal__`. */
const BOLD_START = /^\s*(?:[-*+]\s+)?(\*\*|__)(.+?)\1\s*:?\s*(.*)$/;
/** `Requirements:` or `Requirements: text` (a colon followed by a space or nothing, so URLs do not count). */
const COLON_START = /^\s*(?:[-*+]\s+)?([^:]{1,60}):(?:\s+(.*))?$/;

/** A line that names a part of the text (heading, bold title, "Name:"), and what follows the name on that line. */
export function lineTitle(line: string): { title: string; rest: string } | null {
  const h = HEADING.exec(line);
  if (h) return { title: h[1]!, rest: '' };
  const b = BOLD_START.exec(line);
  if (b) return { title: b[2]!, rest: b[3]! };
  const c = COLON_START.exec(line);
  return c ? { title: c[1]!, rest: c[2] ?? '' } : null;
}

/** A heading or a bold title line (not "Name:" lines), for names that must be set apart. */
export function headingTitle(line: string): string | null {
  const h = HEADING.exec(line);
  if (h) return h[1]!;
  const b = BOLD_START.exec(line);
  return b ? b[2]! : null;
}

/** Emoji codes, numbering and emphasis around a title: ":bug: 1. **Steps to reproduce:**" → "Steps to reproduce". */
export function cleanTitle(title: string): string {
  return title
    .replace(/[*_`]/g, '')
    .replace(/^(?:\s*:[a-z0-9_+-]+:|[^\p{L}])+/iu, '')
    .replace(/\s*:$/, '')
    .trim();
}

/** Where a named part ends: the next heading or bold title line standing alone. */
export function endsPart(line: string): boolean {
  return HEADING.test(line) || BOLD_START.exec(line)?.[3] === '';
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
  const lines = splitText(stripComments(text));
  const out: Part[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lineTitle(lines[i]!);
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
