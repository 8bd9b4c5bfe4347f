// Posting one logical update as exactly one comment. The body carries a hidden marker with the update's id; before
// every create (the first one and each retry) the notes are read, and an existing note with the marker is the
// answer. So a double click, a retry after a timeout whose request did reach the forge, or a second call while the
// first is still running never produce a second comment.
// Pure over the injected functions: the background passes the forge's listNotes/createNote.
import type { Note } from '@/lib/forge/model';
import { bodyHasUpdateId, noteWithUpdateId } from '@/lib/handbook/status/status-marker';

export interface PostOnceOptions {
  /** The notes as the forge has them now (all pages). */
  notes: () => Promise<Note[]>;
  create: (body: string) => Promise<Note>;
  /** Must contain the marker for updateId (formatUpdate / formatEpicUpdate write it). */
  body: string;
  updateId: string;
  /** Creates to try at most; default 3. */
  attempts?: number;
  /** Waits before re-checking after a failure; default 1 s, then 3 s, then 5 s. */
  backoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Whether an error may have left the outcome open or may pass on retry; see isRetryable. */
  isRetryable?: (error: unknown) => boolean;
}

export interface PostOnceResult {
  note: Note;
  /**
   * 'created': our create answered with the note; 'confirmed': a create failed (e.g. timed out) but the note is
   * there; 'existing': the note was already there before this call created anything (an earlier attempt, another
   * tab).
   */
  outcome: 'created' | 'confirmed' | 'existing';
  /** Creates sent by this call. */
  creates: number;
}

/** The create may or may not have reached the forge, and the notes could not be read to find out. */
export class PostOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('The update may or may not have been posted: the issue could not be checked. It is kept as a draft; try again.', {
      cause,
    });
    this.name = 'PostOutcomeUnknownError';
  }
}

const NOT_RETRYABLE = new Set(['auth', 'forbidden', 'not-found', 'conflict', 'invalid', 'no-connection']);

/**
 * Errors that say the forge refused the request (ForgeError kinds, or a 4xx status other than 408/429) are final;
 * timeouts, network errors, 5xx, rate limits and unknown errors are worth another look.
 */
export function isRetryable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return true;
  const { kind, status } = error as { kind?: unknown; status?: unknown };
  if (typeof kind === 'string' && NOT_RETRYABLE.has(kind)) return false;
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429) return false;
  return true;
}

const DEFAULT_BACKOFF = [1000, 3000, 5000];
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Calls for the same update id in this context share one run (the background serves every tab, so this covers a
// second tab too when posting goes through it).
const running = new Map<string, Promise<PostOnceResult>>();

export function postOnce(opts: PostOnceOptions): Promise<PostOnceResult> {
  if (!bodyHasUpdateId(opts.body, opts.updateId)) {
    return Promise.reject(new Error('The body does not carry the marker of its update id; it could be posted twice'));
  }
  const current = running.get(opts.updateId);
  if (current) return current;
  const run = post(opts).finally(() => running.delete(opts.updateId));
  running.set(opts.updateId, run);
  return run;
}

async function post(opts: PostOnceOptions): Promise<PostOnceResult> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const backoff = opts.backoffMs ?? DEFAULT_BACKOFF;
  const sleep = opts.sleep ?? wait;
  const retryable = opts.isRetryable ?? isRetryable;
  const pause = (i: number) => sleep(backoff[Math.min(i, backoff.length - 1)] ?? 0);
  let creates = 0;
  let createFailed = false;
  let lastError: unknown = null;

  // Reads the notes, retrying a failed read; null when they could not be read.
  const check = async (): Promise<{ note: Note | null } | null> => {
    for (let i = 0; i < attempts; i++) {
      try {
        return { note: noteWithUpdateId(await opts.notes(), opts.updateId) };
      } catch (error) {
        lastError = error;
        if (!retryable(error)) throw error;
        if (i < attempts - 1) await pause(i);
      }
    }
    return null;
  };

  for (;;) {
    const seen = await check();
    if (seen === null) {
      // Posting without knowing whether an earlier create landed could duplicate it.
      if (createFailed) throw new PostOutcomeUnknownError(lastError);
      throw lastError;
    }
    if (seen.note) return { note: seen.note, outcome: createFailed ? 'confirmed' : 'existing', creates };
    if (creates >= attempts) throw lastError;
    try {
      creates++;
      const note = await opts.create(opts.body);
      return { note, outcome: 'created', creates };
    } catch (error) {
      lastError = error;
      if (!retryable(error)) {
        // A refusal now does not undo an earlier create that timed out: look once more before giving up.
        if (createFailed) {
          const seen = await check().catch(() => null);
          if (seen?.note) return { note: seen.note, outcome: 'confirmed', creates };
        }
        throw error;
      }
      createFailed = true;
      // Give a create that is still being processed time to land before looking for it.
      await pause(creates - 1);
    }
  }
}
