// A fuzz test of the background's message protocol: the real listener (serve), guard, handlers, vault and forge
// adapters, wired as entrypoints/background.ts wires them, against the sandbox forge. At least 1,500 malformed,
// oversized, wrong-typed, prototype-polluting and hostile-path messages across every method (and names that are not
// methods) from content scripts, extension pages and strangers: no exception escapes the listener, every message is
// answered once and in time, no promise is left rejected, no answer holds a token (a content script sees no part of
// one), no prototype is polluted, and every request that reaches the forge goes to a path the adapters mean to call.
// Messages with a hostile path, base URL, issue number or sender cause no request at all.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addLabels } from '../../test/sandbox/github/mutate';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import type { MessageSource, Sender } from '../messaging';
import type { StoredConnection } from './vault';

type Listener = Parameters<MessageSource['onMessage']['addListener']>[0];
type Obj = Record<string, unknown>;

// Tokens of their own (valid in the sandbox as copies of its seeded ones), so that a 4-character tail found in an
// answer is a leak and not the word "token" of a message.
const GITLAB_TOKEN = 'glpat-Fz7Qw3Xv9Lk2Pm8R';
const GITHUB_TOKEN = 'ghp_Zk4Tn8Hs5Dy1Jc6VgQe0';
const SEEDED_TOKENS = ['sandbox-gitlab-token', 'sandbox-github-token'];

const HANG_MS = 5_000;
const MIN_HOSTILE = 1_500;

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32): the same messages every run.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(0x5eed_f022);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
function sample<T>(list: readonly T[], n: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values, built once and shared by reference (a 2 MB string costs its memory once).
const MISSING = Symbol('missing');
const STR_1MB = 'a'.repeat(1024 * 1024);
const STR_2MB = '\u00e9'.repeat(2 * 1024 * 1024);
const HUGE_ARRAY = Array.from({ length: 10_000 }, (_, i) => i);
const HUGE_STRINGS = Array.from({ length: 10_000 }, (_, i) => `label-${i}`);
function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}
const DEEP = nested(1_000, { polluted: 1 }, (inner) => ({ a: inner }));
const DEEP_ARRAY = nested(1_000, [], (inner) => [inner]);
/** 1,000 levels, each with an own `__proto__` key (as JSON.parse makes them) next to a `ref`. */
const DEEP_PROTO: unknown = JSON.parse(`${'{"__proto__":{"polluted":1},"ref":'.repeat(1_000)}{}${'}'.repeat(1_000)}`);
const WIDE = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
const protoPayloads = (): unknown[] => [
  JSON.parse('{"__proto__":{"polluted":1}}'),
  { constructor: { prototype: { polluted: 1 } } },
  JSON.parse('{"__proto__":{"__proto__":{"polluted":1}},"constructor":{"prototype":{"polluted":1}}}'),
  { prototype: { polluted: 1 }, toString: 'x', valueOf: 1, hasOwnProperty: null },
];

const WRONG: readonly unknown[] = [
  MISSING, undefined, null, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, 1e20, 2 ** 53, '', 'x', '1', 'true', true, false,
  [], ['x'], [null], [[[]]], {}, { a: 1 }, Object.create(null) as unknown,
];
const OVERSIZED: readonly unknown[] = [STR_1MB, STR_2MB, HUGE_ARRAY, HUGE_STRINGS, DEEP, DEEP_ARRAY, WIDE, DEEP_PROTO];
const GARBAGE: readonly unknown[] = [
  ...WRONG.filter((v) => v !== MISSING), STR_1MB, HUGE_ARRAY, DEEP, DEEP_ARRAY, WIDE, DEEP_PROTO, ...protoPayloads(),
];

/** Container paths that must never reach the forge: dot segments, encodings, empty segments, control characters… */
const HOSTILE_PATHS: readonly string[] = [
  '..', '.', 'x/..', '../x', './a', 'a/./b', 'a//b', '//', '/', '/acme/platform/backend', 'acme/platform/backend/',
  '%2e%2e', '%2E%2E/%2e%2e', '.%2e', 'a/%2F/b', 'acme%2Fplatform%2Fbackend', 'acme/platform/..%2fbackend',
  'acme/platform/backend/../../../user', '../../../../api/v4/user', 'acme/..', 'acme/.', '../widgets', 'acme/widgets/..',
  'acme/widgets/./issues', 'acme\\platform\\backend', 'acme\\..\\..', 'acme/platform/backend\u0000', 'acme/plat\u0000form',
  'acme/platform\n/backend', 'acme/platform/backend\r\n', 'acme/\tplatform', 'acme/platform/\u202ebackend', 'acme/wid\u202egets',
  'acme/platform/backend\u007f', '\u0430cme/platform/backend', '\u0430cme/widgets', 'acme\u2215platform\u2215backend',
  'acme\uff0fplatform\uff0fbackend', '\uff0e\uff0e/x', '\u2025/x', 'acme/platform/backend?x=1', 'acme/widgets#x',
  'acme/platform/backend/-/issues', 'acme/widgets/-/issues', ' acme/platform/backend', 'acme/ platform', 'acme/widgets ',
  Array.from({ length: 1_000 }, () => 'a').join('/'), Array.from({ length: 1_000 }, () => '..').join('/'),
  'acme/platform/backend;x=..', 'acme/platform/%00', '~/x', '-acme/x', 'acme/' + 'w'.repeat(2_000),
];
const hostileBaseUrls = (gl: string, gh: string): string[] => [
  'https://evil.example', 'http://evil.example', 'javascript:alert(1)', 'javascript://127.0.0.1/%0aalert(1)', 'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>', 'data:application/json,{}', 'http://user:pass@127.0.0.1', gl.replace('://', '://user:pass@'),
  gl.replace('://', '://:x@'), `${gl}@evil.example`, `${gh}/..`, `${gl}/gitlab/..`, `${gl}/x/..`, `${gl}/%2e%2e`, `${gl}/./`, `${gl}/.`, `${gh}/a/../`,
  `${gl}?x=1`, `${gh}#frag`, `${gl}/api/v4`, `${gh}/api/v3`, `${gl}/gitlab/../api/v4`, 'ftp://127.0.0.1', '//evil.example',
  'evil.example', `${gl}\u0000`, `${gl}/\u202e`, `${gh}/\u0000`, 'https://gitlab.com', 'https://github.com', 'https://api.github.com',
  gl.replace('127.0.0.1', 'localhost'), gl.replace('127.0.0.1', '[::1]'), gh.replace('127.0.0.1', '127.1'), gl.toUpperCase(), `${gh}\\`,
  'chrome-extension://ext-id', `${STR_1MB}`, `${gl}/${'a/'.repeat(600)}`,
];
/** Odd but well-formed paths: they may reach the forge (as the paths they are), never another route. */
const ODD_PATHS: readonly string[] = [
  'acme/widgets/issues/1', 'acme/...', '.../...', '.hidden/x', 'acme/.github', `${'a/'.repeat(500)}a`, 'acme/platform/backend.git',
  '_/_', 'acme/wid.gets', 'acme/platform/backend.atom', 'ACME/PLATFORM/BACKEND', 'acme/platform/backend/issues/1', 'acme/widgets.git',
];
/** Base URLs the URL parser or the schema reads as a configured one (whitespace around it, a trailing slash). */
const oddBaseUrls = (base: string): string[] => [`${base}\n`, ` ${base}`, `${base}\t`, `${base}/`, `${base}//`];
const HOSTILE_IIDS: readonly unknown[] = [0, -0, -1, 1e20, NaN, Infinity, -Infinity, '1', 1.5, 2 ** 53, -(2 ** 53), '0x1', [1], { valueOf: 1 }, null];
const HOSTILE_LABELS: readonly string[] = ['.', '..', ' .. ', '%2e%2e', '../..', 'a/../b', '..\u0000', '\u0000', '\u202e..', '?x=1', '#x', 'a/b'];
/**
 * GitHub spaces writes a second apart (Octokit's throttling), so GitHub gets few of them: these labels are put on the
 * issue in the sandbox directly, and each is removed by one message (the it.fails tests at the end).
 */
