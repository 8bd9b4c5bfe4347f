// GitLab Status (18.2+, Premium/Ultimate) through GraphQL: one query reads the work item's status and the statuses its
// type allows; `workItemUpdate(statusWidget)` sets one. Schemas without these names (older GitLab, Status off) answer
// GraphQL errors, which come out as GraphqlUnavailable so callers fall back (labels, the /status quick action).
import { ForgeError } from '../errors';
import type { StatusCategory, WorkItemStatus } from '../model';
import { postGraphql, SCHEMA_LACKS_NAME, type GraphqlFeature } from './graphql';

const STATUS_FIELDS = 'id name category color iconName';

/** The work item's status widget, as a member of its `widgets { … }` selection. */
export const STATUS_WIDGET = `... on WorkItemWidgetStatus { type status { ${STATUS_FIELDS} } }`;
/** The statuses the work item's type allows, as a field of the work item. */
export const ALLOWED_STATUSES = `workItemType { widgetDefinitions { ... on WorkItemWidgetDefinitionStatus { type allowedStatuses { ${STATUS_FIELDS} } } } }`;

const READ = `query RefineryWorkItemStatus($fullPath: ID!, $iid: String!) {
  namespace(fullPath: $fullPath) { workItem(iid: $iid) { id
    widgets { ${STATUS_WIDGET} }
    ${ALLOWED_STATUSES}
  } }
}`;

const UPDATE = `mutation RefinerySetStatus($input: WorkItemUpdateInput!) {
  workItemUpdate(input: $input) { workItem { id } errors }
}`;

export interface StatusRead {
  /** The WorkItem global id the mutation takes. */
  workItemId: string;
  status: WorkItemStatus | null;
  /** null: the namespace has no statuses (Free, Status off), so the workflow stays in labels. */
  allowed: WorkItemStatus[] | null;
}

interface RawStatus {
  id?: unknown;
  name?: unknown;
  category?: unknown;
  color?: unknown;
  iconName?: unknown;
}
const CATEGORIES: readonly StatusCategory[] = ['triage', 'to_do', 'in_progress', 'done', 'canceled'];
/** Unknown names, fields, arguments or input fields: this schema has no Status (or not all of it). */
const STATUS: GraphqlFeature = {
  unknown: SCHEMA_LACKS_NAME,
  change: 'its status',
  refused: 'the status request',
};

/** `TO_DO` → `to_do`; a status of a category this client does not know is left out. */
export function toStatus(raw: RawStatus | null | undefined): WorkItemStatus | null {
  if (!raw || typeof raw.id !== 'string' || typeof raw.name !== 'string' || !raw.id || !raw.name) return null;
  const category = typeof raw.category === 'string' ? (raw.category.toLowerCase() as StatusCategory) : null;
  if (!category || !CATEGORIES.includes(category)) return null;
  return {
    id: raw.id.slice(0, 256),
    name: raw.name.slice(0, 255),
    category,
    ...(typeof raw.color === 'string' && raw.color.length <= 64 ? { color: raw.color } : {}),
    ...(typeof raw.iconName === 'string' && raw.iconName.length <= 64 ? { iconName: raw.iconName } : {}),
  };
}

type Data = Record<string, unknown> | null | undefined;
const post = async (baseUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ data: Data }> => ({
  data: (await postGraphql(baseUrl, token, query, variables, STATUS)) as Data,
});

const asArray = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []);

/** The work item's status and its type's allowed statuses; null when GitLab has no such work item for the token. */
export async function readStatus(baseUrl: string, token: string, fullPath: string, iid: number): Promise<StatusRead | null> {
  const answer = await post(baseUrl, token, READ, { fullPath, iid: String(iid) });
  const namespace = answer.data?.namespace as { workItem?: Record<string, unknown> | null } | null | undefined;
  return statusReadOf(namespace?.workItem);
}

/** A work item selected with STATUS_WIDGET and ALLOWED_STATUSES, as a StatusRead. */
export function statusReadOf(item: Record<string, unknown> | null | undefined): StatusRead | null {
  if (!item || typeof item.id !== 'string') return null;
  // Inline fragments on other widget types answer `{}`: the status ones are those with their own fields.
  const widget = asArray(item.widgets).find((w) => 'status' in w);
  const type = item.workItemType as { widgetDefinitions?: unknown } | undefined;
  const definition = asArray(type?.widgetDefinitions).find((d) => 'allowedStatuses' in d);
  const allowed = definition ? asArray(definition.allowedStatuses).flatMap((s) => toStatus(s) ?? []) : [];
  return {
    workItemId: item.id,
    status: toStatus(widget?.status as RawStatus | null | undefined),
    allowed: definition && allowed.length ? allowed : null,
  };
}

/** `workItemUpdate(input: { id, statusWidget: { status } })`; the caller reads the status back. */
export async function setStatusGraphql(baseUrl: string, token: string, workItemId: string, statusId: string): Promise<void> {
  const answer = await post(baseUrl, token, UPDATE, { input: { id: workItemId, statusWidget: { status: statusId } } });
  const result = answer.data?.workItemUpdate as { errors?: string[] } | null | undefined;
  if (result?.errors?.length) throw new ForgeError('invalid', `GitLab refused the status (${result.errors.join('; ')}).`);
}
