// Primary rate limits as GitHub reports them: per identity and resource, in fixed windows, with x-ratelimit-* headers.
// 304 answers to conditional requests do not count (GitHub: "Best practices for using the REST API").
import type { Identity } from './auth';
import type { GithubState, RateBucket, RateResource } from './model';

const LIMITS: Record<RateResource, { token: number; anonymous: number; windowSec: number }> = {
  core: { token: 5000, anonymous: 60, windowSec: 3600 },
  search: { token: 30, anonymous: 10, windowSec: 60 },
  // GraphQL: 5,000 points an hour; every query the sandbox answers costs one point.
  graphql: { token: 5000, anonymous: 0, windowSec: 3600 },
};

export function bucketFor(state: GithubState, id: Pick<Identity, 'kind' | 'key'>, resource: RateResource, now = Date.now()): RateBucket {
  let buckets = state.rate.get(id.key);
  const nowSec = Math.floor(now / 1000);
  const fresh = (r: RateResource): RateBucket => ({
    limit: id.kind === 'anonymous' ? LIMITS[r].anonymous : LIMITS[r].token,
    used: 0,
    reset: nowSec + LIMITS[r].windowSec,
  });
  if (!buckets) {
    buckets = { core: fresh('core'), search: fresh('search'), graphql: fresh('graphql') };
    state.rate.set(id.key, buckets);
  }
  if (buckets[resource].reset <= nowSec) buckets[resource] = fresh(resource);
  return buckets[resource];
}

export function remaining(b: RateBucket): number {
  return Math.max(0, b.limit - b.used);
}

export function rateHeaders(b: RateBucket, resource: RateResource): Record<string, string> {
  return {
    'x-ratelimit-limit': String(b.limit),
    'x-ratelimit-remaining': String(remaining(b)),
    'x-ratelimit-used': String(b.used),
    'x-ratelimit-reset': String(b.reset),
    'x-ratelimit-resource': resource,
  };
}

/** Use up a user's window (tests: "the primary limit is hit"); the next request answers 403 until `reset`. */
export function exhaustRateLimit(state: GithubState, userId: number, resource: RateResource = 'core', resetInSec?: number): RateBucket {
  const b = bucketFor(state, { kind: 'token', key: `user:${userId}` }, resource);
  b.used = b.limit;
  if (resetInSec !== undefined) b.reset = Math.floor(Date.now() / 1000) + resetInSec;
  return b;
}
