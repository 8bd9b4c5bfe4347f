// A list page's native fields for one project's issues (up to 100, the same iids as its REST read), in one GraphQL
// query beside that read: GitLab Status (18.2+, WorkItemWidgetStatus) and the split-weight number custom fields
// (WorkItemWidgetCustomFields). The first read in a top-level group also asks what the group has, in the same query:
// its number custom fields (`group.customFields`) and the statuses the work items' type allows
// (`workItemType.widgetDefinitions … WorkItemWidgetDefinitionStatus.allowedStatuses`). A group known to have neither
// is not asked again. Every name is in GitLab's GraphQL reference (../shared/reference/gitlab/graphql-work-items.md).
// In a group known to have Status or the fields, a project already read once (its tier known) is read by this query
// alone (`full`): the work items' own fields and the description, labels, weight, health status, assignees and
// milestone widgets replace the REST read, so such a page costs one request. WorkItemWidgetDescription, -Assignees and
// -Milestone and Label.title are not in the reference excerpt (GitLab's published reference has them since 15.x); a
// schema without any of these names fails the query, and the adapter reads that project by REST again.
import type { Issue, WorkItemStatus } from '../model';
import { toHealthStatus } from './map';
import {
  CUSTOM_VALUES_WIDGET,
  GROUP_NUMBER_FIELDS,
  splitFieldsOf,
  valuesOf,
  type FieldNodes,
  type RawWorkItem,
  type SplitFields,
  type SplitValues,
} from './custom-fields';
import { postGraphql, SCHEMA_LACKS_NAME, type GraphqlFeature } from './graphql';
import { ALLOWED_STATUSES, STATUS_WIDGET, statusReadOf } from './status';

export interface ListNativeAsk {
  /** Ask the top-level group's number custom fields (first read in the group). */
  groupFields: boolean;
  /** Read the custom field values of the page's work items. */
  values: boolean;
  /** Read the work items' status. */
  status: boolean;
  /** Ask the statuses the work items' type allows (first read in the group). */
  allowed: boolean;
  /** Read the issues themselves too, in place of the REST read. */
  full?: boolean;
}

const FULL_FIELDS = 'title state webUrl updatedAt';
const FULL_WIDGETS = [
  '... on WorkItemWidgetDescription { type description }',
  '... on WorkItemWidgetLabels { type labels { nodes { title } } }',
  '... on WorkItemWidgetWeight { type weight }',
  '... on WorkItemWidgetHealthStatus { type healthStatus }',
  '... on WorkItemWidgetAssignees { type assignees { nodes { id username name avatarUrl webUrl } } }',
  '... on WorkItemWidgetMilestone { type milestone { id title } }',
];

/** The query for what is asked; variables `$project`, `$iids` and, with `groupFields`, `$group`. */
export function listNativeQuery(ask: ListNativeAsk): string {
  const widgets = [...(ask.full ? FULL_WIDGETS : []), ask.status ? STATUS_WIDGET : '', ask.values ? CUSTOM_VALUES_WIDGET : ''].filter(Boolean);
  // The same field twice merges its selections (GraphQL's field merging): the type's name, and its allowed statuses.
  const type = [ask.full ? ' workItemType { name }' : '', ask.allowed ? ` ${ALLOWED_STATUSES}` : ''].join('');
  const group = ask.groupFields ? `\n  group(fullPath: $group) { ${GROUP_NUMBER_FIELDS} }` : '';
  return `query RefineryListNative($project: ID!, $iids: [String!]${ask.groupFields ? ', $group: ID!' : ''}) {${group}
  project(fullPath: $project) { workItems(iids: $iids, first: 100) { nodes { iid id ${ask.full ? `${FULL_FIELDS} ` : ''}widgets { ${widgets.join(' ')} }${type} } } }
}`;
}

/** The schema lacks a name the query uses: which feature it was, from GraphQL's message. */
export class ListNativeUnavailable extends Error {
  get feature(): 'custom-fields' | 'status' | 'issue' {
    if (/customField|CustomField/.test(this.message)) return 'custom-fields';
    return /status|Status/.test(this.message) ? 'status' : 'issue';
  }
}

const LIST: GraphqlFeature = {
  unknown: SCHEMA_LACKS_NAME,
  change: 'its fields',
  refused: 'the list page’s fields request',
  Unavailable: ListNativeUnavailable,
};

