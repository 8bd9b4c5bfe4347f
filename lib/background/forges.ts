// One adapter instance per connection (and token), so caches such as GitHub ETags live as long as the worker.
import type { Connection, Forge } from '../forge/forge';
import { ForgeError } from '../forge/errors';

const cache = new Map<string, { token: string; forge: Forge }>();

function create(c: Connection): Forge {
  throw new ForgeError('unknown', `No adapter for ${c.kind} yet`);
}

export function forgeFor(c: Connection): Forge {
  const hit = cache.get(c.id);
  if (hit && hit.token === c.token) return hit.forge;
  const forge = create(c);
  cache.set(c.id, { token: c.token, forge });
  return forge;
}
