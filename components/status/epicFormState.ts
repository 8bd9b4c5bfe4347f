// The weekly epic update form as typed, its draft, and the update it becomes. Pure.
import { EPIC_STATUSES, validateEpicUpdate, type EpicStatus, type EpicUpdate, type ParsedEpicUpdate } from '@/lib/handbook/status/epic-update';
import type { FieldError } from '@/lib/handbook/status/status-format';

export interface EpicForm {
  status: EpicStatus | '';
  summary: string;
  done: string;
  remaining: string;
  eta: string;
  confidence: string;
  /** One line per child that moved since the last weekly update (drafted from the children: "Draft weekly update"). */
  changes: string;
  next: string;
  help: string;
  mentions: string[];
}

export interface EpicDraftValue {
  v: 1;
  epic: EpicForm;
}

export const EMPTY_EPIC: EpicForm = { status: '', summary: '', done: '', remaining: '', eta: '', confidence: '', changes: '', next: '', help: '', mentions: [] };

/**
 * The last weekly update carries over where things stand (status, done, remaining, ETA, confidence); what is next and
 * who needs to help are this week's to say.
 */
export function epicPrefill(last: Pick<ParsedEpicUpdate, 'status' | 'done' | 'remaining' | 'eta' | 'confidence'> | null): EpicForm {
  if (!last) return { ...EMPTY_EPIC, mentions: [] };
  return {
    ...EMPTY_EPIC,
    status: last.status,
    done: last.done,
    remaining: last.remaining,
    eta: last.eta,
    confidence: last.confidence === null ? '' : String(last.confidence),
    mentions: [],
  };
}

/** A stored draft as a whole form (older drafts lack fields added since). */
export function fullEpicForm(epic: Partial<EpicForm>): EpicForm {
  return { ...EMPTY_EPIC, ...epic, mentions: epic.mentions ?? [] };
}

export type EpicCheck = { ok: true; update: EpicUpdate } | { ok: false; errors: FieldError[] };

export function checkEpicForm(f: EpicForm): EpicCheck {
  const c = f.confidence.trim();
  const result = validateEpicUpdate({ ...f, status: f.status === '' ? undefined : f.status, confidence: c === '' ? null : Number(c.replace(',', '.')) });
  return result.ok ? result : { ok: false, errors: result.errors };
}

export function isEpicDraftValue(raw: unknown): raw is EpicDraftValue {
  if (raw === null || typeof raw !== 'object') return false;
  const { v, epic } = raw as { v?: unknown; epic?: Partial<EpicForm> };
  if (v !== 1 || epic === null || typeof epic !== 'object') return false;
  const texts = ['summary', 'done', 'remaining', 'eta', 'confidence', 'next', 'help'] as const;
  return (
    texts.every((k) => typeof epic[k] === 'string') &&
    // Drafts saved before "Since the last update" existed have no `changes`.
    (epic.changes === undefined || typeof epic.changes === 'string') &&
    (epic.status === '' || EPIC_STATUSES.includes(epic.status as EpicStatus)) &&
    Array.isArray(epic.mentions) &&
    epic.mentions.every((m) => typeof m === 'string')
  );
}
