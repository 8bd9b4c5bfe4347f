// GitHub Enterprise-like sandbox forge: REST v3 under /api/v3, a little GraphQL, and GitHub-like pages, over in-memory state.
import type { SandboxReply, SandboxRequest } from '../core';
import { githubApi } from './api';
import { graphqlHandler, isGraphqlPath } from './graphql';
import type { GithubState } from './model';
import { githubPages } from './pages';
import { seedState } from './seed';

export type { GithubState } from './model';
export { exhaustRateLimit } from './rate-limit';

/** A fresh, seeded state (see SANDBOX.md for the fixed identifiers). */
export function createGithubState(): GithubState {
  return seedState();
}

export function githubHandler(state: GithubState, req: SandboxRequest): SandboxReply | null {
  if (isGraphqlPath(req)) return graphqlHandler(state, req);
  return githubApi(state, req) ?? githubPages(state, req);
}
