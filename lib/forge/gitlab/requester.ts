// A gitbeaker requester without gitbeaker's blind retries: its default one silently repeats 429 and 502 up to ten
// times within ~250 ms, which ignores Retry-After and hides the rate limit from the user. Failures are thrown as
// gitbeaker's own GitbeakerRequestError (status and headers in `cause.response`), as errors.ts expects of any requester.
import { GitbeakerRequestError, type BaseResourceOptions } from '@gitbeaker/requester-utils';
import { ForgeError } from '../errors';
import { fetchNoRedirect } from '../redirects';

type RequesterFn = NonNullable<BaseResourceOptions<false>['requesterFn']>;
type Requester = ReturnType<RequesterFn>;
type RequestOptions = NonNullable<Parameters<Requester['get']>[1]>;

const snake = (k: string): string => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** gitbeaker speaks camelCase; GitLab wants snake_case keys (values untouched). */
function decamelize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decamelize);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [snake(k), decamelize(x)]));
  }
  return v;
}

/** Rails-style query: `iids[]=1&iids[]=2`, `not[labels]=x`. */
export function toQuery(params: Record<string, unknown> | undefined): string {
  const q = new URLSearchParams();
  const add = (key: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((x) => add(`${key}[]`, x));
    else if (typeof v === 'object') Object.entries(v).forEach(([k, x]) => add(`${key}[${snake(k)}]`, x));
    else q.append(key, String(v));
  };
  for (const [k, v] of Object.entries(params ?? {})) add(snake(k), v);
  return q.toString();
}

/** GitLab's error text: `message` (string or field errors), OAuth-style `error` + `error_description`, or plain text. */
export function describeFailure(text: string, contentType: string | null): string {
  if (!contentType?.includes('json')) return text.trim().slice(0, 300);
  try {
    const out = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown };
    if (typeof out.error === 'string' && typeof out.error_description === 'string') return `${out.error}: ${out.error_description}`;
    const m = out.message ?? out.error ?? '';
    return typeof m === 'string' ? m : JSON.stringify(m);
  } catch {
    return text.trim().slice(0, 300);
  }
}

/**
 * Refuses an endpoint whose path the URL parser would rewrite: gitbeaker encodes each parameter with
 * encodeURIComponent, which leaves `.` and `..` as they are, so a project path `..` made `projects/../issues` reach
 * `/api/v4/issues`. Empty segments, absolute paths and control characters are refused too.
 */
export function checkEndpoint(endpoint: string): void {
  const path = endpoint.split(/[?#]/, 1)[0]!;
  const segments = path.split('/');
  const bad =
    path.startsWith('/') ||
    path.includes('\\') ||
    segments.some((s) => s === '' || /^(?:\.|%2e){1,2}$/i.test(s)) ||
    Array.from(endpoint).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (bad) throw new ForgeError('invalid', `Refused to call the GitLab API at "${endpoint.slice(0, 200)}": not a plain API path.`);
}

export function createRequesterFn(): RequesterFn {
  return (resource) => {
    const call = (method: string) => async (endpoint: string, options: RequestOptions = {}) => {
      checkEndpoint(endpoint);
      const url = new URL(endpoint, resource.url.endsWith('/') ? resource.url : `${resource.url}/`);
      url.search = toQuery(options.searchParams);
      const headers: Record<string, string> = { ...resource.headers, accept: 'application/json' };
      for (const [name, value] of Object.entries(resource.authHeaders)) headers[name] = await value();
      if (options.sudo) headers.sudo = String(options.sudo);
      let body: BodyInit | undefined;
      if (options.body instanceof FormData) body = options.body;
      else if (options.body) {
        body = JSON.stringify(decamelize(options.body));
        headers['content-type'] = 'application/json';
      }
      const request = new Request(url, { method, headers, body, signal: options.signal });
      const response = await fetchNoRedirect(request);
      if (!response.ok) {
        const description = describeFailure(await response.text(), response.headers.get('content-type'));
        throw new GitbeakerRequestError(description, { cause: { description, request, response } });
      }
      const type = response.headers.get('content-type') ?? '';
      const parsed = response.status === 204 ? null : type.includes('json') ? ((await response.json()) as unknown) : await response.text();
      return { body: parsed, headers: Object.fromEntries(response.headers.entries()), status: response.status };
    };
    const as = <K extends keyof Requester>(m: string) => call(m) as unknown as Requester[K];
    return { get: as<'get'>('GET'), post: as<'post'>('POST'), put: as<'put'>('PUT'), patch: as<'patch'>('PATCH'), delete: as<'delete'>('DELETE') };
  };
}
