// GraphQL for custom fields (GitLab 17.11 behind `custom_fields_feature`, GA in 18.0, Premium+): a group's
// `customFields`, a work item's (`namespace.workItem`, `project.workItems(iids)`) `customFieldValues`, and
// `workItemUpdate(customFieldsWidget)`. `project.workItems(iids)` also answers a list page's Status: each work item's
// status widget and its type's allowed statuses (graphql-status.ts).
// Only what Refinery asks, read from the operation's variables. With `features.customFields` off the schema lacks
// them and answers as GraphQL does for an unknown field or argument.
import { issueEntity } from './entities';
import { statusWidgets, unknownField } from './graphql-status';
import { ACCESS, tierAtLeast, nowIso, type GitlabState, type GlCustomField, type GlIssue, type GlProject, type GlToken } from './state';

const FIELD_GID = 'gid://gitlab/Issuables::CustomField/';
const WORK_ITEM_GID = 'gid://gitlab/WorkItem/';
const TYPE: Record<GlCustomField['fieldType'], string> = { number: 'NUMBER', text: 'TEXT', single_select: 'SINGLE_SELECT', multi_select: 'MULTI_SELECT' };

type Body = { data?: unknown; errors?: unknown[] };
const error = (message: string, extensions: Record<string, unknown> = {}, path?: string[]) => ({ message, locations: [{ line: 1, column: 1 }], ...(path ? { path } : {}), ...(Object.keys(extensions).length ? { extensions } : {}) });

