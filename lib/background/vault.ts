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

/**
 * Moves connections of an older version in, once, in one transaction: the check, the merge and the mark cannot
 * interleave with another write (which would be lost). Returns whether this call did the move.
 */
export async function migrateOnce(legacy: readonly StoredConnection[]): Promise<boolean> {
  const db = await open();
  try {
    const moved = await new Promise<boolean>((resolve, reject) => {
      const tx = db.transaction(VAULT.store, 'readwrite');
      const store = tx.objectStore(VAULT.store);
      let did = false;
      const flag = store.get(VAULT.migratedKey);
      flag.onsuccess = () => {
        if (flag.result === true) return;
        const current = store.get(VAULT.key);
        current.onsuccess = () => {
          const list = Array.isArray(current.result) ? (current.result as StoredConnection[]) : [];
          const fresh = legacy.filter((c) => c && typeof c.id === 'string' && !list.some((k) => k.id === c.id));
          store.put([...list, ...fresh], VAULT.key);
          store.put(true, VAULT.migratedKey);
          did = true;
        };
      };
      tx.oncomplete = () => resolve(did);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    if (moved) announce();
    return moved;
  } finally {
    db.close();
  }
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
