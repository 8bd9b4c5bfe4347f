// GraphQL for a parent's children (issue 18): `namespace(fullPath) { workItem(iid) { widgets { … on
// WorkItemWidgetHierarchy { children(first, after) { count pageInfo nodes { … } } } } } }`, the query
// lib/forge/gitlab/children.ts sends. An epic's children are the issues whose epic it is, in every project below its
// group; a project issue has none here. Children in projects the token cannot read are left out, as GitLab does.
// Widgets follow the tiers: weight from Premium, health status on Ultimate. Pages use opaque cursors.
// `rolledUpCountsByType` counts every descendant, readable or not (GitLab counts `work_item.descendants` unfiltered);
// an issue here has none. Custom field values as custom-fields.ts answers them.
import { customFieldValuesOf, noCustomFieldsType } from './custom-fields';
import { groupAccess } from './http';
import { tierAtLeast, type GitlabState, type GlIssue, type GlToken } from './state';

type Body = { data?: unknown; errors?: unknown[] };

/** lib/forge/gitlab/children.ts's reads, by their operation names (other reads may select the hierarchy widget too). */
export const isChildrenRead = (query: string) => /\bquery\s+RefineryWorkItem(Children|Descendants)\b/.test(query);

const HEALTH = { on_track: 'onTrack', needs_attention: 'needsAttention', at_risk: 'atRisk' } as const;
const cursor = (k: number) => Buffer.from(`children:${k}`).toString('base64');
const fromCursor = (c: unknown) => (typeof c === 'string' ? Number(Buffer.from(c, 'base64').toString().replace(/^children:/, '')) || 0 : 0);

/** A work item's children (tasks under an issue), every one, readable or not. */
const kidsOf = (state: GitlabState, issue: GlIssue) => state.issues.filter((i) => i.parentIssueId === issue.id).sort((a, b) => a.id - b.id);
/** Every descendant, as GitLab's `work_item.descendants` (bounded: the sandbox's hierarchies are shallow). */
function descendantsOf(state: GitlabState, issue: GlIssue, depth = 0): GlIssue[] {
  return depth > 8 ? [] : kidsOf(state, issue).flatMap((k) => [k, ...descendantsOf(state, k, depth + 1)]);
}

