// REST v4: project and group members including inherited ones (`…/members/all`), as the Members API.
import type { SandboxReply } from '../core';
import { memberEntity } from './entities';
import { findGroup, findProject, json, paginate, params } from './http';
import type { ApiCtx, Route } from './router';
import type { GitlabState, GlGroup } from './state';

/** Memberships of a group and its ancestors, nearest first. */
function lineage(state: GitlabState, groupId: number): GlGroup[] {
  const out: GlGroup[] = [];
  for (let g = state.groups.find((x) => x.id === groupId); g; g = state.groups.find((x) => x.id === g!.parentId)) out.push(g);
  return out;
}

/**
 * One row per user with the highest access level among the direct and inherited memberships ("only its membership with
 * the highest access_level is returned"). Blocked users stay listed, with `state: "blocked"`.
 */
function membersReply(c: ApiCtx, memberships: Record<number, number>[], since?: string): SandboxReply {
  const best = new Map<number, number>();
  for (const m of memberships) for (const [id, level] of Object.entries(m)) best.set(Number(id), Math.max(best.get(Number(id)) ?? 0, level));
  const query = params(c.req).query;
  const q = query ? String(query).toLowerCase() : undefined;
  const rows = [...best]
    .sort(([a], [b]) => a - b)
    .map(([id, level]) => ({ u: c.state.users.find((x) => x.id === id)!, level }))
    .filter(({ u }) => !q || u.username.toLowerCase().includes(q) || u.name.toLowerCase().includes(q));
  const { page, headers } = paginate(c.req, rows);
  return json(200, page.map(({ u, level }) => memberEntity(c, u, level, since ?? u.createdAt)), headers);
}

export const memberRoutes: Route[] = [
  [
    'GET',
    /^\/projects\/([^/]+)\/members\/all$/,
    (c, m) => {
      const p = findProject(c.state, m[1]!);
      c.auth();
      return membersReply(c, [p.members, ...lineage(c.state, p.namespaceId).map((g) => g.members)], p.createdAt);
    },
  ],
  [
    'GET',
    /^\/groups\/([^/]+)\/members\/all$/,
    (c, m) => {
      const g = findGroup(c.state, m[1]!);
      c.auth();
      return membersReply(
        c,
        lineage(c.state, g.id).map((x) => x.members),
      );
    },
  ],
];
