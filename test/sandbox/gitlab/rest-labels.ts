// REST v4: project labels (with ancestor groups' labels) and group labels, as the Labels and Group labels APIs.
import type { SandboxReply } from '../core';
import { labelEntity } from './entities';
import { badRequest, findGroup, findProject, isTrue, json, paginate, params, requireGroupMaintainer, requireWrite } from './http';
import { groupLabelsFor, labelsFor } from './ops';
import type { ApiCtx, Route } from './router';
import { addLabel } from './seed';
import type { GlLabel } from './state';

const CSS_COLORS: Record<string, string> = { red: '#FF0000', green: '#008000', blue: '#0000FF', orange: '#FFA500', purple: '#800080', gray: '#808080' };

const byName = (a: GlLabel, b: GlLabel) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/** The `search` filter (case-insensitive substring), sorted by title as LabelsFinder does. */
function searched(c: ApiCtx, labels: GlLabel[]): GlLabel[] {
  const search = params(c.req).search;
  const s = search ? String(search).toLowerCase() : undefined;
  return labels.filter((l) => !s || l.name.toLowerCase().includes(s)).sort(byName);
}

/** name, color (hex or CSS name) and description as Grape and the Label model check them; a reply when refused. */
function labelParams(c: ApiCtx): { name: string; color: string; description: string | null } | SandboxReply {
  const q = params(c.req);
  if (!q.name) return badRequest('name is missing');
  if (!q.color) return badRequest('color is missing');
  const name = String(q.name).trim();
  // Label titles may not contain commas (Label validates /\A[^,]+\z/): label lists are comma-separated.
  if (!name || name.includes(',') || name.length > 255) return json(400, { message: { title: ['is invalid'] } });
  const raw = String(q.color).trim();
  const color = CSS_COLORS[raw.toLowerCase()] ?? raw;
  if (!/^#[0-9a-f]{6}$/i.test(color)) return json(400, { message: { color: ['must be a valid color code'] } });
  return { name, color, description: q.description ? String(q.description) : null };
}

const isReply = (x: object): x is SandboxReply => 'status' in x;

/**
 * GitLab refuses a label whose title is already available where it would be created — the project's or group's own
 * labels and those of its ancestor groups — with 409. Titles compare exactly: GitLab labels are case-sensitive.
 */
const CONFLICT = (): SandboxReply => json(409, { message: 'Label already exists' });

export const labelRoutes: Route[] = [
  [
    'GET',
    /^\/projects\/([^/]+)\/labels$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      const q = params(c.req);
      const includeAncestors = q.include_ancestor_groups === undefined ? true : isTrue(q.include_ancestor_groups);
      return paged(c, searched(c, labelsFor(c.state, p, includeAncestors)), (l) => labelEntity(c, l, { withCounts: isTrue(q.with_counts), projectId: p.id }));
    },
  ],
  [
    'POST',
    /^\/projects\/([^/]+)\/labels$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      requireWrite(c.auth(), p);
      const given = labelParams(c);
      if (isReply(given)) return given;
      if (labelsFor(c.state, p, true).some((l) => l.name === given.name)) return CONFLICT();
      const q = params(c.req);
      const priority = q.priority === undefined || q.priority === null ? null : Number(q.priority);
      const label = addLabel(c.state, { projectId: p.id, groupId: null, ...given, priority });
      return json(201, labelEntity(c, label));
    },
  ],
  [
    'GET',
    /^\/groups\/([^/]+)\/labels$/,
    (c, m) => {
      const g = findGroup(c.state, m[1]!);
      const q = params(c.req);
      const labels = groupLabelsFor(c.state, g, {
        ancestors: q.include_ancestor_groups === undefined ? true : isTrue(q.include_ancestor_groups),
        descendants: isTrue(q.include_descendant_groups),
        onlyGroupLabels: q.only_group_labels === undefined ? true : isTrue(q.only_group_labels),
      });
      return paged(c, searched(c, labels), (l) => labelEntity(c, l, { withCounts: isTrue(q.with_counts), group: g }));
    },
  ],
  [
    'POST',
    /^\/groups\/([^/]+)\/labels$/,
    (c, m) => {
      const g = findGroup(c.state, m[1]!);
      requireGroupMaintainer(c.state, c.auth(), g);
      const given = labelParams(c);
      if (isReply(given)) return given;
      if (groupLabelsFor(c.state, g, { ancestors: true }).some((l) => l.name === given.name)) return CONFLICT();
      const label = addLabel(c.state, { projectId: null, groupId: g.id, ...given });
      return json(201, labelEntity(c, label, { group: g }));
    },
  ],
];

function paged(c: ApiCtx, labels: GlLabel[], present: (l: GlLabel) => unknown): SandboxReply {
  const { page, headers } = paginate(c.req, labels);
  return json(200, page.map(present), headers);
}
