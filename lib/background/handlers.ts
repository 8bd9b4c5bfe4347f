// The background's answers to the protocol: look up the connection, call its forge adapter.
import { browser } from 'wxt/browser';
import { ForgeError } from '../forge/errors';
import type { Connection } from '../forge/forge';
import { matchesHint } from '../page/hint';
import type { CachedForge } from './cached-forge';
import type { IssueRef } from '../forge/model';
import type { Handlers } from '../messaging';
import { toErrorData } from './errors';
import { capacityReport, listIssuesByNumber } from './lists';
import { readChecklistFacts, startRefinement, tickChecklist } from './refinement';
import { moveWeightLabel } from './weight-move';
import { moveWorkflowLabel } from './status-move';
import { writeHealth, writeSplitWeight, writeWeight } from './writes';
import { loadSettings } from '../settings/store';
import { createStatusPoster, type StatusPoster } from './status-updates';
import {
  checkTransport,
  connectionForUrl,
  loadConnections,
  removeConnection,
  saveConnection,
  toInfo,
  type StoredConnection,
} from './connections';

export type ForgeFactory = (connection: Connection) => CachedForge;

function withToken(c: StoredConnection): Connection {
  checkTransport(c);
  if (!c.token) {
    throw new ForgeError('auth', `No token set for ${c.baseUrl}. Connect / fix your token in Refinery's options.`);
  }
  return { id: c.id, kind: c.kind, baseUrl: c.baseUrl, token: c.token };
}

