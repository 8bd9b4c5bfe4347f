// The epic weekly update drafted from the roll-up (issue 18): the overall status from the weighted completion and the
// worst health, done / remaining by weight, the confidence weighted like the completion, and one line per child that
// changed since the last weekly update, children at risk first. The owner edits it; nothing here posts. Pure.
// A blocked child is a change ("new blocker") unless the last weekly update already named it on a line saying blocked.
import type { HealthStatus } from '@/lib/forge/model';
import type { EpicStatus } from '../status/status-schemas';
import { HEALTH_TEXT } from '../status/status-format';
import type { ParsedStatusUpdate } from '../status/status-parse';
import type { ChildRow, RollUp } from './rollup';
import { updateAsOf } from './updates';

export interface WeeklyDraft {
  status: EpicStatus;
  summary: string;
  done: string;
  remaining: string;
  eta: string;
  confidence: number | null;
  /** One line per changed child (`- …`), at risk first. */
  changes: string;
  next: string;
  help: string;
  mentions: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** bad: a child at risk; so-so: one needs attention or is blocked, or updates are stale or unreadable; ok otherwise. */
export function overallStatus(r: RollUp): EpicStatus {
  if (r.health.worst === 'at_risk') return 'bad';
  if (r.health.worst === 'needs_attention' || r.blocked.length > 0 || r.stale.length > 0 || r.unrecognised.length > 0) return 'so-so';
  return 'ok';
}

/** Σ weight × confidence / Σ weight over open weighted counted children whose latest update gives a confidence. */
export function weightedConfidence(r: RollUp): number | null {
  let sum = 0;
  let weights = 0;
  for (const row of r.rows) {
    if (!row.counted || row.child.state !== 'opened' || !row.weight || row.latest?.confidence == null) continue;
    sum += row.weight * row.latest.confidence;
    weights += row.weight;
  }
  return weights === 0 ? null : Math.round(sum / weights);
}

/** A forge title as text in our comment: on one line, and mentions that would notify nobody (`@` + zero-width space). */
export function safeTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().replace(/@/g, '@\u200b').slice(0, 200);
}

const HEALTH_ORDER: Record<HealthStatus | 'none', number> = { at_risk: 0, needs_attention: 1, on_track: 2, none: 3 };

function firstLine(text: string, max = 120): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const isPathChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_' || c === '.' || c === '/' || c === '-';

/**
 * Did `text` (the last weekly update) name `reference` on a line saying blocked? One pass over each line: a reference
 * is a whole run of path characters, `#` or `&`, digits (so #1 is not #12, and b/c#1 is not a/b/c#1). Linear in the
 * text whatever the reference: each run is compared at most once, and only when it is the reference's length.
 */
export function reportedBlocked(text: string, reference: string): boolean {
  const ref = reference.toLowerCase();
  if (ref.length < 3) return false;
  for (const line of text.toLowerCase().split('\n')) {
    if (!line.includes('block')) continue;
    let run = 0; // where the current run of path characters started
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '#' || c === '&') {
        let end = i + 1;
        while (end < line.length && line[end]! >= '0' && line[end]! <= '9') end++;
        // Digits end the reference unless a letter, digit, `_` or `/` goes on (a full stop or dash after it is prose).
        const next = line[end] ?? ' ';
        const goesOn = (next >= 'a' && next <= 'z') || next === '_' || next === '/';
        if (end > i + 1 && end - run === ref.length && !goesOn && line.startsWith(ref, run)) return true;
        run = i + 1;
      } else if (!isPathChar(c)) run = i + 1;
    }
  }
  return false;
}

const blockers = (row: ChildRow) => (row.blockedBy === null ? 'blocked' : `blocked by ${plural(row.blockedBy, 'open item')}`);

/**
 * What moved for one child since `since` (ms; null: no weekly update yet); null when nothing did. `lastText`: the last
 * weekly update's text, where a blocker already reported is found.
 */
