// Posting async status updates and epic updates, in the background so that one update id is posted at most once
// whichever tabs send it: the same update sent twice at once shares one run, and every create is preceded by a look at
// the issue's notes for the update's hidden marker (postOnce). Rate limits are waited out as the forge asks
// (Retry-After); server and network failures are retried with backoff, then reported with the draft kept by the UI.
import { ForgeError } from '../forge/errors';
import type { Forge } from '../forge/forge';
import type { HealthStatus, Issue, IssueRef, Note } from '../forge/model';
import { isRetryable, postOnce, PostOutcomeUnknownError } from '../drafts/idempotent-post';
import { formatEpicUpdate, validateEpicUpdate, type EpicStatus, type EpicUpdateInput } from '../handbook/status/epic-update';
import type { Settings } from '../handbook/settings';
import { formatUpdate, validateUpdate, type StatusUpdate } from '../handbook/status/status-format';
import { isValidUpdateId } from '../handbook/status/status-marker';
import type { PostedUpdate } from '../messaging';
import { toErrorData } from './errors';
import { writeHealth } from './writes';

export type PostRequest =
  | { kind: 'status'; ref: IssueRef; updateId: string; update: StatusUpdate }
  | { kind: 'epic'; ref: IssueRef; updateId: string; update: EpicUpdateInput };

export interface PosterOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Waits before re-checking after a failed create (see postOnce); default 1 s, 3 s, 5 s. */
  backoffMs?: readonly number[];
  /** Creates to try at most; default 3. */
  attempts?: number;
  /** Longest Retry-After waited out without giving up; longer limits fail at once as `rate-limited`. */
  maxRateLimitWaitMs?: number;
  /** Rate-limited answers waited out per call. */
  rateLimitRetries?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type StatusPoster = (forge: Forge, request: PostRequest, settings: Readonly<Settings>) => Promise<PostedUpdate>;

export function createStatusPoster(opts: PosterOptions = {}): StatusPoster {
  const sleep = opts.sleep ?? wait;
  const now = opts.now ?? Date.now;
  const maxWait = opts.maxRateLimitWaitMs ?? 60_000;
  const rateRetries = opts.rateLimitRetries ?? 3;
  const inFlight = new Map<string, Promise<PostedUpdate>>();

  /**
   * A rate-limited request was refused, not processed, so sending it again after the wait cannot duplicate anything.
   * Limits that lift later than maxWait are reported instead: holding the message for minutes helps nobody.
   */
  async function honouringRateLimits<T>(run: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await run();
      } catch (e) {
        if (!(e instanceof ForgeError) || e.kind !== 'rate-limited' || i >= rateRetries) throw e;
        const delay = Math.max(250, (e.retryAt ?? now() + 1000) - now());
        if (delay > maxWait) throw e;
        await sleep(delay);
      }
    }
  }

  async function post(forge: Forge, request: PostRequest, settings: Readonly<Settings>): Promise<PostedUpdate> {
    const { ref, updateId } = request;
    // "Check before posting" must see the forge as it is now, not a read cached in front of it.
    (forge as Partial<Record<'invalidate', (r: IssueRef) => void>>).invalidate?.(ref);
    if (!isValidUpdateId(updateId)) throw new ForgeError('invalid', 'The update has a malformed id; reload the page and try again.');
    const checked = request.kind === 'status' ? validateUpdate(request.update) : validateEpicUpdate(request.update);
    if (!checked.ok) throw new ForgeError('invalid', checked.message);

    const epicField = request.kind === 'epic' && ref.kind === 'epic' && (await honouringRateLimits(() => forge.getCapabilities(ref))).healthStatus;
    // An epic's weekly status sets its health status where the epic has that field (GitLab Ultimate, epic work items);
    // elsewhere the weekly update stays a comment, as the handbook writes it.
    const health = request.kind === 'status' ? request.update.health : epicField ? EPIC_HEALTH[request.update.status] : null;
    const fieldAvailable = health !== null && ref.forge === 'gitlab' && (epicField || (await honouringRateLimits(() => forge.getCapabilities(ref))).healthStatus);
    const healthVia: PostedUpdate['healthVia'] = health === null ? 'none' : fieldAvailable ? 'field' : 'label';

    const body =
      request.kind === 'status'
        ? formatStatus(request.update, ref, updateId, healthVia === 'field', settings)
        : formatEpicUpdate(request.update, { updateId });

    let posted;
    try {
      posted = await postOnce({
        notes: () => honouringRateLimits(() => forge.listNotes(ref)),
        create: (text) => honouringRateLimits(() => forge.createNote(ref, text)),
        body,
        updateId,
        sleep,
        attempts: opts.attempts,
        backoffMs: opts.backoffMs,
        // A rate limit that got this far lifts later than we wait: backing off a few seconds would not help.
        isRetryable: (e) => !(e instanceof ForgeError && e.kind === 'rate-limited') && isRetryable(e),
      });
    } catch (e) {
      if (e instanceof PostOutcomeUnknownError) throw new ForgeError('network', e.message);
      throw e;
    }

    if (health === null) return { note: posted.note, outcome: posted.outcome, healthVia, issue: null, healthError: null };
    // Health writes are idempotent (set this status / add this label): waiting out a rate limit and sending again is safe.
    const result =
      healthVia === 'field'
        ? await healthByField(forge, ref, health, posted.note, settings, honouringRateLimits)
        : await healthByLabel(forge, ref, health, settings, honouringRateLimits);
    return { note: result.note ?? posted.note, outcome: posted.outcome, healthVia, issue: result.issue, healthError: result.healthError };
  }

  return (forge, request, settings) => {
    const key = `${request.ref.forge}|${request.ref.baseUrl}|${request.ref.path}|${request.ref.iid}|${request.updateId}`;
    const running = inFlight.get(key);
    if (running) return running;
    const run = post(forge, request, settings).finally(() => inFlight.delete(key));
    inFlight.set(key, run);
    return run;
  };
}

