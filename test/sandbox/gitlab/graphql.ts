// POST /api/graphql: the `updateIssue` mutation GitLab's own UI uses to set an issue's health status, the Status
// read and write of graphql-status.ts, and custom fields (custom-fields.ts).
// Real behaviour mirrored: on tiers without health status (EE Free/Premium) the argument is dropped silently and the
// issue comes back with `healthStatus: null`; permission problems come back as GraphQL errors with HTTP 200.
import type { SandboxReply, SandboxRequest } from '../core';
import { childrenRead, isChildrenRead } from './graphql-children';
import { customFieldsGraphql, isCustomFieldsOperation, isWorkItemsList } from './custom-fields';
import { epicOfUpdate, epicRead, epicReadGroup, epicUpdate } from './graphql-epics';
import { isStatusRead, isWorkItemUpdate, statusRead, workItemUpdate } from './graphql-status';
import { json, rateLimitHeaders } from './http';
import { HEALTH_VALUES, setHealthStatus } from './ops';
import { ACCESS, tierAtLeast, type GitlabState, type HealthStatusValue } from './state';

const ENUM_TO_VALUE: Record<string, HealthStatusValue> = { onTrack: 'on_track', needsAttention: 'needs_attention', atRisk: 'at_risk' };
const VALUE_TO_ENUM: Record<HealthStatusValue, string> = { on_track: 'onTrack', needs_attention: 'needsAttention', at_risk: 'atRisk' };
const NOT_AVAILABLE = "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

interface GqlRequest {
  query?: string;
  variables?: Record<string, unknown> | null;
}

/** Text of the balanced `{…}` starting at `from`. */
function balanced(s: string, from: number): string {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '{') depth++;
    if (s[i] === '}' && --depth === 0) return s.slice(from + 1, i);
  }
  return s.slice(from + 1);
}

type Literal = string | number | boolean | null | { enum: string } | { variable: string };

/** `{projectPath: $p, iid: "1", healthStatus: onTrack}` → key/literal pairs. */
function parseInputLiteral(src: string): Record<string, Literal> {
  const out: Record<string, Literal> = {};
  for (const m of src.matchAll(/(\w+)\s*:\s*("(?:[^"\\]|\\.)*"|\$\w+|-?\d+(?:\.\d+)?|\w+)/g)) {
    const raw = m[2]!;
    out[m[1]!] = raw.startsWith('"')
      ? (JSON.parse(raw) as string)
      : raw.startsWith('$')
        ? { variable: raw.slice(1) }
        : /^-?\d/.test(raw)
          ? Number(raw)
          : raw === 'null'
            ? null
            : raw === 'true' || raw === 'false'
              ? raw === 'true'
              : { enum: raw };
  }
  return out;
}

/** The mutation's input with variables substituted; enum values stay GraphQL enum names. */
function mutationInput(query: string, variables: Record<string, unknown>): Record<string, unknown> | undefined {
  const at = query.search(/updateIssue\s*\(\s*input\s*:/);
  if (at < 0) return undefined;
  const rest = query.slice(at).replace(/^updateIssue\s*\(\s*input\s*:\s*/, '');
  if (rest.startsWith('$')) {
    const v = variables[rest.match(/^\$(\w+)/)![1]!];
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, lit] of Object.entries(parseInputLiteral(balanced(rest, rest.indexOf('{'))))) {
    out[k] = lit && typeof lit === 'object' ? ('variable' in lit ? variables[lit.variable] : lit.enum) : lit;
  }
  return out;
}

/** Field names selected inside `issue { … }` (flat). */
function issueSelection(query: string): string[] {
  const at = query.search(/\bissue\s*\{/);
  if (at < 0) return [];
  return balanced(query, query.indexOf('{', at)).replace(/\{[^}]*\}/g, '').match(/\w+/g) ?? [];
}

const gqlError = (message: string, extra: Record<string, unknown> = {}) => ({ message, locations: [{ line: 1, column: 1 }], ...extra });

type Answer = { data?: unknown; errors?: unknown[] };

/** Objects merged key by key, `widgets` lists joined (each module answers its own fragments), else the first value. */
function merge(a: unknown, b: unknown, key = ''): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return key === 'widgets' ? [...a, ...b] : a;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, unknown> = { ...(b as Record<string, unknown>) };
    for (const [k, v] of Object.entries(a as Record<string, unknown>)) out[k] = k in out ? merge(v, out[k], k) : v;
    return out;
  }
  return a === undefined ? b : a;
}

/** A schema error in either part refuses the whole query, as GraphQL's validation does. */
function mergeAnswers(a: Answer, b: Answer): Answer {
  const errors = [...(a.errors ?? []), ...(b.errors ?? [])];
  if (errors.length && (a.data === undefined || b.data === undefined)) return { errors };
  return { data: merge(a.data, b.data), ...(errors.length ? { errors } : {}) };
}