export function childChange(row: ChildRow, since: number | null, lastText = ''): string | null {
  const after = (iso: string | null | undefined) => iso != null && (since === null || Date.parse(iso) > since);
  const closedNow = row.child.state === 'closed' && (since === null ? true : after(row.child.closedAt));
  const latest = row.latest;
  const fresh = latest !== null && after(latest.createdAt);
  const newBlocker = row.blocked && !reportedBlocked(lastText, row.child.reference);
  if (!closedNow && !fresh && !newBlocker) return null;
  const before: ParsedStatusUpdate | null = since === null ? null : updateAsOf(row.updates, since);
  const parts: string[] = [];
  if (closedNow) parts.push('closed');
  if (fresh && latest) {
    if (latest.complete !== null) {
      const was = before?.complete ?? null;
      parts.push(was !== null && was !== latest.complete ? `${was}% → ${latest.complete}% complete` : `${latest.complete}% complete`);
    }
    if (latest.confidence !== null) parts.push(`${latest.confidence}% confident`);
    if (latest.concern !== null && latest.concern !== (before?.concern ?? null)) parts.push(`new concern: ~"${latest.concern.replace(/"/g, '')}"`);
  }
  if (row.blocked) parts.push(newBlocker ? `new blocker: ${blockers(row)}` : `still ${blockers(row)}`);
  if (!closedNow && row.health !== null && (row.health !== 'on_track' || (before?.health != null && before.health !== row.health))) {
    const was = before?.health ?? null;
    parts.push(was !== null && was !== row.health ? `${HEALTH_TEXT[was].toLowerCase()} → ${HEALTH_TEXT[row.health].toLowerCase()}` : HEALTH_TEXT[row.health].toLowerCase());
  }
  const notes = fresh && latest ? firstLine(latest.notes) : '';
  const text = `${row.child.reference} ${safeTitle(row.child.title)}${parts.length ? `: ${parts.join(', ')}` : ''}${notes ? ` — ${safeTitle(notes)}` : ''}`;
  return `- ${text}`;
}

/** The changed children's lines, at risk first, then needs attention, then the rest (in the parent's order). */
export function changeLines(r: RollUp, since: number | null, lastText = ''): string[] {
  const order = (row: ChildRow) => HEALTH_ORDER[row.health ?? 'none'];
  return r.rows
    .map((row, k) => ({ row, k, line: childChange(row, since, lastText) }))
    .filter((x): x is { row: ChildRow; k: number; line: string } => x.line !== null)
    .sort((a, b) => order(a.row) - order(b.row) || a.k - b.k)
    .map((x) => x.line);
}

function summaryOf(r: RollUp): string {
  const parts: string[] = [];
  if (r.completion !== null) parts.push(`${r.completion}% done by weight`);
  if (r.health.atRisk) parts.push(`${plural(r.health.atRisk, 'child', 'children')} at risk`);
  if (r.health.needsAttention) parts.push(`${r.health.needsAttention} ${r.health.needsAttention === 1 ? 'needs' : 'need'} attention`);
  if (r.blocked.length) parts.push(`${r.blocked.length} blocked`);
  if (r.stale.length) parts.push(`${r.stale.length} without a recent update`);
  if (r.unweighted.length) parts.push(`${r.unweighted.length} unweighted`);
  return parts.join('; ');
}

export interface DraftInput {
  /** When the last weekly update was posted (ISO); null when there was none. */
  lastWeeklyAt: string | null;
  /** The ETA the last weekly update gave: carried over (children do not say one). */
  eta?: string;
  /** The last weekly update's text: blockers it named are not new. */
  lastText?: string;
}

export function weeklyDraft(r: RollUp, input: DraftInput): WeeklyDraft {
  const since = input.lastWeeklyAt === null ? null : Date.parse(input.lastWeeklyAt);
  const c = r.counts;
  const done = [
    r.completion === null ? null : `${r.completion}% by weight`,
    `${c.closed} of ${plural(c.counted, 'issue')} closed`,
    r.weight.total ? `weight ${r.weight.closed} of ${r.weight.total}` : null,
  ].filter(Boolean).join(', ');
  const remaining = [`${plural(c.open, 'open issue')}`, r.weight.open ? `weight ${r.weight.open}` : null, r.unweighted.length ? `${r.unweighted.length} unweighted` : null]
    .filter(Boolean)
    .join(', ');
  return {
    status: overallStatus(r),
    summary: summaryOf(r),
    done,
    remaining,
    eta: input.eta ?? '',
    confidence: weightedConfidence(r),
    changes: changeLines(r, Number.isNaN(since) ? null : since, input.lastText ?? '').join('\n'),
    next: '',
    help: '',
    mentions: [],
  };
}
