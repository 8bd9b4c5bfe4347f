// What the user types in a form, kept per issue in extension storage until the forge confirms the post, so nothing is
// lost to a reload, another tab or a browser restart. Debouncing is the UI's job; every call here writes.
//
// Each draft is its own storage entry (`local:drafts:<key>`), not a field of one shared object: two tabs writing
// different drafts at once would otherwise overwrite each other's read-modify-write.
// A draft carries an `updateId`, created with the draft and kept across saves, so every retry of the same update
// posts the same hidden marker and can be recognised (see idempotent-post.ts).
import { storage } from '#imports';
import type { IssueRef } from '@/lib/forge/model';
import { newUpdateId } from '@/lib/handbook/status/status-marker';

export type DraftKind = 'status' | 'epic' | 'plan' | (string & {});

export interface Draft<T = unknown> {
  key: string;
  value: T;
  /** ISO time of the last save. */
  updatedAt: string;
  /** The id the posted comment carries; the same for every save and retry of this draft. */
  updateId: string;
}

export const DRAFT_MAX_AGE_DAYS = 30;
const MAX_AGE_MS = DRAFT_MAX_AGE_DAYS * 86_400_000;
const PREFIX = 'drafts:';

// The container is not part of the key: GitLab group and project paths never coincide, and the kind tells epics apart.
type DraftIssue = Pick<IssueRef, 'forge' | 'baseUrl' | 'path' | 'iid'> & Partial<Pick<IssueRef, 'kind' | 'container'>>;

/**
 * `status|gitlab|https://gitlab.com|acme/platform/backend|issue|3`. Host and path are lower-cased (both forges treat
 * them case-insensitively), so the same issue reached through a differently-cased URL finds its draft.
 */
export function draftKey(ref: DraftIssue, kind: DraftKind): string {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new Error(`Invalid draft kind "${kind}"`);
  const base = ref.baseUrl.trim().replace(/\/+$/, '').toLowerCase();
  const path = ref.path.trim().replace(/^\/+|\/+$/g, '').toLowerCase();
  return [kind, ref.forge, base, path, ref.kind ?? 'issue', String(ref.iid)].join('|');
}

type StoredDraft = Omit<Draft, 'key'>;

function isStoredDraft(raw: unknown): raw is StoredDraft {
  if (raw === null || typeof raw !== 'object') return false;
  const d = raw as Record<string, unknown>;
  return 'value' in d && typeof d.updatedAt === 'string' && !Number.isNaN(Date.parse(d.updatedAt)) && typeof d.updateId === 'string' && d.updateId !== '';
}

const storageKey = (key: string) => `local:${PREFIX}${key}` as const;
const expired = (d: StoredDraft, now: number) => now - Date.parse(d.updatedAt) > MAX_AGE_MS;

// Saves and removals of one draft run one after the other within this context, so a removal after a post cannot be
// overtaken by a save that started earlier.
const queues = new Map<string, Promise<unknown>>();
function serial<T>(key: string, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(job, job);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function read(key: string): Promise<StoredDraft | null> {
  const raw = await storage.getItem<unknown>(storageKey(key));
  if (raw === null) return null;
  if (!isStoredDraft(raw) || expired(raw, Date.now())) {
    await storage.removeItem(storageKey(key));
    return null;
  }
  return raw;
}

/** Writes the draft now; keeps its updateId, or creates one for a new draft. */
export function saveDraft<T>(key: string, value: T): Promise<Draft<T>> {
  return serial(key, async () => {
    const existing = await read(key);
    const draft: StoredDraft = { value, updatedAt: new Date().toISOString(), updateId: existing?.updateId ?? newUpdateId() };
    await storage.setItem(storageKey(key), draft);
    return { key, ...draft } as Draft<T>;
  });
}

/** The saved draft, or null; a draft older than DRAFT_MAX_AGE_DAYS is removed instead. */
export async function loadDraft<T = unknown>(key: string): Promise<Draft<T> | null> {
  const draft = await serial(key, () => read(key));
  return draft === null ? null : ({ key, ...draft } as Draft<T>);
}

/**
 * Removes a draft; call it only after the forge confirmed the post. With `updateId`, only that draft is removed: if
 * another tab already started a new update under the same key, it is kept. Resolves to whether a draft was removed.
 */
export function removeDraft(key: string, updateId?: string): Promise<boolean> {
  return serial(key, async () => {
    const existing = await read(key);
    if (existing === null || (updateId !== undefined && existing.updateId !== updateId)) return false;
    await storage.removeItem(storageKey(key));
    return true;
  });
}

/** Every draft, newest first; expired and unreadable ones are removed on the way. */
export async function listDrafts(): Promise<Draft[]> {
  const all = await storage.snapshot('local');
  const now = Date.now();
  const drafts: Draft[] = [];
  const stale: string[] = [];
  for (const [name, raw] of Object.entries(all)) {
    if (!name.startsWith(PREFIX) || name.endsWith('$')) continue;
    const key = name.slice(PREFIX.length);
    if (!isStoredDraft(raw) || expired(raw, now)) stale.push(key);
    else drafts.push({ key, ...raw });
  }
  await Promise.all(stale.map((key) => serial(key, () => read(key))));
  return drafts.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

/** Calls back when this draft changes in any tab (null when removed). Returns the function that stops watching. */
export function watchDraft<T = unknown>(key: string, cb: (draft: Draft<T> | null) => void): () => void {
  return storage.watch<unknown>(storageKey(key), (raw) => cb(isStoredDraft(raw) ? ({ key, ...raw } as Draft<T>) : null));
}
