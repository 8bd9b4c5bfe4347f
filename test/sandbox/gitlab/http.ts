// HTTP plumbing shared by the GitLab routes: auth, permissions, rate-limit and pagination headers, params.
import type { SandboxReply, SandboxRequest } from '../core';
import { ACCESS, type GitlabState, type GlGroup, type GlProject, type GlToken, type GlUser } from './state';

export interface Authed {
  user: GlUser;
  token: GlToken;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxReply => ({ status, body, headers });

export const notFound = (what = ''): SandboxReply => json(404, { message: `404 ${what ? `${what} ` : ''}Not Found` });
export const forbidden = (): SandboxReply => json(403, { message: '403 Forbidden' });
export const badRequest = (message: unknown): SandboxReply => json(400, typeof message === 'string' ? { error: message } : { message });

/** Thrown by handlers to answer early (auth, permissions, 404); the router turns it into the reply. */
export class Reply {
  constructor(readonly reply: SandboxReply) {}
}

function tokenOf(req: SandboxRequest): string | undefined {
  const priv = req.headers['private-token'];
  if (typeof priv === 'string' && priv) return priv;
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = auth.match(/^Bearer\s+(.+)$/i);
    if (m) return m[1]!.trim();
  }
  return req.query.get('private_token') ?? req.query.get('access_token') ?? undefined;
}

/** Authenticates or throws a 401 like GitLab's (`{"message":"401 Unauthorized"}`). */
export function authenticate(state: GitlabState, req: SandboxRequest): Authed {
  const t = tokenOf(req);
  const token = t ? state.tokens.find((x) => x.token === t) : undefined;
  if (!token || token.expired || token.revoked) throw new Reply(json(401, { message: '401 Unauthorized' }));
  return { token, user: state.users.find((u) => u.id === token.userId)! };
}

/** Writes need the `api` scope: a read_api token gets GitLab's OAuth-style insufficient_scope answer. */
export function requireApiScope(a: Authed): void {
  if (a.token.scopes.includes('api')) return;
  const description = 'The request requires higher privileges than provided by the access token.';
  throw new Reply(
    json(
      403,
      { error: 'insufficient_scope', error_description: description, scope: 'api' },
      { 'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="${description}", scope="api"` },
    ),
  );
}

/** Per SANDBOX.md the reporter (bob) reads but cannot write: 403 `{"message":"403 Forbidden"}`. */
export function requireWrite(a: Authed, p: GlProject): void {
  requireApiScope(a);
  if ((p.members[a.user.id] ?? 0) < ACCESS.developer) throw new Reply(forbidden());
}

/** A user's access to a group: the highest of their memberships in it and its ancestors (GitLab's inheritance). */
export function groupAccess(state: GitlabState, groupId: number, userId: number): number {
  let level = 0;
  for (let g = state.groups.find((x) => x.id === groupId); g; g = state.groups.find((x) => x.id === g!.parentId)) {
    level = Math.max(level, g.members[userId] ?? 0);
  }
  return level;
}

/** Group-level settings such as group labels: Maintainer of the group or an ancestor (direct project roles do not count). */
export function requireGroupMaintainer(state: GitlabState, a: Authed, g: GlGroup): void {
  requireApiScope(a);
  if (groupAccess(state, g.id, a.user.id) < ACCESS.maintainer) throw new Reply(forbidden());
}

export function requireGroupWrite(state: GitlabState, a: Authed, g: GlGroup): void {
  requireApiScope(a);
  const inGroup = state.projects.filter((p) => isUnder(state, p.namespaceId, g.id));
  if (!inGroup.some((p) => (p.members[a.user.id] ?? 0) >= ACCESS.developer)) throw new Reply(forbidden());
}

/** Is group `child` the group `ancestor` or below it? */
export function isUnder(state: GitlabState, child: number, ancestor: number): boolean {
  for (let g = state.groups.find((x) => x.id === child); g; g = state.groups.find((x) => x.id === g!.parentId)) {
    if (g.id === ancestor) return true;
  }
  return false;
}

/** `:id` is a numeric id or a URL-encoded full path (`acme%2Fplatform%2Fbackend`); anything else is a 404. */
export function findProject(state: GitlabState, raw: string): GlProject {
  const id = decodeURIComponent(raw);
  const p = /^\d+$/.test(id) ? state.projects.find((x) => x.id === Number(id)) : state.projects.find((x) => x.fullPath === id);
  if (!p) throw new Reply(notFound('Project'));
  return p;
}

export function findGroup(state: GitlabState, raw: string): GlGroup {
  const id = decodeURIComponent(raw);
  const g = /^\d+$/.test(id) ? state.groups.find((x) => x.id === Number(id)) : state.groups.find((x) => x.fullPath === id);
  if (!g) throw new Reply(notFound('Group'));
  return g;
}

const WINDOW_MS = 60_000;
const LIMIT = 2000;

/** RateLimit-* headers as GitLab sends them for the authenticated API throttle. */
export function rateLimitHeaders(state: GitlabState, req: SandboxRequest): Record<string, string> {
  const key = tokenOf(req) ?? `anon:${req.headers['x-forwarded-for'] ?? 'local'}`;
  const now = Date.now();
  let entry = state.rate.get(key);
  if (!entry || now - entry.windowStart >= WINDOW_MS) {
    entry = { windowStart: now - (now % WINDOW_MS), count: 0 };
    state.rate.set(key, entry);
  }
  entry.count += 1;
  const reset = Math.ceil((entry.windowStart + WINDOW_MS) / 1000);
  return {
    'ratelimit-name': 'throttle_authenticated_api',
    'ratelimit-limit': String(LIMIT),
    'ratelimit-observed': String(entry.count),
    'ratelimit-remaining': String(Math.max(0, LIMIT - entry.count)),
    'ratelimit-reset': String(reset),
    'ratelimit-resettime': new Date(reset * 1000).toUTCString(),
  };
}

/** Offset pagination with GitLab's headers (x-total, x-total-pages, x-page, x-per-page, x-next-page, x-prev-page, Link). */
export function paginate<T>(req: SandboxRequest, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page')) || 20));
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.max(1, Math.floor(Number(req.query.get('page')) || 1));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `<${req.base}${req.path}?${q.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${link(Math.min(page - 1, totalPages))}; rel="prev"`);
  if (page < totalPages) links.push(`${link(page + 1)}; rel="next"`);
  links.push(`${link(1)}; rel="first"`, `${link(totalPages)}; rel="last"`);
  return {
    page: slice,
    headers: {
      'x-total': String(total),
      'x-total-pages': String(totalPages),
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': page < totalPages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(Math.min(page - 1, totalPages)) : '',
      link: links.join(', '),
    },
  };
}

/** Request parameters as Grape sees them: query string merged with a JSON or form body (body wins). */
export function params(req: SandboxRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of req.query) {
    if (k.endsWith('[]')) ((out[k.slice(0, -2)] ??= []) as unknown[]).push(v);
    else out[k] = v;
  }
  if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) Object.assign(out, req.body);
  return out;
}

/** Comma-separated label names (a string) or an array of names. */
export function labelList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const arr = Array.isArray(v) ? v.map(String) : String(v).split(',');
  return arr.map((x) => x.trim()).filter(Boolean);
}

export const isTrue = (v: unknown): boolean => v === true || v === 'true' || v === '1';
