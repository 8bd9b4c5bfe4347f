// Dispatches /api/v4 requests to the route tables; every answer carries GitLab's RateLimit-* headers.
import type { SandboxReply, SandboxRequest } from '../core';
import type { Ctx } from './entities';
import { authenticate, json, rateLimitHeaders, Reply, type Authed } from './http';
import type { GitlabState } from './state';

export interface ApiCtx extends Ctx {
  req: SandboxRequest;
  /** The authenticated caller (the router already refused anonymous and invalid tokens). */
  auth: () => Authed;
}

export type Route = [method: string, pattern: RegExp, handler: (c: ApiCtx, m: string[]) => SandboxReply];

export function dispatch(routes: Route[], state: GitlabState, req: SandboxRequest, path: string): SandboxReply {
  const limits = rateLimitHeaders(state, req);
  const withLimits = (r: SandboxReply): SandboxReply => ({ ...r, headers: { ...limits, ...r.headers } });
  try {
    let methodMismatch = false;
    for (const [method, pattern, handler] of routes) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (method !== req.method) {
        methodMismatch = true;
        continue;
      }
      const auth = authenticate(state, req);
      const ctx: ApiCtx = { state, base: req.base, req, auth: () => auth };
      return withLimits(handler(ctx, [...m]));
    }
    // Grape answers unknown routes with `{"error":"404 Not Found"}` and wrong verbs with 405.
    return withLimits(methodMismatch ? json(405, { error: '405 Not Allowed' }) : json(404, { error: '404 Not Found' }));
  } catch (e) {
    if (e instanceof Reply) return withLimits(e.reply);
    throw e;
  }
}
