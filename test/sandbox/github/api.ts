// The REST API under /api/v3 (GHE layout): authentication, primary rate limits, ETags and conditional requests,
// then the routes. Faults injected by core never reach this code, so injected 403/429 answers stay as given.
import { createHash, randomBytes } from 'node:crypto';
import type { SandboxReply, SandboxRequest } from '../core';
import { badCredentials, DOCS, ghError, identify, type Identity } from './auth';
import type { Ctx, Route } from './context';
import { findRepoById, type GithubState } from './model';
import { bucketFor, rateHeaders, remaining } from './rate-limit';
import { dependencyRoutes } from './routes-dependencies';
import { issueFieldRoutes } from './routes-issue-fields';
import { issueRoutes } from './routes-issues';
import { subIssueRoutes } from './routes-sub-issues';
import { miscRoutes } from './routes-misc';
import { repoRoutes } from './routes-repo';
import { searchRoutes } from './search';
import { basesOf, type Bases } from './urls';

export const API_ROOT = '/api/v3';
const RATE_DOC = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

const ROUTES: Route[] = [...miscRoutes, ...searchRoutes, ...repoRoutes, ...issueRoutes, ...subIssueRoutes, ...issueFieldRoutes, ...dependencyRoutes];

function weakEtag(payload: string): string {
  return `W/"${createHash('sha256').update(payload).digest('hex')}"`;
}

function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return String(header)
    .split(',')
    .some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

function commonHeaders(b: Bases, id: Identity | null): Record<string, string> {
  const h: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': randomBytes(10).toString('hex').toUpperCase().replace(/(.{4})(.{4})(.{6})(.{6})/, '$1:$2:$3:$4'),
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding',
  };
  if (!b.dotcom) h['x-github-enterprise-version'] = '3.19.0';
  // Classic tokens (and OAuth apps) are told their scopes on every answer; fine-grained tokens never are.
  if (id?.kind === 'token' && id.token.kind === 'classic') h['x-oauth-scopes'] = id.token.scopes.join(', ');
  return h;
}

/** The API path below /api/v3, with `/repositories/{id}` links (as GitHub's Link headers use) resolved. */
function apiPath(state: GithubState, path: string): string {
  const rest = path.slice(API_ROOT.length) || '/';
  const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(rest);
  const repo = byId ? findRepoById(state, Number(byId[1])) : undefined;
  return repo ? `/repos/${repo.owner}/${repo.name}${byId![2] ?? ''}` : rest;
}

function rateLimited(id: Identity, req: SandboxRequest): SandboxReply {
  const who =
    id.kind === 'token'
      ? `user ID ${id.user.id}. If you reach out to GitHub Support for help, please include the request ID and timestamp.`
      : `${req.headers['x-forwarded-for'] ?? '127.0.0.1'}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
  return ghError(403, `API rate limit exceeded for ${who}`, RATE_DOC);
}

export function githubApi(state: GithubState, req: SandboxRequest): SandboxReply | null {
  if (req.path !== API_ROOT && !req.path.startsWith(`${API_ROOT}/`)) return null;
  const b = basesOf(req);
  const id = identify(state, req);
  const common = commonHeaders(b, id);
  const json = { 'content-type': 'application/json; charset=utf-8' };
  if (!id) {
    const bucket = bucketFor(state, { kind: 'anonymous', key: 'anonymous' }, 'core');
    bucket.used += 1;
    const reply = badCredentials();
    return { ...reply, headers: { ...json, ...common, ...rateHeaders(bucket, 'core') } };
  }
  const path = apiPath(state, req.path);
  let route: Route | undefined;
  let match: RegExpExecArray | null = null;
  for (const r of ROUTES) {
    match = r.method === req.method ? r.pattern.exec(path) : null;
    if (match) {
      route = r;
      break;
    }
  }
  const resource = route?.resource ?? 'core';
  const bucket = bucketFor(state, id, resource);
  if (!route || !match) {
    bucket.used += 1;
    return { ...ghError(404, 'Not Found', DOCS), headers: { ...json, ...common, ...rateHeaders(bucket, resource) } };
  }
  if (!route.free && remaining(bucket) === 0) {
    return { ...rateLimited(id, req), headers: { ...json, ...common, ...rateHeaders(bucket, resource) } };
  }
  const ctx: Ctx = { state, req, b, id };
  const reply = route.handle(ctx, match);
  const headers: Record<string, string> = { ...json, ...common };
  if (reply.status < 300 && reply.body !== undefined) {
    const etag = weakEtag(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    headers.etag = etag;
    headers['cache-control'] = req.method === 'GET' ? 'private, max-age=60, s-maxage=60' : 'private, max-age=0';
    // A matching conditional GET answers 304 without a body and is not counted against the rate limit.
    if (req.method === 'GET' && etagMatches(req.headers['if-none-match'], etag)) {
      return { status: 304, headers: { ...headers, ...rateHeaders(bucket, resource) } };
    }
  }
  if (!route.free) bucket.used += 1;
  return { status: reply.status, body: reply.body, headers: { ...headers, ...rateHeaders(bucket, resource), ...reply.headers } };
}
