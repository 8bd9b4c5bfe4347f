// A fetch for Octokit that revalidates GETs with the ETag of the last answer (If-None-Match) and turns GitHub's
// 304 Not Modified back into the cached 200 answer: 304s do not count against the primary rate limit.
// Requests bypass the browser's HTTP cache (`no-store`): GitHub sends `max-age=60`, which would otherwise serve a
// stale issue for a minute after someone else changed it.

import { sameOriginRedirectsOnly } from '../redirects';

export interface EtagStats {
  /** GETs answered 304 and served from this cache. */
  notModified: number;
  /** GETs answered in full. */
  full: number;
}

interface Entry {
  etag: string;
  body: string;
  headers: [string, string][];
}

export interface EtagFetchOptions {
  fetch?: typeof fetch;
  /** Entries kept (least recently used dropped first). */
  maxEntries?: number;
  /** Abort a request after this long. */
  timeoutMs?: number;
}

export interface EtagFetch {
  fetch: typeof fetch;
  stats: EtagStats;
  clear(): void;
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

export function createEtagFetch(opts: EtagFetchOptions = {}): EtagFetch {
  const inner = sameOriginRedirectsOnly(opts.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)));
  const max = opts.maxEntries ?? 300;
  const cache = new Map<string, Entry>();
  const stats: EtagStats = { notModified: 0, full: 0 };

  const etagFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = urlOf(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const timeout = opts.timeoutMs ? AbortSignal.timeout(opts.timeoutMs) : undefined;
    const signal = init.signal && timeout ? AbortSignal.any([init.signal, timeout]) : (init.signal ?? timeout);
    if (method !== 'GET') return inner(url, { ...init, headers, signal, cache: 'no-store' });

    // The representation depends on the media type asked for.
    const key = `${headers.get('accept') ?? ''} ${url}`;
    const cached = cache.get(key);
    if (cached && !headers.has('if-none-match')) headers.set('if-none-match', cached.etag);
    const res = await inner(url, { ...init, headers, signal, cache: 'no-store' });

    if (res.status === 304 && cached) {
      stats.notModified += 1;
      cache.delete(key);
      cache.set(key, cached);
      // Content headers from the cached answer, fresh ones (rate limit, date) from the 304.
      const merged = new Headers(cached.headers);
      res.headers.forEach((value, name) => merged.set(name, value));
      merged.delete('content-length');
      merged.delete('content-encoding');
      return new Response(cached.body, { status: 200, statusText: 'OK', headers: merged });
    }
    if (res.status === 200) {
      stats.full += 1;
      const etag = res.headers.get('etag');
      cache.delete(key);
      if (etag) {
        const body = await res.clone().text();
        cache.set(key, { etag, body, headers: [...res.headers] });
        while (cache.size > max) cache.delete(cache.keys().next().value!);
      }
    }
    return res;
  };
  return { fetch: etagFetch as typeof fetch, stats, clear: () => cache.clear() };
}
