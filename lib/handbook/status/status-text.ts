// Reading Markdown comments line by line, the way people write status updates: `Key: value`, `**Key**: value`,
// `**Key:** value`, bullets, emphasis. Shared by the status and epic update parsers. Pure.

/**
 * The lines a reader sees as the author's own words: without HTML comments, fenced code blocks and quoted replies
 * (a reply quoting someone's update is not an update).
 */
export function visibleLines(body: string): string[] {
  const text = withoutClosedComments(body.replace(/\r\n?/g, '\n'));
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

/** `text` without its closed HTML comments (`<!-- … -->`); an unclosed one stays. Linear: one scan, no backtracking. */
export function withoutClosedComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    // `<!-->` does not close itself: the closing `-->` starts after the opening `<!--`.
    const close = text.indexOf('-->', open + 4);
    // No comment opened later can close either.
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 3;
  }
  return from === 0 ? text : out + text.slice(from);
}

const WS = /\s/;
/** JavaScript's `.`: anything but a line terminator. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const isKeyStart = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
/** The characters a key is made of after its first letter. */
const isKeyChar = (c: string | undefined) => c !== undefined && /[A-Za-z %/'\u2019-]/.test(c);
/** Keys are at most 41 characters after an optional `%`. */
const KEY_LENGTH = 41;

function skipSpace(line: string, at: number): number {
  while (at < line.length && WS.test(line[at]!)) at++;
  return at;
}

/** `**` or `__` at `at`: where it ends; else `at`. */
function skipEmphasis(line: string, at: number): number {
  const two = line.slice(at, at + 2);
  return two === '**' || two === '__' ? at + 2 : at;
}

/**
 * `**% Complete**: 50%` → { key: 'complete', value: '50%' }; keys lower-cased, without `%` and extra spaces.
 *
 * A hand-written scan of `^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)?\s*(%?\s*[A-Za-z][A-Za-z %/'’-]{0,40}?)\s*
 * (?:\*\*|__)?\s*:(?!\/\/)\s*(?:\*\*|__)?\s*(.*?)\s*$`, the pattern it replaces: that one backtracked cubically on runs
 * of whitespace (8,000 spaces took over two minutes). Every optional part here can be decided by the next character, so
 * the scan reads each character once.
 */
export function keyValue(line: string): { key: string; value: string } | null {
  if (!line.includes(':')) return null;
  let at = skipSpace(line, 0);
  // A bullet: `-`, `*`, `+` or `1.`/`12)` followed by whitespace (no key starts with those characters).
  const bullet = /^(?:[-*+]|\d{1,2}[.)])\s/.exec(line.slice(at, at + 4));
  if (bullet) at = skipSpace(line, at + bullet[0].length);
  at = skipSpace(line, skipEmphasis(line, at));
  const keyStart = at;
  if (line[at] === '%') at = skipSpace(line, at + 1);
  if (!isKeyStart(line[at])) return null;
  const first = at;
  // The key runs over key characters; the spaces that end the run belong to the separator.
  let end = first + 1;
  let lastWord = end;
  while (isKeyChar(line[end])) {
    end++;
    if (line[end - 1] !== ' ') lastWord = end;
  }
  if (lastWord - first > KEY_LENGTH) return null;
  // Separator: whitespace, emphasis, whitespace, a colon that does not start a URL's `//`.
  at = skipSpace(line, skipEmphasis(line, skipSpace(line, end)));
  if (line[at] !== ':' || line.startsWith('//', at + 1)) return null;
  at = skipSpace(line, skipEmphasis(line, skipSpace(line, at + 1)));
  const value = line.slice(at).trimEnd();
  if (LINE_BREAK.test(value)) return null;
  const key = line
    .slice(keyStart, lastWord)
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/%/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return key === '' ? null : { key, value };
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
  if (!text.includes('%')) return out;
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
