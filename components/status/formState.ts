// The status update form as the user edits it (numbers as typed, so a half-typed value survives a reload), and how it
// becomes the update the handbook's format takes. Pure.
import type { HealthStatus } from '@/lib/forge/model';
import { validateUpdate, type FieldError, type StatusUpdate } from '@/lib/handbook/status/status-format';

export interface ChangeRow {
  /** Stable React key: the reference for rows from the forge, `new-N` for rows the user added. */
  key: string;
  /** Whether the user added the row (its reference is then editable). */
  added: boolean;
  reference: string;
  title: string;
  complete: string;
  confidence: string;
  note: string;
}

export interface StatusForm {
  complete: string;
  confidence: string;
  notes: string;
  /** A label name without `~`; '' for none. */
  concern: string;
  health: HealthStatus | null;
  changes: ChangeRow[];
}

/** What a draft stores; the version lets a later Refinery read (or drop) older drafts. */
export interface StatusDraftValue {
  v: 1;
  form: StatusForm;
}

const pct = (n: number | null) => (n === null ? '' : String(n));

export function formFromUpdate(u: StatusUpdate): StatusForm {
  return {
    complete: pct(u.complete),
    confidence: pct(u.confidence),
    notes: u.notes,
    concern: u.concern ?? '',
    health: u.health,
    changes: u.changes.map((c) => ({
      key: c.reference,
      added: false,
      reference: c.reference,
      title: c.title,
      complete: pct(c.complete),
      confidence: pct(c.confidence),
      note: c.note,
    })),
  };
}

/** '' is "not given"; anything else is read as a number and left for the validator to judge (NaN included). */
function numberOrNull(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t.replace(',', '.'));
}

/** The form as an update to validate: unchecked on purpose, validateUpdate says what is wrong. */
export function updateFromForm(f: StatusForm): StatusUpdate {
  return {
    complete: numberOrNull(f.complete),
    confidence: numberOrNull(f.confidence),
    notes: f.notes,
    concern: f.concern.trim() === '' ? null : f.concern.trim(),
    health: f.health,
    changes: f.changes.map((c) => ({
      reference: c.reference.trim(),
      title: c.title,
      complete: numberOrNull(c.complete),
      confidence: numberOrNull(c.confidence),
      note: c.note,
    })),
  };
}

export type FormCheck = { ok: true; update: StatusUpdate } | { ok: false; errors: FieldError[] };

/** Rows the user added but left without any status are not part of the update (nothing would be written for them). */
export function checkForm(f: StatusForm): FormCheck {
  const update = updateFromForm(f);
  const keep = update.changes.filter((c, i) => !(f.changes[i]!.added && c.reference === '' && c.complete === null && c.confidence === null && c.note.trim() === ''));
  const result = validateUpdate({ ...update, changes: keep });
  return result.ok ? { ok: true, update: result.update } : { ok: false, errors: result.errors.map((e) => ({ ...e, path: rowPath(e.path, keep, update.changes) })) };
}

/** Errors of the kept rows point at the row's position in the form. */
function rowPath(path: string, kept: readonly unknown[], all: readonly unknown[]): string {
  const m = /^changes\.(\d+)(\..*)?$/.exec(path);
  if (!m) return path;
  return `changes.${all.indexOf(kept[Number(m[1])])}${m[2] ?? ''}`;
}

export function isStatusDraftValue(raw: unknown): raw is StatusDraftValue {
  if (raw === null || typeof raw !== 'object') return false;
  const { v, form } = raw as { v?: unknown; form?: Partial<StatusForm> };
  if (v !== 1 || form === null || typeof form !== 'object') return false;
  const strings = ['complete', 'confidence', 'notes', 'concern'] as const;
  return strings.every((k) => typeof form[k] === 'string') && Array.isArray(form.changes) && form.changes.every(isRow);
}

function isRow(raw: unknown): raw is ChangeRow {
  if (raw === null || typeof raw !== 'object') return false;
  const r = raw as Record<string, unknown>;
  return ['key', 'reference', 'title', 'complete', 'confidence', 'note'].every((k) => typeof r[k] === 'string') && typeof r.added === 'boolean';
}

/** A row the user adds: an empty reference to fill in. */
export function newRow(existing: readonly ChangeRow[]): ChangeRow {
  let n = existing.length + 1;
  while (existing.some((r) => r.key === `new-${n}`)) n++;
  return { key: `new-${n}`, added: true, reference: '', title: '', complete: '', confidence: '', note: '' };
}

export function sameForm(a: StatusForm, b: StatusForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
