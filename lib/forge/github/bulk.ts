// Bulk reads for list pages: up to 100 issues by number, across repositories, in ONE GraphQL request with an alias per
// repository and per issue. Chosen over REST search (`repo:o/r is:issue` + the page's own filters) because it is exact
// (the numbers the page shows, whatever its sort or filters), says per issue which ones the token cannot read
// (NOT_FOUND next to the others' data), costs a point of the GraphQL budget instead of one of the 30 searches a
// minute, and works the same for a repository list and for a search across repositories.
import type { Issue, IssueRef } from '../model';
import { fieldWeight } from './issue-fields';
import { mapUser } from './map';

/** GitHub Enterprise Server before 3.17 has no issue types: the query is sent again without them. */
const ISSUE_FIELDS = `number title body state url updatedAt
labels(first: 100) { nodes { name } }
assignees(first: 20) { nodes { databaseId login name avatarUrl url } }
milestone { number title }`;
const ISSUE_TYPE_FIELD = 'issueType { name }';
/** Organisation issue fields' number values (github.com since 2026); a server without them refuses the name. */
const ISSUE_FIELD_VALUES = 'issueFieldValues(first: 25) { nodes { ... on IssueFieldNumberValue { value field { ... on IssueFieldNumber { name } } } } }';

/** What this server's schema has beyond the basics; each is dropped once the server refuses it. */
export interface GraphqlSupport {
  /** GitHub Enterprise Server before 3.17 has no issue types. */
  issueType: boolean;
  /** Issue fields: github.com and GHE.com only so far. */
  issueFields: boolean;
  /** Issue dependencies (`blockedBy`): github.com, GHES 3.19+. Absent: asked (the children read only). */
  dependencies?: boolean;
}

function issueSelection(support: GraphqlSupport): string {
  return [ISSUE_FIELDS, ...(support.issueType ? [ISSUE_TYPE_FIELD] : []), ...(support.issueFields ? [ISSUE_FIELD_VALUES] : [])].join('\n');
}

/** The first extra the server refused (an undefined field), to be dropped before asking again; null if none. */
export function refusedExtra(errors: readonly GqlError[] | undefined, support: GraphqlSupport): keyof GraphqlSupport | null {
  const names: [keyof GraphqlSupport, RegExp][] = [['issueType', /issueType/], ['issueFields', /issueField/], ['dependencies', /blockedBy/]];
  for (const [key, pattern] of names) {
    if (support[key] !== false && (errors ?? []).some((e) => pattern.test(e.extensions?.fieldName ?? '') || pattern.test(e.message ?? ''))) return key;
  }
  return null;
}

export const MAX_ISSUES_PER_QUERY = 100;

export interface IssuesQuery {
  query: string;
  /** Where each issue's answer is: `data[repo][issue]`. */
  slots: { repo: string; issue: string; ref: IssueRef }[];
}

/** `repository(owner, name) { i12: issue(number: 12) {…} }` per repository; names are JSON-quoted GraphQL strings. */
export function issuesQuery(refs: readonly IssueRef[], support: GraphqlSupport): IssuesQuery {
  const repos = new Map<string, IssueRef[]>();
  for (const ref of refs) {
    const key = ref.path.toLowerCase();
    const list = repos.get(key) ?? [];
    if (!list.some((r) => r.iid === ref.iid)) list.push(ref);
    repos.set(key, list);
  }
  const fields = issueSelection(support);
  const slots: IssuesQuery['slots'] = [];
  const parts = [...repos.values()].map((list, k) => {
    const [owner, name] = list[0]!.path.split('/');
    const repo = `r${k}`;
    const issues = list.map((ref) => {
      slots.push({ repo, issue: `i${ref.iid}`, ref });
      return `i${ref.iid}: issue(number: ${ref.iid}) { ${fields} }`;
    });
    return `${repo}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) {\n${issues.join('\n')}\n}`;
  });
  return { query: `query RefineryListIssues {\n${parts.join('\n')}\n}`, slots };
}

export interface GqlError {
  type?: string;
  message?: string;
  path?: (string | number)[];
  extensions?: { code?: string; fieldName?: string };
}

export interface GqlIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'OPEN' | 'CLOSED';
  url: string;
  updatedAt: string;
  labels: { nodes: ({ name: string } | null)[] } | null;
  assignees: { nodes: ({ databaseId: number | null; login: string; name: string | null; avatarUrl: string | null; url: string | null } | null)[] } | null;
  milestone: { number: number; title: string } | null;
  issueType?: { name: string | null } | null;
  issueFieldValues?: { nodes: ({ value?: unknown; field?: { name?: unknown } | null } | null)[] | null } | null;
}

