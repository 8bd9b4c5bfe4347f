// Split weights in a GitLab group's custom fields (Premium/Ultimate; 17.11 behind `custom_fields_feature`, GA in
// 18.0): number fields named "Backend weight" / "Frontend weight" on the top-level group. REST has no custom fields,
// so they are read and written through GraphQL: the group's `customFields`, the work item's
// `WorkItemWidgetCustomFields.customFieldValues`, and `workItemUpdate(input: { id, customFieldsWidget })`.
// A schema without them (older GitLab, the flag off) answers a GraphQL error: that is "no custom fields", never a
// broken panel.
import { ForgeError } from '../errors';
import type { SplitSide } from '../model';
import { postGraphql, type GraphqlFeature } from './graphql';

export interface CustomField {
  /** Global id, `gid://gitlab/Issuables::CustomField/N`. */
  id: string;
  name: string;
}

/** The group's split-weight fields; null on a side without one. */
export interface SplitFields {
  backend: CustomField | null;
  frontend: CustomField | null;
}

export interface SplitValues {
  /** The work item's global id, for the mutation. */
  workItemId: string;
  backend: number | null;
  frontend: number | null;
}

export const SPLIT_FIELD_NAMES: Record<SplitSide, string> = { backend: 'Backend weight', frontend: 'Frontend weight' };

/** The work item's custom field values, as a member of its `widgets { … }` selection. */
export const CUSTOM_VALUES_WIDGET = `... on WorkItemWidgetCustomFields { customFieldValues { customField { id name } ... on WorkItemNumberFieldValue { value } } }`;
const WORK_ITEM = `id widgets { ${CUSTOM_VALUES_WIDGET} }`;
/** The top-level group's number fields, as a field of the group. */
export const GROUP_NUMBER_FIELDS = `customFields(active: true, fieldType: NUMBER, first: 100) { nodes { id name fieldType } }`;

/** First visit of a group: its number fields and this values, in one request. */
export const DETECT = `query RefinerySplitFields($group: ID!, $project: ID!, $iid: String!) {
  group(fullPath: $group) { ${GROUP_NUMBER_FIELDS} }
  namespace(fullPath: $project) { workItem(iid: $iid) { ${WORK_ITEM} } }
}`;

export const VALUES = `query RefinerySplitValues($project: ID!, $iid: String!) {
  namespace(fullPath: $project) { workItem(iid: $iid) { ${WORK_ITEM} } }
}`;

export const UPDATE = `mutation RefinerySetSplitWeight($input: WorkItemUpdateInput!) {
  workItemUpdate(input: $input) { workItem { ${WORK_ITEM} } errors }
}`;

/** This GitLab's GraphQL has no custom fields (unknown field, type or argument; no endpoint). */
export class CustomFieldsUnavailable extends Error {}

const CUSTOM_FIELDS_UNKNOWN = /doesn't exist on type|doesn't accept argument|No such type|undefinedField|undefinedType|argumentNotAccepted/i;
const CUSTOM_FIELDS: GraphqlFeature = {
  unknown: CUSTOM_FIELDS_UNKNOWN,
  change: 'its custom fields',
  refused: 'the custom fields request',
  Unavailable: CustomFieldsUnavailable,
};

type Post = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

/** POST /api/graphql with the token, no redirect; schema refusals become CustomFieldsUnavailable. */
export function graphqlPoster(baseUrl: string, token: string): Post {
  return (query, variables) => postGraphql(baseUrl, token, query, variables, CUSTOM_FIELDS);
}

/** A split weight as a number field holds it: a whole number ≥ 0, else unset. */
function weightOf(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1_000_000 ? v : null;
}

const named = (nodes: readonly { id?: unknown; name?: unknown; fieldType?: unknown }[], name: string): CustomField | null => {
  const hit = nodes.find((n) => n.fieldType === 'NUMBER' && typeof n.name === 'string' && typeof n.id === 'string' && n.name.trim().toLowerCase() === name.toLowerCase());
  return hit ? { id: hit.id as string, name: hit.name as string } : null;
};

export interface RawWorkItem {
  id?: unknown;
  widgets?: ({ customFieldValues?: { customField?: { id?: unknown } | null; value?: unknown }[] | null } | null)[] | null;
}

/** The work item's values of `fields` (null where unset or not a weight). */
export function valuesOf(item: RawWorkItem | null | undefined, fields: SplitFields): SplitValues | null {
  if (!item || typeof item.id !== 'string') return null;
  const values = (item.widgets ?? []).flatMap((w) => w?.customFieldValues ?? []);
  const of = (field: CustomField | null) => (field ? weightOf(values.find((v) => v?.customField?.id === field.id)?.value) : null);
  return { workItemId: item.id, backend: of(fields.backend), frontend: of(fields.frontend) };
}

/** The top-level group, where GitLab keeps custom fields. */
export const topGroupOf = (projectPath: string): string => projectPath.split('/')[0]!;

export type FieldNodes = { id?: unknown; name?: unknown; fieldType?: unknown }[] | null | undefined;

/** The split fields among a group's custom fields; null when it has neither. */
export function splitFieldsOf(nodes: FieldNodes): SplitFields | null {
  const fields = { backend: named(nodes ?? [], SPLIT_FIELD_NAMES.backend), frontend: named(nodes ?? [], SPLIT_FIELD_NAMES.frontend) };
  return fields.backend || fields.frontend ? fields : null;
}

/** The group's split fields (null when it has neither) and this values. */
export async function detectSplitFields(post: Post, projectPath: string, iid: number): Promise<{ fields: SplitFields | null; values: SplitValues | null }> {
  const data = (await post(DETECT, { group: topGroupOf(projectPath), project: projectPath, iid: String(iid) })) as {
    group?: { customFields?: { nodes?: { id?: unknown; name?: unknown; fieldType?: unknown }[] | null } | null } | null;
    namespace?: { workItem?: RawWorkItem | null } | null;
  } | null;
  const fields = splitFieldsOf(data?.group?.customFields?.nodes);
  return fields ? { fields, values: valuesOf(data?.namespace?.workItem, fields) } : { fields: null, values: null };
}

export async function readSplitValues(post: Post, projectPath: string, iid: number, fields: SplitFields): Promise<SplitValues | null> {
  const data = (await post(VALUES, { project: projectPath, iid: String(iid) })) as { namespace?: { workItem?: RawWorkItem | null } | null } | null;
  return valuesOf(data?.namespace?.workItem, fields);
}

/** Sets one number field (null clears it) and answers the values GitLab holds afterwards. */
export async function writeSplitValue(post: Post, workItemId: string, field: CustomField, value: number | null, fields: SplitFields): Promise<SplitValues | null> {
  const data = (await post(UPDATE, { input: { id: workItemId, customFieldsWidget: [{ customFieldId: field.id, numberValue: value }] } })) as {
    workItemUpdate?: { workItem?: RawWorkItem | null; errors?: string[] | null } | null;
  } | null;
  const result = data?.workItemUpdate;
  if (result?.errors?.length) throw new ForgeError('invalid', `GitLab refused the "${field.name}" custom field (${result.errors.join('; ')}).`);
  return valuesOf(result?.workItem, fields);
}