const GITHUB_LABELS_TO_REMOVE = ['.', '..', '\u0000'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Helpers on plain data.
const isPlain = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));
type Path = (string | number)[];
/** Every position in a value: each key and (the first two) array items, objects included, leaves last. */
function positions(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => out.push([...prefix, i], ...positions(x, [...prefix, i])));
  else if (isPlain(v)) for (const k of Object.keys(v)) out.push([...prefix, k], ...positions(v[k], [...prefix, k]));
  return out;
}
function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Obj)[k as string], root);
}
/** `root` with the value at `path` replaced (MISSING: deleted); `root` is a fresh copy, changed in place. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value === MISSING ? undefined : value;
  const parent = getAt(root, path.slice(0, -1)) as Obj;
  const key = path[path.length - 1] as string;
  if (value === MISSING) delete parent[key];
  else parent[key] = value;
  return root;
}
/** Own `__proto__` / `constructor` / `prototype` keys next to the real ones, as JSON.parse or a hostile page makes them. */
function pollute(target: Obj, how: number): void {
  const own = (key: string, value: unknown) =>
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  if (how === 0) own('__proto__', { polluted: 1 });
  if (how === 1) own('constructor', { prototype: { polluted: 1 } });
  if (how === 2) {
    own('__proto__', JSON.parse('{"__proto__":{"polluted":1},"polluted":1}'));
    own('constructor', { prototype: { polluted: 1 } });
    own('prototype', { polluted: 1 });
  }
  if (how === 3) own('__proto__', Object.assign(Object.create(null) as Obj, { polluted: 1, toString: 'x' }));
}
const show = (v: unknown): string => {
  if (v === MISSING) return '<missing>';
  if (typeof v === 'string') return v.length > 60 ? `"${v.slice(0, 20)}…" (${v.length} chars)` : JSON.stringify(v);
  if (Array.isArray(v)) return `array(${v.length})`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return v === DEEP || v === DEEP_PROTO ? 'deep object(1000)' : `object(${Object.keys(v as object).length} keys)`;
};

// ---------------------------------------------------------------------------------------------------------------
// The stack under test.
let sandbox: Sandbox;
let messaging: typeof import('../messaging');
let forgeErrors: typeof import('../forge/errors');
let vault: typeof import('./vault');
let listener: Listener;
let baseline: StoredConnection[];
let gl = '';
let gh = '';
const fetched: { url: string; method: string; at: number }[] = [];
let current = -1;

beforeAll(async () => {
  sandbox = await startSandbox();
  gl = sandbox.gitlab.url;
  gh = sandbox.github.url;
  const seeded = sandbox.gitlab.state.tokens.find((t) => t.token === 'sandbox-gitlab-token')!;
  sandbox.gitlab.state.tokens.push({ ...seeded, id: 990, token: GITLAB_TOKEN });
  sandbox.github.state.tokens[GITHUB_TOKEN] = sandbox.github.state.tokens['sandbox-github-token']!;
  // Labels named like dot segments on acme/widgets#1, for changeLabels to remove (GitHub names the label in the path).
  const widgets = sandbox.github.state.repos.find((r) => r.name === 'widgets')!;
  addLabels(sandbox.github.state, widgets, widgets.issues.find((i) => i.number === 1)!, [...GITHUB_LABELS_TO_REMOVE], 101);

  // A fresh profile: storage, the vault's IndexedDB, and modules (the connections store's one-time move, forge caches).
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  messaging = await import('../messaging');
  forgeErrors = await import('../forge/errors');
  vault = await import('./vault');
  const { isAllowedSender } = await import('./guard');
  const { loadConnections, saveConnection } = await import('./connections');
  const { createHandlers } = await import('./handlers');
  const { forgeFor } = await import('./forges');
  const { toErrorData } = await import('./errors');

  await saveConnection({ kind: 'gitlab', baseUrl: gl, token: GITLAB_TOKEN });
  await saveConnection({ kind: 'gitlab', baseUrl: `${gl}/gitlab`, token: GITLAB_TOKEN });
  await saveConnection({ kind: 'github', baseUrl: gh, token: GITHUB_TOKEN });
  baseline = (await vault.readVault())!;

  // Every request leaves through fetch: kept for the path check; one to anywhere but the sandbox is refused.
  const realFetch = globalThis.fetch;
  const sandboxOrigins = new Set([new URL(gl).origin, new URL(gh).origin]);
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    // Not `new Request(input)`: that would take a Request's body away from the real call.
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
    fetched.push({ url, method, at: current });
    if (!sandboxOrigins.has(new URL(url).origin)) throw new TypeError('fuzz test: no request leaves the sandbox');
    return realFetch(input, init);
  });

  const source: MessageSource = {
    onMessage: {
      addListener: (l) => (listener = l),
      removeListener: () => undefined,
    },
  };
  messaging.serve(
    createHandlers(forgeFor),
    async (sender, method, params) =>
      isAllowedSender(
        { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id', connections: await loadConnections() },
        sender,
        method,
        params,
      ),
    toErrorData,
    source,
  );
});

