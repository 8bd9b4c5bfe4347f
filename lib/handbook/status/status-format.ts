// The async status update (Package stage handbook, "Async Issue Updates") as data, its validation and the comment it
// becomes. Pure: the background posts the text, sets the health status and confirms the post.
//
// Written comment (default template):
//   Complete: 80%                      | Issue status: 20% complete, 75% confident
//   Confidence: 90%                    | Notes: …            (only when given)
//   Notes: expecting to go into review | Concern: ~frontend  (only when given)
//   Concern: ~frontend                 |
//                                      | MR statuses:        ("PR statuses:" on GitHub)
//                                      | !11 - 80% complete, 99% confident - docs update - need one more section
// followed by a blank line, the hidden id marker, a hidden data line (numbers and health, so history still reads
// them when GitLab strips the quick action or a team's template is not one we parse) and, on GitLab Ultimate,
// `/health_status …`, which GitLab applies and removes from the stored note.
import type { ForgeKind, HealthStatus } from '@/lib/forge/model';
import { filledChanges, statusUpdateSchema, type StatusUpdate } from './status-schemas';
import { updateMarker } from './status-marker';
import { renderTemplate, resolveTemplate, type StatusTemplateOverride } from './status-template';

export const HEALTH_TEXT: Readonly<Record<HealthStatus, string>> = Object.freeze({
  on_track: 'On track',
  needs_attention: 'Needs attention',
  at_risk: 'At risk',
});

export {
  changeStatusSchema,
  filledChanges,
  percent,
  statusUpdateSchema,
  type ChangeStatus,
  type StatusUpdate,
} from './status-schemas';

export interface FieldError {
  /** `complete`, `changes.1.confidence`…; '' for the update as a whole. */
  path: string;
  message: string;
}

export type Validation = { ok: true; update: StatusUpdate } | { ok: false; errors: FieldError[]; message: string };

/** Checks an update before anything is sent; messages name the merge request a row belongs to. */
export function validateUpdate(input: unknown): Validation {
  const result = statusUpdateSchema.safeParse(input);
  if (result.success) return { ok: true, update: result.data };
  const changes = (input as { changes?: { reference?: unknown }[] } | null)?.changes;
  const errors = result.error.issues.map((issue): FieldError => {
    const [first, index] = issue.path;
    const ref = first === 'changes' && typeof index === 'number' ? changes?.[index]?.reference : undefined;
    const prefix = typeof ref === 'string' && ref.trim() !== '' ? `${ref.trim()}: ` : '';
    return { path: issue.path.join('.'), message: prefix + issue.message };
  });
  return { ok: false, errors, message: errors.map((e) => e.message).join('\n') };
}

export class InvalidUpdateError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InvalidUpdateError';
  }
}

/** `~frontend`, or `~"label with spaces"` for names GitLab would not read unquoted. */
export function labelReference(label: string): string {
  const name = label
    .trim()
    .replace(/^~/, '')
    .replace(/^"(.*)"$/, '$1');
  return /^[\w-]+$/.test(name) ? `~${name}` : `~"${name}"`;
}

/** A line of the user's text that starts with `/` would run as a GitLab quick action: `\/` renders the same. */
export function escapeQuickActions(text: string): string {
  return text.replace(/^([ \t]*)\//gm, '$1\\/');
}

function oneLine(text: string): string {
  // The lookbehind starts a match at the beginning of a whitespace run only: the same result, in linear time.
  return text.replace(/(?<!\s)\s*\n\s*/g, ' ').trim();
}

const pct = (n: number | null) => (n === null ? '' : String(n));
const UNKNOWN = { complete: '?', confidence: '?' };

/** The hidden data line: `<!-- refinery:status-data complete=80 confidence=90 health=on_track -->`. */
export function statusDataLine(u: Pick<StatusUpdate, 'complete' | 'confidence' | 'health'>): string | null {
  const parts = [
    u.complete === null ? null : `complete=${u.complete}`,
    u.confidence === null ? null : `confidence=${u.confidence}`,
    u.health === null ? null : `health=${u.health}`,
  ].filter((p): p is string => p !== null);
  return parts.length ? `<!-- refinery:status-data ${parts.join(' ')} -->` : null;
}

export interface FormatOptions {
  forge: ForgeKind;
  /** The draft's id (see lib/drafts); the same id for every retry of one update. */
  updateId: string;
  /** 'quick-action' on GitLab Ultimate only; elsewhere the caller sets a `health::` label. */
  healthVia: 'quick-action' | 'none';
  /** The team's override; missing parts are the handbook's format. */
  template?: StatusTemplateOverride;
}

/** The comment body. Throws InvalidUpdateError for an update validateUpdate refuses. */
export function formatUpdate(input: StatusUpdate, opts: FormatOptions): string {
  const checked = validateUpdate(input);
  if (!checked.ok) throw new InvalidUpdateError(checked.errors);
  if (opts.healthVia === 'quick-action' && opts.forge !== 'gitlab')
    throw new Error('The /health_status quick action exists on GitLab only');
  const u = checked.update;
  const template = resolveTemplate(opts.template);
  const changes = filledChanges(u.changes).map((c) =>
    renderTemplate(
      template.change,
      {
        reference: c.reference,
        complete: pct(c.complete),
        confidence: pct(c.confidence),
        title: oneLine(c.title),
        note: oneLine(c.note),
      },
      UNKNOWN,
    ),
  );
  const values = {
    complete: pct(u.complete),
    confidence: pct(u.confidence),
    notes: escapeQuickActions(u.notes.trim()),
    concern: u.concern === null || u.concern === '' ? '' : labelReference(u.concern),
    health: u.health === null ? '' : HEALTH_TEXT[u.health],
    mr: opts.forge === 'gitlab' ? 'MR' : 'PR',
    changes: changes.join('\n'),
  };
  let visible = renderTemplate(changes.length ? template.withChanges : template.single, values, UNKNOWN);
  // A health-only update would otherwise be an empty-looking comment.
  if (visible === '' && u.health !== null) visible = `Health status: ${HEALTH_TEXT[u.health]}`;
  const hidden = [updateMarker('status-update', opts.updateId), statusDataLine(u)];
  const quickAction = opts.healthVia === 'quick-action' && u.health !== null ? `/health_status ${u.health}` : null;
  return [visible, '', ...hidden, quickAction].filter((l): l is string => l !== null).join('\n');
}
