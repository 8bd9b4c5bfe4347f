// A child's status updates from its newest comments (the forge reads a few per child, never one request per child):
// the latest, the latest before a given time (what it said at the parent's last weekly update), and whether the newest
// comment that looks like an update could not be read. Pure.
import type { ChildComment } from '@/lib/forge/children-model';
import { parseUpdate, type ParsedStatusUpdate } from '../status/status-parse';

/**
 * Words people put in a status update: a comment with them that parseUpdate cannot read is an update "not
 * recognised", not just talk. One pass, no backtracking (each alternative is fixed text, `\s*` between two literals).
 */
const UPDATE_WORDS = /%\s?complete|\b(?:status update|async update|issue status|complete\s*:|confidence\s*:|confident\b)/i;

export function looksLikeUpdate(body: string): boolean {
  return UPDATE_WORDS.test(body);
}

export interface ChildUpdates {
  /** The newest update read from the comments; null when none. */
  latest: ParsedStatusUpdate | null;
  /** The newest comment looks like an update newer than `latest` but could not be read. */
  unrecognised: ChildComment | null;
}

const at = (c: { createdAt: string }) => {
  const t = Date.parse(c.createdAt);
  return Number.isNaN(t) ? 0 : t;
};

/** Updates among the comments, oldest first. */
export function updatesOf(comments: readonly ChildComment[]): ParsedStatusUpdate[] {
  return [...comments]
    .sort((a, b) => at(a) - at(b))
    .flatMap((c) => parseUpdate(c.body, { createdAt: c.createdAt, author: c.author }) ?? []);
}

export function childUpdates(comments: readonly ChildComment[]): ChildUpdates {
  const sorted = [...comments].sort((a, b) => at(a) - at(b));
  let latest: ParsedStatusUpdate | null = null;
  let unrecognised: ChildComment | null = null;
  for (const c of sorted) {
    const u = parseUpdate(c.body, { createdAt: c.createdAt, author: c.author });
    if (u) {
      latest = u;
      unrecognised = null;
    } else if (looksLikeUpdate(c.body)) unrecognised = c;
  }
  return { latest, unrecognised };
}

/** The newest update at or before `when` (ms); null when none. */
export function updateAsOf(updates: readonly ParsedStatusUpdate[], when: number): ParsedStatusUpdate | null {
  let found: ParsedStatusUpdate | null = null;
  for (const u of updates) if (at(u) <= when) found = u;
  return found;
}
