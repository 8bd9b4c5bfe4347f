// The weekly epic update (Package stage handbook, "Epic weekly updates"): status ok / so-so / bad, how much is done
// and remaining with an ETA, confidence, what is next, and who needs to help. Written as:
//
//   **Status**: so-so — tree pagination is in review, blame streaming still needs a breakdown.
//
//   - Done: 3 of 8 issues. Remaining: 5, ETA end of 18.11.
//   - Confidence: 70%
//   - Since the last update:
//     - group/project#12 Paginate the tree API: 40% → 70% complete
//   - Next: finish !11, break down the blame streaming issue.
//   - Help needed: @dave to confirm the feature-flag rollout plan.
//
// followed by the hidden id marker. Lines with nothing to say are left out. Pure.
import type { Note } from '@/lib/forge/model';
import { mentionLine } from '../comments';
import { escapeQuickActions, type FieldError } from './status-format';
import { epicUpdateSchema, type EpicStatus, type EpicUpdate, type EpicUpdateInput } from './status-schemas';
import { markerId, updateMarker } from './status-marker';
import { keyValue, percentValue, plain, visibleLines } from './status-text';

export {
  EPIC_STATUSES,
  epicUpdateSchema,
  type EpicStatus,
  type EpicUpdate,
  type EpicUpdateInput,
} from './status-schemas';

export type EpicValidation = { ok: true; update: EpicUpdate } | { ok: false; errors: FieldError[]; message: string };

export function validateEpicUpdate(input: unknown): EpicValidation {
  const result = epicUpdateSchema.safeParse(input);
  if (result.success) return { ok: true, update: result.data };
  const errors = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { ok: false, errors, message: errors.map((e) => e.message).join('\n') };
}

/** `@dave`, `@dave.smith` (a final `.` ends the sentence, not the name). */
const MENTION = /@([A-Za-z0-9_](?:[\w.-]*[A-Za-z0-9_])?)/g;

// The lookbehind starts a match at the beginning of a whitespace run only: the same result, in linear time.
const oneLine = (text: string) => text.replace(/(?<!\s)\s*\n\s*/g, ' ').trim();
const noFinalDot = (text: string) => oneLine(text).replace(/(?<!\.)\.+$/, '');

/** A list item's text; further lines are indented so they stay in the item. */
function item(label: string, text: string): string {
  const [first, ...rest] = escapeQuickActions(text.trim()).split('\n');
  return [`- ${label}: ${first}`, ...rest.map((l) => (l.trim() === '' ? '' : `  ${l}`))].join('\n');
}

function progressLine(u: Pick<EpicUpdate, 'done' | 'remaining' | 'eta'>): string | null {
  const done = noFinalDot(u.done);
  const remaining = noFinalDot(u.remaining);
  const eta = noFinalDot(u.eta);
  const parts = [done && `Done: ${done}`, remaining && `Remaining: ${remaining}${eta ? `, ETA ${eta}` : ''}`].filter(Boolean);
  if (eta && !remaining) parts.push(`ETA ${eta}`);
  return parts.length ? `- ${parts.join('. ')}.` : null;
}

/** `- Since the last update:` with the children's lines below it, each kept a list item of its own. */
function changesItem(text: string): string | null {
  const lines = escapeQuickActions(text.trim())
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (!lines.length) return null;
  return ['- Since the last update:', ...lines.map((l) => `  ${/^[-*+]\s/.test(l) ? l : `- ${l}`}`)].join('\n');
}

/** The comment body; throws with readable messages when validateEpicUpdate refuses the input. */
export function formatEpicUpdate(input: EpicUpdateInput, opts: { updateId: string }): string {
  const checked = validateEpicUpdate(input);
  if (!checked.ok) throw new Error(checked.message);
  const u = checked.update;
  const summary = oneLine(u.summary);
  const help = u.help.trim();
  const alreadyMentioned = new Set([...help.matchAll(MENTION)].map((m) => (m[1] as string).toLowerCase()));
  const mentions = mentionLine(u.mentions.filter((m) => !alreadyMentioned.has(m.replace(/^@/, '').toLowerCase())));
  const helpText = [mentions, help].filter(Boolean).join(' ');
  const items = [
    progressLine(u),
    u.confidence === null ? null : `- Confidence: ${u.confidence}%`,
    changesItem(u.changes),
    u.next.trim() ? item('Next', u.next) : null,
    helpText ? item('Help needed', helpText) : null,
  ].filter((l): l is string => l !== null);
  return [
    `**Status**: ${u.status}${summary ? ` — ${summary}` : ''}`,
    ...(items.length ? ['', ...items] : []),
    '',
    updateMarker('epic-update', opts.updateId),
  ].join('\n');
}

const STATUS_WORDS: [EpicStatus, RegExp][] = [
  ['so-so', /^(so-so|so so|soso|meh|yellow|amber|needs attention|🟡|:yellow_circle:|:warning:|⚠️?)/i],
  ['bad', /^(bad|red|at risk|blocked|🔴|:red_circle:|:x:|❌)/i],
  ['ok', /^(okay|ok|good|green|on track|🟢|:green_circle:|:white_check_mark:|✅)/i],
];

