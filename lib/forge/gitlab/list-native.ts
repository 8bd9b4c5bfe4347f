// A list page's native fields for one project's issues (up to 100, the same iids as its REST read), in one GraphQL
// query beside that read: GitLab Status (18.2+, WorkItemWidgetStatus) and the split-weight number custom fields
// (WorkItemWidgetCustomFields). The first read in a top-level group also asks what the group has, in the same query:
// its number custom fields (`group.customFields`) and the statuses the work items' type allows
// (`workItemType.widgetDefinitions … WorkItemWidgetDefinitionStatus.allowedStatuses`). A group known to have neither
// is not asked again. Every name is in GitLab's GraphQL reference (../shared/reference/gitlab/graphql-work-items.md).
import type { WorkItemStatus } from '../model';
import { splitFieldsOf, valuesOf, type FieldNodes, type RawWorkItem, type SplitFields, type SplitValues } from './custom-fields';
import { postGraphql, type GraphqlFeature } from './graphql';
import { STATUS_FIELDS, toStatus } from './status';

export interface ListNativeAsk {
  /** Ask the top-level group's number custom fields (first read in the group). */
  groupFields: boolean;
  /** Read the custom field values of the page's work items. */
  values: boolean;
  /** Read the work items' status. */
  status: boolean;
  /** Ask the statuses the work items' type allows (first read in the group). */
  allowed: boolean;
}

/** The query for what is asked; variables `$project`, `$iids` and, with `groupFields`, `$group`. */
export function listNativeQuery(ask: ListNativeAsk): string {
  const widgets = [
    ask.status ? `... on WorkItemWidgetStatus { type status { ${STATUS_FIELDS} } }` : '',
    ask.values ? '... on WorkItemWidgetCustomFields { customFieldValues { customField { id name } ... on WorkItemNumberFieldValue { value } } }' : '',
  ].filter(Boolean);
  const type = ask.allowed ? ` workItemType { widgetDefinitions { ... on WorkItemWidgetDefinitionStatus { type allowedStatuses { ${STATUS_FIELDS} } } } }` : '';
  const group = ask.groupFields ? '\n  group(fullPath: $group) { customFields(active: true, fieldType: NUMBER, first: 100) { nodes { id name fieldType } } }' : '';
  return `query RefineryListNative($project: ID!, $iids: [String!]${ask.groupFields ? ', $group: ID!' : ''}) {${group}
  project(fullPath: $project) { workItems(iids: $iids, first: 100) { nodes { iid id widgets { ${widgets.join(' ')} }${type} } } }
}`;
}

/** The schema lacks a name the query uses: which feature it was, from GraphQL's message. */
export class ListNativeUnavailable extends Error {
  get feature(): 'custom-fields' | 'status' {
    return /customField|CustomField/.test(this.message) ? 'custom-fields' : 'status';
  }
}

const LIST: GraphqlFeature = {
  unknown: /doesn't exist on type|undefinedField|doesn't accept argument|argumentNotAccepted|is not defined on|No such type|undefinedType/i,
  change: 'its fields',
  refused: 'the list page’s fields request',
  Unavailable: ListNativeUnavailable,
};

export interface ListNativeItem {
  workItemId: string;
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

type Node = Record<string, unknown> & { iid?: unknown; id?: unknown; widgets?: unknown; workItemType?: { widgetDefinitions?: unknown } | null };
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
    const item: ListNativeItem = { workItemId: node.id };
    if (ask.status) item.status = toStatus(widgets.find((w) => 'status' in w)?.status as Parameters<typeof toStatus>[0]);
    const split = ask.values && fields ? valuesOf(node as RawWorkItem, fields) : null;
    if (split) item.split = split;
    out.items.set(Number(node.iid), item);
    if (ask.allowed && out.allowed === undefined) {
      const definition = records(node.workItemType?.widgetDefinitions).find((d) => 'allowedStatuses' in d);
      const allowed = definition ? records(definition.allowedStatuses).flatMap((s) => toStatus(s) ?? []) : [];
      out.allowed = allowed.length ? allowed : null;
    }
  }
  return out;
}
