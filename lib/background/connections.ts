// Connections (forge kind, base URL, token) live only here, in the background's vault (vault.ts: IndexedDB of the
// extension origin, out of content scripts' reach). Versions before it kept them in storage.local, which content
// scripts can read and write: they are moved once, then that key is deleted and never read again.
import { storage } from '#imports';
import { ForgeError } from '../forge/errors';
import { isInsecureBaseUrl } from '../forge/model';
import { hostFor, normalizeBaseUrl } from '../page/hosts';
import type { Connection } from '../forge/forge';
import type { ConnectionInfo } from '../messaging';
import { migrateOnce, readVault, watchVault, writeVault, type StoredConnection } from './vault';

export const BUILT_IN: readonly Omit<Connection, 'token'>[] = [
  { id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com' },
  { id: 'github.com', kind: 'github', baseUrl: 'https://github.com' },
];

/** Where versions before the vault kept connections: read once, for the move, then deleted. */
const legacy = storage.defineItem<StoredConnection[]>('local:connections', { fallback: [] });

/**
 * Moves connections stored by an older version into the vault, once: after that the old key is only deleted, since
 * anything found there later was written by someone else (a content script can write storage.local).
 */
async function migrate(): Promise<void> {
  const old = await legacy.getValue();
  await migrateOnce(Array.isArray(old) ? old : []);
  await legacy.removeValue();
}

let migrated: Promise<void> | null = null;
async function stored(): Promise<StoredConnection[]> {
  migrated ??= migrate().catch((e: unknown) => {
    migrated = null; // try again on the next read
    throw e;
  });
  await migrated;
  return (await readVault()) ?? [];
}

export function normaliseBaseUrl(url: string): string {
  const normal = normalizeBaseUrl(url);
  if (!normal) throw new ForgeError('invalid', `Not an http(s) address: ${url}`);
  return normal;
}

/** Built-ins first (with any token set for them), then self-managed hosts. */
export async function loadConnections(): Promise<StoredConnection[]> {
  const list = await stored();
  const builtIns = BUILT_IN.map((b) => ({ ...b, token: list.find((s) => s.id === b.id)?.token ?? null }));
  return [...builtIns, ...list.filter((s) => !BUILT_IN.some((b) => b.id === s.id))];
}

export function toInfo(c: StoredConnection): ConnectionInfo {
  return {
    id: c.id,
    kind: c.kind,
    baseUrl: c.baseUrl,
    hasToken: !!c.token,
    tokenHint: c.token && c.token.length >= 12 ? c.token.slice(-4) : null,
    builtIn: BUILT_IN.some((b) => b.id === c.id),
  };
}

export interface SaveInput {
  id?: string;
  kind: 'gitlab' | 'github';
  baseUrl: string;
  token?: string;
  /** Required (true) for an http:// base URL that is not loopback: the user confirmed the risk. */
  allowInsecure?: boolean;
}

/** Refuses a connection whose token would travel in clear text without the user's confirmation. */
export function checkTransport(c: { baseUrl: string; allowInsecure?: boolean }): void {
  if (isInsecureBaseUrl(c.baseUrl) && c.allowInsecure !== true) {
    throw new ForgeError(
      'invalid',
      `${c.baseUrl} is an http:// address: the token would travel unencrypted. Use https://, or confirm the risk in Refinery's options.`,
    );
  }
}

export async function saveConnection(input: SaveInput): Promise<StoredConnection> {
  const all = await loadConnections();
  const baseUrl = normaliseBaseUrl(input.baseUrl);
  const existing = all.find((c) => (input.id ? c.id === input.id : c.kind === input.kind && c.baseUrl === baseUrl));
  const token = input.token?.trim() ? input.token.trim() : (existing?.token ?? null);
  const saved: StoredConnection = existing
    ? { ...existing, token, baseUrl: existing.id === baseUrl || BUILT_IN.some((b) => b.id === existing.id) ? existing.baseUrl : baseUrl }
    : { id: `${input.kind}:${baseUrl}`, kind: input.kind, baseUrl, token };
  if (input.allowInsecure === true && isInsecureBaseUrl(saved.baseUrl)) saved.allowInsecure = true;
  checkTransport(saved);
  await writeVault([...all.filter((c) => c.id !== saved.id), saved]);
  return saved;
}

export async function removeConnection(id: string): Promise<boolean> {
  if (BUILT_IN.some((b) => b.id === id)) return false;
  const all = await loadConnections();
  if (!all.some((c) => c.id === id)) return false;
  await writeVault(all.filter((c) => c.id !== id));
  return true;
}

/** The connection serving a URL: same origin, longest base path prefix (GitLab may live under /gitlab). */
export function connectionForUrl<T extends { kind: 'gitlab' | 'github'; baseUrl: string }>(connections: T[], url: string): T | null {
  const match = hostFor(url, connections);
  return match ? (connections.find((c) => normalizeBaseUrl(c.baseUrl) === match.baseUrl) ?? null) : null;
}

export function watchConnections(cb: () => void): () => void {
  return watchVault(cb);
}

export type { StoredConnection };
