// Hidden markers that make a posted update recognisable: `<!-- refinery:status-update id=… -->`.
// Both forges keep HTML comments in the stored Markdown and do not render them, so the id survives in the note body
// and lets a retry (or a second tab) see that the update was already posted. Pure.

export type MarkerKind = 'status-update' | 'epic-update';

/** Ids are UUIDs in practice; anything else safe inside an HTML comment is accepted, never `--` or `>`. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{7,63}$/;

export function isValidUpdateId(id: string): boolean {
  return ID.test(id) && !id.includes('--');
}

/** A fresh id for one logical update (created once per draft and kept across saves and retries). */
export function newUpdateId(): string {
  return crypto.randomUUID();
}

export function updateMarker(kind: MarkerKind, id: string): string {
  if (!isValidUpdateId(id)) throw new Error(`Invalid update id "${id}"`);
  return `<!-- refinery:${kind} id=${id} -->`;
}

const MARKER_START = /<!--\s*refinery:(status-update|epic-update)\s+id=([A-Za-z0-9_.:-]+)/g;

/**
 * Every marker in a note body, in order: what `/<!--\s*refinery:(status-update|epic-update)\s+id=([A-Za-z0-9_.:-]+)
 * [^>]*?-->/g` found, in one scan (that pattern rescanned to the next `>` from every marker, quadratic when there was
 * none). A marker ends with `-->` at the first `>` after it; the id stops before that `--`.
 */
export function markersIn(body: string): { kind: MarkerKind; id: string }[] {
  const out: { kind: MarkerKind; id: string }[] = [];
  let gt = -1;
  MARKER_START.lastIndex = 0;
  for (let m = MARKER_START.exec(body); m !== null; m = MARKER_START.exec(body)) {
    const idStart = m.index + m[0].length - m[2]!.length;
    if (gt < idStart) gt = body.indexOf('>', idStart);
    if (gt < 0) break;
    const idEnd = Math.min(m.index + m[0].length, gt - 2);
    if (idEnd <= idStart || body.slice(gt - 2, gt) !== '--') {
      MARKER_START.lastIndex = m.index + 1;
      continue;
    }
    out.push({ kind: m[1] as MarkerKind, id: body.slice(idStart, idEnd) });
    MARKER_START.lastIndex = gt + 1;
  }
  return out;
}

/** The first marker id of a kind, or null. */
export function markerId(body: string, kind: MarkerKind): string | null {
  return markersIn(body).find((m) => m.kind === kind)?.id ?? null;
}

/** Whether a body carries the marker of this update id (any kind). */
export function bodyHasUpdateId(body: string, id: string): boolean {
  return markersIn(body).some((m) => m.id === id);
}

/** The note that carries this update id, or null; a note we posted is found whoever posted it and from which tab. */
export function noteWithUpdateId<N extends { body: string; system?: boolean }>(notes: readonly N[], id: string): N | null {
  return notes.find((n) => !n.system && bodyHasUpdateId(n.body, id)) ?? null;
}

/** Whether any of the notes is this update (for idempotent posting). */
export function hasUpdateWithId(notes: readonly { body: string; system?: boolean }[], id: string): boolean {
  return noteWithUpdateId(notes, id) !== null;
}
