// REST v4: user, token, version, projects, epics, merge requests, markdown.
import { epicEntity, mergeRequestEntity, projectEntity, userBasic } from './entities';
import { badRequest, findGroup, findProject, isTrue, isUnder, json, labelList, notFound, paginate, params, Reply, requireGroupWrite } from './http';
import { renderMarkdown } from './markdown';
import { nextLabels } from './ops';
import { epicOf } from './rest-notes';
import type { Route } from './router';
import { nowIso, tierAtLeast } from './state';

export const miscRoutes: Route[] = [
  ['GET', /^\/version$/, (c) => json(200, { version: c.state.version, revision: '6f3a9b2c1d4', kas: { enabled: false, externalUrl: null, version: null }, enterprise: true })],
  [
    'GET',
    /^\/user$/,
    (c) => {
      const u = c.auth().user;
      return json(200, {
        ...userBasic(c, u),
        locked: false,
        created_at: u.createdAt,
        bio: u.bio,
        location: '',
        public_email: null,
        skype: '',
        linkedin: '',
        twitter: '',
        website_url: '',
        organization: 'Acme',
        job_title: '',
        bot: false,
        last_sign_in_at: u.createdAt,
        confirmed_at: u.createdAt,
        last_activity_on: new Date().toISOString().slice(0, 10),
        email: `${u.username}@acme.example`,
        theme_id: 1,
        color_scheme_id: 1,
        projects_limit: 100000,
        current_sign_in_at: u.createdAt,
        identities: [],
        can_create_group: true,
        can_create_project: true,
        two_factor_enabled: true,
        external: false,
        private_profile: false,
        commit_email: `${u.username}@acme.example`,
      });
    },
  ],
  [
    'GET',
    /^\/personal_access_tokens\/self$/,
    (c) => {
      const t = c.auth().token;
      return json(200, {
        id: t.id,
        name: t.name,
        revoked: t.revoked,
        created_at: t.createdAt,
        description: 'Refinery browser extension',
        scopes: t.scopes,
        user_id: t.userId,
        last_used_at: new Date().toISOString(),
        active: !t.revoked && !t.expired,
        expires_at: t.expiresAt,
      });
    },
  ],
  ['GET', /^\/projects\/([^/]+)$/, (c, m) => json(200, projectEntity(c, findProject(c.state, m[1]!), c.auth().user.id))],
  [
    'GET',
    /^\/projects\/([^/]+)\/merge_requests\/(\d+)$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      const mr = c.state.mergeRequests.find((x) => x.projectId === p.id && x.iid === Number(m[2]));
      if (!mr) throw new Reply(notFound('Merge Request'));
      return json(200, mergeRequestEntity(c, mr, p.id));
    },
  ],
  [
    'GET',
    /^\/groups\/([^/]+)\/epics$/,
    (c, m) => {
      const g = findGroup(c.state, m[1]!);
      if (!tierAtLeast(g.tier, 'premium')) return json(403, { message: '403 Forbidden' });
      const epics = c.state.epics.filter((e) => isUnder(c.state, e.groupId, g.id)).sort((a, b) => b.id - a.id);
      const { page, headers } = paginate(c.req, epics);
      return json(200, page.map((e) => epicEntity(c, e)), headers);
    },
  ],
  ['GET', /^\/groups\/([^/]+)\/epics\/(\d+)$/, (c, m) => json(200, epicEntity(c, epicOf(c, m[1]!, m[2]!, true).e, true))],
  [
    'PUT',
    /^\/groups\/([^/]+)\/epics\/(\d+)$/,
    (c, m) => {
      const { g, e } = epicOf(c, m[1]!, m[2]!, true);
      requireGroupWrite(c.state, c.auth(), g);
      const q = params(c.req);
      if (typeof q.title === 'string' && q.title.trim()) e.title = q.title;
      if (typeof q.description === 'string') e.description = q.description;
      const set = q.labels === undefined ? undefined : (labelList(q.labels) ?? []);
      const add = labelList(q.add_labels);
      const remove = labelList(q.remove_labels);
      // Epics exist from Premium, where scoped labels are exclusive.
      if (set || add || remove) e.labels = nextLabels(e.labels, { set, add, remove }, true);
      if (q.state_event === 'close') e.state = 'closed';
      if (q.state_event === 'reopen') e.state = 'opened';
      e.updatedAt = nowIso();
      return json(200, epicEntity(c, e, true));
    },
  ],
  [
    'POST',
    /^\/markdown$/,
    (c) => {
      const q = params(c.req);
      if (q.text === undefined) return badRequest('text is missing');
      const project = q.project ? c.state.projects.find((p) => p.fullPath === q.project) : undefined;
      if (q.project && !project) return json(404, { message: '404 Project Not Found' });
      return json(201, { html: renderMarkdown(String(q.text), { base: c.base, projectPath: isTrue(q.gfm) ? project?.fullPath : undefined }) });
    },
  ],
];