export function createHandlers(forgeFor: ForgeFactory, postStatus: StatusPoster = createStatusPoster()): Handlers {
  async function forgeForRef(ref: IssueRef): Promise<CachedForge> {
    const c = (await loadConnections()).find((x) => x.kind === ref.forge && x.baseUrl === ref.baseUrl);
    if (!c) throw new ForgeError('no-connection', `Refinery is not connected to ${ref.baseUrl}. Add it in the options.`);
    const forge = forgeFor(withToken(c));
    // The team's field names (options → Forge fields) decide which GitHub issue field holds the weight.
    if (ref.forge === 'github') void forge.useFieldNames?.({ weight: (await loadSettings()).fields.weight });
    return forge;
  }
  async function byId(id: string): Promise<StoredConnection> {
    const c = (await loadConnections()).find((x) => x.id === id);
    if (!c) throw new ForgeError('not-found', `No connection ${id}.`);
    return c;
  }
  return {
    async getIssue({ ref, hint }) {
      const forge = await forgeForRef(ref);
      // A cached copy the freshly loaded page contradicts is stale: someone else changed the issue.
      if (hint && forge.isCached('getIssue', ref) && !matchesHint(await forge.getIssue(ref), hint)) forge.invalidate(ref);
      const issue = await forge.getIssue(ref);
      return { issue, capabilities: await forge.getCapabilities(ref) };
    },
    listNotes: async ({ ref, fresh }) => {
      const forge = await forgeForRef(ref);
      if (fresh) forge.invalidate(ref);
      return forge.listNotes(ref);
    },
    listLinkedChanges: async ({ ref }) => (await forgeForRef(ref)).listLinkedChanges(ref),
    listChildren: async ({ ref, fresh }) => {
      const forge = await forgeForRef(ref);
      if (!forge.listChildren) throw new ForgeError('invalid', 'This forge cannot list an issue’s children.');
      if (fresh) forge.invalidate(ref);
      return forge.listChildren(ref);
    },
    changeLabels: async ({ ref, change }) => (await forgeForRef(ref)).changeLabels(ref, change),
    setWeight: async ({ ref, weight }) => writeWeight(await forgeForRef(ref), ref, weight, await loadSettings()),
    listIssueTypes: async ({ ref }) => {
      const forge = await forgeForRef(ref);
      return forge.listIssueTypes ? forge.listIssueTypes(ref) : [];
    },
    setIssueType: async ({ ref, type }) => {
      const forge = await forgeForRef(ref);
      if (!forge.setIssueType) throw new ForgeError('invalid', 'Issue types are set on GitHub only.');
      return forge.setIssueType(ref, type);
    },
    createSubIssue: async ({ ref, title }) => {
      const forge = await forgeForRef(ref);
      if (!forge.createSubIssue) throw new ForgeError('invalid', 'This forge breaks work down by promoting the issue to an epic.');
      // The parent is named in the text too, for readers on a GitHub without sub-issues.
      return forge.createSubIssue(ref, { title, body: `Part of #${ref.iid}.` });
    },
    moveWeightLabel: async ({ ref }) => moveWeightLabel(await forgeForRef(ref), ref, await loadSettings()),
    moveWorkflowLabel: async ({ ref }) => moveWorkflowLabel(await forgeForRef(ref), ref, await loadSettings()),
    setSplitWeight: async ({ ref, side, weight }) => writeSplitWeight(await forgeForRef(ref), ref, side, weight, await loadSettings()),
    setHealthStatus: async ({ ref, status }) => writeHealth(await forgeForRef(ref), ref, status, await loadSettings()),
    setStatus: async ({ ref, statusId }) => (await forgeForRef(ref)).setStatus(ref, statusId),
    listMembers: async ({ ref }) => (await forgeForRef(ref)).listMembers(ref),
    listLabels: async ({ ref }) => (await forgeForRef(ref)).listLabels(ref),
    createLabels: async ({ ref, level, labels }) => {
      const forge = await forgeForRef(ref);
      const out = { created: [] as string[], existing: [] as string[], failed: [] as { name: string; message: string }[] };
      // One at a time: the forges throttle bursts of writes, and a failure must not hide the others' outcome.
      for (const label of labels) {
        try {
          const result = await forge.createLabel(ref, label, level);
          (result === 'created' ? out.created : out.existing).push(label.name);
        } catch (e) {
          out.failed.push({ name: label.name, message: toErrorData(e).message });
        }
      }
      return out;
    },
    createNote: async ({ ref, body }) => (await forgeForRef(ref)).createNote(ref, body),
    updateNote: async ({ ref, noteId, body }) => (await forgeForRef(ref)).updateNote(ref, noteId, body),
    renderMarkdown: async ({ ref, text }) => ({ html: await (await forgeForRef(ref)).renderMarkdown(ref, text) }),
    currentUser: async ({ ref }) => (await forgeForRef(ref)).currentUser(),
    postStatusUpdate: async (request) => postStatus(await forgeForRef(request.ref), request, await loadSettings()),
    getChecklist: async ({ ref, fresh }) => readChecklistFacts(await forgeForRef(ref), ref, fresh),
    tickChecklist: async (request) => tickChecklist(await forgeForRef(request.ref), request, await loadSettings()),
    startRefinement: async (request) => startRefinement(await forgeForRef(request.ref), request, await loadSettings()),
    listConnections: async () => (await loadConnections()).map(toInfo),
    saveConnection: async (input) => toInfo(await saveConnection(input)),
    removeConnection: async ({ id }) => ({ removed: await removeConnection(id) }),
    testConnection: async ({ id }) => forgeFor(withToken(await byId(id))).testConnection(),
    // Content scripts ask this (about their own page's host, guard.ts): no part of a token goes to them.
    resolveConnection: async ({ url }) => {
      const c = connectionForUrl(await loadConnections(), url);
      return c ? { ...toInfo(c), tokenHint: null } : null;
    },
    openOptions: async () => {
      await browser.runtime.openOptionsPage();
      return { opened: true };
    },
    // Lists feature: bulk reads for list pages, capacity for the popup.
    listIssues: async ({ refs }) => listIssuesByNumber(await forgeForRef(refs[0]!), refs),
    capacity: async (q) => {
      const c = (await loadConnections()).find((x) => x.kind === q.forge && x.baseUrl === q.baseUrl);
      if (!c) throw new ForgeError('no-connection', `Refinery is not connected to ${q.baseUrl}. Add it in the options.`);
      const settings = await loadSettings();
      const forge = forgeFor(withToken(c));
      if (c.kind === 'github') void forge.useFieldNames?.({ weight: settings.fields.weight });
      return capacityReport(forge, q, settings);
    },
  };
}
