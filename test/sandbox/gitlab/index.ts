// The sandbox GitLab: REST v4, the GraphQL health-status mutation, and pages at real GitLab paths.
import type { SandboxReply, SandboxRequest } from '../core';
import { graphqlHandler } from './graphql';
import { pageHandler } from './pages';
import { issueRoutes } from './rest-issues';
import { labelRoutes } from './rest-labels';
import { memberRoutes } from './rest-members';
import { miscRoutes } from './rest-misc';
import { noteRoutes } from './rest-notes';
import { dispatch, type Route } from './router';
import type { GitlabState } from './state';

export type { GitlabState } from './state';
export { createGitlabState } from './seed';

const routes: Route[] = [...miscRoutes, ...labelRoutes, ...memberRoutes, ...issueRoutes, ...noteRoutes];

export function gitlabHandler(state: GitlabState, req: SandboxRequest): SandboxReply | null {
  if (req.path === '/api/graphql') return graphqlHandler(state, req);
  if (req.path.startsWith('/api/v4/')) return dispatch(routes, state, req, req.path.slice('/api/v4'.length));
  return pageHandler(state, req);
}
