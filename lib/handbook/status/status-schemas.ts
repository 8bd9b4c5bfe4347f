// The async status update's and the weekly epic update's schemas (their handbook formats: status-format.ts,
// epic-update.ts). Apart from the formatting code because the protocol needs them on every page that talks to the
// background, and the formatting only where updates are written or read.
import * as z from '@/lib/zod';
import { healthStatus } from '@/lib/forge/model';

/** A whole percentage from 0 to 100, with messages that name the field. */
export const percent = (what: string) =>
  z
    .number({ error: `${what} must be a number from 0 to 100` })
    .check(
      z.int({ error: `${what} must be a whole number from 0 to 100` }),
      z.gte(0, { error: `${what} cannot be below 0%` }),
      z.lte(100, { error: `${what} cannot be above 100%` }),
    );

export const changeStatusSchema = z.deferred(() =>
  z.object({
    /** `!11`, `group/project!11`, `#123`, `owner/repo#123` (LinkedChange.reference). */
    reference: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, { error: 'A merge request row needs its reference' }),
        z.maxLength(300),
        z.regex(/^[^\n<>]+$/, { error: 'A reference is a single line' }),
      ),
    title: z.string().check(z.maxLength(1000, { error: 'The title is too long (at most 1000 characters)' })),
    complete: z.nullable(percent('Complete')),
    confidence: z.nullable(percent('Confidence')),
    note: z.string().check(z.maxLength(5000, { error: 'The note is too long (at most 5000 characters)' })),
  }),
);
export type ChangeStatus = z.infer<typeof changeStatusSchema>;

const EMPTY_MESSAGE =
  "Nothing to post: fill in complete, confidence, notes, the health status or a merge request's status";

export const statusUpdateSchema = z.deferred(() =>
  z
    .object({
      complete: z.nullable(percent('Complete')),
      confidence: z.nullable(percent('Confidence')),
      notes: z.string().check(z.maxLength(20000, { error: 'Notes are too long (at most 20000 characters)' })),
      /** A label name (without `~`), or null for "none". */
      concern: z.nullable(
        z
          .string()
          .check(
            z.trim(),
            z.maxLength(255, { error: 'The concern label is too long' }),
            z.regex(/^[^"\n]*$/, { error: 'The concern label cannot contain quotes or line breaks' }),
          ),
      ),
      health: z.nullable(healthStatus),
      changes: z.array(changeStatusSchema).check(z.maxLength(50, { error: 'At most 50 merge requests per update' })),
    })
    .check(
      z.superRefine((u, ctx) => {
        const nothing =
          u.complete === null &&
          u.confidence === null &&
          u.notes.trim() === '' &&
          u.health === null &&
          filledChanges(u.changes).length === 0;
        if (nothing) ctx.addIssue({ code: 'custom', message: EMPTY_MESSAGE, path: [] });
      }),
    ),
);
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

/** Rows the user filled in; untouched merge request rows are not written. */
export function filledChanges(changes: readonly ChangeStatus[]): ChangeStatus[] {
  return changes.filter((c) => c.complete !== null || c.confidence !== null || c.note.trim() !== '');
}

export const EPIC_STATUSES = ['ok', 'so-so', 'bad'] as const;
export type EpicStatus = (typeof EPIC_STATUSES)[number];

const username = z.deferred(() =>
  z
    .string()
    .check(z.trim(), z.regex(/^@?[A-Za-z0-9_][A-Za-z0-9_.-]*$/, { error: 'Mentions are usernames, e.g. @dave' }), z.maxLength(255)),
);

export const epicUpdateSchema = z.deferred(() =>
  z.object({
    status: z.enum(EPIC_STATUSES, { error: 'Choose a status: ok, so-so or bad' }),
    /** A few words after the status: what is going well or what is blocked. */
    summary: z._default(z.string().check(z.maxLength(2000, { error: 'The summary is too long (at most 2000 characters)' })), ''),
    done: z.string().check(z.maxLength(1000, { error: '"Done" is too long (at most 1000 characters)' })),
    remaining: z.string().check(z.maxLength(1000, { error: '"Remaining" is too long (at most 1000 characters)' })),
    eta: z.string().check(z.maxLength(200, { error: 'The ETA is too long (at most 200 characters)' })),
    confidence: z.nullable(percent('Confidence')),
    /** What moved per child since the last weekly update, one `- …` line each (drafted from the children, issue 18). */
    changes: z._default(z.string().check(z.maxLength(20000, { error: '"Since the last update" is too long (at most 20000 characters)' })), ''),
    next: z.string().check(z.maxLength(5000, { error: '"Next" is too long (at most 5000 characters)' })),
    help: z.string().check(z.maxLength(5000, { error: '"Help needed" is too long (at most 5000 characters)' })),
    mentions: z.array(username).check(z.maxLength(20, { error: 'At most 20 mentions' })),
  }),
);
/** What the form gives (summary may be left out). */
export type EpicUpdateInput = z.input<typeof epicUpdateSchema>;
export type EpicUpdate = z.output<typeof epicUpdateSchema>;
