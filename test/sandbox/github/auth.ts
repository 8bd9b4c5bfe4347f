// Who is asking and what they may do, with GitHub's error bodies.
import type { SandboxReply, SandboxRequest } from '../core';
import { findUser, type GhRepo, type GhToken, type GhUser, type GithubState, type Permission } from './model';

export type Identity =
  | { kind: 'anonymous'; key: 'anonymous' }
  | { kind: 'token'; key: string; token: GhToken; user: GhUser };

/** GitHub's error body: `{"message", "documentation_url", "status"}` (status as a string). */
export function ghError(status: number, message: string, documentationUrl: string, extra: Record<string, unknown> = {}): SandboxReply {
  return { status, body: { message, ...extra, documentation_url: documentationUrl, status: String(status) } };
}

export const DOCS = 'https://docs.github.com/rest';

/** `Authorization: token t` / `Bearer t`; absent → anonymous; unknown token → null (401 Bad credentials). */
export function identify(state: GithubState, req: SandboxRequest): Identity | null {
  const header = req.headers.authorization;
  if (!header) return { kind: 'anonymous', key: 'anonymous' };
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
  const token = m ? state.tokens[m[1]!] : undefined;
  const user = token ? findUser(state, token.userId) : undefined;
  if (!token || !user) return null;
  return { kind: 'token', key: `user:${user.id}`, token, user };
}

export function badCredentials(): SandboxReply {
  return ghError(401, 'Bad credentials', DOCS);
}

/** What the identity may do in the repository; null when it cannot even see it (GitHub answers 404 then). */
export function repoAccess(id: Identity, repo: GhRepo): Permission | null {
  if (id.kind === 'anonymous') return repo.private ? null : 'pull';
  const member = repo.permissions[id.user.id] ?? null;
  if (id.token.kind === 'classic') {
    const scopes = id.token.scopes;
    // Private repositories need the `repo` scope even to be seen.
    if (repo.private && !scopes.includes('repo')) return null;
    return member ?? (repo.private ? null : 'pull');
  }
  return member ?? (repo.private ? null : 'pull');
}

export type WriteKind = 'comment' | 'triage';

/**
 * Whether a write is allowed; the refusal GitHub would give otherwise. Commenting needs only read access to the
 * repository, labels/assignees/milestones need push; tokens must also allow writing.
 */
export function writeRefusal(id: Identity, repo: GhRepo, kind: WriteKind, doc: string): SandboxReply | null {
  const perm = repoAccess(id, repo);
  if (perm === null) return ghError(404, 'Not Found', doc);
  if (id.kind === 'anonymous') return ghError(401, 'Requires authentication', doc);
  if (id.token.kind === 'fine-grained' && id.token.issues !== 'write') {
    return ghError(403, 'Resource not accessible by personal access token', doc);
  }
  if (id.token.kind === 'classic') {
    const scopes = id.token.scopes;
    const canWrite = scopes.includes('repo') || (!repo.private && scopes.includes('public_repo'));
    // Missing scopes surface as 404 on GitHub ("Not Found" for resources the token may not touch).
    if (!canWrite) return ghError(404, 'Not Found', doc);
  }
  if (kind === 'triage' && perm === 'pull') return ghError(403, 'Must have push access to repository', doc);
  return null;
}
