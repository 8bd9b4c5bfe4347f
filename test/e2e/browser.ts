// Launches Debian's Chromium with a built extension; shared by the e2e tests, the demo and the benchmark.
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VAULT } from '../../lib/background/vault';
import type { Sandbox } from '../sandbox/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const E2E_BUILD = path.resolve(process.env.REFINERY_OUT_DIR ?? '.output', 'chrome-mv3-e2e');

export function chromiumArgs(extensionDir: string | null): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export interface Launched {
  context: BrowserContext;
  worker: Worker | null;
  extensionId: string | null;
  close(): Promise<void>;
}

export async function launch(opts: { extensionDir?: string | null; headless?: boolean } = {}): Promise<Launched> {
  const extensionDir = opts.extensionDir === undefined ? E2E_BUILD : opts.extensionDir;
  if (extensionDir && !fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npx wxt build --mode e2e\` first.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'refinery-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: chromiumArgs(extensionDir),
    viewport: { width: 1280, height: 900 },
  });
  let worker: Worker | null = null;
  if (extensionDir) worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: worker ? new URL(worker.url()).host : null,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Answers gitlab.com, github.com and api.github.com from the sandbox, for pages and for the extension's own
 * fetches (context.route also sees the service worker's requests).
 */
export async function routeForgesToSandbox(context: BrowserContext, sandbox: Sandbox): Promise<void> {
  const forward = (target: () => string, host: string, prefix = '') =>
    async (route: import('@playwright/test').Route) => {
      const req = route.request();
      const u = new URL(req.url());
      try {
        const response = await route.fetch({
          url: `${target()}${prefix}${u.pathname}${u.search}`,
          headers: { ...req.headers(), 'x-forwarded-host': host, 'x-forwarded-proto': 'https' },
          maxRedirects: 0,
        });
        await route.fulfill({ response });
      } catch {
        await route.abort('connectionfailed').catch(() => undefined);
      }
    };
  await context.route('https://gitlab.com/**', forward(() => sandbox.gitlab.url, 'gitlab.com'));
  await context.route('https://github.com/**', forward(() => sandbox.github.url, 'github.com'));
  await context.route('https://api.github.com/**', forward(() => sandbox.github.url, 'github.com', '/api/v3'));
}

export interface ConnectionSeed {
  id: string;
  kind: 'gitlab' | 'github';
  baseUrl: string;
  token: string | null;
}

/**
 * Writes connections straight into the background's vault (IndexedDB of the extension origin, as
 * lib/background/vault.ts keeps them; the options page's own flow has its own test) and announces the change on the
 * vault's channel, as the background does after its own writes, so it registers content scripts for them.
 */
export async function seedConnections(worker: Worker, connections: ConnectionSeed[]): Promise<void> {
  await worker.evaluate(async ({ list, vault }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(vault.db, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(vault.store);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(vault.store, 'readwrite');
      tx.objectStore(vault.store).put(list, vault.key);
      tx.objectStore(vault.store).put(true, vault.migratedKey);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const channel = new BroadcastChannel(vault.channel);
    channel.postMessage('changed');
    channel.close();
  }, { list: connections, vault: VAULT });
}

/** The connections in the background's vault, as stored. */
export async function vaultConnections(worker: Worker): Promise<unknown[]> {
  return worker.evaluate(async (vault) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(vault.db, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(vault.store);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const get = db.transaction(vault.store).objectStore(vault.store).get(vault.key);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return Array.isArray(value) ? value : [];
  }, VAULT);
}
