// The status form's starting values: the user's previous update on the issue, with one row per merge request that is
// related to the issue now. Pure.
import type { LinkedChange } from '@/lib/forge/model';
import type { ChangeStatus, StatusUpdate } from './status-format';

/** `!11` and `group/project!11` are the same change when one of them names no project. */
export function sameChange(a: string, b: string): boolean {
  const split = (ref: string) => {
    const m = /^(.*?)([!#]\d+)$/.exec(ref.trim());
    return m ? { path: (m[1] as string).toLowerCase(), local: m[2] as string } : { path: '', local: ref.trim() };
  };
  const x = split(a);
  const y = split(b);
  return x.local === y.local && (x.path === y.path || x.path === '' || y.path === '');
}

export interface PrefillOptions {
  /**
   * Carry the previous notes over too. Off by default: notes say what happened since the last update, and posting
   * yesterday's notes again unchanged is the easy mistake; the numbers, concern and health carry over.
   */
  keepNotes?: boolean;
}

export function prefillUpdate(
  previous: StatusUpdate | null,
  linked: readonly LinkedChange[],
  opts: PrefillOptions = {},
): StatusUpdate {
  const rows: ChangeStatus[] = linked.map((change) => {
    const before = previous?.changes.find((c) => sameChange(c.reference, change.reference));
    return {
      reference: change.reference,
      // The short description the user wrote last time ("docs update") reads better than the full title.
      title: before?.title || change.title,
      complete: before?.complete ?? null,
      confidence: before?.confidence ?? null,
      note: before?.note ?? '',
    };
  });
  return {
    complete: previous?.complete ?? null,
    confidence: previous?.confidence ?? null,
    notes: opts.keepNotes ? (previous?.notes ?? '') : '',
    concern: previous?.concern ?? null,
    health: previous?.health ?? null,
    changes: rows,
  };
}