/** The weekly update's status as the epic's health status. */
export const EPIC_HEALTH: Record<EpicStatus, HealthStatus> = { ok: 'on_track', 'so-so': 'needs_attention', bad: 'at_risk' };

function formatStatus(update: StatusUpdate, ref: IssueRef, updateId: string, quickAction: boolean, settings: Readonly<Settings>): string {
  const opts = { forge: ref.forge, updateId, healthVia: quickAction ? ('quick-action' as const) : ('none' as const) };
  try {
    return formatUpdate(update, { ...opts, template: settings.statusUpdates.template });
  } catch (e) {
    // An unusable stored template must not block the update: the handbook's format is always valid.
    if (e instanceof Error && e.name === 'InvalidUpdateError') throw new ForgeError('invalid', e.message);
    return formatUpdate(update, opts);
  }
}

type HealthResult = { issue: Issue | null; healthError: string | null; note?: Note };
type Retrying = <T>(run: () => Promise<T>) => Promise<T>;

const QUICK_ACTION_LINE = /^\/health_status\b.*$/m;

/**
 * GitLab Ultimate: the `/health_status` quick action went in the same comment, so the comment and the health status
 * land together. GitLab runs it and strips it from the stored note; if it did not (a role or version that cannot),
 * the line is taken out of the comment again and the field is set through GraphQL instead.
 */
async function healthByField(forge: Forge, ref: IssueRef, health: HealthStatus, note: Note, settings: Readonly<Settings>, retrying: Retrying): Promise<HealthResult> {
  try {
    let cleaned: Note | undefined;
    if (QUICK_ACTION_LINE.test(note.body)) {
      const body = note.body.replace(QUICK_ACTION_LINE, '').replace(/\n+$/, '');
      cleaned = await retrying(() => forge.updateNote(ref, note.id, body)).catch(() => undefined);
    }
    const issue = await retrying(() => forge.getIssue(ref));
    if (issue.healthStatus === health) return { issue, healthError: null, note: cleaned };
    return { issue: (await retrying(() => writeHealth(forge, ref, health, settings))).issue, healthError: null, note: cleaned };
  } catch (e) {
    return { issue: null, healthError: toErrorData(e).message };
  }
}

/** Elsewhere the health status is an exclusive `health::` label; written after the comment, which is the record. */
async function healthByLabel(forge: Forge, ref: IssueRef, health: HealthStatus, settings: Readonly<Settings>, retrying: Retrying): Promise<HealthResult> {
  try {
    const { issue } = await retrying(() => writeHealth(forge, ref, health, settings));
    return { issue, healthError: null };
  } catch (e) {
    return { issue: null, healthError: toErrorData(e).message };
  }
}
