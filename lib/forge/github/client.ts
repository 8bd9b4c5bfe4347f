// Octokit as Refinery uses it: throttling (GitHub's rate-limit rules), retries for server and network failures,
// conditional GETs through the ETag cache.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { githubApiBaseUrl } from './api-base';
import { createEtagFetch, type EtagStats } from './etag-fetch';

const GithubOctokit = Octokit.plugin(throttling, retry);
export type GithubOctokit = InstanceType<typeof GithubOctokit>;

export interface GithubClientOptions {
  /** Retries after a 5xx answer or a failed connection (default 2). Comment creation never retries. */
  retries?: number;
  /** Unit of the retry back-off in ms: waits are 1, 4, 9… units (default 1000; tests use a few ms). */
  retryBaseMs?: number;
  /** Longest Retry-After / rate-limit reset wait honoured automatically, once, in seconds (default 10). */
  maxAutoWaitSec?: number;
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
  /** fetch to use (default: the global one). */
  fetch?: typeof fetch;
  userAgent?: string;
}

export interface GithubClient {
  octokit: GithubOctokit;
  etags: EtagStats;
}

/** Client for a connection's web base URL (github.com, GHE.com or GitHub Enterprise Server). */
export function createGithubClient(webBase: string, token: string, opts: GithubClientOptions = {}): GithubClient {
  const maxWait = opts.maxAutoWaitSec ?? 10;
  const etag = createEtagFetch({ fetch: opts.fetch, timeoutMs: opts.timeoutMs ?? 30_000 });
  // Wait out a short limit once; longer ones fail at once with `rate-limited` and the time to retry after.
  const shortWaitOnce = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean =>
    retryCount === 0 && retryAfter <= maxWait;
  const octokit = new GithubOctokit({
    auth: token,
    baseUrl: githubApiBaseUrl(webBase),
    userAgent: opts.userAgent ?? 'Refinery',
    request: { fetch: etag.fetch },
    throttle: { onRateLimit: shortWaitOnce, onSecondaryRateLimit: shortWaitOnce },
    retry: {
      retries: opts.retries ?? 2,
      retryAfterBaseValue: opts.retryBaseMs ?? 1000,
      // Rate limits (403/429) are the throttling plugin's business, client errors are final.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
  });
  return { octokit, etags: etag.stats };
}