/** `so-so — tree pagination is in review` → { status: 'so-so', summary: 'tree pagination is in review' }. */
export function parseEpicStatus(value: string): { status: EpicStatus; summary: string } | null {
  const text = plain(value);
  // Emoji first, then the word (`:yellow_circle: so-so`): the word wins when there is one.
  const lead = /^(🟢|🟡|🔴|✅|❌|⚠️?|:[a-z_]+:)\s*/u.exec(text);
  for (const candidate of lead ? [text.slice(lead[0].length), text] : [text]) {
    for (const [status, re] of STATUS_WORDS) {
      const m = re.exec(candidate);
      if (!m) continue;
      const rest = candidate.slice(m[0].length);
      if (/\w$/.test(m[0]) && /^\w/.test(rest)) continue; // "badge" is not "bad"
      // "blocked on review" says more than "bad": keep it as the summary.
      const said = /^blocked$/i.test(m[0]) ? candidate : rest;
      return { status, summary: plain(said.replace(/^(\*\*|__)/, '')).replace(/^[\s—–\-:,.;]+/, '').trim() };
    }
  }
  return null;
}

/** `Done: 3 of 8 issues. Remaining: 5, ETA end of 18.11.` → its three parts (any of them may be missing). */
export function parseProgress(text: string): { done?: string; remaining?: string; eta?: string } {
  // One line: then `.` matches every character and each pattern below succeeds at its first keyword, in linear time
  // (across line breaks they would retry from every later keyword).
  text = text.replace(/[\n\r\u2028\u2029]/g, ' ');
  const clean = (s: string | undefined) => (s === undefined ? undefined : plain(s).replace(/(?<![.;,])[.;,]+$/, '').trim());
  const done = /\bDone\s*:\s*(.*?)(?=(?:[.;,]\s*)?\b(?:Remaining\s*:|ETA\b)|$)/i.exec(text)?.[1];
  const remaining = /\bRemaining\s*:\s*(.*?)(?=(?:[.;,]\s*)?\bETA\b|$)/i.exec(text)?.[1];
  const eta = /\bETA\b\s*:?\s*(.*)$/i.exec(text)?.[1];
  const out: { done?: string; remaining?: string; eta?: string } = {};
  if (done !== undefined) out.done = clean(done);
  if (remaining !== undefined) out.remaining = clean(remaining);
  if (eta !== undefined) out.eta = clean(eta);
  return out;
}

export interface ParsedEpicUpdate extends EpicUpdate {
  createdAt: string;
  author: string;
  updateId: string | null;
}

type EpicField = 'status' | 'progress' | 'confidence' | 'changes' | 'next' | 'help';

function epicField(key: string): EpicField | null {
  if (key === 'status' || key === 'overall status') return 'status';
  if (/^(done|remaining|eta|progress)$/.test(key)) return 'progress';
  if (/^(confidence|confidence level)$/.test(key)) return 'confidence';
  if (/^(since the last update|since last update|changes|children)$/.test(key)) return 'changes';
  if (/^(next|what's next|whats next|next steps)$/.test(key)) return 'next';
  if (/^(help|help needed|help\/support|needs help|support needed)$/.test(key)) return 'help';
  return null;
}

/** One comment as an epic update, or null when it has no recognisable status (and is not ours). */
export function parseEpicUpdate(body: string, meta: { createdAt: string; author: string }): ParsedEpicUpdate | null {
  let found: { status: EpicStatus; summary: string } | null = null;
  const u = { done: '', remaining: '', eta: '', confidence: null as number | null, changes: '', next: '', help: '' };
  let open: 'changes' | 'next' | 'help' | null = null;
  for (const line of visibleLines(body)) {
    const kv = keyValue(line);
    const field = kv ? epicField(kv.key) : null;
    if (!kv || !field) {
      // An indented line continues the previous item.
      if (open && /^\s{2,}\S/.test(line)) u[open] += `\n${line.trim().replace(/^\\\//, '/')}`;
      else open = null;
      continue;
    }
    open = null;
    if (field === 'status' && !found) found = parseEpicStatus(kv.value);
    else if (field === 'progress') {
      const p = parseProgress(line.replace(/^\s*[-*+]\s+/, ''));
      u.done ||= p.done ?? '';
      u.remaining ||= p.remaining ?? '';
      u.eta ||= p.eta ?? '';
    } else if (field === 'confidence' && u.confidence === null) u.confidence = percentValue(kv.value);
    else if ((field === 'changes' || field === 'next' || field === 'help') && !u[field]) {
      u[field] = kv.value.replace(/^\\\//, '/');
      open = field;
    }
  }
  const updateId = markerId(body, 'epic-update');
  if (!found) return null;
  u.changes = u.changes.trim();
  const mentions = [...new Set([...u.help.matchAll(MENTION)].map((m) => m[1] as string))];
  return { ...found, ...u, mentions, ...meta, updateId };
}

export interface EpicHistoryPoint {
  noteId: number;
  createdAt: string;
  author: string;
  status: EpicStatus;
  confidence: number | null;
  updateId: string | null;
}

/** Every epic update in the notes, oldest first, one per update id. */
export function epicHistoryFromNotes(notes: readonly Note[]): EpicHistoryPoint[] {
  const seen = new Set<string>();
  const out: EpicHistoryPoint[] = [];
  const sorted = [...notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  for (const note of sorted) {
    if (note.system) continue;
    const u = parseEpicUpdate(note.body, { createdAt: note.createdAt, author: note.author.username });
    if (!u) continue;
    if (u.updateId !== null) {
      if (seen.has(u.updateId)) continue;
      seen.add(u.updateId);
    }
    out.push({ noteId: note.id, createdAt: note.createdAt, author: u.author, status: u.status, confidence: u.confidence, updateId: u.updateId });
  }
  return out;
}