/** Names of the organisation's number fields Refinery reads (null: none); see issue-fields.ts. */
export interface FieldNames {
  weight: string | null;
  backend: string | null;
  frontend: string | null;
}
export const NO_FIELD_NAMES: FieldNames = Object.freeze({ weight: null, backend: null, frontend: null });

/** The weight held in the number field named `field` (see issue-fields.ts for what counts as a weight). */
function gqlFieldWeight(j: GqlIssue, field: string | null): number | null {
  if (field === null) return null;
  const hit = (j.issueFieldValues?.nodes ?? []).find((v) => typeof v?.field?.name === 'string' && v.field.name === field);
  return hit ? fieldWeight([{ issue_field_id: 0, value: hit.value as number }], 0) : null;
}

/** `fields`: the names of the number issue fields holding the weights in this issue's organisation. */
export function mapGqlIssue(ref: IssueRef, j: GqlIssue, fields: FieldNames = NO_FIELD_NAMES): Issue {
  const split = fields.backend || fields.frontend ? { splitWeights: { backend: gqlFieldWeight(j, fields.backend), frontend: gqlFieldWeight(j, fields.frontend) } } : {};
  return {
    ref,
    title: j.title,
    description: j.body ?? '',
    state: j.state === 'CLOSED' ? 'closed' : 'opened',
    labels: (j.labels?.nodes ?? []).flatMap((l) => (l?.name ? [l.name] : [])),
    weight: gqlFieldWeight(j, fields.weight),
    healthStatus: null,
    // GraphQL milestones have no REST database id; their number identifies them within the repository.
    milestone: j.milestone ? { id: j.milestone.number, title: j.milestone.title } : null,
    assignees: (j.assignees?.nodes ?? []).flatMap((u) =>
      u ? [mapUser({ id: u.databaseId ?? 0, login: u.login, name: u.name, avatar_url: u.avatarUrl, html_url: u.url })] : [],
    ),
    type: j.issueType?.name ? j.issueType.name.toLowerCase() : 'issue',
    webUrl: j.url,
    updatedAt: j.updatedAt,
    ...split,
  };
}

/** The issues the answer holds; a null slot (not found, no access, a pull request) is simply absent. */
export function issuesFromAnswer(
  q: IssuesQuery,
  data: Record<string, Record<string, GqlIssue | null> | null> | null | undefined,
  fieldsOf: (ref: IssueRef) => FieldNames = () => NO_FIELD_NAMES,
): Issue[] {
  return q.slots.flatMap(({ repo, issue, ref }) => {
    const found = data?.[repo]?.[issue];
    return found ? [mapGqlIssue(ref, found, fieldsOf(ref))] : [];
  });
}

/** Search qualifiers for one assignee's issues in a milestone. */
export function assignedSearch(username: string, milestone: string, container: { kind: 'project' | 'group'; path: string } | null): string {
  const where = container === null ? '' : container.kind === 'project' ? ` repo:${container.path}` : ` org:${container.path}`;
  return `is:issue assignee:${username} milestone:${JSON.stringify(milestone)}${where}`;
}

export interface AssignedSearchQuery {
  query: string;
  /** Alias → username. */
  aliases: Map<string, string>;
}

/** One GraphQL request for the whole team: a `search` per person, 100 issues each. */
export function assignedQuery(
  usernames: readonly string[],
  milestone: string,
  container: { kind: 'project' | 'group'; path: string } | null,
  support: GraphqlSupport,
): AssignedSearchQuery {
  const fields = issueSelection(support);
  const aliases = new Map<string, string>();
  const parts = usernames.map((username, k) => {
    aliases.set(`p${k}`, username);
    const q = JSON.stringify(assignedSearch(username, milestone, container));
    return `p${k}: search(query: ${q}, type: ISSUE, first: 100) { issueCount nodes { ... on Issue { ${fields} repository { nameWithOwner } } } }`;
  });
  return { query: `query RefineryCapacity {\n${parts.join('\n')}\n}`, aliases };
}

export interface GqlSearch {
  issueCount: number;
  nodes: ((GqlIssue & { repository?: { nameWithOwner: string } }) | null)[];
}

/** The repository's current milestone: the open one due next (today included), else the open one without a date. */
export function currentMilestone(milestones: readonly { title: string; due_on?: string | null; state?: string }[], now = Date.now()): string | null {
  const open = milestones.filter((m) => (m.state ?? 'open') === 'open');
  const startOfToday = now - (now % 86_400_000);
  const dated = open
    .filter((m) => m.due_on && Date.parse(m.due_on) >= startOfToday)
    .sort((a, b) => Date.parse(a.due_on!) - Date.parse(b.due_on!));
  return dated[0]?.title ?? open.find((m) => !m.due_on)?.title ?? null;
}
