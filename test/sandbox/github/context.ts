// Shared pieces of the REST routes: request context, repository lookup, pagination with Link headers.
import type { SandboxReply, SandboxRequest } from '../core';
import { ghError, repoAccess, type Identity } from './auth';
import { findRepo, type GhRepo, type GithubState, type Permission, type RateResource } from './model';
import type { Bases } from './urls';

export interface Ctx {
  state: GithubState;
  req: SandboxRequest;
  b: Bases;
  id: Identity;
}

export interface Route {
  method: string;
  /** Matched against the path below the API root (`/repos/acme/widgets/issues/3`). */
  pattern: RegExp;
  /** REST docs page GitHub names in this endpoint's error bodies. */
  doc: string;
  resource?: RateResource;
  /** Not counted against the rate limit (GET /rate_limit). */
  free?: boolean;
  handle(ctx: Ctx, params: string[]): SandboxReply;
}

export function param(m: readonly string[], i: number): string {
  return decodeURIComponent(m[i] ?? '');
}

/** The repository if the identity can see it; GitHub answers 404 (not 403) for private repositories otherwise. */
export function repoFor(ctx: Ctx, owner: string, name: string, doc: string): { repo: GhRepo; perm: Permission } | SandboxReply {
  const repo = findRepo(ctx.state, owner, name);
  const perm = repo ? repoAccess(ctx.id, repo) : null;
  if (!repo || !perm) return ghError(404, 'Not Found', doc);
  return { repo, perm };
}

export function isReply(x: unknown): x is SandboxReply {
  return typeof x === 'object' && x !== null && 'status' in x && typeof (x as SandboxReply).status === 'number';
}

export function bodyObject(req: SandboxRequest): Record<string, unknown> {
  const b = req.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

export function validationFailed(doc: string, errors: Record<string, unknown>[], message = 'Validation Failed'): SandboxReply {
  return ghError(422, message, doc, { errors });
}

/**
 * One page of `items` (per_page ≤ 100, default 30) with GitHub's Link header (prev/next/last/first), pointing at
 * `linkPath` (GitHub links repository lists through `/repositories/{id}/…`).
 */
export function paginate<T>(ctx: Ctx, items: T[], linkPath: string): { page: T[]; headers: Record<string, string> } {
  const q = ctx.req.query;
  const perPage = Math.min(100, Math.max(1, Number.parseInt(q.get('per_page') ?? '30', 10) || 30));
  const page = Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const url = (p: number) => {
    const params = new URLSearchParams(q);
    params.delete('page');
    params.set('page', String(p));
    return `<${ctx.b.api}${linkPath}?${params.toString()}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${url(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) rels.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (page > 1) rels.push(`${url(1)}; rel="first"`);
  return { page: slice, headers: rels.length ? { link: rels.join(', ') } : {} };
}

export function ok(body: unknown, headers: Record<string, string> = {}, status = 200): SandboxReply {
  return { status, body, headers };
}
