// Every GitLab failure becomes a ForgeError: HTTP answers through errorFromStatus, no answer through networkError.
import { GitbeakerRequestError, GitbeakerRetryError, GitbeakerTimeoutError } from '@gitbeaker/requester-utils';
import { ForgeError } from '../errors';
import { errorFromStatus, networkError } from '../http-errors';

export function toForgeError(e: unknown): ForgeError {
  if (e instanceof ForgeError) return e;
  if (e instanceof GitbeakerRequestError && e.cause?.response) {
    const { response, description } = e.cause;
    return errorFromStatus(response.status, (h) => response.headers.get(h), description || undefined);
  }
  // Only gitbeaker's default requester retries (ours does not); after its retries it keeps neither status nor headers.
  if (e instanceof GitbeakerRetryError) {
    return /\b429\b/.test(e.message) ? errorFromStatus(429, () => undefined) : new ForgeError('forge', e.message);
  }
  if (e instanceof GitbeakerTimeoutError) return networkError(new Error('the request timed out'));
  if (e instanceof Error && (e.name === 'TypeError' || e.name === 'AbortError' || e.name === 'TimeoutError')) return networkError(e);
  return new ForgeError('unknown', e instanceof Error ? e.message : String(e));
}

/** Runs a forge call and rethrows whatever fails as a ForgeError. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toForgeError(e);
  }
}
