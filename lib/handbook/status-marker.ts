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

const MARKER = /<!--\s*refinery:(status-update|epic-update)\s+id=([A-Za-z0-9_.:-]+)[^>]*?-->/g;

/** Every marker in a note body, in order. */
export function markersIn(body: string): { kind: MarkerKind; id: string }[] {
  return [...body.matchAll(MARKER)].map((m) => ({ kind: m[1] as MarkerKind, id: m[2] as string }));
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
