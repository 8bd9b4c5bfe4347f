// GitHub REST v3 (GHE layout, /api/v3) and GitHub-like pages. To be filled in.
import type { SandboxReply, SandboxRequest } from '../core';

export interface GithubState {
  placeholder: true;
}
export function createGithubState(): GithubState {
  return { placeholder: true };
}
export function githubHandler(_state: GithubState, _req: SandboxRequest): SandboxReply | null {
  return null;
}