/** Does this operation touch custom fields (then this module answers it)? */
export function isCustomFieldsOperation(query: string): boolean {
  return /\bworkItemUpdate\s*\(|\bcustomFields\s*\(|\bcustomFieldValues\b|\bworkItem\s*\(/.test(query);
}

/** A list page's `project(fullPath) { workItems(iids) }`, with custom field values, Status or both. */
export const isWorkItemsList = (query: string): boolean => /\bproject\s*\(/.test(query) && /\bworkItems\s*\(/.test(query);

function topGroupOf(state: GitlabState, p: GlProject) {
  let g = state.groups.find((x) => x.id === p.namespaceId);
  while (g && g.parentId !== null) g = state.groups.find((x) => x.id === g!.parentId);
  return g;
}

/** The work item as `{ id widgets { … on WorkItemWidgetCustomFields { customFieldValues … } } }` selects it. */
/** The issue's `customFieldValues`: one per active field of its top-level group (Premium+), set or not. */
export function customFieldValuesOf(state: GitlabState, issue: GlIssue) {
  const project = state.projects.find((p) => p.id === issue.projectId)!;
  const group = topGroupOf(state, project);
  const fields = group && tierAtLeast(group.tier, 'premium') ? state.customFields.filter((f) => f.groupId === group.id && f.active) : [];
  return fields.map((f) => {
    const stored = state.customFieldValues.find((v) => v.issueId === issue.id && v.fieldId === f.id);
    const customField = { id: `${FIELD_GID}${f.id}`, name: f.name, fieldType: TYPE[f.fieldType] };
    return f.fieldType === 'number' ? { customField, value: typeof stored?.value === 'number' ? stored.value : null } : { customField };
  });
}

/** `… on WorkItemWidgetCustomFields` in a query of a GitLab without custom fields: GraphQL's refusal. */
export const noCustomFieldsType = () => ({
  errors: [error("No such type WorkItemWidgetCustomFields, so it can't be a fragment condition", { code: 'undefinedType', typeName: 'WorkItemWidgetCustomFields' })],
});

function workItemJson(state: GitlabState, issue: GlIssue, withStatus = false, fullBase?: string) {
  const project = state.projects.find((p) => p.id === issue.projectId)!;
  const customFieldValues = customFieldValuesOf(state, issue);
  const fields = customFieldValues;
  // Other widgets answer `{}`: the query selects fields of the custom fields widget only.
  if (!withStatus) return { id: `${WORK_ITEM_GID}${issue.id}`, iid: String(issue.iid), widgets: [{}, { customFieldValues }, {}] };
  // A list page's query selects the status widget and the type's definitions too.
  const status = statusWidgets(state, project, issue);
  return {
    id: `${WORK_ITEM_GID}${issue.id}`,
    iid: String(issue.iid),
    widgets: [...status.widgets, ...(fields.length ? [{ customFieldValues }] : [{}])],
    workItemType: { widgetDefinitions: status.definitions },
    ...(fullBase === undefined ? {} : fullWorkItem(state, issue, fullBase)),
  };
}

const HEALTH_ENUM: Record<string, string> = { on_track: 'onTrack', needs_attention: 'needsAttention', at_risk: 'atRisk' };

/**
 * A list page's GraphQL-only read: the work item's own fields and the description, labels, weight, health status,
 * assignees and milestone widgets, from the same data as the REST issue (weight from Premium, health status on
 * Ultimate: the widgets are absent below, as the REST keys are).
 */
function fullWorkItem(state: GitlabState, issue: GlIssue, base: string) {
  const e = issueEntity({ state, base }, issue) as Record<string, unknown> & {
    assignees: { id: number; username: string; name: string; avatar_url: string; web_url: string }[];
    milestone: { id: number; title: string } | null;
    labels: string[];
  };
  const type = issue.issueType.replace(/_/g, ' ');
  return {
    title: issue.title,
    state: issue.state === 'closed' ? 'CLOSED' : 'OPEN',
    webUrl: e.web_url,
    updatedAt: issue.updatedAt,
    typeName: type.charAt(0).toUpperCase() + type.slice(1),
    fullWidgets: [
      { type: 'DESCRIPTION', description: issue.description },
      { type: 'LABELS', labels: { nodes: e.labels.map((title) => ({ title })) } },
      ...('weight' in e ? [{ type: 'WEIGHT', weight: e.weight }] : []),
      ...('health_status' in e ? [{ type: 'HEALTH_STATUS', healthStatus: e.health_status ? HEALTH_ENUM[String(e.health_status)] : null }] : []),
      { type: 'ASSIGNEES', assignees: { nodes: e.assignees.map((u) => ({ id: `gid://gitlab/User/${u.id}`, username: u.username, name: u.name, avatarUrl: u.avatar_url, webUrl: u.web_url })) } },
      { type: 'MILESTONE', milestone: e.milestone ? { id: `gid://gitlab/Milestone/${e.milestone.id}`, title: e.milestone.title } : null },
    ],
  };
}

/** Folds fullWorkItem's parts into the work item's widgets and type. */
function withFull(item: ReturnType<typeof workItemJson>): Record<string, unknown> {
  if (!('fullWidgets' in item)) return item;
  const { fullWidgets, typeName, ...rest } = item as typeof item & ReturnType<typeof fullWorkItem>;
  return { ...rest, widgets: [...fullWidgets, ...rest.widgets], workItemType: { name: typeName, ...('workItemType' in rest ? rest.workItemType : {}) } };
}

const readable = (p: GlProject, token: GlToken) => p.members[token.userId] !== undefined;

function read(state: GitlabState, query: string, vars: Record<string, unknown>, token: GlToken, base: string): Body {
  const statusUnknown = unknownField(query, state);
  if (statusUnknown) return statusUnknown as Body;
  if (!state.features.customFields && /customField|CustomField/.test(query)) {
    if (/\bcustomFields\s*\(/.test(query)) return { errors: [error("Field 'customFields' doesn't exist on type 'Group'", { code: 'undefinedField', typeName: 'Group', fieldName: 'customFields' })] };
    return noCustomFieldsType();
  }
  const data: Record<string, unknown> = {};
  if (/\bgroup\s*\(/.test(query)) {
    const group = state.groups.find((g) => g.fullPath === vars.group);
    const numberOnly = /fieldType\s*:\s*NUMBER/.test(query);
    const nodes = group && tierAtLeast(group.tier, 'premium')
      ? state.customFields
          .filter((f) => f.groupId === group.id && f.active && (!numberOnly || f.fieldType === 'number'))
          .map((f) => ({ id: `${FIELD_GID}${f.id}`, name: f.name, fieldType: TYPE[f.fieldType] }))
      : [];
    data.group = group ? { customFields: { nodes } } : null;
  }
  if (/\bproject\s*\(/.test(query)) {
    const project = state.projects.find((p) => p.fullPath === vars.project);
    const iids = Array.isArray(vars.iids) ? vars.iids.map(String) : null;
    const issues = project ? state.issues.filter((i) => i.projectId === project.id && (!iids || iids.includes(String(i.iid)))).slice(0, 100) : [];
    const withStatus = /\bWorkItemWidgetStatus\b/.test(query);
    const full = /\bWorkItemWidgetLabels\b/.test(query) ? base : undefined;
    data.project = project && readable(project, token) ? { workItems: { nodes: issues.map((i) => withFull(workItemJson(state, i, withStatus || full !== undefined, full))) } } : null;
  }
  if (/\bnamespace\s*\(/.test(query)) {
    const project = state.projects.find((p) => p.fullPath === vars.project);
    const issue = project && readable(project, token) ? state.issues.find((i) => i.projectId === project.id && String(i.iid) === vars.iid) : undefined;
    data.namespace = project && readable(project, token) ? { workItem: issue ? workItemJson(state, issue) : null } : null;
  }
  return { data };
}

function update(state: GitlabState, vars: Record<string, unknown>, token: GlToken): Body {
  if (!state.features.customFields) {
    return { errors: [error("InputObject 'WorkItemUpdateInput' doesn't accept argument 'customFieldsWidget'", { code: 'argumentNotAccepted', name: 'WorkItemUpdateInput', typeName: 'InputObject', argumentName: 'customFieldsWidget' })] };
  }
  const input = (vars.input ?? {}) as { id?: unknown; customFieldsWidget?: { customFieldId?: unknown; numberValue?: unknown }[] };
  const issue = typeof input.id === 'string' && input.id.startsWith(WORK_ITEM_GID) ? state.issues.find((i) => i.id === Number(input.id!.toString().slice(WORK_ITEM_GID.length))) : undefined;
  const project = issue && state.projects.find((p) => p.id === issue.projectId);
  const canWrite = project && token.scopes.includes('api') && (project.members[token.userId] ?? 0) >= ACCESS.developer;
  if (!issue || !project || !canWrite) {
    const denied = "The resource that you are attempting to access does not exist or you don't have permission to perform this action";
    return { data: { workItemUpdate: null }, errors: [error(denied, {}, ['workItemUpdate'])] };
  }
  const group = topGroupOf(state, project);
  for (const change of input.customFieldsWidget ?? []) {
    const id = typeof change.customFieldId === 'string' && change.customFieldId.startsWith(FIELD_GID) ? Number(change.customFieldId.slice(FIELD_GID.length)) : NaN;
    const field = state.customFields.find((f) => f.id === id && f.groupId === group?.id);
    if (!field) return { data: { workItemUpdate: { workItem: null, errors: [`Custom field ${String(change.customFieldId)} not found`] } } };
    // An archived field takes no values: GitLab leaves it as it was, without an error.
    if (!field.active || field.fieldType !== 'number') continue;
    state.customFieldValues = state.customFieldValues.filter((v) => !(v.issueId === issue.id && v.fieldId === field.id));
    if (typeof change.numberValue === 'number') state.customFieldValues.push({ issueId: issue.id, fieldId: field.id, value: change.numberValue });
    issue.updatedAt = nowIso();
  }
  return { data: { workItemUpdate: { workItem: workItemJson(state, issue), errors: [] } } };
}

export function customFieldsGraphql(state: GitlabState, query: string, variables: Record<string, unknown>, token: GlToken | undefined, base = ''): Body {
  if (!token) return { errors: [error('Authentication required')] };
  return /\bworkItemUpdate\s*\(/.test(query) ? update(state, variables, token) : read(state, query, variables, token, base);
}