export function graphqlHandler(state: GitlabState, req: SandboxRequest): SandboxReply {
  const limits = rateLimitHeaders(state, req);
  const reply = (status: number, body: unknown) => json(status, body, limits);
  if (req.method !== 'POST') return reply(405, { errors: [gqlError('Only POST is supported')] });
  const raw = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? (req.headers['private-token'] as string | undefined);
  const token = raw ? state.tokens.find((t) => t.token === raw) : undefined;
  if (raw && (!token || token.expired || token.revoked)) return reply(401, { errors: [gqlError('Invalid token')] });
  const body = (req.body ?? {}) as GqlRequest;
  const query = body.query ?? '';
  if (isChildrenRead(query)) return reply(200, childrenRead(state, req.base, query, body.variables ?? {}, token));
  // Custom fields and Status share workItem reads and the workItemUpdate mutation: told apart by what they name.
  const updateInput = ((body.variables ?? {}).input ?? {}) as Record<string, unknown>;
  // Epics as work items: a read of a group's namespace, an update of an epic's work item.
  const epicGroup = isStatusRead(query) ? epicReadGroup(state, query, body.variables ?? {}) : null;
  if (epicGroup !== null) return reply(200, epicRead(state, epicGroup, query, body.variables ?? {}, token));
  const epic = isWorkItemUpdate(query) ? epicOfUpdate(state, body.variables ?? {}) : undefined;
  if (epic) return reply(200, epicUpdate(state, epic, body.variables ?? {}, token));
  const customFieldsOp = isWorkItemUpdate(query) ? 'customFieldsWidget' in updateInput : /\bcustomField(s|Values)\b/.test(query);
  // One read of both (an issue view's): each module answers its part, merged as one GraphQL answer would be.
  if (customFieldsOp && !isWorkItemUpdate(query) && isStatusRead(query) && /\bWorkItemWidgetStatus\b/.test(query)) {
    const vars = body.variables ?? {};
    return reply(200, mergeAnswers(statusRead(state, query, vars, token), customFieldsGraphql(state, query, vars, token)));
  }
  if ((customFieldsOp && isCustomFieldsOperation(query)) || isWorkItemsList(query)) return reply(200, customFieldsGraphql(state, query, body.variables ?? {}, token, req.base));
  if (isWorkItemUpdate(query)) return reply(200, workItemUpdate(state, query, body.variables ?? {}, token));
  if (isStatusRead(query)) return reply(200, statusRead(state, query, body.variables ?? {}, token));
  const input = mutationInput(query, body.variables ?? {});
  if (!input) return reply(200, { errors: [gqlError('This sandbox answers only updateIssue, workItemUpdate and namespace { workItem } (Status)')] });
  if (typeof input.iid !== 'string') {
    return reply(200, { errors: [gqlError(`Variable $input of type UpdateIssueInput! was provided invalid value for iid (Could not coerce value ${JSON.stringify(input.iid ?? null)} to String)`)] });
  }
  const wanted = input.healthStatus;
  if (wanted !== undefined && wanted !== null && !(String(wanted) in ENUM_TO_VALUE)) {
    return reply(200, { errors: [gqlError(`Argument 'healthStatus' on InputObject 'UpdateIssueInput' has an invalid value (${String(wanted)}). Expected type 'HealthStatus'.`)] });
  }
  const project = state.projects.find((p) => p.fullPath === input.projectPath);
  const issue = project && state.issues.find((i) => i.projectId === project.id && i.iid === Number(input.iid));
  const canWrite = token && token.scopes.includes('api') && project && (project.members[token.userId] ?? 0) >= ACCESS.developer;
  if (!project || !issue || !canWrite) {
    return reply(200, { data: { updateIssue: null }, errors: [gqlError(NOT_AVAILABLE, { path: ['updateIssue'] })] });
  }
  if (wanted !== undefined && tierAtLeast(project.tier, 'ultimate')) {
    const value = wanted === null ? null : ENUM_TO_VALUE[String(wanted)]!;
    if (value === null || HEALTH_VALUES.includes(value)) setHealthStatus(state, issue, value, token.userId);
  }
  const health = tierAtLeast(project.tier, 'ultimate') && issue.healthStatus ? VALUE_TO_ENUM[issue.healthStatus] : null;
  const fields: Record<string, unknown> = {
    id: `gid://gitlab/Issue/${issue.id}`,
    iid: String(issue.iid),
    title: issue.title,
    healthStatus: health,
    weight: tierAtLeast(project.tier, 'premium') ? issue.weight : null,
    webUrl: `${req.base}/${project.fullPath}/-/issues/${issue.iid}`,
    state: issue.state,
    __typename: 'Issue',
  };
  const selected = Object.fromEntries(issueSelection(query).filter((f) => f in fields).map((f) => [f, fields[f]]));
  return reply(200, { data: { updateIssue: { issue: selected, errors: [] } } });
}
