// GraphQL for GitLab Status (18.2+), named as GitLab's GraphQL reference names it: `namespace(fullPath) { workItem(iid) }`
// with the `WorkItemWidgetStatus { status { id name category color iconName } }` widget and the type's
// `WorkItemWidgetDefinitionStatus { allowedStatuses { … } }`, and `workItemUpdate(input: { id, statusWidget: { status } })`.
// Inline fragments on other widget types answer `{}`, as GitLab's do. `state.statusSchema` makes the schema older
// (no category/allowedStatuses, no statusWidget input) or the write a no-op.
import { ACCESS, type GitlabState, type GlIssue, type GlProject, type GlToken } from './state';
import { setIssueStatus, statusesFor, statusGid, statusJson, workItemGid } from './statuses';

const NOT_AVAILABLE = "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

type Body = Record<string, unknown>;
const gqlError = (message: string, extra: Record<string, unknown> = {}) => ({ message, locations: [{ line: 1, column: 1 }], ...extra });

/** `field(arg: $v)` or `field(arg: "literal")` → the value. */
function argument(query: string, field: string, arg: string, variables: Record<string, unknown>): unknown {
  const args = new RegExp(`\\b${field}\\s*\\(([^)]*)\\)`).exec(query)?.[1];
  const m = args && new RegExp(`\\b${arg}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\$\\w+)`).exec(args);
  if (!m) return undefined;
  return m[1]!.startsWith('$') ? variables[m[1]!.slice(1)] : JSON.parse(m[1]!);
}

export const isStatusRead = (query: string) => /\bnamespace\s*\(/.test(query) && /\bworkItem\s*\(/.test(query);
export const isWorkItemUpdate = (query: string) => /\bworkItemUpdate\s*\(/.test(query);

export function unknownField(query: string, state: GitlabState): Body | null {
  if (state.statusSchema.read) return null;
  for (const [field, typeName] of [['allowedStatuses', 'WorkItemWidgetDefinitionStatus'], ['category', 'WorkItemStatus']] as const) {
    if (new RegExp(`\\b${field}\\b`).test(query)) {
      return { errors: [gqlError(`Field '${field}' doesn't exist on type '${typeName}'`, { path: ['query'], extensions: { code: 'undefinedField', typeName, fieldName: field } })] };
    }
  }
  return null;
}

function canWrite(token: GlToken | undefined, p: GlProject): boolean {
  return !!token && token.scopes.includes('api') && (p.members[token.userId] ?? 0) >= ACCESS.developer;
}

export function statusWidgets(state: GitlabState, p: GlProject, issue: GlIssue) {
  const statuses = statusesFor(state, p);
  // Status is licensed from Premium; acme's groups have it off (labels only).
  if (!statuses || p.tier === 'free') return { widgets: [{}], definitions: [{}] };
  const current = statuses.find((s) => s.id === issue.statusId);
  return {
    widgets: [{}, { type: 'STATUS', status: current ? statusJson(current) : null }],
    definitions: [{}, { type: 'STATUS', allowedStatuses: statuses.map(statusJson) }],
  };
}

function workItemJson(state: GitlabState, p: GlProject, issue: GlIssue) {
  const { widgets, definitions } = statusWidgets(state, p, issue);
  return {
    id: workItemGid(issue),
    iid: String(issue.iid),
    state: issue.state === 'closed' ? 'CLOSED' : 'OPEN',
    widgets,
    workItemType: { id: 'gid://gitlab/WorkItems::Type/1', name: 'Issue', widgetDefinitions: definitions },
  };
}

/** `namespace(fullPath:) { workItem(iid:) { … } }`: a project the token cannot see is `namespace: null`. */
export function statusRead(state: GitlabState, query: string, variables: Record<string, unknown>, token: GlToken | undefined): Body {
  const unknown = unknownField(query, state);
  if (unknown) return unknown;
  const fullPath = argument(query, 'namespace', 'fullPath', variables);
  const iid = argument(query, 'workItem', 'iid', variables);
  const p = state.projects.find((x) => x.fullPath === fullPath);
  if (!p || !token || (p.members[token.userId] ?? 0) < ACCESS.guest) return { data: { namespace: null } };
  const issue = state.issues.find((i) => i.projectId === p.id && String(i.iid) === String(iid));
  return { data: { namespace: { id: `gid://gitlab/Namespaces::ProjectNamespace/${p.id}`, workItem: issue ? workItemJson(state, p, issue) : null } } };
}

/** `workItemUpdate(input: $input)` with `statusWidget: { status }`; other widgets are not modelled. */
export function workItemUpdate(state: GitlabState, query: string, variables: Record<string, unknown>, token: GlToken | undefined): Body {
  const name = /workItemUpdate\s*\(\s*input\s*:\s*\$(\w+)/.exec(query)?.[1];
  const input = (name ? variables[name] : undefined) as { id?: string; statusWidget?: { status?: string } } | undefined;
  if (!input || typeof input.id !== 'string') return { errors: [gqlError('Variable $input of type WorkItemUpdateInput! was provided invalid value for id (Expected value to not be null)')] };
  if (input.statusWidget !== undefined && !state.statusSchema.mutation) {
    const explanation = 'Field is not defined on WorkItemUpdateInput';
    return { errors: [gqlError(`Variable $input of type WorkItemUpdateInput! was provided invalid value for statusWidget (${explanation})`, { extensions: { value: input, problems: [{ path: ['statusWidget'], explanation }] } })] };
  }
  const issue = state.issues.find((i) => workItemGid(i) === input.id);
  const p = issue && state.projects.find((x) => x.id === issue.projectId);
  if (!issue || !p || !canWrite(token, p)) return { data: { workItemUpdate: null }, errors: [gqlError(NOT_AVAILABLE, { path: ['workItemUpdate'] })] };
  const wanted = input.statusWidget?.status;
  if (wanted !== undefined) {
    const status = statusesFor(state, p)?.find((s) => statusGid(s) === wanted);
    if (!status || p.tier === 'free') return { data: { workItemUpdate: { workItem: workItemJson(state, p, issue), errors: ['Status is not allowed for this work item type.'] } } };
    if (!state.statusSchema.dropWrites) setIssueStatus(state, issue, status, token!.userId);
  }
  return { data: { workItemUpdate: { workItem: workItemJson(state, p, issue), errors: [] } } };
}
