// Every failure of a GitHub call as a ForgeError: HTTP answers through errorFromStatus (GitHub's own message as the
// detail), everything without an answer (refused connection, reset, timeout) as a network error.
import { ForgeError } from '../errors';
import { errorFromStatus, networkError } from '../http-errors';

interface HttpFailure {
  status: number;
  response: { headers: Record<string, string | number | undefined>; data?: unknown };
}

function isHttpFailure(e: unknown): e is HttpFailure {
  if (typeof e !== 'object' || e === null) return false;
  const { status, response } = e as { status?: unknown; response?: unknown };
  return typeof status === 'number' && typeof response === 'object' && response !== null && 'headers' in response;
}

/** GitHub's `message` from an error body (`{"message": "...", "documentation_url": ..., "status": ...}`). */
function githubMessage(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  return typeof data === 'string' && data.trim() !== '' && data.length < 300 ? data.trim() : undefined;
}

export function toForgeError(e: unknown, now = Date.now()): ForgeError {
  if (e instanceof ForgeError) return e;
  if (isHttpFailure(e)) {
    const headers = e.response.headers;
    const get = (name: string) => {
      const v = headers[name.toLowerCase()];
      return v === undefined ? undefined : String(v);
    };
    return errorFromStatus(e.status, get, githubMessage(e.response.data), now);
  }
  // Octokit reports a request without answer as status 500 without response, its message taken from the cause.
  return networkError(e);
}
