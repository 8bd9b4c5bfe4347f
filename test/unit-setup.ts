// Unit tests wait for outcomes, never for a time; these are only the limits of such waits. The libraries' default of
// 1 s is short for a loaded 2-core CI machine (a second build running beside the tests): a wait that passes only on an
// idle machine fails by chance. An outcome that never comes still fails, after 5 s.
import { configure } from '@testing-library/dom';
import { vi } from 'vitest';

export const WAIT_LIMIT_MS = 5_000;

configure({ asyncUtilTimeout: WAIT_LIMIT_MS });

const waitFor = vi.waitFor.bind(vi);
vi.waitFor = ((callback, options) =>
  waitFor(callback, typeof options === 'number' ? options : { timeout: WAIT_LIMIT_MS, ...options })) as typeof vi.waitFor;

// happy-dom has no Event#isTrusted. Testing Library's events stand for a user's input, as the browser's own are:
// trusted. A test of what a page script could forge marks its event untrusted itself (an own isTrusted: false).
if (typeof Event !== 'undefined' && !('isTrusted' in Event.prototype)) {
  Object.defineProperty(Event.prototype, 'isTrusted', { configurable: true, get: () => true });
}

// The background keeps connections in IndexedDB (lib/background/vault.ts); Node and happy-dom have none.
import 'fake-indexeddb/auto';
