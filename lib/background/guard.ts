// Who may talk to the background: our own extension pages, and our content scripts on a configured host,
// each only for the methods it needs and only about issues on the host it runs on.
import type { Method, Sender } from '../messaging';
import { connectionForUrl } from './connections';

const PAGE_ONLY: ReadonlySet<Method> = new Set(['listConnections', 'saveConnection', 'removeConnection', 'testConnection']);

export interface GuardContext {
  runtimeId: string;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
  connections: { kind: 'gitlab' | 'github'; baseUrl: string }[];
}

export function isAllowedSender(ctx: GuardContext, sender: Sender, method: Method, params: unknown): boolean {
  if (sender.id !== ctx.runtimeId || !sender.url) return false;
  // URL#origin is "null" for extension schemes in some engines: compare the prefix instead.
  if (sender.url.startsWith(`${ctx.extensionOrigin}/`)) return true;
  if (PAGE_ONLY.has(method)) return false;
  const pageConnection = connectionForUrl(ctx.connections, sender.url);
  if (!pageConnection) return false;
  // A content script may only act on issues of the host it is running on.
  const ref = (params as { ref?: { baseUrl?: string } } | undefined)?.ref;
  if (ref?.baseUrl !== undefined) return ref.baseUrl === pageConnection.baseUrl;
  return true;
}
