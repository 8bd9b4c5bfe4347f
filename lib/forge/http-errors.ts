// Maps an HTTP failure (status + headers) to the typed, readable state the UI shows.
import { ForgeError } from './errors';

export type HeaderGetter = (name: string) => string | null | undefined;

/** Epoch ms after which a retry may succeed, from Retry-After (seconds or date) or the reset headers. */
export function retryAtFrom(get: HeaderGetter, now = Date.now()): number | undefined {
  const after = get('retry-after');
  if (after) {
    const secs = Number(after);
    if (Number.isFinite(secs)) return now + secs * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return date;
  }
  const reset = get('x-ratelimit-reset') ?? get('ratelimit-reset');
  if (reset && Number.isFinite(Number(reset))) return Number(reset) * 1000;
  return undefined;
}

export function errorFromStatus(status: number, get: HeaderGetter, detail?: string, now = Date.now()): ForgeError {
  const why = detail ? ` (${detail})` : '';
  const rateLimited =
    status === 429 ||
    (status === 403 && (get('x-ratelimit-remaining') === '0' || /rate limit/i.test(detail ?? '')));
  if (rateLimited) {
    const retryAt = retryAtFrom(get, now) ?? now + 60_000;
    const until = new Date(retryAt).toLocaleTimeString();
    return new ForgeError('rate-limited', `Rate limited by the forge: try again after ${until}.`, status, retryAt);
  }
  if (status === 401) return new ForgeError('auth', `Connect / fix your token: the forge refused it${why}.`, status);
  if (status === 403) return new ForgeError('forbidden', `Your token may read this issue but not change it${why}.`, status);
  if (status === 404) return new ForgeError('not-found', `Not found, or your token cannot see it${why}.`, status);
  if (status === 409) return new ForgeError('conflict', `Someone changed this at the same time${why}. Reload and try again.`, status);
  if (status === 400 || status === 422) return new ForgeError('invalid', `The forge refused the change${why}.`, status);
  if (status >= 500) return new ForgeError('forge', `The forge had an error (${status}); nothing was changed. Try again later.`, status);
  return new ForgeError('unknown', `Unexpected answer from the forge (${status})${why}.`, status);
}

export function networkError(e: unknown): ForgeError {
  return new ForgeError('network', `Could not reach the forge: ${e instanceof Error ? e.message : String(e)}. Check your connection.`);
}
