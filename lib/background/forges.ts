// One adapter instance per connection (and token), so caches (ours, GitHub ETags) live as long as the worker.
import type { Connection, Forge } from '../forge/forge';
import { withCache, type CachedForge } from './cached-forge';
import { createGithubForge } from '../forge/github';
import { GitlabForge } from '../forge/gitlab';

const cache = new Map<string, { token: string; forge: CachedForge }>();

function create(c: Connection): Forge {
  return c.kind === 'gitlab' ? new GitlabForge(c) : createGithubForge(c);
}

export function forgeFor(c: Connection): CachedForge {
  const hit = cache.get(c.id);
  if (hit && hit.token === c.token) return hit.forge;
  const forge = withCache(create(c));
  cache.set(c.id, { token: c.token, forge });
  return forge;
}
