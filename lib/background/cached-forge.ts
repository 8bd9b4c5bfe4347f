// A short-lived read cache in front of a forge adapter, one per connection: repeated reads within a minute (a
// revisit, several panel sections asking for the same notes) cost no request, reads in flight are shared, and any
// write through us drops what we knew about that issue. The forge stays the source of truth: entries live 60 s.
import type { Forge } from '../forge/forge';
import type { IssueRef } from '../forge/model';

export const CACHE_TTL_MS = 60_000;

type AnyFn = (...args: unknown[]) => Promise<unknown>;

/** Reads are named like reads; everything else on a Forge writes. */
const isRead = (name: string) => /^(get|list|count|current|render)/.test(name) && name !== 'getCapabilities';

function refOf(args: unknown[]): IssueRef | null {
  const first = args[0] as Partial<IssueRef> | undefined;
  return first && typeof first === 'object' && 'baseUrl' in first && 'path' in first ? (first as IssueRef) : null;
}

/** A bulk read's refs (listIssuesByNumber): a write to any of them drops the whole answer. */
function bulkRefsOf(args: unknown[]): IssueRef[] {
  const first = args[0];
  return Array.isArray(first) ? (first.filter((r) => r && typeof r === 'object' && 'baseUrl' in r && 'path' in r && 'iid' in r) as IssueRef[]) : [];
}

/** Identifies an issue (or the project, for project-wide reads) across calls. */
export function issueKey(ref: Pick<IssueRef, 'forge' | 'baseUrl' | 'container' | 'path' | 'iid'>): string {
  return `${ref.forge}|${ref.baseUrl}|${ref.container}|${ref.path.toLowerCase()}#${ref.iid}`;
}

/**
 * Reads about the project rather than the issue: one answer serves every issue of the project (the panel of the
 * next issue, the status section's concern labels). Any write to one of its issues drops it (GitLab creates an unknown
 * label on use; createLabel adds one).
 */
const PROJECT_READS: ReadonlySet<string> = new Set(['listLabels', 'listMembers']);
const projectKey = (ref: IssueRef) => `project:${issueKey({ ...ref, iid: 0 })}:${ref.kind}`;

function cacheKey(method: string, args: unknown[]): string {
  const ref = refOf(args);
  if (ref && PROJECT_READS.has(method)) return `${method}:${projectKey(ref)}:${JSON.stringify(args.slice(1))}`;
  return `${method}:${JSON.stringify(args)}`;
}

export interface CachedForge extends Forge {
  /** Drops everything cached about an issue (the page told us it changed). */
  invalidate(ref: IssueRef): void;
  /** Whether a read would be answered from the cache. */
  isCached(method: string, ...args: unknown[]): boolean;
}

export function withCache(forge: Forge, now: () => number = Date.now): CachedForge {
  const entries = new Map<string, { at: number; value: Promise<unknown>; issues: string[] }>();
  const invalidate = (ref: IssueRef) => {
    const k = issueKey(ref);
    const project = projectKey(ref);
    for (const [key, e] of entries) if (e.issues.includes(k) || e.issues.includes(project)) entries.delete(key);
  };
  return new Proxy(forge as CachedForge, {
    get(target, prop, receiver) {
      if (prop === 'invalidate') return invalidate;
      if (prop === 'isCached') {
        return (method: string, ...args: unknown[]) => {
          const hit = entries.get(cacheKey(method, args));
          return !!hit && now() - hit.at < CACHE_TTL_MS;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      const fn = (value as AnyFn).bind(target);
      if (prop === 'getCapabilities') return fn; // adapters keep capabilities per project already
      if (!isRead(prop)) {
        return async (...args: unknown[]) => {
          const ref = refOf(args);
          if (ref) invalidate(ref);
          try {
            return await fn(...args);
          } finally {
            if (ref) invalidate(ref); // reads that started during the write may hold the old state
          }
        };
      }
      return (...args: unknown[]) => {
        const ref = refOf(args);
        const key = cacheKey(prop, args);
        const hit = entries.get(key);
        if (hit && now() - hit.at < CACHE_TTL_MS) return hit.value;
        // Expired answers go when a new one comes in: a long session does not keep every issue it ever read.
        for (const [k, e] of entries) if (now() - e.at >= CACHE_TTL_MS) entries.delete(k);
        const promise = fn(...args);
        const about = ref ? [PROJECT_READS.has(prop) ? projectKey(ref) : issueKey(ref)] : bulkRefsOf(args).map(issueKey);
        entries.set(key, { at: now(), value: promise, issues: about });
        promise.catch(() => {
          if (entries.get(key)?.value === promise) entries.delete(key); // never keep a failure
        });
        return promise;
      };
    },
  });
}
