// Reading Markdown comments line by line, the way people write status updates: `Key: value`, `**Key**: value`,
// `**Key:** value`, bullets, emphasis. Shared by the status and epic update parsers. Pure.

/**
 * The lines a reader sees as the author's own words: without HTML comments, fenced code blocks and quoted replies
 * (a reply quoting someone's update is not an update).
 */
export function visibleLines(body: string): string[] {
  const text = body.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (open !== undefined && open[0] === fence[0] && open.length >= fence.length) fence = null;
      continue;
    }
    if (open !== undefined) {
      fence = open;
      continue;
    }
    if (/^ {0,3}>/.test(line)) continue;
    out.push(line);
  }
  return out;
}

const EMPH = String.raw`(?:\*\*|__)?`;
const BULLET = String.raw`(?:[-*+]\s+|\d{1,2}[.)]\s+)?`;
const KEY_VALUE = new RegExp(
  String.raw`^\s*${BULLET}${EMPH}\s*(%?\s*[A-Za-z][A-Za-z %/'\u2019-]{0,40}?)\s*${EMPH}\s*:(?!\/\/)\s*${EMPH}\s*(.*?)\s*$`,
);

/** `**% Complete**: 50%` → { key: 'complete', value: '50%' }; keys lower-cased, without `%` and extra spaces. */
export function keyValue(line: string): { key: string; value: string } | null {
  const m = KEY_VALUE.exec(line);
  if (!m) return null;
  const key = (m[1] as string).toLowerCase().replace(/’/g, "'").replace(/%/g, ' ').replace(/\s+/g, ' ').trim();
  return key === '' ? null : { key, value: m[2] as string };
}

/**
 * A percentage written as a value: `80%`, `90 %`, `50`, `80% - almost there`; `?` (unknown) and anything outside
 * 0–100 give null.
 */
export function percentValue(value: string): number | null {
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%/.exec(value) ?? /^(\d{1,3}(?:\.\d+)?)\s*[.!]?$/.exec(value);
  if (!m) return null;
  const n = Math.round(Number(m[1]));
  return n >= 0 && n <= 100 ? n : null;
}

/** `80% complete` and `75% confident` (or `75% confidence`) anywhere in a line; `?%` counts as written but unknown. */
export function percentPair(text: string): { complete?: number | null; confidence?: number | null } {
  const out: { complete?: number | null; confidence?: number | null } = {};
  const complete = /(\d{1,3}|\?)\s*%\s*(?:complete|done)\b/i.exec(text);
  const confident = /(\d{1,3}|\?)\s*%\s*confiden(?:t|ce)\b/i.exec(text);
  if (complete) out.complete = percentValue(`${complete[1]}%`);
  if (confident) out.confidence = percentValue(`${confident[1]}%`);
  return out;
}

/** Removes Markdown emphasis around a value: `**so-so**` → `so-so`. */
export function plain(value: string): string {
  return value.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').trim();
}
