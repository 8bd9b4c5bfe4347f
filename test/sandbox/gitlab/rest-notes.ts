// REST v4: issue notes (list, single, create with quick actions, update) and epic notes.
import type { SandboxReply } from '../core';
import { noteEntity } from './entities';
import { badRequest, findGroup, findProject, forbidden, json, notFound, paginate, params, Reply, requireGroupWrite, requireWrite } from './http';
import { addNote } from './ops';
import { runQuickActions } from './quick-actions';
import { findIssue } from './rest-issues';
import type { ApiCtx, Route } from './router';
import { ACCESS, nowIso, tierAtLeast, type GlNote, type NoteableType } from './state';

const MAX_BODY = 1_000_000;

function listNotes(c: ApiCtx, type: NoteableType, noteableId: number): SandboxReply {
  const q = params(c.req);
  const filter = String(q.activity_filter ?? 'all_notes');
  const orderBy = q.order_by === 'updated_at' ? 'updatedAt' : 'createdAt';
  const dir = q.sort === 'asc' ? 1 : -1;
  const notes = c.state.notes
    .filter((n) => n.noteableType === type && n.noteableId === noteableId)
    .filter((n) => (filter === 'only_comments' ? !n.system : filter === 'only_activity' ? n.system : true))
    .sort((a, b) => (a[orderBy] < b[orderBy] ? -dir : a[orderBy] > b[orderBy] ? dir : (a.id - b.id) * dir));
  const { page, headers } = paginate(c.req, notes);
  return json(200, page.map((n) => noteEntity(c, n)), headers);
}

function bodyParam(c: ApiCtx, required: boolean): string | undefined {
  const body = params(c.req).body;
  if (body === undefined || body === null) {
    if (required) throw new Reply(badRequest('body is missing'));
    return undefined;
  }
  const s = String(body);
  if (!s.trim()) throw new Reply(badRequest('body is empty'));
  if (s.length > MAX_BODY) throw new Reply(json(400, { message: { note: ['is too long (maximum is 1000000 characters)'] } }));
  return s;
}

function findNote(c: ApiCtx, type: NoteableType, noteableId: number, rawId: string): GlNote {
  const n = c.state.notes.find((x) => x.id === Number(rawId) && x.noteableType === type && x.noteableId === noteableId);
  if (!n) throw new Reply(notFound('Note'));
  return n;
}

/** Only the author edits a comment; system notes cannot be edited. */
function editNote(c: ApiCtx, n: GlNote): SandboxReply {
  const body = bodyParam(c, true)!;
  if (n.system || n.authorId !== c.auth().user.id) return forbidden();
  n.body = body;
  n.updatedAt = nowIso();
  return json(200, noteEntity(c, n));
}

function createIssueNote(c: ApiCtx, m: string[]): SandboxReply {
  const p = findProject(c.state, m[1]!);
  const a = c.auth();
  const issue = findIssue(c.state, p, m[2]!);
  requireWrite(a, p);
  const raw = bodyParam(c, true)!;
  const q = params(c.req);
  const qa = runQuickActions(c.state, p, issue, raw, a.user.id);
  // A comment that held only quick actions is not stored: 202 with the changes (API::Entities::NoteCommands).
  if (qa.hadCommands && !qa.body) {
    if (qa.errors.length && !qa.messages.length) return json(400, { message: `400 Bad request - ${qa.errors.join(', ')}` });
    return json(202, { commands_changes: qa.changes, summary: qa.messages });
  }
  const note = addNote(c.state, {
    noteableType: 'Issue',
    noteableId: issue.id,
    authorId: a.user.id,
    body: qa.body,
    system: false,
    internal: q.internal === true || q.internal === 'true' || q.confidential === true || q.confidential === 'true',
  });
  issue.updatedAt = note.createdAt;
  return json(201, noteEntity(c, note, qa.changes));
}

function epicOf(c: ApiCtx, rawGroup: string, rawEpicId: string, byIid: boolean) {
  const g = findGroup(c.state, rawGroup);
  // "If epics feature is not available a 403 status code is returned."
  if (!tierAtLeast(g.tier, 'premium')) throw new Reply(forbidden());
  const e = c.state.epics.find((x) => x.groupId === g.id && (byIid ? x.iid : x.id) === Number(rawEpicId));
  if (!e) throw new Reply(notFound('Epic'));
  return { g, e };
}
export { epicOf };

export const noteRoutes: Route[] = [
  [
    'GET',
    /^\/projects\/([^/]+)\/issues\/(\d+)\/notes$/,
    (c, m) => listNotes(c, 'Issue', findIssue(c.state, findProject(c.state, m[1]!), m[2]!).id),
  ],
  ['POST', /^\/projects\/([^/]+)\/issues\/(\d+)\/notes$/, createIssueNote],
  [
    'GET',
    /^\/projects\/([^/]+)\/issues\/(\d+)\/notes\/(\d+)$/,
    (c, m) => {
      const issue = findIssue(c.state, findProject(c.state, m[1]!), m[2]!);
      return json(200, noteEntity(c, findNote(c, 'Issue', issue.id, m[3]!)));
    },
  ],
  [
    'PUT',
    /^\/projects\/([^/]+)\/issues\/(\d+)\/notes\/(\d+)$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      const issue = findIssue(c.state, p, m[2]!);
      requireWrite(c.auth(), p);
      return editNote(c, findNote(c, 'Issue', issue.id, m[3]!));
    },
  ],
  [
    'DELETE',
    /^\/projects\/([^/]+)\/issues\/(\d+)\/notes\/(\d+)$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      const issue = findIssue(c.state, p, m[2]!);
      const a = c.auth();
      requireWrite(a, p);
      const n = findNote(c, 'Issue', issue.id, m[3]!);
      // The author deletes their comment, a Maintainer anyone's; system notes cannot be deleted.
      if (n.system || (n.authorId !== a.user.id && (p.members[a.user.id] ?? 0) < ACCESS.maintainer)) return forbidden();
      c.state.notes.splice(c.state.notes.indexOf(n), 1);
      return { status: 204 };
    },
  ],
  // Epic notes are addressed by the epic's global id, not its iid (a documented trap of the Epics API).
  ['GET', /^\/groups\/([^/]+)\/epics\/(\d+)\/notes$/, (c, m) => listNotes(c, 'Epic', epicOf(c, m[1]!, m[2]!, false).e.id)],
  [
    'POST',
    /^\/groups\/([^/]+)\/epics\/(\d+)\/notes$/,
    (c, m) => {
      const { g, e } = epicOf(c, m[1]!, m[2]!, false);
      requireGroupWrite(c.state, c.auth(), g);
      const note = addNote(c.state, { noteableType: 'Epic', noteableId: e.id, authorId: c.auth().user.id, body: bodyParam(c, true)!, system: false });
      return json(201, noteEntity(c, note));
    },
  ],
  [
    'GET',
    /^\/groups\/([^/]+)\/epics\/(\d+)\/notes\/(\d+)$/,
    (c, m) => {
      const { e } = epicOf(c, m[1]!, m[2]!, false);
      c.auth();
      return json(200, noteEntity(c, findNote(c, 'Epic', e.id, m[3]!)));
    },
  ],
  [
    'PUT',
    /^\/groups\/([^/]+)\/epics\/(\d+)\/notes\/(\d+)$/,
    (c, m) => {
      const { g, e } = epicOf(c, m[1]!, m[2]!, false);
      requireGroupWrite(c.state, c.auth(), g);
      return editNote(c, findNote(c, 'Epic', e.id, m[3]!));
    },
  ],
];
