// REST routes outside repositories: the authenticated user, rate-limit status and Markdown rendering.
import type { SandboxReply } from '../core';
import { ghError } from './auth';
import { bodyObject, ok, validationFailed, type Ctx, type Route } from './context';
import { privateUser } from './json';
import { renderMarkdown } from './markdown';
import { bucketFor, remaining } from './rate-limit';

const DOC = {
  user: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  rate: 'https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user',
  markdown: 'https://docs.github.com/rest/markdown/markdown#render-a-markdown-document',
};

function getUser(ctx: Ctx): SandboxReply {
  if (ctx.id.kind === 'anonymous') return ghError(401, 'Requires authentication', DOC.user);
  return ok(privateUser(ctx.state, ctx.b, ctx.id.user));
}

function rateLimit(ctx: Ctx): SandboxReply {
  const view = (r: 'core' | 'search') => {
    const b = bucketFor(ctx.state, ctx.id, r);
    return { limit: b.limit, used: b.used, remaining: remaining(b), reset: b.reset };
  };
  return ok({ resources: { core: view('core'), search: view('search') }, rate: view('core') });
}

function markdown(ctx: Ctx): SandboxReply {
  const body = bodyObject(ctx.req);
  if (typeof body.text !== 'string') return validationFailed(DOC.markdown, [{ resource: 'Markdown', field: 'text', code: 'missing_field' }]);
  const gfm = body.mode === 'gfm';
  const html = renderMarkdown(body.text, { web: ctx.b.web, repo: gfm && typeof body.context === 'string' ? body.context : undefined });
  return ok(`${html}\n`, { 'content-type': 'text/html;charset=utf-8', 'x-commonmarker-version': '0.23.10' });
}

export const miscRoutes: Route[] = [
  { method: 'GET', pattern: /^\/user$/, doc: DOC.user, handle: getUser },
  { method: 'GET', pattern: /^\/rate_limit$/, doc: DOC.rate, free: true, handle: rateLimit },
  { method: 'POST', pattern: /^\/markdown$/, doc: DOC.markdown, handle: markdown },
];