/** `levels`: how many levels of `children` the query asks below this item. */
function childJson(state: GitlabState, base: string, issue: GlIssue, query: string, readable: (i: GlIssue) => boolean, levels: number): Record<string, unknown> {
  const project = state.projects.find((p) => p.id === issue.projectId)!;
  const notes = state.notes
    .filter((n) => n.noteableType === 'Issue' && n.noteableId === issue.id && !n.system)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  const last = Number(/notes\(last:\s*(\d+)/.exec(query)?.[1] ?? 20);
  const widgets: Record<string, unknown>[] = [
    tierAtLeast(project.tier, 'premium') ? { weight: issue.weight } : {},
    tierAtLeast(project.tier, 'ultimate') ? { healthStatus: issue.healthStatus ? HEALTH[issue.healthStatus] : null } : {},
    { labels: { nodes: issue.labels.map((title) => ({ title })) } },
    {
      notes: {
        nodes: notes.slice(-last).map((n) => ({
          body: n.body,
          createdAt: n.createdAt,
          system: n.system,
          author: { username: state.users.find((u) => u.id === n.authorId)?.username ?? 'ghost' },
        })),
      },
    },
    ...(levels > 0 ? [{ children: connection(state, base, kidsOf(state, issue).filter(readable), query, readable, levels - 1) }] : []),
    ...(/\bcustomFieldValues\b/.test(query) ? [{ customFieldValues: customFieldValuesOf(state, issue) }] : []),
    ...(/\brolledUpCountsByType\b/.test(query) ? [{ rolledUpCountsByType: countsByType(descendantsOf(state, issue)) }] : []),
    ...(/\bblockedByCount\b/.test(query) ? [blockedWidget(state, issue)] : []),
  ];
  return {
    iid: String(issue.iid),
    title: issue.title,
    state: issue.state === 'closed' ? 'CLOSED' : 'OPEN',
    closedAt: issue.closedAt,
    webUrl: `${base}/${project.fullPath}/-/issues/${issue.iid}`,
    reference: `${project.fullPath}#${issue.iid}`,
    workItemType: { name: issue.issueType === 'task' ? 'Task' : 'Issue' },
    widgets,
  };
}

/** The linked items widget: blocked while an open item blocks it; the count of every blocking link. */
function blockedWidget(state: GitlabState, issue: GlIssue) {
  const blockers = state.links.filter((l) => l.linkType === 'blocks' && l.targetId === issue.id).map((l) => state.issues.find((i) => i.id === l.sourceId));
  return { blocked: blockers.some((b) => b?.state === 'opened'), blockedByCount: blockers.length };
}

/** A nested `children(first: 20) { count nodes }`: the readable ones, counted and listed. */
function connection(state: GitlabState, base: string, visible: GlIssue[], query: string, readable: (i: GlIssue) => boolean, levels: number) {
  return { count: visible.length, nodes: visible.slice(0, 20).map((i) => childJson(state, base, i, query, readable, levels)) };
}

/** Descendants by type, as GitLab counts them: every type the parent's children may have, opened and closed. */
function countsByType(descendants: readonly GlIssue[]) {
  return (['Issue', 'Task'] as const).map((name) => {
    const of = descendants.filter((i) => (i.issueType === 'task' ? 'Task' : 'Issue') === name);
    const opened = of.filter((i) => i.state !== 'closed').length;
    return { workItemType: { name }, countsByState: { all: of.length, opened, closed: of.length - opened } };
  });
}

export function childrenRead(state: GitlabState, base: string, query: string, vars: Record<string, unknown>, token: GlToken | undefined): Body {
  if (!token) return { errors: [{ message: 'Authentication required' }] };
  if (!state.features.descendantCounts && /\brolledUpCountsByType\b/.test(query)) {
    const message = "Field 'rolledUpCountsByType' doesn't exist on type 'WorkItemWidgetHierarchy'";
    return { errors: [{ message, locations: [{ line: 1, column: 1 }], extensions: { code: 'undefinedField', typeName: 'WorkItemWidgetHierarchy', fieldName: 'rolledUpCountsByType' } }] };
  }
  if (!state.features.customFields && /\bcustomFieldValues\b/.test(query)) return noCustomFieldsType();
  const path = String(vars.path ?? '');
  const iid = Number(vars.iid);
  const readable = (i: GlIssue) => state.projects.find((p) => p.id === i.projectId)?.members[token.userId] !== undefined;
  if (/\bquery\s+RefineryWorkItemDescendants\b/.test(query)) return deeperRead(state, base, query, vars, readable);
  const group = state.groups.find((g) => g.fullPath === path);
  let children: GlIssue[] = [];
  let weight: number | null = null;
  let premium = false;
  let descendants: GlIssue[] | null = null;
  if (group) {
    const epic = state.epics.find((e) => e.groupId === group.id && e.iid === iid);
    if (!epic || groupAccess(state, group.id, token.userId) === 0 || !tierAtLeast(group.tier, 'premium')) return { data: { namespace: epic ? null : { workItem: null } } };
    children = state.issues.filter((i) => i.epicId === epic.id).sort((a, b) => a.id - b.id);
    premium = true;
  } else {
    const project = state.projects.find((p) => p.fullPath === path);
    const issue = project && state.issues.find((i) => i.projectId === project.id && i.iid === iid);
    if (!project || project.members[token.userId] === undefined) return { data: { namespace: null } };
    if (!issue) return { data: { namespace: { workItem: null } } };
    weight = tierAtLeast(project.tier, 'premium') ? issue.weight : null;
    premium = tierAtLeast(project.tier, 'premium');
    children = kidsOf(state, issue);
    descendants = descendantsOf(state, issue);
  }
  const visible = children.filter(readable);
  const first = Number(/children\(first:\s*(\d+)/.exec(query)?.[1] ?? 100);
  const start = fromCursor(vars.after);
  const page = visible.slice(start, start + first);
  const sum = (list: GlIssue[]) => list.reduce((n, i) => n + (i.weight ?? 0), 0);
  const weightWidget = premium ? { weight, rolledUpWeight: sum(visible), rolledUpCompletedWeight: sum(visible.filter((i) => i.state === 'closed')) } : {};
  const hierarchy = {
    ...(/\brolledUpCountsByType\b/.test(query) ? { rolledUpCountsByType: countsByType(descendants ?? children.flatMap((c) => [c, ...descendantsOf(state, c)])) } : {}),
    children: {
      count: visible.length,
      pageInfo: { hasNextPage: start + page.length < visible.length, endCursor: page.length ? cursor(start + page.length) : null },
      // The first read nests one level (`children(first: 20)` inside the page's nodes) unless it is the lighter one.
      nodes: page.map((i) => childJson(state, base, i, query, readable, (query.match(/children\(first:/g) ?? []).length > 1 ? 1 : 0)),
    },
  };
  return { data: { namespace: { workItem: { id: `gid://gitlab/WorkItem/${path}/${iid}`, widgets: [weightWidget, hierarchy] } } } };
}

/** The deeper read: `workItemsByReference(contextNamespacePath, refs)` by URL, each with two levels of children. */
function deeperRead(state: GitlabState, base: string, query: string, vars: Record<string, unknown>, readable: (i: GlIssue) => boolean): Body {
  const refs = Array.isArray(vars.refs) ? vars.refs.map(String) : [];
  if (refs.length > 10) return { errors: [{ message: 'Number of references exceeds the limit. Please provide no more than 10 references at the same time.' }] };
  const nodes = refs.flatMap((url) => {
    const m = /^(.*)\/-\/(?:issues|work_items)\/(\d+)$/.exec(url.startsWith(`${base}/`) ? url.slice(base.length + 1) : '');
    const project = m && state.projects.find((p) => p.fullPath === m[1]);
    const issue = project && state.issues.find((i) => i.projectId === project.id && i.iid === Number(m![2]));
    if (!project || !issue || !readable(issue)) return []; // GitLab leaves out what it cannot find or show
    return [{ reference: `${project.fullPath}#${issue.iid}`, widgets: [{ children: connection(state, base, kidsOf(state, issue).filter(readable), query, readable, 1) }] }];
  });
  return { data: { workItemsByReference: { nodes } } };
}
