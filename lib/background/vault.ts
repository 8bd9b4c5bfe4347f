// Where connections and their tokens are kept: IndexedDB of the extension's own origin, which only the background
// (and our extension pages) can open. storage.local is readable and writable by every content script (an audit read
// all four tokens from the github.com content script, and a write could point a connection at another server), so no
// connection stays there. Writes are announced on a BroadcastChannel of the extension's origin, which pages of other
// origins, content scripts included, cannot reach.
export interface StoredConnection {
  id: string;
  kind: 'gitlab' | 'github';
  baseUrl: string;
  token: string | null;
  /** The user confirmed sending the token over http:// to this host, which is not loopback. */
  allowInsecure?: true;
}

/** Names shared with the e2e tests, which seed connections the way the background stores them. */
export const VAULT = { db: 'refinery', store: 'vault', key: 'connections', migratedKey: 'migrated', channel: 'refinery:connections' } as const;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(VAULT.db, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(VAULT.store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
  });
}

async function run<T>(mode: IDBTransactionMode, job: (store: IDBObjectStore) => IDBRequest | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(VAULT.store, mode);
      const request = job(tx.objectStore(VAULT.store));
      tx.oncomplete = () => resolve(request ? (request.result as T) : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** The stored connections; null when the vault was never written. */
export async function readVault(): Promise<StoredConnection[] | null> {
  const value = await run<unknown>('readonly', (store) => store.get(VAULT.key));
  return Array.isArray(value) ? (value as StoredConnection[]) : null;
}

/** Replaces the stored connections (one transaction) and says so to the extension's other contexts. */
export async function writeVault(connections: StoredConnection[]): Promise<void> {
  await run('readwrite', (store) => store.put(connections, VAULT.key));
  announce();
}

export async function isMigrated(): Promise<boolean> {
  return (await run<unknown>('readonly', (store) => store.get(VAULT.migratedKey))) === true;
}

export async function markMigrated(): Promise<void> {
  await run('readwrite', (store) => store.put(true, VAULT.migratedKey));
}

function announce(): void {
  const channel = new BroadcastChannel(VAULT.channel);
  channel.postMessage('changed');
  channel.close();
}

/** Calls `cb` after every write, made in this context or another of the extension's own (a channel hears the others). */
export function watchVault(cb: () => void): () => void {
  const channel = new BroadcastChannel(VAULT.channel);
  channel.onmessage = () => cb();
  return () => channel.close();
}
