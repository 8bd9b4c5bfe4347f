// GraphQL for epics as work items (18.1+): `namespace(fullPath: <group>) { workItem(iid) }` answers the group's epic
// with the Epic type's widgets as GitLab defines them (gitlab-org/gitlab app/models/work_items/system_defined/types/
// epic.rb): weight read-only and rolled up from the child issues (`rolledUpWeight`, `rolledUpCompletedWeight`,
// `widgetDefinition { editable: false rollUp: true }`), health status where the group is Ultimate, no Status.
// `workItemUpdate(input: { id, healthStatusWidget })` sets the health status. `features.epicWorkItems` off: an older
// GitLab whose epics are no work items (`workItem: null`).
import { ACCESS, tierAtLeast, type GitlabState, type GlEpic, type GlToken, type HealthStatusValue } from './state';

type Body = Record<string, unknown>;
const gqlError = (message: string, extra: Record<string, unknown> = {}) => ({ message, locations: [{ line: 1, column: 1 }], ...extra });
const NOT_AVAILABLE = "The resource that you are attempting to access does not exist or you don't have permission to perform this action";
const ENUM_TO_VALUE: Record<string, HealthStatusValue> = { onTrack: 'on_track', needsAttention: 'needs_attention', atRisk: 'at_risk' };
const VALUE_TO_ENUM: Record<HealthStatusValue, string> = { on_track: 'onTrack', needs_attention: 'needsAttention', at_risk: 'atRisk' };

export const epicWorkItemGid = (e: GlEpic) => `gid://gitlab/WorkItem/${e.workItemId}`;

/** The namespace a read names, when it is a group (an epic read) rather than a project. */
export function epicReadGroup(state: GitlabState, query: string, variables: Record<string, unknown>): number | null {
  const name = /\bnamespace\s*\(\s*fullPath\s*:\s*\$(\w+)/.exec(query)?.[1];
  const path = name ? variables[name] : undefined;
  return typeof path === 'string' ? (state.groups.find((g) => g.fullPath === path)?.id ?? null) : null;
}

/** The epic whose work item an update names, if any. */
export function epicOfUpdate(state: GitlabState, variables: Record<string, unknown>): GlEpic | undefined {
  const id = (variables.input as { id?: unknown } | undefined)?.id;
  return state.epics.find((e) => epicWorkItemGid(e) === id);
}

function workItemJson(state: GitlabState, epic: GlEpic) {
  const group = state.groups.find((g) => g.id === epic.groupId)!;
  const children = state.issues.filter((i) => i.epicId === epic.id);
  const sum = (list: typeof children) => list.reduce((n, i) => n + (i.weight ?? 0), 0);
  const widgets: Body[] = [{}];
  if (tierAtLeast(group.tier, 'premium')) {
    widgets.push({
      type: 'WEIGHT',
      weight: null,
      rolledUpWeight: sum(children),
      rolledUpCompletedWeight: sum(children.filter((i) => i.state === 'closed')),
      widgetDefinition: { editable: false, rollUp: true },
    });
  }
  if (tierAtLeast(group.tier, 'ultimate')) widgets.push({ type: 'HEALTH_STATUS', healthStatus: epic.healthStatus ? VALUE_TO_ENUM[epic.healthStatus] : null });
  widgets.push({});
  return { id: epicWorkItemGid(epic), iid: String(epic.iid), widgets };
}

const canRead = (state: GitlabState, epic: GlEpic, token: GlToken | undefined) => {
  let g = state.groups.find((x) => x.id === epic.groupId);
  const group = g;
  if (!token || !group) return false;
  for (; g; g = state.groups.find((x) => x.id === g!.parentId)) if ((g.members[token.userId] ?? 0) >= ACCESS.guest) return true;
  // Members of a project below the group see its epics too.
  return state.projects.some((p) => p.members[token.userId] !== undefined && isBelow(state, p.namespaceId, group.id));
};
const isBelow = (state: GitlabState, groupId: number, ancestor: number): boolean => {
  for (let g = state.groups.find((x) => x.id === groupId); g; g = state.groups.find((x) => x.id === g!.parentId)) if (g.id === ancestor) return true;
  return false;
};
const canWrite = (state: GitlabState, epic: GlEpic, token: GlToken | undefined) =>
  !!token && token.scopes.includes('api') && state.projects.some((p) => (p.members[token.userId] ?? 0) >= ACCESS.developer && isBelow(state, p.namespaceId, epic.groupId));

export function epicRead(state: GitlabState, groupId: number, query: string, variables: Record<string, unknown>, token: GlToken | undefined): Body {
  const name = /\bworkItem\s*\(\s*iid\s*:\s*\$(\w+)/.exec(query)?.[1];
  const iid = name ? variables[name] : undefined;
  const epic = state.epics.find((e) => e.groupId === groupId && String(e.iid) === String(iid));
  if (epic && !canRead(state, epic, token)) return { data: { namespace: null } };
  const group = state.groups.find((g) => g.id === groupId)!;
  const visible = epic && state.features.epicWorkItems && tierAtLeast(group.tier, 'premium');
  return { data: { namespace: { id: `gid://gitlab/Group/${groupId}`, workItem: visible ? workItemJson(state, epic) : null } } };
}

export function epicUpdate(state: GitlabState, epic: GlEpic, variables: Record<string, unknown>, token: GlToken | undefined): Body {
  if (!canWrite(state, epic, token)) return { data: { workItemUpdate: null }, errors: [gqlError(NOT_AVAILABLE, { path: ['workItemUpdate'] })] };
  const input = variables.input as { healthStatusWidget?: { healthStatus?: unknown } };
  const group = state.groups.find((g) => g.id === epic.groupId)!;
  if (input.healthStatusWidget !== undefined) {
    const wanted = input.healthStatusWidget.healthStatus;
    if (wanted !== null && !(String(wanted) in ENUM_TO_VALUE)) {
      return { errors: [gqlError(`Variable $input of type WorkItemUpdateInput! was provided invalid value for healthStatusWidget.healthStatus (Expected "${String(wanted)}" to be one of: onTrack, needsAttention, atRisk)`)] };
    }
    // Below Ultimate the widget is not licensed: GitLab leaves the epic as it was.
    if (tierAtLeast(group.tier, 'ultimate')) {
      epic.healthStatus = wanted === null ? null : ENUM_TO_VALUE[String(wanted)]!;
      epic.updatedAt = new Date().toISOString();
    }
  }
  return { data: { workItemUpdate: { workItem: workItemJson(state, epic), errors: [] } } };
}
