// "Last update N days ago", and the flag on an issue in development whose last update is older than the team's limit
// in working days (Monday to Friday; public holidays are not known here). Days are counted in the local calendar, as
// the user reads them. Pure.

/** The handbook asks for daily updates; a team may allow more. */
export const DEFAULT_MAX_WORKING_DAYS = 2;

type When = Date | string | number;

function startOfDay(when: When): Date {
  const d = new Date(when);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Calendar days from a's date to b's date (negative when b is earlier). */
export function calendarDaysBetween(a: When, b: When): number {
  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / 86_400_000);
}

/**
 * Working days that passed from a to b: the Mondays to Fridays after a's date up to and including b's date.
 * Friday → Monday is 1, the same day is 0, Saturday → Monday is 1; negative when b is earlier.
 */
export function workingDaysBetween(a: When, b: When): number {
  const from = startOfDay(a);
  const to = startOfDay(b);
  if (to < from) return -workingDaysBetween(b, a);
  let days = 0;
  for (const d = new Date(from); d < to; ) {
    d.setDate(d.getDate() + 1);
    const day = d.getDay();
    if (day !== 0 && day !== 6) days++;
  }
  return days;
}

export interface StalenessOptions {
  /** Whether the issue is in development (e.g. `workflow::in dev`); only then can it be stale. */
  inDevelopment: boolean;
  /** More working days than this without an update flags the issue. */
  maxWorkingDays: number;
  /**
   * When the issue went into development, if known. With no update at all, the issue is stale once this is more than
   * maxWorkingDays ago; without it, an issue in development with no update is stale straight away.
   */
  since?: When;
}

export interface Staleness {
  lastUpdateAt: string | null;
  /** Calendar days since the last update; null when there is none. */
  lastUpdateDaysAgo: number | null;
  workingDaysSinceUpdate: number | null;
  stale: boolean;
  /** "Last update 3 days ago", "Last update yesterday", "Last update today", "No update yet". */
  message: string;
  /** Why the issue is flagged, for a tooltip; null when it is not. */
  reason: string | null;
}

function daysAgoText(days: number): string {
  if (days <= 0) return 'Last update today';
  if (days === 1) return 'Last update yesterday';
  return `Last update ${days} days ago`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function staleness(history: readonly { createdAt: string }[], now: When, opts: StalenessOptions): Staleness {
  const latest = history
    .map((h) => h.createdAt)
    .filter((at) => !Number.isNaN(Date.parse(at)))
    .reduce<string | null>((best, at) => (best === null || Date.parse(at) > Date.parse(best) ? at : best), null);
  const limit = `the team expects one at least every ${plural(opts.maxWorkingDays, 'working day')}`;
  if (latest === null) {
    const waited = opts.since === undefined ? null : workingDaysBetween(opts.since, now);
    const stale = opts.inDevelopment && (waited === null || waited > opts.maxWorkingDays);
    return {
      lastUpdateAt: null,
      lastUpdateDaysAgo: null,
      workingDaysSinceUpdate: null,
      stale,
      message: 'No update yet',
      reason: stale ? `In development without a status update; ${limit}` : null,
    };
  }
  const days = Math.max(0, calendarDaysBetween(latest, now));
  const working = Math.max(0, workingDaysBetween(latest, now));
  const stale = opts.inDevelopment && working > opts.maxWorkingDays;
  return {
    lastUpdateAt: latest,
    lastUpdateDaysAgo: days,
    workingDaysSinceUpdate: working,
    stale,
    message: daysAgoText(days),
    reason: stale ? `No status update for ${plural(working, 'working day')}; ${limit}` : null,
  };
}