afterAll(async () => {
  vi.restoreAllMocks();
  await sandbox?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Senders and valid requests.
type Host = 'gl' | 'glr' | 'gh';
const HOSTS: readonly Host[] = ['gl', 'glr', 'gh'];
const baseOf = (h: Host) => (h === 'gl' ? gl : h === 'glr' ? `${gl}/gitlab` : gh);
const pathOf = (h: Host) => (h === 'gh' ? 'acme/widgets' : 'acme/platform/backend');
const kindOf = (h: Host) => (h === 'gh' ? 'github' : 'gitlab');
const pageUrlOf = (h: Host, iid = 1) => (h === 'gh' ? `${gh}/acme/widgets/issues/${iid}` : `${baseOf(h)}/acme/platform/backend/-/issues/${iid}`);
const refOf = (h: Host, iid = 1): Obj => ({ forge: kindOf(h), baseUrl: baseOf(h), container: 'project', path: pathOf(h), iid, kind: 'issue' });

type SenderName = 'cs-gl' | 'cs-glr' | 'cs-gh' | 'page' | 'popup' | 'other-ext' | 'other-ext-page' | 'no-url' | 'no-id' | 'evil-host' | 'spoofed-page' | 'cs-gl-other-issue';
const FOREIGN: readonly SenderName[] = ['other-ext', 'other-ext-page', 'no-url', 'no-id', 'evil-host', 'spoofed-page'];
const csOf = (h: Host): SenderName => (h === 'gl' ? 'cs-gl' : h === 'glr' ? 'cs-glr' : 'cs-gh');
const isPage = (s: SenderName) => s === 'page' || s === 'popup';
function senderFor(name: SenderName): Sender {
  switch (name) {
    case 'cs-gl':
      return { id: 'ext-id', url: pageUrlOf('gl'), tab: {} };
    case 'cs-glr':
      return { id: 'ext-id', url: pageUrlOf('glr'), tab: {} };
    case 'cs-gh':
      return { id: 'ext-id', url: pageUrlOf('gh'), tab: {} };
    case 'cs-gl-other-issue':
      return { id: 'ext-id', url: pageUrlOf('gl', 2), tab: {} };
    case 'page':
      return { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
    case 'popup':
      return { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
    case 'other-ext':
      return { id: 'other-ext-id', url: pageUrlOf('gl'), tab: {} };
    case 'other-ext-page':
      return { id: 'other-ext-id', url: 'chrome-extension://other-ext-id/options.html' };
    case 'no-url':
      return { id: 'ext-id', tab: {} };
    case 'no-id':
      return { url: pageUrlOf('gh'), tab: {} };
    case 'evil-host':
      return { id: 'ext-id', url: 'https://evil.example/acme/platform/backend/-/issues/1', tab: {} };
    case 'spoofed-page':
      return { id: 'ext-id', url: 'chrome-extension://ext-id.evil.example/options.html' };
  }
}

/** Methods only extension pages may call (guard.ts: 'pages'). */
const PAGE_ONLY = new Set(['listConnections', 'saveConnection', 'removeConnection', 'testConnection', 'capacity']);
/** Methods that write to the issue (a content script may only write to the issue its page shows). */
const WRITES = new Set(['changeLabels', 'setWeight', 'setSplitWeight', 'moveWeightLabel', 'moveWorkflowLabel', 'createSubIssue', 'setIssueType', 'setHealthStatus', 'setStatus', 'createLabels', 'createNote', 'updateNote', 'postStatusUpdate', 'tickChecklist', 'startRefinement']);

/** One valid request per method, read off the schemas in lib/messaging.ts. */
const VALID: Record<string, (h: Host) => Obj> = {
  getIssue: (h) => ({ ref: refOf(h), hint: { title: 'A title', labels: ['workflow::in dev'] } }),
  listNotes: (h) => ({ ref: refOf(h), fresh: true }),
  listLinkedChanges: (h) => ({ ref: refOf(h) }),
  listChildren: (h) => ({ ref: refOf(h), fresh: false }),
  changeLabels: (h) => ({ ref: refOf(h), change: { add: ['fuzz-added'], remove: ['fuzz-removed'] } }),
  setWeight: (h) => ({ ref: refOf(h), weight: 3 }),
  moveWeightLabel: (h) => ({ ref: refOf(h) }),
  moveWorkflowLabel: (h) => ({ ref: refOf(h) }),
  createSubIssue: (h) => ({ ref: refOf(h), title: 'A part of the work' }),
  listIssueTypes: (h) => ({ ref: refOf(h) }),
  setIssueType: (h) => ({ ref: refOf(h), type: 'Feature' }),
  setSplitWeight: (h) => ({ ref: refOf(h), side: 'backend', weight: 2 }),
  setHealthStatus: (h) => ({ ref: refOf(h), status: 'on_track' }),
  setStatus: (h) => ({ ref: refOf(h), statusId: 'gid://gitlab/WorkItems::Statuses::SystemDefined::Status/2' }),
  listMembers: (h) => ({ ref: refOf(h) }),
  listLabels: (h) => ({ ref: refOf(h) }),
  createLabels: (h) => ({ ref: refOf(h), level: 'project', labels: [{ name: 'fuzz-label', color: '#aabbcc', description: null }] }),
  createNote: (h) => ({ ref: refOf(h), body: 'A fuzz comment' }),
  updateNote: (h) => ({ ref: refOf(h), noteId: 1, body: 'An edited comment' }),
  renderMarkdown: (h) => ({ ref: refOf(h), text: '**bold** #1' }),
  currentUser: (h) => ({ ref: refOf(h) }),
  postStatusUpdate: (h) => ({
    kind: 'status',
    ref: refOf(h),
    updateId: 'fuzz-update-0001',
    update: { complete: 50, confidence: 80, notes: 'On track', concern: null, health: null, changes: [{ reference: '!1', title: 'MR', complete: 10, confidence: 50, note: 'n' }] },
  }),
  getChecklist: (h) => ({ ref: refOf(h), fresh: false }),
  tickChecklist: (h) => ({ ref: refOf(h), noteId: 1, base: '- [ ] Item', ticks: [{ itemText: 'Item', checked: true }] }),
  startRefinement: (h) => ({ ref: refOf(h), kind: 'issue', ticks: [], body: '## Refinement' }),
  listConnections: () => ({}),
  saveConnection: (h) => ({ kind: kindOf(h), baseUrl: 'https://fuzz.example', token: 'fuzz-token-not-a-secret' }),
  removeConnection: () => ({ id: 'gitlab:https://fuzz.example' }),
  testConnection: (h) => ({ id: `${kindOf(h)}:${baseOf(h)}` }),
  resolveConnection: (h) => ({ url: pageUrlOf(h) }),
  openOptions: () => ({}),
  listIssues: (h) => ({ refs: [refOf(h), refOf(h, 2)] }),
  capacity: (h) => ({
    forge: kindOf(h),
    baseUrl: baseOf(h),
    container: { kind: 'project', path: pathOf(h) },
    usernames: ['alice'],
    includeMe: true,
    milestone: null,
  }),
};
/** What costs GitHub a POST (a write, or GraphQL): Octokit's throttling spaces them a second apart, so few are sent. */
const GITHUB_POSTS = new Set([...WRITES, 'listIssues', 'capacity', 'renderMarkdown']);
const validSender = (method: string, h: Host): SenderName => (PAGE_ONLY.has(method) ? 'page' : csOf(h));

// ---------------------------------------------------------------------------------------------------------------
// The messages.
type Category =
  | 'control'
  | 'non-envelope'
  | 'envelope'
  | 'non-method'
  | 'garbage-data'
  | 'wrong-type'
  | 'oversized'
  | 'prototype'
  | 'hostile-path'
  | 'hostile-sender'
  | 'hostile-label'
  | 'odd-ref';
interface Case {
  category: Category;
  method: string;
  sender: SenderName;
  message: unknown;
  /** Must cause no request at all. */
  zero: boolean;
  /** Must be answered ok: true. */
  mustSucceed?: boolean;
  note: string;
}
let seq = 0;
const spec = (method: string) => messaging.protocol[method as keyof typeof messaging.protocol];
const envelope = (type: unknown, data: unknown) => ({ id: ++seq, type, data, timestamp: 1_700_000_000_000 + seq });

function buildCases(methods: readonly string[]): Case[] {
  const cases: Case[] = [];
  const add = (c: Omit<Case, 'zero'> & { zero?: boolean }) =>
    cases.push({ ...c, zero: c.zero === true || FOREIGN.includes(c.sender) });
  /** A content script of the host, sometimes an extension page, now and then a stranger. */
  const someSender = (method: string, h: Host): SenderName => {
    const r = random();
    if (r < 0.08) return pick(FOREIGN);
    if (r < 0.3 || PAGE_ONLY.has(method)) return r < 0.25 ? 'page' : 'popup';
    return csOf(h);
  };

  // Control: valid messages that must succeed (reads, and a few writes), so the harness is known to reach the forge.
  const controlMethods = ['getIssue', 'listNotes', 'listLinkedChanges', 'listMembers', 'listLabels', 'renderMarkdown', 'currentUser', 'getChecklist', 'listIssues', 'changeLabels', 'createNote', 'resolveConnection'];
  for (const h of HOSTS) {
    for (const method of controlMethods) {
      if (h === 'gh' && method === 'createNote') continue; // a GitHub write costs a second: changeLabels is the one
      add({ category: 'control', method, sender: csOf(h), message: envelope(method, VALID[method]!(h)), mustSucceed: true, note: h });
    }
    if (h !== 'gh') add({ category: 'control', method: 'setWeight', sender: csOf(h), message: envelope('setWeight', VALID.setWeight!(h)), mustSucceed: true, note: h });
    for (const method of ['listConnections', 'testConnection', 'capacity']) {
      add({ category: 'control', method, sender: 'page', message: envelope(method, VALID[method]!(h)), mustSucceed: true, note: h });
    }
  }
  const controls = cases.length;

  // Not our envelope: ignored (no answer, channel not kept).
  const valid = VALID.getIssue!('gl');
  for (const message of [
    undefined, null, 0, NaN, '', 'getIssue', true, [], ['getIssue', valid], STR_1MB, HUGE_ARRAY, DEEP, WIDE,
    { type: 'getIssue', data: valid }, { type: 'getIssue', data: valid, timestamp: '1' }, { type: 'getIssue', data: valid, timestamp: null },
    { type: 7, data: valid, timestamp: 1 }, { type: null, data: valid, timestamp: 1 }, { type: ['getIssue'], data: valid, timestamp: 1 },
    { type: { toString: () => 'getIssue' }, data: valid, timestamp: 1 }, { type: 'getIssue', data: valid, timestamp: '1700000000000' },
    JSON.parse('{"__proto__":{"type":"getIssue","timestamp":1},"data":{}}'),
    ...protoPayloads(),
  ]) {
    add({ category: 'non-envelope', method: '-', sender: pick(['cs-gl', 'cs-gh', 'page', 'other-ext']), message, zero: true, note: show(message) });
  }

  // Envelopes of odd shapes around valid data: answered as any message.
  for (const h of HOSTS) {
    for (const timestamp of [NaN, Infinity, -1, 0, 1e300]) {
      add({ category: 'envelope', method: 'getIssue', sender: csOf(h), message: { id: ++seq, type: 'getIssue', data: VALID.getIssue!(h), timestamp }, note: `timestamp ${timestamp}` });
    }
    for (const id of [undefined, null, STR_1MB, DEEP, -1]) {
      add({ category: 'envelope', method: 'currentUser', sender: csOf(h), message: { id, type: 'currentUser', data: VALID.currentUser!(h), timestamp: 1 }, note: `id ${show(id)}` });
    }
    const polluted = JSON.parse(`{"id":1,"type":"listLabels","timestamp":1,"__proto__":{"polluted":1,"data":{}},"constructor":{"prototype":{"polluted":1}}}`) as Obj;
    polluted.data = VALID.listLabels!(h);
    add({ category: 'envelope', method: 'listLabels', sender: csOf(h), message: polluted, note: 'envelope with own __proto__' });
    add({ category: 'envelope', method: 'listMembers', sender: csOf(h), message: Object.assign([], envelope('listMembers', VALID.listMembers!(h))), note: 'envelope as array' });
  }

  // Names that are not methods: refused at once, synchronously, before the guard, schema or handler.
  const names = [
    'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString',
    '__defineGetter__', '__lookupGetter__', 'prototype', '', ' ', 'getIssue ', ' getIssue', 'GETISSUE', 'getissue', 'getIssue\u0000',
    'get\u0130ssue', 'g\u0435tIssue', 'getIssue\u200b', 'then', 'call', 'apply', 'bind', 'length', 'name', 'default', 'protocol',
    'x'.repeat(100_000), STR_1MB, 'listConnections'.repeat(1_000),
  ];
  for (const name of names) {
    for (const data of [{}, VALID.getIssue!('gl'), JSON.parse('{"__proto__":{"polluted":1}}')]) {
      add({ category: 'non-method', method: name.slice(0, 40), sender: pick(['cs-gl', 'cs-gh', 'page']), message: envelope(name, data), zero: true, note: show(name) });
    }
  }

  for (const method of methods) {
    const hosts = PAGE_ONLY.has(method) && method !== 'capacity' && method !== 'testConnection' ? (['gl', 'gh'] as Host[]) : HOSTS;

    // The whole payload replaced: missing, null, wrong types, oversized, nested, polluting.
    for (const data of GARBAGE) {
      const h = pick(hosts);
      add({ category: 'garbage-data', method, sender: someSender(method, h), message: envelope(method, data), note: `data ${show(data)}` });
    }
    add({ category: 'garbage-data', method, sender: csOf('gl'), message: { id: ++seq, type: method, timestamp: 1 }, note: 'no data key' });

    // One field of a valid request at a time: wrong types, then oversized values. (A GitHub write that stays valid is
    // left out: GitHub writes are a second apart.)
    const slowWrite = (h: Host, data: unknown) => h === 'gh' && GITHUB_POSTS.has(method) && spec(method).request.safeParse(data).success;
    for (const h of hosts) {
      for (const path of positions(VALID[method]!(h))) {
        for (const value of sample(WRONG, 2)) {
          const data = setAt(VALID[method]!(h), path, value);
          if (!slowWrite(h, data)) add({ category: 'wrong-type', method, sender: someSender(method, h), message: envelope(method, data), note: `${path.join('.')}=${show(value)}` });
        }
        if (random() < 0.5) {
          const value = pick(OVERSIZED);
          const data = setAt(VALID[method]!(h), path, value);
          if (!slowWrite(h, data)) add({ category: 'oversized', method, sender: someSender(method, h), message: envelope(method, data), note: `${path.join('.')}=${show(value)}` });
        }
      }
    }

    // Prototype pollution in every object position: next to valid keys (the message stays valid) and instead of them.
    const h = method === 'capacity' || method === 'testConnection' || GITHUB_POSTS.has(method) ? pick(['gl', 'glr'] as const) : pick(hosts);
    const objectPaths = [[] as Path, ...positions(VALID[method]!(h)).filter((p) => isPlain(getAt(VALID[method]!(h), p)))];
    for (const path of objectPaths) {
      for (let how = 0; how < 4; how++) {
        const data = VALID[method]!(h);
        pollute((path.length ? getAt(data, path) : data) as Obj, how);
        add({ category: 'prototype', method, sender: validSender(method, h), message: envelope(method, data), note: `own keys (${how}) at ${path.join('.') || 'data'}` });
      }
      for (const payload of protoPayloads().slice(0, 2)) {
        add({ category: 'prototype', method, sender: validSender(method, h), message: envelope(method, setAt(VALID[method]!(h), path, payload)), note: `${path.join('.') || 'data'} replaced by a polluting object` });
      }
    }
    // … and inside array items (labels, ticks, refs, changes, usernames).
    for (const path of positions(VALID[method]!(h)).filter((p) => Array.isArray(getAt(VALID[method]!(h), p)))) {
      add({ category: 'prototype', method, sender: validSender(method, h), message: envelope(method, setAt(VALID[method]!(h), path, [...(getAt(VALID[method]!(h), path) as unknown[]), ...protoPayloads()])), note: `${path.join('.')} with polluting items` });
    }

    // Strangers and wrong pages: refused before any request.
    for (const sender of FOREIGN) add({ category: 'hostile-sender', method, sender, message: envelope(method, VALID[method]!(pick(hosts))), zero: true, note: sender });
    if (!PAGE_ONLY.has(method) && method !== 'openOptions') {
      // A content script about another host (same origin, other relative root; another origin).
      add({ category: 'hostile-sender', method, sender: 'cs-gl', message: envelope(method, VALID[method]!('glr')), zero: true, note: 'cs-gl about the /gitlab host' });
      add({ category: 'hostile-sender', method, sender: 'cs-gh', message: envelope(method, VALID[method]!('gl')), zero: true, note: 'cs-gh about GitLab' });
      add({ category: 'hostile-sender', method, sender: 'cs-glr', message: envelope(method, VALID[method]!('gh')), zero: true, note: 'cs-glr about GitHub' });
    }
    if (PAGE_ONLY.has(method)) {
      for (const h2 of HOSTS) add({ category: 'hostile-sender', method, sender: csOf(h2), message: envelope(method, VALID[method]!(h2)), zero: true, note: 'content script calling a page-only method' });
    }
    if (WRITES.has(method)) {
      // Writing to an issue the page does not show.
      add({ category: 'hostile-sender', method, sender: 'cs-gl-other-issue', message: envelope(method, VALID[method]!('gl')), zero: true, note: 'cs on issue 2 writing to issue 1' });
      add({ category: 'hostile-sender', method, sender: 'cs-gh', message: envelope(method, { ...VALID[method]!('gh'), ref: refOf('gh', 3) }), zero: true, note: 'cs on #1 writing to #3' });
      add({ category: 'hostile-sender', method, sender: 'cs-gl', message: envelope(method, { ...VALID[method]!('gl'), ref: { ...refOf('gl'), path: 'acme/platform/frontend' } }), zero: true, note: 'cs writing to another project' });
    }
  }

  // Hostile paths, base URLs and numbers in every ref (and container, URL, connection id): refused before any request.
  for (const method of methods) {
    for (const h of HOSTS) {
      const data = VALID[method]!(h);
      const refPaths = positions(data).filter((p) => {
        const last = p[p.length - 1];
        const parent = getAt(data, p.slice(0, -1));
        return isPlain(parent) && ('iid' in parent || 'kind' in parent) && (last === 'path' || last === 'baseUrl' || last === 'iid' || last === 'forge' || last === 'container');
      });
      for (const path of refPaths) {
        const last = path[path.length - 1];
        const values: unknown[] =
          last === 'path'
            ? h === 'glr' ? sample(HOSTILE_PATHS, 12) : [...HOSTILE_PATHS]
            : last === 'baseUrl'
              ? h === 'glr' ? sample(hostileBaseUrls(gl, gh), 8) : sample(hostileBaseUrls(gl, gh), 20)
              : last === 'iid'
                ? h === 'glr' ? sample(HOSTILE_IIDS, 3) : [...HOSTILE_IIDS]
                : last === 'forge'
                  ? [h === 'gh' ? 'gitlab' : 'github', 'GitLab', 'bitbucket', '__proto__']
                  : ['repo', 'user', '__proto__'];
        for (const value of values) {
          const sender = PAGE_ONLY.has(method) ? pick(['page', 'popup'] as const) : random() < 0.6 ? csOf(h) : pick(['page', 'popup'] as const);
          add({ category: 'hostile-path', method, sender, message: envelope(method, setAt(VALID[method]!(h), path, value)), zero: true, note: `${path.join('.')}=${show(value)}` });
        }
      }
    }
  }
  const urls = [...hostileBaseUrls(gl, gh), `${gl}/../acme/platform/backend/-/issues/1`, `${gh}/acme/../../etc/passwd`, 'about:blank', `blob:${gl}/x`];
  for (const url of urls) {
    for (const h of HOSTS) add({ category: 'hostile-path', method: 'resolveConnection', sender: random() < 0.7 ? csOf(h) : 'page', message: envelope('resolveConnection', { url }), zero: true, note: `url=${show(url)}` });
  }
  for (const id of ['..', '../gitlab.com', '__proto__', 'constructor', 'hasOwnProperty', '', 'gitlab.com', 'github.com', `gitlab:${gl}/..`, `gitlab:${gl}/gitlab/..`, `github:${gh}/`, 'x'.repeat(100_000), '\u0000']) {
    add({ category: 'hostile-path', method: 'testConnection', sender: 'page', message: envelope('testConnection', { id }), zero: true, note: `id=${show(id)}` });
  }
  for (const path of HOSTILE_PATHS) {
    for (const h of HOSTS) {
      const kind = random() < 0.5 ? 'project' : 'group';
      add({ category: 'hostile-path', method: 'capacity', sender: 'page', message: envelope('capacity', { ...VALID.capacity!(h), container: { kind, path } }), zero: true, note: `container ${kind} ${show(path)}` });
    }
  }
  for (const baseUrl of hostileBaseUrls(gl, gh)) {
    add({ category: 'hostile-path', method: 'capacity', sender: 'page', message: envelope('capacity', { ...VALID.capacity!(pick(HOSTS)), baseUrl }), zero: true, note: `baseUrl=${show(baseUrl)}` });
    add({ category: 'hostile-path', method: 'saveConnection', sender: 'page', message: envelope('saveConnection', { kind: pick(['gitlab', 'github']), baseUrl, token: 'fuzz-token-not-a-secret' }), zero: true, note: `baseUrl=${show(baseUrl)}` });
  }

  // Label names that are dot segments, encodings or control characters: added, then removed (GitHub puts the name of
  // a label to remove in the URL path). Only the path check applies: such labels may be refused or written.
  for (const label of HOSTILE_LABELS) {
    const h = pick(['gl', 'glr'] as const);
    add({ category: 'hostile-label', method: 'changeLabels', sender: csOf(h), message: envelope('changeLabels', { ref: refOf(h), change: { add: [label], remove: [] } }), note: `add ${JSON.stringify(label)}` });
    add({ category: 'hostile-label', method: 'changeLabels', sender: csOf(h), message: envelope('changeLabels', { ref: refOf(h), change: { add: [], remove: [label] } }), note: `remove ${JSON.stringify(label)}` });
    add({ category: 'hostile-label', method: 'createLabels', sender: csOf(h), message: envelope('createLabels', { ref: refOf(h), level: pick(['project', 'group'] as const), labels: [{ name: label, color: '#010203', description: null }] }), note: `create ${JSON.stringify(label)}` });
  }

  // Odd but well-formed refs: whatever reaches the forge must still be a route the adapters call.
  for (const method of methods) {
    if (!('ref' in VALID[method]!('gl')) && !('refs' in VALID[method]!('gl'))) continue;
    for (const h of HOSTS) {
      if (h === 'gh' && GITHUB_POSTS.has(method)) continue;
      const data = VALID[method]!(h);
      const target = ((data.ref ?? (data.refs as Obj[])[0]) as Obj);
      for (const path of sample(ODD_PATHS, 3)) {
        target.path = path;
        target.container = random() < 0.7 ? 'project' : 'group';
        add({ category: 'odd-ref', method, sender: random() < 0.6 ? csOf(h) : 'page', message: envelope(method, structuredClone(data)), note: `${target.container} ${show(path)}` });
      }
      target.path = pathOf(h);
      target.container = 'project';
      for (const baseUrl of sample(oddBaseUrls(baseOf(h)), 2)) {
        target.baseUrl = baseUrl;
        add({ category: 'odd-ref', method, sender: random() < 0.6 ? csOf(h) : 'page', message: envelope(method, structuredClone(data)), note: `baseUrl ${show(baseUrl)}` });
      }
    }
  }
  for (const h of HOSTS) {
    for (const baseUrl of h === 'gh' ? sample(oddBaseUrls(gh), 1) : oddBaseUrls(baseOf(h))) {
      add({ category: 'odd-ref', method: 'capacity', sender: 'page', message: envelope('capacity', { ...VALID.capacity!(h), baseUrl }), note: `baseUrl ${show(baseUrl)}` });
    }
    for (const path of sample(ODD_PATHS, h === 'gh' ? 2 : 4)) {
      add({ category: 'odd-ref', method: 'capacity', sender: 'page', message: envelope('capacity', { ...VALID.capacity!(h), container: { kind: pick(['project', 'group']), path } }), note: `container ${show(path)}` });
    }
  }

  expect(controls).toBeGreaterThan(0);
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// What a request may be: the routes the adapters call (lib/forge/gitlab via gitbeaker and health.ts, lib/forge/github
// via Octokit and bulk-reads.ts), nothing else.
const SEG = '[^/]+';
const N = '[1-9][0-9]*';
const GITLAB_ROUTES = [
  `/api/v4/projects/${SEG}`,
  `/api/v4/projects/${SEG}/issues`,
  `/api/v4/projects/${SEG}/issues/${N}`,
  `/api/v4/projects/${SEG}/issues/${N}/notes`,
  `/api/v4/projects/${SEG}/issues/${N}/notes/${N}`,
  `/api/v4/projects/${SEG}/issues/${N}/related_merge_requests`,
  `/api/v4/projects/${SEG}/issues/${N}/links`,
  `/api/v4/projects/${SEG}/members(/all)?`,
  `/api/v4/projects/${SEG}/labels`,
  `/api/v4/groups/${SEG}`,
  `/api/v4/groups/${SEG}/issues`,
  `/api/v4/groups/${SEG}/epics/${N}`,
  `/api/v4/groups/${SEG}/epics/${N}/notes`,
  `/api/v4/groups/${SEG}/epics/${N}/notes/${N}`,
  `/api/v4/groups/${SEG}/members(/all)?`,
  `/api/v4/groups/${SEG}/labels`,
  '/api/v4/user',
  '/api/v4/personal_access_tokens/self',
  '/api/v4/markdown',
  '/api/graphql',
  '/api/v4/issues',
].map((r) => new RegExp(`^${r}$`));
const REPO = `/api/v3/repos/${SEG}/${SEG}`;
const GITHUB_ROUTES = [
  `${REPO}/issues/${N}`,
  `${REPO}/issues/${N}/comments`,
  `${REPO}/issues/${N}/timeline`,
  `${REPO}/issues/${N}/labels`,
  `${REPO}/issues/${N}/labels/${SEG}`,
  `${REPO}/issues/${N}/dependencies/blocked_by`,
  `${REPO}/issues/${N}/issue-field-values(/${N})?`,
  `${REPO}/issues/${N}/sub_issues`,
  `${REPO}/issues`,
  `${REPO}/issue-types`,
  `${REPO}/issues/comments/${N}`,
  `${REPO}/assignees`,
  `${REPO}/labels`,
  `${REPO}/milestones`,
  '/api/v3/user',
  '/api/v3/markdown',
  '/api/v3/search/issues',
  `/api/v3/orgs/${SEG}(/.*)?`,
  '/api/graphql',
  '/api/v3/graphql',
].map((r) => new RegExp(`^${r}$`));

/** Control characters, zero-width and bidirectional formatting characters. */
const hasBadChar = (text: string) =>
  Array.from(text).some((c) => {
    const n = c.codePointAt(0)!;
    return n < 0x20 || n === 0x7f || (n >= 0x200b && n <= 0x200f) || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069);
  });
const DOT = /^(?:\.|%2e){1,2}$/i;

/** Why a request path (below the connection's base, still percent-encoded) is not one we mean to call; null if it is. */
function pathProblem(forge: 'gitlab' | 'github', path: string, query: string): string | null {
  const segments = path.split('/').slice(1);
  for (const [i, raw] of segments.entries()) {
    if (raw === '') return 'empty segment';
    if (DOT.test(raw)) return 'dot segment';
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return `undecodable segment ${raw}`;
    }
    if (decoded === '' || decoded === '.' || decoded === '..') return 'dot or empty segment (decoded)';
    if (hasBadChar(decoded)) return 'control character';
    // GitLab's :id is a whole namespace path: each of its parts must be a plain segment too.
    const isId = forge === 'gitlab' && i === 3 && (segments[2] === 'projects' || segments[2] === 'groups');
    if (isId && decoded.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'dot or empty segment in the project/group path';
  }
  const routes = forge === 'gitlab' ? GITLAB_ROUTES : GITHUB_ROUTES;
  if (!routes.some((r) => r.test(path))) return 'not a route the adapters call';
  if (forge === 'gitlab' && path === '/api/v4/issues' && !/assignee_username/.test(query)) return '/issues without an assignee (only capacity lists issues across projects)';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
interface Delivery {
  kept: unknown;
  answers: unknown[];
  threw: unknown;
  hung: boolean;
}

function deliver(message: unknown, sender: Sender): Promise<Delivery> {
  const answers: unknown[] = [];
  let answered: () => void = () => undefined;
  const first = new Promise<'answered'>((resolve) => (answered = () => resolve('answered')));
  let kept: unknown;
  let threw: unknown = null;
  try {
    kept = listener(message, sender, (response) => {
      answers.push(response);
      answered();
    });
  } catch (e) {
    threw = e ?? 'thrown nullish';
  }
  if (kept !== true || threw) return Promise.resolve({ kept, answers, threw, hung: false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), HANG_MS)));
  return Promise.race([first, timeout]).then((outcome) => {
    clearTimeout(timer);
    return { kept, answers, threw, hung: outcome === 'timeout' };
  });
}

/** What serve() must make of a message: ignore it, refuse it at once, or answer it later. */
function expectedHandling(message: unknown): 'ignore' | 'refuse' | 'answer' {
  const m = message as { type?: unknown; timestamp?: unknown } | null;
  if (typeof m !== 'object' || m === null || typeof m.type !== 'string' || typeof m.timestamp !== 'number') return 'ignore';
  return Object.hasOwn(messaging.protocol, m.type) ? 'answer' : 'refuse';
}

function tokenHints(value: unknown, found: unknown[] = [], depth = 0): unknown[] {
  if (depth > 20 || typeof value !== 'object' || value === null) return found;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'tokenHint' && v !== null) found.push(v);
    tokenHints(v, found, depth + 1);
  }
  return found;
}

function leak(json: string, minTail: number): string | null {
  for (const t of [GITLAB_TOKEN, GITHUB_TOKEN, ...SEEDED_TOKENS]) if (json.includes(t)) return `the whole token ${t.slice(0, 4)}…`;
  for (const t of [GITLAB_TOKEN, GITHUB_TOKEN]) {
    for (let n = minTail; n < t.length; n++) if (json.includes(t.slice(-n))) return `the token's last ${n} characters`;
  }
  return null;
}

interface Run {
  problems: string[];
  rejections: unknown[];
  elapsed: number;
  slowest: { ms: number; index: number };
  /** Requests the sandbox saw, per message. */
  requests: number[];
}

/** Sends the cases one at a time and checks each answer, then every request they caused. */
async function run(cases: readonly Case[]): Promise<Run> {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  const problems: string[] = [];
  const problem = (i: number, text: string) => {
    const c = cases[i]!;
    problems.push(`#${i} [${c.category}] ${c.method} from ${c.sender} (${c.note}): ${text}`);
  };
  const deliveries: Delivery[] = [];
  const requestsOf: { from: number; to: number }[] = [];
  const fetchedFrom = fetched.length;
  let slowest = { ms: 0, index: -1 };
  const started = performance.now();
  try {
    for (const [i, c] of cases.entries()) {
      current = i;
      const before = { sandbox: sandbox.requests.length, fetch: fetched.length };
      const t0 = performance.now();
      const d = await deliver(c.message, senderFor(c.sender));
      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { ms, index: i };
      deliveries.push(d);
      requestsOf.push({ from: before.sandbox, to: sandbox.requests.length });

      if (d.threw) problem(i, `the listener threw ${String(d.threw)}`);
      const handling = expectedHandling(c.message);
      if (handling === 'ignore') {
        if (d.kept !== false || d.answers.length) problem(i, `a foreign message was not ignored (returned ${String(d.kept)}, ${d.answers.length} answers)`);
      } else if (handling === 'refuse') {
        if (d.kept !== false || d.answers.length !== 1) problem(i, `an unknown type was not refused at once (returned ${String(d.kept)}, ${d.answers.length} answers)`);
      } else if (d.hung) problem(i, `no answer within ${HANG_MS} ms`);
      else if (d.kept !== true || d.answers.length !== 1) problem(i, `returned ${String(d.kept)} with ${d.answers.length} answers`);

      for (const answer of d.answers) {
        const res = (answer as { res?: { ok?: unknown; data?: unknown; error?: unknown } } | null)?.res;
        if (typeof res !== 'object' || res === null || typeof res.ok !== 'boolean') {
          problem(i, `malformed answer ${JSON.stringify(answer)?.slice(0, 200)}`);
          continue;
        }
        if (res.ok) {
          if (handling !== 'answer' || !spec(c.method).response.safeParse(res.data).success) problem(i, 'an ok answer not matching the response schema');
        } else if (!forgeErrors.forgeError.safeParse(res.error).success) problem(i, `malformed error ${JSON.stringify(res.error)?.slice(0, 200)}`);
        if (c.mustSucceed && !res.ok) problem(i, `a valid message failed: ${JSON.stringify(res.error).slice(0, 300)}`);
        if (c.zero && res.ok && c.category !== 'hostile-path') problem(i, 'a refused message was answered ok');
        if (c.zero && c.category === 'hostile-path' && res.ok && !['resolveConnection', 'saveConnection'].includes(c.method)) {
          problem(i, 'a hostile ref was answered ok');
        }
        const leaked = leak(JSON.stringify(answer), isPage(c.sender) ? 5 : 4);
        if (leaked) problem(i, `the answer holds ${leaked}`);
        if (!isPage(c.sender) && tokenHints(answer).length) problem(i, 'a content script was told a tokenHint');
      }
      if (c.zero && (sandbox.requests.length !== before.sandbox || fetched.length !== before.fetch)) {
        problem(i, `caused ${fetched.length - before.fetch} requests: ${fetched.slice(before.fetch).map((f) => `${f.method} ${f.url.slice(0, 150)}`).join(', ')}`);
      }
      if (({} as Obj).polluted !== undefined || Object.hasOwn(Object.prototype, 'polluted')) {
        problem(i, 'Object.prototype is polluted');
        delete (Object.prototype as Obj).polluted;
      }
      // Connections change only through our own pages; what a page changed is put back for the next message.
      if (c.method === 'saveConnection' || c.method === 'removeConnection') {
        const now = await vault.readVault();
        if (JSON.stringify(now) !== JSON.stringify(baseline)) {
          if (!isPage(c.sender)) problem(i, 'a connection changed');
          await vault.writeVault(baseline);
        }
      }
    }
    // Late or second answers, and rejections that surface a little after the answer.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    process.off('unhandledRejection', onRejection);
    current = -1;
  }
  const elapsed = performance.now() - started;

  deliveries.forEach((d, i) => {
    const want = expectedHandling(cases[i]!.message) === 'ignore' ? 0 : 1;
    if (!d.hung && d.answers.length !== want) problem(i, `answered ${d.answers.length} times in the end`);
  });

  // Every request the sandbox saw, and every URL fetch was given, went to a route the adapters call.
  requestsOf.forEach((r, i) => {
    for (const req of sandbox.requests.slice(r.from, r.to)) {
      const why = pathProblem(req.forge, req.path, req.query);
      if (why) problem(i, `the sandbox saw ${req.method} ${req.path}${req.query} (${req.status}): ${why}`);
    }
  });
  for (const f of fetched.slice(fetchedFrom)) {
    const u = new URL(f.url);
    const forge = u.origin === new URL(gl).origin ? 'gitlab' : u.origin === new URL(gh).origin ? 'github' : null;
    const raw = f.url.slice(u.origin.length).split(/[?#]/, 1)[0]!;
    const below = forge === 'gitlab' && /^\/gitlab(\/|$)/i.test(raw) ? raw.slice('/gitlab'.length) : raw;
    const why = forge ? (pathProblem(forge, below, u.search) ?? (u.pathname !== raw ? 'the URL parser rewrites the path' : null)) : 'not a sandbox origin';
    if (why) {
      if (f.at >= 0) problem(f.at, `fetch ${f.method} ${f.url.slice(0, 200)}: ${why}`);
      else problems.push(`fetch outside any message: ${f.method} ${f.url.slice(0, 200)}: ${why}`);
    }
  }
  return { problems, rejections, elapsed, slowest, requests: requestsOf.map((r) => r.to - r.from) };
}

it('the protocol survives hostile messages: no crash, hang, unhandled rejection, token in an answer or unintended request', { timeout: 120_000 }, async () => {
  const methods = Object.keys(messaging.protocol);
  // Every method has a valid request here: a new method must be added to the fuzz (and its valid request is valid).
  expect(methods.filter((m) => !VALID[m])).toEqual([]);
  for (const m of methods) for (const h of HOSTS) expect(spec(m).request.safeParse(VALID[m]!(h)).success, `${m} ${h}`).toBe(true);

  const cases = buildCases(methods);
  const result = await run(cases);

  const byCategory: Record<string, number> = {};
  for (const c of cases) byCategory[c.category] = (byCategory[c.category] ?? 0) + 1;
  const hostile = cases.length - (byCategory.control ?? 0);
  const controlRequests = result.requests.filter((_, i) => cases[i]!.category === 'control').reduce((a, b) => a + b, 0);
  const total = result.requests.reduce((a, b) => a + b, 0);
  console.info(
    `protocol fuzz: ${cases.length} messages (${hostile} hostile) across ${methods.length} methods in ${(result.elapsed / 1000).toFixed(1)} s; ` +
      `${JSON.stringify(byCategory)}; ${total} forge requests (${controlRequests} by the control group); ` +
      `slowest #${result.slowest.index} ${result.slowest.ms.toFixed(0)} ms; ${result.problems.length} problems`,
  );

  expect(hostile).toBeGreaterThanOrEqual(MIN_HOSTILE);
  expect(methods.filter((m) => !cases.some((c) => c.method === m && c.category !== 'control'))).toEqual([]);
  expect(controlRequests, 'the control group reached the forge').toBeGreaterThan(0);
  expect(result.problems.slice(0, 100), `${result.problems.length} problems`).toEqual([]);
  expect(result.rejections.map(String)).toEqual([]);
  expect(({} as Obj).polluted).toBeUndefined();
  expect((Object.prototype as Obj).polluted).toBeUndefined();
  expect(fetched.filter((f) => !f.url.startsWith(`${gl}/`) && !f.url.startsWith(`${gh}/`))).toEqual([]);
  expect(await vault.readVault()).toEqual(baseline);
});

// Product defects the fuzz found, fixed since (labelNameProblem in lib/forge/model.ts): kept as tests. A label name is any 1–255 characters (labelDef/labelChange in lib/forge/model.ts), and the GitHub
// adapter removes a label with Octokit's DELETE /repos/{owner}/{repo}/issues/{n}/labels/{name}, whose {name} keeps `.`
// and `..` as they are: fetch then resolves the dot segment. A content script may remove labels of the issue its page
// shows, so one named "." or ".." (which changeLabels can add first) sends its DELETE elsewhere.
const removeLabelCase = (label: string): Case => ({
  category: 'hostile-label',
  method: 'changeLabels',
  sender: 'cs-gh',
  message: envelope('changeLabels', { ref: refOf('gh'), change: { add: [], remove: [label] } }),
  zero: false,
  note: `remove ${JSON.stringify(label)}`,
});

it('GitHub: removing a label named "." or ".." is refused (it sent DELETE …/issues/1/labels/, remove all labels, or …/issues/1/)', { timeout: 30_000 }, async () => {
  const result = await run(['.', '..'].map(removeLabelCase));
  expect(result.problems).toEqual([]);
});

it('GitHub: a label name holding a control character is refused (it went into the request path as …/labels/%00)', { timeout: 30_000 }, async () => {
  const result = await run([removeLabelCase('\u0000')]);
  expect(result.problems).toEqual([]);
});
