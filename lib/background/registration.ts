// Content scripts for self-managed hosts are registered at runtime, once their host permission is granted.
import { browser } from 'wxt/browser';
import { BUILT_IN } from './connections';

const PREFIX = 'refinery-';

/** Match pattern for a base URL: ports are dropped (patterns match every port), a relative root is kept. */
export function matchPatternFor(baseUrl: string): string {
  const u = new URL(baseUrl);
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.protocol}//${u.hostname}${path}/*`;
}

export function scriptIdFor(kind: string, baseUrl: string): string {
  return `${PREFIX}${kind}-${baseUrl.replace(/[^a-z0-9]+/gi, '_')}`;
}

export function originPatternFor(baseUrl: string): string {
  const u = new URL(baseUrl);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Makes the registered scripts match the self-managed connections whose host permission we hold. */
export async function syncContentScripts(connections: { kind: 'gitlab' | 'github'; baseUrl: string; id: string }[]): Promise<void> {
  const selfManaged = connections.filter((c) => !BUILT_IN.some((b) => b.id === c.id));
  const wanted: { id: string; js: string[]; matches: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }[] = [];
  for (const c of selfManaged) {
    const granted = await browser.permissions.contains({ origins: [originPatternFor(c.baseUrl)] });
    if (!granted) continue;
    wanted.push({
      id: scriptIdFor(c.kind, c.baseUrl),
      // The content script alone: it imports the UI module (web-accessible) on the pages it serves, as on gitlab.com.
      js: [`content-scripts/${c.kind}.js`],
      matches: [matchPatternFor(c.baseUrl)],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
  // Registrations persist across sessions: one from an older version (other files) is replaced too.
  const same = (w: (typeof wanted)[number], r: (typeof registered)[number]) =>
    w.id === r.id && w.matches[0] === r.matches?.[0] && w.js.join() === (r.js ?? []).join();
  const stale = registered.filter((r) => !wanted.some((w) => same(w, r)));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  const missing = wanted.filter((w) => !registered.some((r) => r.id === w.id) || stale.some((s) => s.id === w.id));
  if (missing.length) await browser.scripting.registerContentScripts(missing);
}

/**
 * Syncs one at a time, each with the connections as they are when it starts; calls made while one runs are answered
 * by one more run after it. Two overlapping syncs raced: one that had read an older list could unregister what the
 * other had just registered (seen in the e2e suite when connections were written during the background's start).
 */
export function serialSync(load: () => Promise<Parameters<typeof syncContentScripts>[0]>, sync = syncContentScripts): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const runOnce = async (): Promise<void> => {
    do {
      again = false;
      await sync(await load());
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = runOnce().finally(() => {
      running = null;
    });
    return running;
  };
}
