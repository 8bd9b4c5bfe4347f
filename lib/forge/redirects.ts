// No credential may reach another origin. fetch follows redirects by default, and the Fetch standard drops only the
// Authorization header when a redirect changes origin: GitLab's PRIVATE-TOKEN header went along to wherever a 302 from
// the API pointed (seen in an audit). GitLab requests therefore carry the token as `Authorization: Bearer` and never
// follow a redirect; GitHub requests (Authorization) follow same-origin ones (a renamed repository) and refuse an
// answer that came from another origin, whose request the browser sent without the token.
import { ForgeError } from './errors';

export const REDIRECT_MESSAGE =
  'The server sent us to another address, so Refinery stopped there (your token was not sent on). Check the base URL in the options, or your sign-in proxy.';

function redirectError(): ForgeError {
  return new ForgeError('forge', REDIRECT_MESSAGE);
}

/** fetch that never follows a redirect: any 3xx (an opaque redirect in browsers) is refused with REDIRECT_MESSAGE. */
export async function fetchNoRedirect(input: Request | string | URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(input, { ...init, redirect: 'manual' });
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
    void response.body?.cancel().catch(() => undefined);
    throw redirectError();
  }
  return response;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Wraps a fetch: redirects within the request's origin are followed, an answer from another origin is refused. */
export function sameOriginRedirectsOnly(inner: typeof fetch): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const requested = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await inner(input, { ...init, redirect: 'follow' });
    if (response.redirected && response.url && originOf(response.url) !== originOf(requested)) {
      void response.body?.cancel().catch(() => undefined);
      throw redirectError();
    }
    return response;
  }) as typeof fetch;
}
