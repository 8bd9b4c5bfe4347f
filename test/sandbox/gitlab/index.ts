// GitLab REST v4 (+ GraphQL health status) and GitLab-like pages. To be filled in.
import type { SandboxReply, SandboxRequest } from '../core';

export interface GitlabState {
  placeholder: true;
}
export function createGitlabState(): GitlabState {
  return { placeholder: true };
}
export function gitlabHandler(_state: GitlabState, _req: SandboxRequest): SandboxReply | null {
  return null;
}