export interface ListNativeItem {
  workItemId: string;
  /** The issue without its ref, where `full` was asked. */
  issue?: Omit<Issue, 'ref'>;
  /** Absent where the status was not asked; null where the item has none. */
  status?: WorkItemStatus | null;
  /** Values of the group's split fields, where asked and the group has them. */
  split?: SplitValues;
}

export interface ListNative {
  /** The group's split fields, where asked (null: it has none). */
  fields?: SplitFields | null;
  /** The statuses the items' type allows, where asked and an item answered (null: none, Status off). */
  allowed?: WorkItemStatus[] | null;
  items: Map<number, ListNativeItem>;
}

type Node = Record<string, unknown> & { iid?: unknown; id?: unknown; widgets?: unknown };
const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []);

export async function readListNative(
  baseUrl: string,
  token: string,
  ask: ListNativeAsk,
  vars: { group: string; project: string; iids: readonly number[] },
  /** The group's split fields where already known; read from the answer where asked. */
  known: SplitFields | null,
): Promise<ListNative> {
  const variables = { project: vars.project, iids: vars.iids.map(String), ...(ask.groupFields ? { group: vars.group } : {}) };
  const data = (await postGraphql(baseUrl, token, listNativeQuery(ask), variables, LIST)) as {
    group?: { customFields?: { nodes?: FieldNodes } | null } | null;
    project?: { workItems?: { nodes?: Node[] | null } | null } | null;
  } | null;
  const fields = ask.groupFields ? splitFieldsOf(data?.group?.customFields?.nodes) : known;
  const out: ListNative = { items: new Map(), ...(ask.groupFields ? { fields } : {}) };
  for (const node of data?.project?.workItems?.nodes ?? []) {
    if (typeof node.iid !== 'string' || typeof node.id !== 'string') continue;
    const widgets = records(node.widgets);
    const item: ListNativeItem = { workItemId: node.id, ...(ask.full ? { issue: issueOf(node, widgets) } : {}) };
    // The status widget and the type's allowed statuses, read as an issue view reads them.
    const read = ask.status || ask.allowed ? statusReadOf(node) : null;
    if (ask.status) item.status = read?.status ?? null;
    if (ask.allowed && out.allowed === undefined && read) out.allowed = read.allowed;
    const split = ask.values && fields ? valuesOf(node as RawWorkItem, fields) : null;
    if (split) item.split = split;
    out.items.set(Number(node.iid), item);
  }
  return out;
}

const num = (gid: unknown): number => Number(/(\d+)$/.exec(String(gid))?.[1] ?? NaN);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A work item as the forge model's issue, the REST read's way: `Test Case` → `test_case`, `CLOSED` → `closed`. */
function issueOf(node: Node, widgets: Record<string, unknown>[]): Omit<Issue, 'ref'> {
  const widget = (type: string) => widgets.find((w) => w.type === type) ?? {};
  const nodes = (v: unknown) => records((v as { nodes?: unknown } | null | undefined)?.nodes);
  const weight = widget('WEIGHT').weight;
  const milestone = widget('MILESTONE').milestone as { id?: unknown; title?: unknown } | null | undefined;
  const type = str((node.workItemType as { name?: unknown } | null | undefined)?.name) ?? 'issue';
  return {
    title: str(node.title) ?? '',
    description: str(widget('DESCRIPTION').description) ?? '',
    state: node.state === 'CLOSED' ? 'closed' : 'opened',
    labels: nodes(widget('LABELS').labels).flatMap((l) => str(l.title) ?? []),
    weight: typeof weight === 'number' && Number.isInteger(weight) && weight >= 0 ? weight : null,
    healthStatus: toHealthStatus(str(widget('HEALTH_STATUS').healthStatus)),
    milestone: milestone && Number.isFinite(num(milestone.id)) && typeof milestone.title === 'string' ? { id: num(milestone.id), title: milestone.title } : null,
    assignees: nodes(widget('ASSIGNEES').assignees).flatMap((u) =>
      Number.isFinite(num(u.id)) && typeof u.username === 'string'
        ? [{ id: num(u.id), username: u.username, name: str(u.name) ?? u.username, avatarUrl: str(u.avatarUrl), webUrl: str(u.webUrl) }]
        : [],
    ),
    type: type.toLowerCase().replace(/\s+/g, '_'),
    webUrl: str(node.webUrl) ?? '',
    updatedAt: str(node.updatedAt) ?? '',
  };
}
