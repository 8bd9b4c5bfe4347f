// Who may talk to the background, failing closed: our own extension pages may call every method; a content script
// only methods that declare every host they touch (METHOD_ACCESS, one entry per method: a method without one is
// refused), only about the configured host of the page it runs on, and it may write only to the issue its page shows
// (on lists and boards: the weight of an issue the list may show). Params here are already schema-checked.
import type { IssueRef } from '../forge/model';
import type { Method, Sender } from '../messaging';
import { normalizeBaseUrl } from '../page/hosts';
import { parsePageUrl, type PageRef } from '../page/recognize';
import { connectionForUrl } from './connections';

/** What a call touches: every forge base URL and page URL it names, and the issues it writes to. */
export interface Touch {
  hosts: string[];
  urls?: string[];
  writes?: IssueRef[];
}

type Params = Record<string, unknown>;
/** `pages`: extension pages only. Otherwise what a content script's call touches. */
export type Access = 'pages' | ((params: Params) => Touch);

const ref = (p: Params) => p.ref as IssueRef;
const reads: Access = (p) => ({ hosts: [ref(p).baseUrl] });
const writes: Access = (p) => ({ hosts: [ref(p).baseUrl], writes: [ref(p)] });

/** Every method of the protocol, and what it touches: the type makes the table complete. */
export const METHOD_ACCESS: Readonly<Record<Method, Access>> = {
  getIssue: reads,
  listNotes: reads,
  listLinkedChanges: reads,
  listChildren: reads,
  listMembers: reads,
  listLabels: reads,
  renderMarkdown: reads,
  currentUser: reads,
  getChecklist: reads,
  listIssues: (p) => ({ hosts: (p.refs as IssueRef[]).map((r) => r.baseUrl) }),
  changeLabels: writes,
  setWeight: writes,
  moveWeightLabel: writes,
  moveWorkflowLabel: writes,
  createSubIssue: writes,
  setIssueType: writes,
  listIssueTypes: reads,
  setSplitWeight: writes,
  setHealthStatus: writes,
  setStatus: writes,
  createLabels: writes,
  createNote: writes,
  updateNote: writes,
  postStatusUpdate: writes,
  tickChecklist: writes,
  startRefinement: writes,
  resolveConnection: (p) => ({ hosts: [], urls: [p.url as string] }),
  openOptions: () => ({ hosts: [] }),
  listConnections: 'pages',
  saveConnection: 'pages',
  removeConnection: 'pages',
  testConnection: 'pages',
  capacity: 'pages',
};

/** Writes a list or board page may make: the weight picker on its badges, moving weight / workflow labels to fields. */
const LIST_WRITES: ReadonlySet<Method> = new Set(['setWeight', 'changeLabels', 'moveWeightLabel', 'moveWorkflowLabel']);

export interface GuardContext {
  runtimeId: string;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
  connections: { kind: 'gitlab' | 'github'; baseUrl: string }[];
}

const lower = (s: string) => s.toLowerCase();
const within = (path: string, group: string) => lower(path).startsWith(`${lower(group)}/`);

/** May a content script on `page` write to `target` with `method`? */
export function pageMayWrite(page: PageRef, method: Method, target: IssueRef): boolean {
  if (page.type === 'issue') {
    const shown = page.ref;
    const same = shown.container === target.container && lower(shown.path) === lower(target.path) && shown.iid === target.iid;
    if (same) return true;
    // An epic's child list has the same weight picker as lists: issues of projects below the epic's group.
    return shown.container === 'group' && target.container === 'project' && LIST_WRITES.has(method) && within(target.path, shown.path);
  }
  if (!LIST_WRITES.has(method) || target.container !== 'project') return false;
  if (page.container === 'project') return page.path !== null && lower(target.path) === lower(page.path);
  if (page.container === 'group') return page.path !== null && within(target.path, page.path);
  return true; // dashboards and searches list issues of any project
}

export function isAllowedSender(ctx: GuardContext, sender: Sender, method: Method, params: unknown): boolean {
  if (sender.id !== ctx.runtimeId || !sender.url) return false;
  // URL#origin is "null" for extension schemes in some engines: compare the prefix instead.
  if (sender.url.startsWith(`${ctx.extensionOrigin}/`)) return true;
  if (!Object.hasOwn(METHOD_ACCESS, method)) return false;
  const access = METHOD_ACCESS[method];
  if (access === 'pages') return false;
  const pageConnection = connectionForUrl(ctx.connections, sender.url);
  if (!pageConnection) return false;
  const home = normalizeBaseUrl(pageConnection.baseUrl);
  if (home === null) return false;
  let touch: Touch;
  try {
    touch = access((params ?? {}) as Params);
  } catch {
    return false; // params without the parts the method declares: not a call we know
  }
  if (!touch.hosts.every((h) => typeof h === 'string' && normalizeBaseUrl(h) === home)) return false;
  for (const url of touch.urls ?? []) {
    const c = connectionForUrl(ctx.connections, url);
    if (!c || normalizeBaseUrl(c.baseUrl) !== home) return false;
  }
  if (touch.writes?.length) {
    const page = parsePageUrl(sender.url, [pageConnection]);
    if (!page || !touch.writes.every((target) => pageMayWrite(page, method, target))) return false;
  }
  return true;
}
